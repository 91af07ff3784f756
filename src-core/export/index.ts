export { buildPrintHtml, type PrintOptions } from './print-html';
