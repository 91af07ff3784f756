import type { GongkaiDocument } from '../document/types';
import type { Workbook } from '../engine';
import { checkPerformance, checkPerformanceSet, type PerformanceFinding } from '../performance';
import type { FormSet } from '../template';
import { checkEmptyTables, type EmptyTableFinding } from './empty-tables';
import { checkText, type TextFinding } from './text-check';

/** A finding about the publication around the tables: its text, an empty table's 说明, the 绩效自评表. */
export type DocumentFinding = TextFinding | EmptyTableFinding | PerformanceFinding;

/**
 * Every check of the publication beyond the tables' own rules, in the order 审核结果 lists them: empty tables
 * without their 说明, the text against the tables and facts (and its 【待填写】), each 绩效自评表, and the
 * 绩效自评表 as a set against the tables.
 */
export function checkDocument(formSet: FormSet, wb: Workbook, doc: GongkaiDocument): DocumentFinding[] {
  return [
    ...checkEmptyTables(formSet, wb, doc),
    ...checkText(formSet, wb, doc),
    ...checkPerformance(formSet, wb, doc),
    ...checkPerformanceSet(formSet, wb, doc),
  ];
}
