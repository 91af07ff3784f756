import type { CellAddress, Finding } from '../../src-core';
import type { GridModel } from './grid-model';

/** A table's findings by cell (`row\u0001col`). */
export type FindingsByCell = ReadonlyMap<string, readonly Finding[]>;

const cellKey = (row: string, col: string) => `${row}\u0001${col}`;

/** The findings on one table's cells, by cell. */
export function findingsByCell(findings: readonly Finding[], tableId: string): FindingsByCell {
  const map = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.cell.table !== tableId) continue;
    const key = cellKey(f.cell.row, f.cell.col);
    const list = map.get(key);
    if (list) list.push(f);
    else map.set(key, [f]);
  }
  return map;
}

/** The findings of one cell in a FindingsByCell. */
export function findingsOfCell(
  map: FindingsByCell,
  row: string,
  col: string,
): readonly Finding[] | undefined {
  return map.get(cellKey(row, col));
}

/** For each logical row of the table, the grid rows (display rows) it is drawn on. */
export function gridRowsOfLogicalRows(model: GridModel): ReadonlyMap<string, readonly string[]> {
  const map = new Map<string, string[]>();
  for (const r of model.rows) {
    for (const logical of r.layout?.rows ?? []) {
      const list = map.get(logical);
      if (list) list.push(r.id);
      else map.set(logical, [r.id]);
    }
  }
  return map;
}

/**
 * The grid rows to redraw after a change: those holding a cell whose value changed, or whose marks changed (a
 * finding there appeared, went or was reworded). Rows elsewhere in the table are left as drawn.
 */
export function changedGridRows(
  rowsOf: ReadonlyMap<string, readonly string[]>,
  cells: readonly CellAddress[],
  before: FindingsByCell,
  after: FindingsByCell,
): Set<string> {
  const out = new Set<string>();
  const addRow = (logical: string) => rowsOf.get(logical)?.forEach((id) => out.add(id));
  for (const c of cells) addRow(c.row);
  if (before !== after) {
    const differs = (a: readonly Finding[] | undefined, b: readonly Finding[] | undefined) =>
      (a?.map((f) => `${f.severity}${f.message}`).join('\n') ?? '') !==
      (b?.map((f) => `${f.severity}${f.message}`).join('\n') ?? '');
    for (const [key, list] of before)
      if (differs(list, after.get(key))) addRow(key.split('\u0001')[0] as string);
    for (const [key, list] of after)
      if (!before.has(key) && list.length > 0) addRow(key.split('\u0001')[0] as string);
  }
  return out;
}
