import type { Decimal } from '../money';

/** A value that cannot be known: the cell (or one it depends on) holds invalid text or sits on a rule cycle. */
export const UNKNOWN = Symbol('unknown');

/** What the engine knows of a cell: an amount, empty (null), or UNKNOWN. */
export type CellValue = Decimal | null | typeof UNKNOWN;

/** Both values are the same amount, both empty, or both unknown. */
export function sameValue(a: CellValue, b: CellValue): boolean {
  if (a === b) return true;
  if (a === null || b === null || a === UNKNOWN || b === UNKNOWN) return false;
  return a.eq(b);
}

/** The amount, or null when the value is empty or unknown (what the grid and tools are given). */
export function knownOrNull(v: CellValue | undefined): Decimal | null {
  return v === UNKNOWN || v === undefined ? null : v;
}
