// Issue 13: the engine's change list (RecalcDelta) reaches the views through EditorStore, so a view re-reads only
// when what it shows changed. These tests stand where a view stands: a subscriber reading the StoreChange, and a
// selection of the kind useStoreSelector compares (the sidebar's, the grid of another table).
import { describe, expect, it } from 'vitest';
import { loadSample } from '../../../src-core/engine/__tests__/helpers';
import { EditorStore, type StoreChange } from '../editor-store';

function setup() {
  const store = new EditorStore(loadSample(), { filePath: null, fileName: '汉阳.gongkai.json' });
  const changes: StoreChange[] = [];
  store.subscribe((c) => changes.push(c));
  return { store, changes };
}

/** The cells a change names for one table, as `row:col`. */
function cellsOf(change: StoreChange | undefined, table: string): string[] {
  return (change?.cells.get(table) ?? []).map((c) => `${c.row}:${c.col}`).sort();
}

describe('an edit tells the views what it touched (the engine’s RecalcDelta passed on)', () => {
  it('an edit in 公开03表 names its cell and the totals the engine recomputed, and no cell of another table', () => {
    const { store, changes } = setup();
    store.apply(
      { type: 'setCells', table: '03', cells: [{ row: '2013350', col: '2', text: '999' }] },
      '编辑',
    );
    expect(changes).toHaveLength(1);
    const change = changes[0];
    expect(change?.document).toBe(true);
    expect(change?.rebuilt).toBe(false);
    const cells = cellsOf(change, '03');
    // The 项 itself, then its 款 20133 and its 类 201, and the 合计 column (1栏) of each, which the engine recomputed.
    for (const cell of ['2013350:2', '20133:2', '201:2', '2013350:1', '合计:1'])
      expect(cells).toContain(cell);
    // Its neighbour in the same 款 did not change, so its row is not redrawn.
    expect(cells.some((c) => c.startsWith('2013399:'))).toBe(false);
    // 公开01表 shows the 支出 totals fed by 03 (表间); the other tables have nothing to redraw.
    expect([...(change?.cells.keys() ?? [])].sort()).toEqual(['01', '03']);
    expect(cellsOf(change, '02')).toEqual([]);
    expect(cellsOf(change, '04')).toEqual([]);
  });

  it('an edit that moves no figure (the table’s 注) names no cell and no finding: the sidebar keeps its answer', () => {
    const { store, changes } = setup();
    // What the sidebar selects: the page and the findings' revision (useStoreSelector compares it element-wise).
    const sidebar = () => [store.page, store.workbook.findingsRevision];
    const before = sidebar();
    store.apply({ type: 'setNote', table: '03', note: '本表无数据的科目不列示。' }, '编辑注');
    expect(changes.at(-1)).toMatchObject({ document: true, rebuilt: false, findings: false });
    expect(changes.at(-1)?.cells.size).toBe(0);
    expect(sidebar()).toEqual(before);
    // A figure edit does move the findings (their sentences quote the figures): the flag says so.
    store.apply(
      { type: 'setCells', table: '03', cells: [{ row: '2013350', col: '2', text: '999' }] },
      '编辑',
    );
    expect(changes.at(-1)?.findings).toBe(true);
  });

  it('adding rows rebuilds the engine: every view of the tables reads again', () => {
    const { store, changes } = setup();
    store.apply(
      { type: 'insertRows', table: '03', rows: [{ code: '2013302', name: '一般行政管理事务' }] },
      '添加科目',
    );
    expect(changes.at(-1)?.rebuilt).toBe(true);
  });

  it('a change of what is shown (another page) touches no cell and no finding', () => {
    const { store, changes } = setup();
    store.changed();
    expect(changes.at(-1)).toMatchObject({ document: false, rebuilt: false, findings: false });
    expect(changes.at(-1)?.cells.size).toBe(0);
  });
});
