import { describe, expect, it } from 'vitest';
import { builtinFormSet } from '../../builtin-forms';
import { applyOperation, type Operation } from '../operations';
import { newDocument } from '../new-document';
import { rowsForCode } from '../class-rows';
import type { GongkaiDocument } from '../types';

const formSet = builtinFormSet();

function roundTrip(doc: GongkaiDocument, op: Operation): GongkaiDocument {
  const applied = applyOperation(doc, op);
  const back = applyOperation(applied.doc, applied.inverse);
  expect(back.doc).toEqual(doc);
  return applied.doc;
}

describe('operations and their inverses', () => {
  const base = newDocument(2023, { name: '测试单位' });

  it('setCells stores canonical amounts and raw invalid text, and undoes exactly', () => {
    const doc = roundTrip(base, {
      type: 'setCells',
      table: '01',
      cells: [
        { row: '1', col: '1', text: '1, 455. 41' },
        { row: '4', col: '1', text: '12a' },
        { row: '5', col: '1', text: '  ' },
      ],
    });
    expect(doc.tables['01']?.values).toEqual({ '1': { '1': '1455.41' }, '4': { '1': '12a' } });
  });

  it('the same cell edited twice in one batch undoes to the first value', () => {
    const start = applyOperation(base, {
      type: 'setCells',
      table: '01',
      cells: [{ row: '1', col: '1', text: '1' }],
    }).doc;
    roundTrip(start, {
      type: 'setCells',
      table: '01',
      cells: [
        { row: '1', col: '1', text: '2' },
        { row: '1', col: '1', text: '3' },
      ],
    });
  });

  it('inserting a code adds its missing parents, in code order; deleting takes children and values along', () => {
    const r = rowsForCode(formSet.catalog, base, '03', '2013350');
    if (!r.ok) throw new Error(r.message);
    expect(r.rows.map((x) => x.code)).toEqual(['201', '20133', '2013350']);
    let doc = roundTrip(base, { type: 'insertRows', table: '03', rows: r.rows });
    doc = applyOperation(doc, {
      type: 'setCells',
      table: '03',
      cells: [{ row: '2013350', col: '2', text: '5' }],
    }).doc;
    const deleted = roundTrip(doc, { type: 'deleteRows', table: '03', codes: ['20133'] });
    expect(deleted.tables['03']?.rows?.map((x) => x.code)).toEqual(['201']);
    expect(deleted.tables['03']?.values).toEqual({});
  });

  it('rowsForCode explains what it cannot add', () => {
    const bad = rowsForCode(formSet.catalog, base, '03', '20');
    expect(bad.ok === false && bad.message).toContain('不是有效的功能分类科目编码');
    const unknown = rowsForCode(formSet.catalog, base, '03', '2019998');
    expect(unknown.ok === false && unknown.message).toContain('请填写科目名称');
    const named = rowsForCode(formSet.catalog, base, '03', '2019998', '本地科目');
    expect(named.ok && named.rows.at(-1)).toEqual({ code: '2019998', name: '本地科目' });
  });

  it('unit, settings, notes, catalog, sections and facts all undo', () => {
    roundTrip(base, { type: 'setUnit', unit: { name: '新单位', phone: '123' } });
    roundTrip(base, { type: 'setSettings', settings: { tolerance: '0.02' } });
    roundTrip(base, {
      type: 'setNote',
      table: '07',
      note: '本部门没有政府性基金预算财政拨款收入，故本表无数据。',
    });
    roundTrip(base, {
      type: 'setCatalog',
      catalog: { replace: false, entries: [{ code: '2019998', name: '本地科目' }] },
    });
    roundTrip(base, { type: 'setSection', key: 'overview.duties', value: { paragraphs: ['职责'] } });
    roundTrip(base, { type: 'setFact', key: 'budget', value: { total: '1639.64' } });
  });

  it('a finding’s 说明 is written, replaced and removed, each undoable; a blank 说明 removes it', () => {
    const id = '01-r1:01:1:1:0';
    const written = roundTrip(base, { type: 'setFindingNote', id, note: ' 四舍五入所致。 ' });
    expect(written.findingNotes).toEqual({ [id]: '四舍五入所致。' });
    const replaced = roundTrip(written, { type: 'setFindingNote', id, note: '按元填报后换算' });
    expect(replaced.findingNotes?.[id]).toBe('按元填报后换算');
    const removed = roundTrip(replaced, { type: 'setFindingNote', id, note: '  ' });
    expect(removed.findingNotes).toBeUndefined();
  });

  it('a batch undoes in reverse order', () => {
    roundTrip(base, {
      type: 'batch',
      ops: [
        { type: 'insertRows', table: '05', rows: [{ code: '201', name: '一般公共服务支出' }] },
        { type: 'setCells', table: '05', cells: [{ row: '201', col: '2', text: '3' }] },
        { type: 'setUnit', unit: { name: 'x' } },
      ],
    });
  });
});
