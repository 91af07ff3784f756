export * from './types';
export { documentSchema, pageSetupSchema } from './schema';
export { decodeDocumentBytes, type DecodedText } from './decode-document';
export { readDocument, writeDocument, type ReadResult } from './read-document';
export { readDocumentFigures } from './read-figures';
export {
  applyOperation,
  storedText,
  type Operation,
  type CellEdit,
  type Applied,
  type DocumentChange,
} from './operations';
export { rowsForCode, type RowsForCode } from './class-rows';
export { newDocument } from './new-document';
export { sectionSchema, factsSchema, type SectionContent, type Facts } from './publication-schema';
export * from '../template/performance-schema';
export { valueEditsBetween } from './value-edits';
export { toleranceFor } from './tolerance';
