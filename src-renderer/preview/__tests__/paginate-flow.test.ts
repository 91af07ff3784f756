import { describe, expect, it } from 'vitest';
import { gridColumns } from '../paginate-flow';

const cell = (name: string, rowSpan = 1, colSpan = 1) => ({ name, rowSpan, colSpan });

describe('gridColumns', () => {
  it('places each cell after the slots row-spanning cells above it occupy', () => {
    // | A (2 rows) | B        | C |
    // |            | D (2 c.)     |
    // | E          | F | G (2 rows)|
    // | H          | I |          |
    const A = cell('A', 2);
    const B = cell('B');
    const C = cell('C');
    const D = cell('D', 1, 2);
    const E = cell('E');
    const F = cell('F');
    const G = cell('G', 2);
    const H = cell('H');
    const I = cell('I');
    const grid = gridColumns([{ cells: [A, B, C] }, { cells: [D] }, { cells: [E, F, G] }, { cells: [H, I] }]);
    expect([A, B, C, D, E, F, G, H, I].map((c) => grid.get(c))).toEqual([0, 1, 2, 1, 0, 1, 2, 0, 1]);
  });

  it('takes a row span running past the last row as ending there', () => {
    const A = cell('A', 5);
    const B = cell('B');
    const C = cell('C');
    const grid = gridColumns([{ cells: [A, B] }, { cells: [C] }]);
    expect(grid.get(C)).toBe(1);
  });
});
