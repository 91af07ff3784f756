import type { CellAddress } from '../document/types';
import type { RowModel, TableModel } from './table-model';

/** Where a row's cells start among the ids; its cells follow in the order of its columns. */
interface RowSlot {
  readonly first: number;
  readonly columns: readonly string[];
}

/**
 * Interns every cell of every table as a small integer, so the engine works on flat arrays. A lookup goes table →
 * row → column through maps and the row's few columns, building no string key: building the engine of a
 * department's 决算 looks cells up some hundred thousand times.
 */
export class CellIndex {
  readonly addresses: CellAddress[] = [];
  readonly rows: RowModel[] = [];
  /** Display order across tables: table, row, column. */
  readonly order: number[] = [];
  private readonly slots = new Map<string, Map<string, RowSlot>>();

  constructor(tables: ReadonlyMap<string, TableModel>) {
    for (const t of tables.values()) {
      let byRow = this.slots.get(t.id);
      if (!byRow) this.slots.set(t.id, (byRow = new Map()));
      for (const row of t.rows) {
        byRow.set(row.key, { first: this.addresses.length, columns: row.columns });
        row.columns.forEach((col, c) => {
          this.addresses.push({ table: t.id, row: row.key, col });
          this.rows.push(row);
          this.order.push(t.index * 1e8 + row.index * 100 + c);
        });
      }
    }
  }

  get size(): number {
    return this.addresses.length;
  }

  /** The id of a cell, or -1 if the table has no such cell. */
  find(table: string, row: string, col: string): number {
    const slot = this.slots.get(table)?.get(row);
    if (!slot) return -1;
    const c = slot.columns.indexOf(col);
    return c < 0 ? -1 : slot.first + c;
  }
}

/** A string key for a cell address. */
export function cellKey(table: string, row: string, col: string): string {
  return `${table}\u0001${row}\u0001${col}`;
}
