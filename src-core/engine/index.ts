export {
  Workbook,
  type CellState,
  type RecalcDelta,
  type LinearSystem,
  type WorkbookShape,
} from './workbook';
export { splitBySeverity, type Finding, type FindingKind, type Severity } from './findings';
export type { RowModel, TableModel } from './table-model';
export { locationText, rowText, columnText } from './address-text';
export { dropRedundantValues } from './drop-redundant';
export { checkInCents, centsText, type CentsCheck, type RuleFailure } from './cents-check';
