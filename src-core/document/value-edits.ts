import type { CellEdit, Operation } from './operations';
import type { GongkaiDocument } from './types';

/**
 * The setCells operations that turn `before`'s table values into `after`'s (rows are not compared: both must have
 * the same 科目 rows). Used to apply a whole-document change such as 元→万元 as one undoable step.
 */
export function valueEditsBetween(before: GongkaiDocument, after: GongkaiDocument): Operation[] {
  const ops: Operation[] = [];
  const tables = new Set([...Object.keys(before.tables), ...Object.keys(after.tables)]);
  for (const table of tables) {
    const a = before.tables[table]?.values ?? {};
    const b = after.tables[table]?.values ?? {};
    const cells: CellEdit[] = [];
    for (const row of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const ra = a[row] ?? {};
      const rb = b[row] ?? {};
      for (const col of new Set([...Object.keys(ra), ...Object.keys(rb)])) {
        const text = rb[col] ?? null;
        if ((ra[col] ?? null) !== text) cells.push({ row, col, text });
      }
    }
    if (cells.length > 0) ops.push({ type: 'setCells', table, cells });
  }
  return ops;
}
