export { buildPrintHtml, type PrintOptions } from './print-html';
export { exportXlsx, AMOUNT_FORMAT, type XlsxExportOptions } from './xlsx-export';
export { importXlsx, type XlsxImport, type TableImportReport } from './xlsx-import';
export { checkXlsxBytes, checkXlsxInflation, XLSX_LIMITS } from './zip-guard';
export { sheetGeometry, columnLetter, type SheetGeometry } from './sheet-geometry';
