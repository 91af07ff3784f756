import type { CellAddress } from '../document/types';
import type { LinearSystem } from '../engine';
import { cellKey } from '../engine/cell-index';
import { columnLetter, type SheetGeometry } from './sheet-geometry';

/**
 * Excel formulas for the derived cells, from the same equations the engine computes with: `SUM(D8:D15)` for a run
 * of cells down one column, `D8+D9-D10` otherwise, `'公开03表'!E9` across sheets. Plain formulas only (no shared
 * formulas), so Excel, WPS and LibreOffice all recalculate them.
 */
export function derivedFormulas(
  sys: LinearSystem,
  geometryOf: (table: string) => SheetGeometry | undefined,
  sheetName: (table: string) => string,
): Map<string, string> {
  const out = new Map<string, string>();
  // Each cell's place on its sheet, looked up once (a cell is a term of several equations): row 0 = not on a sheet.
  const n = sys.cells.length;
  const rowOf = new Int32Array(n);
  const colOf = new Int32Array(n);
  for (let c = 0; c < n; c++) {
    const a = sys.cells[c] as CellAddress;
    const pos = geometryOf(a.table)?.valueAt.get(`${a.row}\u0001${a.col}`);
    if (pos) {
      rowOf[c] = pos.row;
      colOf[c] = pos.col;
    }
  }
  const letters: string[] = [];
  const letter = (col: number) => (letters[col] ??= columnLetter(col));
  const tableOf = (c: number) => (sys.cells[c] as CellAddress).table;
  for (const eq of sys.equations) {
    if (!eq.defines || sys.entered(eq.target)) continue;
    if (rowOf[eq.target] === 0 || eq.terms.length === 0) continue;
    if (eq.terms.some((t) => rowOf[t] === 0)) continue;
    const table = tableOf(eq.target);
    const ref = (c: number) =>
      `${tableOf(c) === table ? '' : `'${sheetName(tableOf(c))}'!`}${letter(colOf[c] as number)}${rowOf[c]}`;
    // Group consecutive positive terms down one column into SUM ranges.
    const terms = eq.terms;
    const parts: string[] = [];
    let i = 0;
    while (i < terms.length) {
      const t = terms[i] as number;
      const sign = eq.signs[i] as number;
      let j = i;
      while (j + 1 < terms.length) {
        const next = terms[j + 1] as number;
        const prev = terms[j] as number;
        if (
          sign !== 1 ||
          eq.signs[j + 1] !== 1 ||
          tableOf(next) !== tableOf(t) ||
          colOf[next] !== colOf[t] ||
          rowOf[next] !== (rowOf[prev] as number) + 1
        )
          break;
        j++;
      }
      const text =
        j > i ? `SUM(${ref(t)}:${letter(colOf[t] as number)}${rowOf[terms[j] as number]})` : ref(t);
      parts.push(`${parts.length === 0 ? (sign === 1 ? '' : '-') : sign === 1 ? '+' : '-'}${text}`);
      i = j + 1;
    }
    const a = sys.cells[eq.target] as CellAddress;
    out.set(cellKey(a.table, a.row, a.col), parts.join(''));
  }
  return out;
}
