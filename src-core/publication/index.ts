export {
  publicationMetrics,
  resolveReference,
  classBreakdown,
  toWanyuan,
  quotedMetric,
  cellLocation,
  type Metric,
} from './metrics';
export { draftSection, draftableSections, DraftUnavailable, type DraftContext } from './drafts';
export {
  checkText,
  textReport,
  checkedClaims,
  type TextFinding,
  type TextReport,
  type UncheckedNumber,
  type CheckedClaim,
} from './text-check';
export { figure, fillUnit, percentOf, TODO, TODO_OPEN } from './text-format';
export { checkEmptyTables, isEmptyTable, type EmptyTableFinding } from './empty-tables';
export { buildCharts } from './charts';
export { CHART_WIDTH, CHART_HEIGHT, type ChartOutput, type ChartKey } from './chart-types';
export { priorYearFrom } from './prior-year';
export { withDefaultSections } from './default-sections';
