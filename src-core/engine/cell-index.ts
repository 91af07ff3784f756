import type { CellAddress } from '../document/types';
import type { RowModel, TableModel } from './table-model';

/** Interns every cell of every table as a small integer, so the engine works on flat arrays. */
export class CellIndex {
  readonly addresses: CellAddress[] = [];
  readonly rows: RowModel[] = [];
  /** Display order across tables: table, row, column. */
  readonly order: number[] = [];
  private readonly ids = new Map<string, number>();

  constructor(tables: ReadonlyMap<string, TableModel>) {
    for (const t of tables.values()) {
      for (const row of t.rows) {
        row.columns.forEach((col, c) => {
          const id = this.addresses.length;
          this.addresses.push({ table: t.id, row: row.key, col });
          this.rows.push(row);
          this.order.push(t.index * 1e8 + row.index * 100 + c);
          this.ids.set(cellKey(t.id, row.key, col), id);
        });
      }
    }
  }

  get size(): number {
    return this.addresses.length;
  }

  /** The id of a cell, or -1 if the table has no such cell. */
  find(table: string, row: string, col: string): number {
    return this.ids.get(cellKey(table, row, col)) ?? -1;
  }
}

/** A string key for a cell address. */
export function cellKey(table: string, row: string, col: string): string {
  return `${table}\u0001${row}\u0001${col}`;
}
