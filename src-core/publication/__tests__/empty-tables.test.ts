import { describe, expect, it } from 'vitest';
import { applyOperation } from '../../document';
import { Workbook } from '../../engine';
import { formSet, loadSample } from '../../engine/__tests__/helpers';
import { checkEmptyTables, isEmptyTable } from '../empty-tables';

describe('empty tables must say why', () => {
  it('the sample’s empty 公开07表 and 公开08表 carry their 说明: no finding', () => {
    const doc = loadSample();
    const wb = new Workbook(formSet, doc);
    expect(isEmptyTable(wb, '07')).toBe(true);
    expect(isEmptyTable(wb, '03')).toBe(false);
    expect(checkEmptyTables(formSet, wb, doc)).toEqual([]);
  });

  it('an empty table without a 说明 is a 提示; writing one clears it', () => {
    let doc = applyOperation(loadSample(), { type: 'setNote', table: '08', note: null }).doc;
    const f = checkEmptyTables(formSet, new Workbook(formSet, doc), doc);
    expect(f.map((x) => `${x.table} ${x.severity}`)).toEqual(['08 warning']);
    expect(f[0]?.message).toContain('公开08表没有数据');
    doc = applyOperation(doc, {
      type: 'setNote',
      table: '08',
      note: '本部门无国有资本经营预算财政拨款支出，故本表无数据。',
    }).doc;
    expect(checkEmptyTables(formSet, new Workbook(formSet, doc), doc)).toEqual([]);
  });
});
