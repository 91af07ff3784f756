import { describe, expect, it } from 'vitest';
import { tableLayout, Workbook } from '../../../src-core';
import { formSet, loadSample } from '../../../src-core/engine/__tests__/helpers';
import { gridModel } from '../grid-model';
import { positionOf } from '../grid-actions';
import { selectionStats } from '../selection-stats';

const wb = new Workbook(formSet, loadSample());
const table = wb.tables.get('03');
if (!table) throw new Error('no 公开03表');
const model = gridModel(tableLayout(table), table.template);

function at(row: string, col: string) {
  const p = positionOf(model, row, col);
  if (!p) throw new Error(`no ${row}/${col}`);
  return p;
}

describe('selectionStats (the status bar’s 求和/计数/平均)', () => {
  it('sums, counts and averages the figures of the selected cells, skipping empty ones and labels', () => {
    // 2013350: 2栏 230.68; 2013399: 2栏 0.89 (and their 3栏: empty, 1,100.65).
    const from = at('2013350', '2');
    const to = at('2013399', '3');
    const stats = selectionStats(model, wb, table as never, { anchor: from, focus: to });
    expect(stats).toEqual({ sum: '1,332.22', count: 3, average: '444.07' });
    // From the code column on: the codes and names are not figures; the 1栏 totals (230.68, 1,101.55) are.
    const wide = selectionStats(model, wb, table as never, { anchor: { row: from.row, col: 0 }, focus: to });
    expect(wide).toEqual({ sum: '2,664.45', count: 5, average: '532.89' });
  });

  it('shows nothing for a single cell or a selection without figures', () => {
    const one = at('2013350', '2');
    expect(selectionStats(model, wb, table as never, { anchor: one, focus: one })).toBeNull();
    expect(
      selectionStats(model, wb, table as never, {
        anchor: { row: one.row, col: 0 },
        focus: { row: one.row, col: 1 },
      }),
    ).toBeNull();
  });
});
