export { buildPrintHtml, type PrintOptions } from './print-html';
export { exportXlsx, AMOUNT_FORMAT, type XlsxExportOptions } from './xlsx-export';
export { importXlsx, type XlsxImport, type TableImportReport } from './xlsx-import';
export { readMemberXlsx } from './member-xlsx';
export { checkXlsxBytes, checkXlsxInflation, XLSX_LIMITS } from './zip-guard';
export { sheetGeometry, columnLetter, type SheetGeometry } from './sheet-geometry';
export {
  buildPublicationHtml,
  publicationOutline,
  paragraphRoles,
  type PublicationHtmlOptions,
  type OutlinePart,
  type OutlineSection,
  type ParagraphRole,
} from './publication-html';
export { exportDocx } from './docx-export';
export { pdfDestinationPages } from './pdf-destinations';
export { printWithTocPages, fillTocPages, hasToc, hasTocSlots, tocTargetId } from './toc-pages';
export { tidyPdfOutline } from './pdf-outline';
export { performanceHtml, performancePrintCss } from './performance-print';
export { wholePublicationHtml } from './whole-publication';
export { readCatalogBytes } from './read-catalog-bytes';
export {
  resolvePageSetup,
  normalisePageSetup,
  DEFAULT_PAGE_MARGINS_MM,
  type ResolvedPageSetup,
} from './page-setup';
