import type { GongkaiDocument } from '../document/types';
import type { Finding, Workbook } from '../engine';
import { checkPerformance, checkPerformanceSet, type PerformanceFinding } from '../evaluation';
import type { FormSet } from '../template';
import { checkEmptyTables, type EmptyTableFinding } from '../publication/empty-tables';
import { checkText, type TextFinding } from '../publication/text-check';

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

/** Each kind of finding as 审核结果 and `gongkai check` name it. */
export const FINDING_KIND_NAMES: Readonly<Record<Finding['kind'] | DocumentFinding['kind'], string>> = {
  mismatch: '不平衡',
  tail: '尾数差异',
  invalid: '无效数值',
  cycle: '循环引用',
  missingRow: '缺少对应行',
  text: '文字与报表不一致',
  todo: '待填写',
  emptyTable: '空表缺少说明',
  performance: '绩效自评表',
};
