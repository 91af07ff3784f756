import type { CellAddress } from '../document/types';

/** Numbers every cell any member has, across all members, so sums and member figures are flat arrays. */
export class CellRegistry {
  readonly addresses: CellAddress[] = [];
  private readonly ids = new Map<string, number>();

  /** The id of a cell, registering it on first sight. */
  intern(table: string, row: string, col: string): number {
    const key = `${table}\u0001${row}\u0001${col}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.addresses.length;
      this.ids.set(key, id);
      this.addresses.push({ table, row, col });
    }
    return id;
  }

  /** The id of a cell, or -1 if no member has it. */
  find(cell: CellAddress): number {
    return this.ids.get(`${cell.table}\u0001${cell.row}\u0001${cell.col}`) ?? -1;
  }

  get size(): number {
    return this.addresses.length;
  }
}
