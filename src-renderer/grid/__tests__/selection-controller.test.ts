import { describe, expect, it } from 'vitest';
import { dataEdge, SelectionController, type SelectionBounds } from '../selection-controller';
import type { GridPos, Range } from '../selection';

/**
 * A 5×4 table drawn as text: `#` a filled cell, `.` an empty one, `>` a cell covered by the merged cell to its left.
 */
const SHEET = ['##..', '#.##', '#...', '..#>', '####'];

function setup(sheet: readonly string[] = SHEET) {
  const bounds: SelectionBounds = {
    last: () => ({ row: sheet.length - 1, col: (sheet[0]?.length ?? 0) - 1 }),
    filled: (p) => sheet[p.row]?.[p.col] === '#',
    covered: (p) => sheet[p.row]?.[p.col] === '>',
  };
  const seen: (Range | null)[] = [];
  const sel = new SelectionController(bounds, (r) => seen.push(r));
  return { sel, seen };
}

const at = (row: number, col: number): GridPos => ({ row, col });
const range = (a: GridPos, f: GridPos = a): Range => ({ anchor: a, focus: f });

describe('SelectionController (the grid’s Excel selection, without the grid)', () => {
  it('selects a clicked cell, extends with Shift+click and a drag, and tells the grid each new range', () => {
    const { sel, seen } = setup();
    sel.pressed(at(1, 1), false);
    sel.released();
    sel.pressed(at(3, 2), true);
    expect(sel.range).toEqual(range(at(1, 1), at(3, 2)));
    sel.dragOver(at(4, 3), true);
    expect(sel.range).toEqual(range(at(1, 1), at(4, 3)));
    // The button came up where no mouseup reached the page: the drag is over, the range stays.
    sel.dragOver(at(0, 0), false);
    sel.dragOver(at(0, 0), true);
    expect(sel.range).toEqual(range(at(1, 1), at(4, 3)));
    expect(seen).toHaveLength(3);
  });

  it('extends with Shift+arrows and moves without Shift; Shift+Tab does not extend', () => {
    const { sel } = setup();
    sel.select(at(2, 0));
    sel.keyDown({ key: 'ArrowDown', shiftKey: true });
    sel.navigated(at(3, 0));
    sel.keyDown({ key: 'ArrowRight', shiftKey: true });
    sel.navigated(at(3, 1));
    expect(sel.range).toEqual(range(at(2, 0), at(3, 1)));
    sel.keyDown({ key: 'Tab', shiftKey: true });
    sel.navigated(at(3, 0));
    expect(sel.range).toEqual(range(at(3, 0)));
    sel.keyDown({ key: 'ArrowUp', shiftKey: false });
    sel.navigated(at(2, 0));
    expect(sel.range).toEqual(range(at(2, 0)));
  });

  it('keeps a range when the window gets the focus back on a cell inside it, and during a drag', () => {
    const { sel } = setup();
    sel.set(range(at(0, 0), at(2, 2)));
    sel.focusArrived(at(1, 1), true);
    expect(sel.range).toEqual(range(at(0, 0), at(2, 2)));
    sel.focusArrived(at(1, 1), false);
    expect(sel.range).toEqual(range(at(1, 1)));
    sel.pressed(at(4, 0), false);
    sel.focusArrived(at(0, 3), false);
    expect(sel.range).toEqual(range(at(4, 0)));
  });

  it('acts on the range while the active cell is inside it, else on the active cell alone', () => {
    const { sel } = setup();
    sel.set(range(at(0, 0), at(2, 2)));
    expect(sel.actingRange(at(2, 2))).toEqual(range(at(0, 0), at(2, 2)));
    expect(sel.actingRange(at(4, 3))).toEqual(range(at(4, 3)));
    expect(sel.actingRange(null)).toBeNull();
  });

  it('Ctrl+A takes the whole table, and nothing in a table without rows', () => {
    const { sel } = setup();
    sel.selectAll();
    expect(sel.range).toEqual(range(at(0, 0), at(4, 3)));
    const empty = setup([]);
    empty.sel.selectAll();
    expect(empty.sel.range).toBeNull();
  });

  it('Home/End go to the row’s ends and Ctrl+Home/End to the table’s; with Shift they extend', () => {
    const { sel } = setup();
    sel.select(at(2, 2));
    expect(sel.move('rowEdge', 'Home', at(2, 2), false)).toEqual(at(2, 0));
    expect(sel.move('rowEdge', 'End', at(2, 0), true)).toEqual(at(2, 3));
    expect(sel.range).toEqual(range(at(2, 0), at(2, 3)));
    expect(sel.move('tableEdge', 'End', at(2, 3), false)).toEqual(at(4, 3));
    expect(sel.move('tableEdge', 'Home', at(4, 3), true)).toEqual(at(0, 0));
    expect(sel.range).toEqual(range(at(4, 3), at(0, 0)));
  });

  it('lands on the start of a merged cell rather than on a cell it covers', () => {
    const { sel } = setup();
    // Row 3 ends in a cell covered by the merge starting at column 2.
    expect(sel.move('rowEdge', 'End', at(3, 0), false)).toEqual(at(3, 2));
  });

  it('does not move on a key it does not know', () => {
    const { sel } = setup();
    sel.select(at(1, 1));
    expect(sel.move('dataEdge', 'PageDown', at(1, 1), false)).toBeNull();
    expect(sel.range).toEqual(range(at(1, 1)));
  });
});

describe('dataEdge (Ctrl+arrow)', () => {
  const { sel } = setup();
  const go = (from: GridPos, key: string) => sel.move('dataEdge', key, from, false);

  it('runs to the last filled cell before a gap from a filled cell with a filled neighbour', () => {
    expect(go(at(0, 0), 'ArrowDown')).toEqual(at(2, 0));
    expect(go(at(1, 2), 'ArrowRight')).toEqual(at(1, 3));
  });

  it('jumps over a gap to the next filled cell', () => {
    expect(go(at(2, 0), 'ArrowDown')).toEqual(at(4, 0));
    expect(go(at(1, 0), 'ArrowRight')).toEqual(at(1, 2));
  });

  it('stops at the table’s edge when nothing filled lies ahead, and stays on the edge itself', () => {
    expect(go(at(2, 1), 'ArrowRight')).toEqual(at(2, 3));
    expect(go(at(0, 3), 'ArrowUp')).toEqual(at(0, 3));
    expect(dataEdge(at(4, 3), [1, 0], at(4, 3), () => true)).toEqual(at(4, 3));
  });
});
