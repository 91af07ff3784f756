import {
  formatAmount,
  planPaste,
  type CellEdit,
  type PasteLanding,
  type PastePlan,
  type TableModel,
  type Workbook,
} from '../../src-core';
import { cellAt, type GridModel } from './grid-model';
import { normalise, type GridPos, type Range } from './selection';

/**
 * A paste at a grid position, decided by src-core's planPaste command: the grid only says what each cell of the
 * block falls on (merged cells, the 科目编码 column, outside the table).
 */
export function planGridPaste(
  model: GridModel,
  wb: Workbook,
  table: TableModel,
  range: Range,
  block: readonly (readonly string[])[],
): PastePlan {
  const r = normalise(range);
  const landing = (i: number, j: number): PasteLanding => {
    const row = model.rows[r.top + i];
    const col = r.left + j;
    const at = row && col < model.columns.length ? cellAt(model, row, col) : null;
    if (!at) return { kind: 'outside' };
    return at.cell.kind === 'value'
      ? { kind: 'value', row: at.cell.row, col: at.cell.col }
      : { kind: 'text' };
  };
  return planPaste(wb, table, block, landing, { height: r.bottom - r.top + 1, width: r.right - r.left + 1 });
}

/** The selection as tab-separated text: amounts as plain numbers, text as shown. */
export function copyText(model: GridModel, wb: Workbook, table: TableModel, range: Range): string[][] {
  const r = normalise(range);
  const out: string[][] = [];
  for (let i = r.top; i <= r.bottom; i++) {
    const row = model.rows[i];
    const line: string[] = [];
    for (let j = r.left; j <= r.right; j++) {
      const at = row ? cellAt(model, row, j) : null;
      if (!at || at.cell.kind === 'covered' || at.cell.kind === 'empty') line.push('');
      else if (at.cell.kind === 'text') line.push(at.cell.text);
      else {
        const s = wb.cell(table.id, at.cell.row, at.cell.col);
        line.push(s?.invalidText ?? (s?.value ? formatAmount(s.value, { thousands: false }) : ''));
      }
    }
    out.push(line);
  }
  return out;
}

/** Delete on a selection: clears entered cells, and a computed cell's own value (采用计算值). */
export function planClear(model: GridModel, wb: Workbook, table: TableModel, range: Range): CellEdit[] {
  const r = normalise(range);
  const edits: CellEdit[] = [];
  for (let i = r.top; i <= r.bottom; i++) {
    const row = model.rows[i];
    for (let j = r.left; j <= r.right; j++) {
      const at = row ? cellAt(model, row, j) : null;
      if (!at || at.cell.kind !== 'value') continue;
      if (wb.cell(table.id, at.cell.row, at.cell.col)?.entered)
        edits.push({ row: at.cell.row, col: at.cell.col, text: null });
    }
  }
  return edits;
}

/** Where a logical cell sits in the grid. */
export function positionOf(model: GridModel, row: string, col: string): GridPos | null {
  for (const r of model.rows) {
    if (!r.layout) continue;
    for (let g = 0; g < model.columns.length; g++) {
      const at = cellAt(model, r, g);
      if (at?.cell.kind === 'value' && at.cell.row === row && at.cell.col === col)
        return { row: r.index, col: g };
    }
  }
  return null;
}
