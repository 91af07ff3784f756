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
  const where = (c: number) => {
    const a = sys.cells[c] as CellAddress;
    const pos = geometryOf(a.table)?.valueAt.get(`${a.row}\u0001${a.col}`);
    return pos ? { table: a.table, ...pos } : null;
  };
  for (const eq of sys.equations) {
    if (!eq.defines || sys.entered(eq.target)) continue;
    const target = where(eq.target);
    if (!target || eq.terms.length === 0) continue;
    const terms: { sign: number; table: string; row: number; col: number }[] = [];
    let complete = true;
    eq.terms.forEach((t, i) => {
      const w = where(t);
      if (!w) complete = false;
      else terms.push({ sign: eq.signs[i] as number, ...w });
    });
    if (!complete) continue;
    const ref = (t: { table: string; row: number; col: number }) =>
      `${t.table === target.table ? '' : `'${sheetName(t.table)}'!`}${columnLetter(t.col)}${t.row}`;
    // Group consecutive positive terms down one column into SUM ranges.
    const parts: string[] = [];
    let i = 0;
    while (i < terms.length) {
      const t = terms[i] as (typeof terms)[number];
      let j = i;
      while (
        j + 1 < terms.length &&
        t.sign === 1 &&
        (terms[j + 1] as (typeof terms)[number]).sign === 1 &&
        (terms[j + 1] as (typeof terms)[number]).table === t.table &&
        (terms[j + 1] as (typeof terms)[number]).col === t.col &&
        (terms[j + 1] as (typeof terms)[number]).row === (terms[j] as (typeof terms)[number]).row + 1
      ) {
        j++;
      }
      const text =
        j > i ? `SUM(${ref(t)}:${columnLetter(t.col)}${(terms[j] as (typeof terms)[number]).row})` : ref(t);
      parts.push(`${parts.length === 0 ? (t.sign === 1 ? '' : '-') : t.sign === 1 ? '+' : '-'}${text}`);
      i = j + 1;
    }
    const a = sys.cells[eq.target] as CellAddress;
    out.set(cellKey(a.table, a.row, a.col), parts.join(''));
  }
  return out;
}
