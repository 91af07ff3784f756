/** A grid position: display row index (0-based, body rows only) and grid column index. */
export interface GridPos {
  readonly row: number;
  readonly col: number;
}

/** A rectangular selection from an anchor to the focused cell (Excel style). */
export interface Range {
  readonly anchor: GridPos;
  readonly focus: GridPos;
}

export function normalise(range: Range): { top: number; bottom: number; left: number; right: number } {
  return {
    top: Math.min(range.anchor.row, range.focus.row),
    bottom: Math.max(range.anchor.row, range.focus.row),
    left: Math.min(range.anchor.col, range.focus.col),
    right: Math.max(range.anchor.col, range.focus.col),
  };
}

export function inRange(range: Range | null, row: number, col: number): boolean {
  if (!range) return false;
  const r = normalise(range);
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}

export function isSingle(range: Range): boolean {
  return samePos(range.anchor, range.focus);
}

/** The same cell. */
export function samePos(a: GridPos, b: GridPos): boolean {
  return a.row === b.row && a.col === b.col;
}
