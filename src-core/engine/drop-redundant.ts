import type { GongkaiDocument, TableData } from '../document/types';
import type { FormSet } from '../template';
import { cellKey } from './cell-index';
import { Workbook } from './workbook';

/**
 * Removes the values a document holds in derived cells when they equal what the rules compute. Nothing shown
 * changes, but those totals then follow later edits instead of staying fixed. Values that differ (the published
 * 尾数 of a sample, a deliberate override) are kept and checked. `wb` is the document's workbook, if the caller
 * has one already.
 */
export function dropRedundantValues(
  formSet: FormSet,
  doc: GongkaiDocument,
  wb: Workbook = new Workbook(formSet, doc),
): GongkaiDocument {
  const drop = new Set<string>();
  for (const { cell, computed, entered } of wb.derivedCells()) {
    if (!entered) continue;
    const state = wb.cell(cell.table, cell.row, cell.col);
    if (state && !state.unknown && state.value && computed && state.value.eq(computed)) {
      drop.add(cellKey(cell.table, cell.row, cell.col));
    }
  }
  if (drop.size === 0) return doc;
  const tables: Record<string, TableData> = {};
  for (const [tableId, data] of Object.entries(doc.tables)) {
    const values: Record<string, Record<string, string>> = {};
    for (const [row, cols] of Object.entries(data.values)) {
      const kept = Object.fromEntries(
        Object.entries(cols).filter(([col]) => !drop.has(cellKey(tableId, row, col))),
      );
      if (Object.keys(kept).length > 0) values[row] = kept;
    }
    tables[tableId] = { ...data, values };
  }
  return { ...doc, tables };
}
