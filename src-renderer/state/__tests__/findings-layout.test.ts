import { describe, expect, it } from 'vitest';
import {
  FINDINGS_DEFAULT_HEIGHT,
  FindingsLayoutStore,
  clampFindingsHeight,
  readFindingsLayout,
} from '../findings-layout';

function memory(): Pick<Storage, 'getItem' | 'setItem'> & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe('审核结果 panel layout', () => {
  it('remembers the height and the fold for the next start', () => {
    const storage = memory();
    const first = new FindingsLayoutStore(storage);
    expect(first.get()).toEqual({ height: FINDINGS_DEFAULT_HEIGHT, collapsed: false });
    first.set({ height: 320 });
    first.set({ collapsed: true });
    expect(new FindingsLayoutStore(storage).get()).toEqual({ height: 320, collapsed: true });
  });

  it('never takes the room the table needs in a 768 px window, nor shrinks below a row', () => {
    expect(clampFindingsHeight(2000, 768)).toBe(508);
    expect(clampFindingsHeight(10, 768)).toBe(80);
    expect(clampFindingsHeight(250, 1080)).toBe(250);
  });

  it('a damaged remembered value is the default layout, not a broken panel', () => {
    expect(readFindingsLayout('{not json')).toEqual({ height: FINDINGS_DEFAULT_HEIGHT, collapsed: false });
    expect(readFindingsLayout('{"height":-5,"collapsed":"yes"}')).toEqual({
      height: FINDINGS_DEFAULT_HEIGHT,
      collapsed: false,
    });
  });
});
