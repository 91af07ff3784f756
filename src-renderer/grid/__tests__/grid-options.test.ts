import { describe, expect, it } from 'vitest';
import { callingLatest, changedOptions } from '../grid-options';

describe('the grid options of VanillaGrid', () => {
  it('a callback the grid was created with calls the latest render’s callback of that name', () => {
    let current: Record<string, unknown> = { onCellEditingStopped: () => 'first render', rowBuffer: 10 };
    const initial = callingLatest(current, () => current);
    expect(initial.rowBuffer).toBe(10);
    const call = initial.onCellEditingStopped as () => unknown;
    expect(call()).toBe('first render');
    current = { onCellEditingStopped: () => 'second render', rowBuffer: 10 };
    expect(call()).toBe('second render');
    current = { rowBuffer: 10 };
    expect(call()).toBeUndefined();
  });

  it('only changed values reach the grid, a removed one as undefined, callbacks never', () => {
    const rows = [{ id: 'a' }];
    const before = { rowData: rows, rowBuffer: undefined, pinnedTopRowData: [{ id: 'no' }], onX: () => 1 };
    expect(changedOptions(before, { ...before, onX: () => 2 })).toBeNull();
    const more = [{ id: 'a' }, { id: 'b' }];
    expect(changedOptions(before, { rowData: more, rowBuffer: 40, onX: () => 2 })).toEqual({
      rowData: more,
      rowBuffer: 40,
      pinnedTopRowData: undefined,
    });
  });
});
