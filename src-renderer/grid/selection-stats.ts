import { Decimal, formatAmount, type TableModel, type Workbook } from '../../src-core';
import { cellAt, type GridModel } from './grid-model';
import { isSingle, normalise, type Range } from './selection';

/** Excel's status bar figures for the selected cells: 求和, 计数 (cells with a figure), 平均. */
export interface SelectionStats {
  readonly sum: string;
  readonly count: number;
  readonly average: string;
}

/** The figures of a selection of several cells; null for one cell or a selection without figures. */
export function selectionStats(
  model: GridModel,
  wb: Workbook,
  table: TableModel,
  range: Range | null,
): SelectionStats | null {
  if (!range || isSingle(range)) return null;
  const r = normalise(range);
  let sum = new Decimal(0);
  let count = 0;
  for (let i = r.top; i <= r.bottom; i++) {
    const row = model.rows[i];
    if (!row) continue;
    for (let j = r.left; j <= r.right; j++) {
      const at = cellAt(model, row, j);
      if (!at || at.cell.kind !== 'value') continue;
      const v = wb.cell(table.id, at.cell.row, at.cell.col)?.value;
      if (!v) continue;
      sum = sum.plus(v);
      count++;
    }
  }
  if (count === 0) return null;
  return {
    sum: formatAmount(sum),
    count,
    average: formatAmount(sum.div(count)),
  };
}

/** The selection's figures for the status bar, outside the document store so that selecting re-renders no table. */
export class SelectionStatsStore {
  private current: SelectionStats | null = null;
  private readonly listeners = new Set<() => void>();

  get = (): SelectionStats | null => this.current;

  set(stats: SelectionStats | null): void {
    const same =
      stats === this.current ||
      (stats && this.current && stats.sum === this.current.sum && stats.count === this.current.count);
    if (same) return;
    this.current = stats;
    for (const l of this.listeners) l();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

/** One per renderer: the grid with the focus writes it, the status bar reads it. */
export const selectionStatsStore = new SelectionStatsStore();
