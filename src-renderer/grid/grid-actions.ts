import { formatAmount, locationText, type CellEdit, type TableModel, type Workbook } from '../../src-core';
import { cellAt, type GridModel } from './grid-model';
import { normalise, type GridPos, type Range } from './selection';

/** What a paste would do, before it is applied. */
export interface PastePlan {
  readonly edits: readonly CellEdit[];
  /** Locations of computed cells that received a figure: kept as the entered figure and checked against the formula. */
  readonly onDerived: readonly string[];
  /** Values that fell on labels, codes or blank parts of the form. */
  readonly onText: number;
  /** Values that fell outside the table. */
  readonly outside: number;
}

/**
 * Plans pasting a block at a position: values land on value cells; a figure landing on a computed cell (a 合计
 * copied from a published table) is kept as that cell's own figure, checked against the formula, and listed for the
 * report; what lands on text or outside the table is counted, never silently dropped. A single value pasted over a
 * selection fills it, as in Excel.
 */
export function planPaste(
  model: GridModel,
  wb: Workbook,
  table: TableModel,
  range: Range,
  block: readonly (readonly string[])[],
): PastePlan {
  const edits: CellEdit[] = [];
  const onDerived: string[] = [];
  let onText = 0;
  let outside = 0;
  const r = normalise(range);
  const single = block.length === 1 && block[0]?.length === 1;
  const height = single ? r.bottom - r.top + 1 : block.length;
  const width = single ? r.right - r.left + 1 : Math.max(...block.map((b) => b.length));
  for (let i = 0; i < height; i++) {
    for (let j = 0; j < width; j++) {
      const text = single ? (block[0]?.[0] as string) : block[i]?.[j];
      if (text === undefined) continue;
      const pos: GridPos = { row: r.top + i, col: r.left + j };
      const row = model.rows[pos.row];
      const at = row && pos.col < model.columns.length ? cellAt(model, row, pos.col) : null;
      if (!at) {
        if (text.trim() !== '') outside++;
        continue;
      }
      if (at.cell.kind !== 'value') {
        if (text.trim() !== '') onText++;
        continue;
      }
      const state = wb.cell(table.id, at.cell.row, at.cell.col);
      if (!state) continue;
      if (state.derived && !state.entered) {
        // An empty cell of the block leaves the formula's value alone.
        if (text.trim() === '') continue;
        onDerived.push(locationOf(table, at.cell.row, at.cell.col));
      }
      edits.push({ row: at.cell.row, col: at.cell.col, text: text.trim() === '' ? null : text });
    }
  }
  return { edits, onDerived, onText, outside };
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

export function locationOf(table: TableModel, row: string, col: string): string {
  const r = table.byKey.get(row);
  return r ? locationText(table, r, col) : `${table.template.code} ${row} ${col}`;
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
