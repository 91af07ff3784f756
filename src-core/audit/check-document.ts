import type { GongkaiDocument } from '../document/types';
import type { Finding, Workbook } from '../engine';
import { checkPerformance, checkPerformanceSet, type PerformanceFinding } from '../evaluation';
import type { FormSet } from '../template';
import { checkEmptyTables, type EmptyTableFinding } from '../publication/empty-tables';
import { crossChecks, type CrossFinding } from '../publication/cross-checks';
import { textReport, type TextFinding, type TextReport } from '../publication/text-check';
import { mixedDocumentKind } from '../publication/text-mistakes';

/** A finding about the publication around the tables: its text, an empty table's 说明, the 绩效自评表. */
export type DocumentFinding = TextFinding | EmptyTableFinding | PerformanceFinding | CrossFinding;

/**
 * Every check of the publication beyond the tables' own rules, in the order 审核结果 lists them: empty tables
 * without their 说明, the text against the tables and facts (and its 【待填写】), each 绩效自评表, and the
 * 绩效自评表 as a set against the tables.
 */
export function checkDocument(formSet: FormSet, wb: Workbook, doc: GongkaiDocument): DocumentFinding[] {
  return checkDocumentReport(formSet, wb, doc).findings;
}

/** checkDocument's findings with what the text check could not read and how many numbers it did read. */
export interface DocumentReport {
  readonly findings: DocumentFinding[];
  readonly text: Omit<TextReport, 'findings'>;
}

/** Every check of the publication beyond the tables, with the text check's unchecked numbers and coverage. */
export function checkDocumentReport(formSet: FormSet, wb: Workbook, doc: GongkaiDocument): DocumentReport {
  const text = textReport(formSet, wb, doc);
  return {
    findings: [
      ...checkEmptyTables(formSet, wb, doc),
      ...crossChecks(formSet, wb, doc),
      ...text.findings,
      ...mixedDocumentKind(formSet, doc),
      ...checkPerformance(formSet, wb, doc),
      ...checkPerformanceSet(formSet, wb, doc),
    ],
    text: { unchecked: text.unchecked, stated: text.stated, checked: text.checked },
  };
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
  mistake: '文字问题',
  crossTable: '表间“三公”',
  facts: '补充数据不一致',
  emptyTable: '空表缺少说明',
  performance: '绩效自评表',
};
