export type { CommandResult, CommandNotice } from './command';
export {
  convertMoneyUnit,
  adjustmentText,
  WANYUAN_TOLERANCE,
  type MoneyUnitConversion,
} from './convert-money-unit';
export { adoptComputed } from './adopt-computed';
export { planPaste, landingFrom, type PasteLanding, type PastePlan } from './plan-paste';
export {
  convertProfile,
  profileConversionReport,
  type ProfileConversion,
  type ProfileConversionLoss,
} from './convert-profile';
export {
  addRowsByCode,
  addRowByCode,
  addCodeLines,
  readCodeLine,
  type RowsByCodeReport,
  type CodeLine,
} from './add-rows-by-code';
export {
  importRowsFromSheet,
  guessBlockLayout,
  describeLayout,
  linesFromSheet,
  type SheetBlockLayout,
  type MappedColumn,
} from './rows-from-sheet';
export { setPageSetup } from './set-page-setup';
