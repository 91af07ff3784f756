import type { GridMove } from './grid-handle';
import { inRange, samePos, type GridPos, type Range } from './selection';

/** What the controller needs to know about the table on screen (the grid model, read through callbacks). */
export interface SelectionBounds {
  /** The last body cell (row, column); row -1 for a table without rows. */
  last(): GridPos;
  /** Whether the cell shows something (a figure or a label): Ctrl+arrow stops at the edges of what is filled. */
  filled(pos: GridPos): boolean;
  /** Whether the cell is hidden under a merged one to its left (the blank blocks of 公开06表). */
  covered(pos: GridPos): boolean;
}

/** Ctrl+arrow directions as [row, column] steps. */
const ARROW_STEPS: Readonly<Record<string, readonly [number, number]>> = {
  ArrowDown: [1, 0],
  ArrowUp: [-1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

/** With Shift, these keys extend the selection (Shift+Tab and Shift+Enter move backwards instead). */
const EXTENDING_KEYS = /^(?:Arrow|Home$|End$|Page)/;

/**
 * The grid's Excel-style selection as plain state: an anchor and the focused cell, extended by Shift, a drag or the
 * keys, and where each movement key goes. No DOM and no AG Grid: TableGrid feeds it events and draws what it
 * holds; `onChange` is told of every new range.
 */
export class SelectionController {
  private current: Range | null = null;
  private dragging = false;
  private extending = false;

  constructor(
    private readonly bounds: SelectionBounds,
    private readonly onChange: (range: Range | null) => void,
  ) {}

  get range(): Range | null {
    return this.current;
  }

  get isDragging(): boolean {
    return this.dragging;
  }

  /** Replaces the selection. */
  set(range: Range | null): void {
    this.current = range;
    this.onChange(range);
  }

  /** One cell, anchor and focus. */
  select(pos: GridPos): void {
    this.set({ anchor: pos, focus: pos });
  }

  /** Keeps the anchor, moves the focus (Shift+click, Shift+arrow, a drag); selects `pos` alone if there is none. */
  extendTo(pos: GridPos): void {
    this.set(this.current ? { anchor: this.current.anchor, focus: pos } : { anchor: pos, focus: pos });
  }

  /** A key went down: with Shift, the movement it causes extends the selection. */
  keyDown(key: { readonly key: string; readonly shiftKey: boolean }): void {
    this.extending = key.shiftKey && EXTENDING_KEYS.test(key.key);
  }

  /** The grid's own navigation (arrows, Page keys) arrived at `pos`. */
  navigated(pos: GridPos): void {
    if (this.extending && this.current) this.extendTo(pos);
    else this.select(pos);
  }

  /** A press of the main button on a cell: starts a drag (with Shift, from the anchor). */
  pressed(pos: GridPos, shift: boolean): void {
    this.dragging = true;
    if (shift && this.current) this.extendTo(pos);
    else this.select(pos);
  }

  /** The pointer is over `pos` with the button held (`buttonDown` false: it came up where no mouseup reached us). */
  dragOver(pos: GridPos | null, buttonDown: boolean): void {
    if (!this.dragging || !this.current) return;
    if (!buttonDown) {
      this.dragging = false;
      return;
    }
    if (pos && !samePos(this.current.focus, pos)) this.extendTo(pos);
  }

  released(): void {
    this.dragging = false;
  }

  /**
   * The keyboard focus arrived on a cell (AG Grid's key handlers and clicks move it synchronously). `fromOutside`:
   * the window got the focus back (from Excel, another page), when a selection around the cell stays as it was.
   */
  focusArrived(pos: GridPos, fromOutside: boolean): void {
    const r = this.current;
    if (this.dragging) return;
    if (r && fromOutside && inRange(r, pos.row, pos.col)) return;
    if (r && (samePos(r.focus, pos) || (samePos(r.anchor, pos) && !this.extending))) return;
    if (this.extending && r) this.extendTo(pos);
    else this.select(pos);
  }

  /**
   * What the commands act on: the selection if the focused cell (Excel's active cell) is inside it — after a drag or
   * Ctrl+A it stays where it was — else the focused cell alone; null when no body cell has the focus.
   */
  actingRange(focused: GridPos | null): Range | null {
    const r = this.current;
    if (r && focused && inRange(r, focused.row, focused.col)) return r;
    return focused ? { anchor: focused, focus: focused } : null;
  }

  /** Ctrl+A: the whole table. */
  selectAll(): void {
    const last = this.bounds.last();
    if (last.row >= 0) this.set({ anchor: { row: 0, col: 0 }, focus: last });
  }

  /**
   * Where a movement key (Ctrl+arrow, Home/End, Ctrl+Home/End) goes from `from`, and selects it (extending with
   * `extend`); returns the cell to focus, null for a key that does not move.
   */
  move(move: GridMove, key: string, from: GridPos, extend: boolean): GridPos | null {
    const target = this.moveTarget(move, key, from);
    if (!target) return null;
    const to = this.uncovered(target);
    if (extend && this.current) this.extendTo(to);
    else this.select(to);
    return to;
  }

  private moveTarget(move: GridMove, key: string, from: GridPos): GridPos | null {
    const last = this.bounds.last();
    if (move === 'dataEdge') {
      const step = ARROW_STEPS[key];
      return step ? dataEdge(from, step, last, (p) => this.bounds.filled(p)) : null;
    }
    if (move === 'rowEdge') return { row: from.row, col: key === 'Home' ? 0 : last.col };
    return key === 'Home' ? { row: 0, col: 0 } : last;
  }

  /** A cell covered by a merged one is not drawn: go to where the merge starts. */
  private uncovered(pos: GridPos): GridPos {
    let col = pos.col;
    while (col > 0 && this.bounds.covered({ row: pos.row, col })) col--;
    return { row: pos.row, col };
  }
}

/**
 * Excel's Ctrl+arrow: from a filled cell with a filled neighbour, to the last filled one before a gap; otherwise to
 * the next filled cell, or to the table's edge when there is none.
 */
export function dataEdge(
  from: GridPos,
  [dr, dc]: readonly [number, number],
  last: GridPos,
  filled: (p: GridPos) => boolean,
): GridPos {
  const inside = (p: GridPos) => p.row >= 0 && p.col >= 0 && p.row <= last.row && p.col <= last.col;
  const step = (p: GridPos) => ({ row: p.row + dr, col: p.col + dc });
  let at = from;
  let next = step(at);
  if (!inside(next)) return at;
  if (filled(at) && filled(next)) {
    while (inside(next) && filled(next)) [at, next] = [next, step(next)];
    return at;
  }
  while (inside(next)) {
    at = next;
    if (filled(at)) return at;
    next = step(at);
  }
  return at;
}
