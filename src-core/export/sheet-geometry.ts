import type { TableLayout } from '../layout';

/** Where a table sits on its worksheet (1-based rows and columns, as Excel counts). */
export interface SheetGeometry {
  readonly titleRow: number;
  readonly codeRow: number;
  readonly unitRow: number;
  readonly headerStart: number;
  readonly dataStart: number;
  readonly lastColumn: number;
  /** Excel address of each value cell, by `${row}\u0001${col}` (logical row key and 栏次 key). */
  readonly valueAt: ReadonlyMap<string, { readonly row: number; readonly col: number }>;
}

/** The fixed rows above a table on its sheet: title, 公开0X表, 部门/金额单位. */
export const TITLE_ROWS = 3;

export function sheetGeometry(layout: TableLayout): SheetGeometry {
  const headerStart = TITLE_ROWS + 1;
  const dataStart = headerStart + layout.headerRows;
  const valueAt = new Map<string, { row: number; col: number }>();
  layout.body.forEach((r, i) => {
    r.cells.forEach((c, j) => {
      if (c.kind === 'value') valueAt.set(`${c.row}\u0001${c.col}`, { row: dataStart + i, col: j + 1 });
    });
  });
  return {
    titleRow: 1,
    codeRow: 2,
    unitRow: 3,
    headerStart,
    dataStart,
    lastColumn: layout.columns.length,
    valueAt,
  };
}

/** A1-style column letters: 1 → A, 27 → AA. */
export function columnLetter(col: number): string {
  let n = col;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
