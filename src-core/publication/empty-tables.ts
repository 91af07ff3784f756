import type { GongkaiDocument } from '../document/types';
import type { Workbook } from '../engine';
import type { FormSet } from '../template';

/** A table with no data and no 说明 of why. */
export interface EmptyTableFinding {
  readonly id: string;
  readonly kind: 'emptyTable';
  readonly severity: 'warning';
  readonly table: string;
  readonly location: string;
  readonly message: string;
}

/** Whether a table shows no amount at all (every cell empty or zero). */
export function isEmptyTable(wb: Workbook, table: string): boolean {
  for (const row of wb.rows(table)) {
    for (const col of row.columns) {
      const s = wb.cell(table, row.key, col);
      if (s && (s.unknown || s.invalidText !== undefined || (s.value !== null && !s.value.isZero())))
        return false;
    }
  }
  return true;
}

/**
 * The 公开 rules require an empty table to say why (本部门没有…，故本表无数据): an empty table without a 说明 is a
 * 提示.
 */
export function checkEmptyTables(formSet: FormSet, wb: Workbook, doc: GongkaiDocument): EmptyTableFinding[] {
  return formSet.tables
    .filter((t) => isEmptyTable(wb, t.id) && !doc.tables[t.id]?.note?.trim())
    .map((t) => ({
      id: `empty:${t.id}`,
      kind: 'emptyTable',
      severity: 'warning',
      table: t.id,
      location: `${t.code} ${t.title}`,
      message: `${t.code}没有数据，应在表下说明原因（如“本部门没有……，故本表无数据”）。`,
    }));
}
