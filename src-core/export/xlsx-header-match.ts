import { displayColumns, placeHeader, type TableTemplate } from '../template';

/** What the import reads of a sheet: each cell's text (merged cells carry their master's text). */
export interface HeaderGrid {
  readonly rows: readonly (readonly { readonly text: string }[])[];
}

/**
 * Header text as compared: no spaces or line breaks, quotes dropped, full-width brackets and colons as ASCII —
 * a clerk's 因公出国(境)费 or "三公" matches the printed 因公出国（境）费 and “三公”.
 */
export function headerKey(text: string): string {
  return text
    .replace(/[\s\u3000]/g, '')
    .replace(/[“”"'‘’「」]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/：/g, ':');
}

/** The header texts above each value column of the template, top to bottom, as headerKey gives them. */
export function expectedColumnHeaders(t: TableTemplate): Map<string, string[]> {
  const columns = displayColumns(t);
  const { cells } = placeHeader(t.header, columns.length);
  const out = new Map<string, string[]>();
  for (const col of columns) {
    if (col.kind !== 'value' || col.valueKey === undefined) continue;
    const covering = cells
      .filter((c) => c.col <= col.index && col.index < c.col + c.colSpan)
      .sort((a, b) => a.row - b.row)
      .map((c) => headerKey(c.text))
      // 栏次 numbers and the word 栏次 are not header text a hand-filled sheet must have.
      .filter((s) => s !== '' && !/^\d+$/.test(s) && s !== '栏次');
    out.set(col.valueKey, covering);
  }
  return out;
}

/** The distinct header texts of one sheet column in rows [0, end), top to bottom. */
function actualHeaders(grid: HeaderGrid, col: number, end: number): string[] {
  const out: string[] = [];
  for (let r = 0; r < end; r++) {
    const s = headerKey(grid.rows[r]?.[col]?.text ?? '');
    if (s !== '' && out[out.length - 1] !== s) out.push(s);
  }
  return out;
}

/** Whether `want` appears in `have` in order (other texts, such as the title over all columns, may come between). */
function inOrder(want: readonly string[], have: readonly string[]): boolean {
  let i = 0;
  for (const h of have) if (i < want.length && h === want[i]) i++;
  return i === want.length;
}

/**
 * Finds each wanted value column among sheet columns [from, to) by its header text, left to right (a column is
 * used once; the template's order is kept, so two 决算数 columns of two blocks are told apart by block ranges).
 * Returns the columns found and the header paths that were not.
 */
export function matchColumnsByHeader(
  grid: HeaderGrid,
  headerEnd: number,
  wanted: readonly { key: string; headers: readonly string[] }[],
  from: number,
  to: number,
): { colOf: Map<string, number>; missing: string[] } {
  const colOf = new Map<string, number>();
  const missing: string[] = [];
  let next = from;
  for (const w of wanted) {
    let found = -1;
    for (let c = next; c < to; c++) {
      if (w.headers.length > 0 && inOrder(w.headers, actualHeaders(grid, c, headerEnd))) {
        found = c;
        break;
      }
    }
    if (found < 0) {
      missing.push(w.headers.join('/'));
      continue;
    }
    colOf.set(w.key, found);
    next = found + 1;
  }
  return { colOf, missing };
}
