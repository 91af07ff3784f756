import { describe, expect, it } from 'vitest';
import { builtinFormSet } from '../../builtin-forms';
import { parseCatalogRows, parseCsv } from '../import-catalog';

const catalog = builtinFormSet().catalog;

describe('the built-in 功能分类 catalog (2023)', () => {
  it('has every code of the reference document with its name', () => {
    const expected: Record<string, string> = {
      '201': '一般公共服务支出',
      '20133': '宣传事务',
      '2013350': '事业运行',
      '2013399': '其他宣传事务支出',
      '20805': '行政事业单位养老支出',
      '2080505': '机关事业单位基本养老保险缴费支出',
      '2080506': '机关事业单位职业年金缴费支出',
      '2081199': '其他残疾人事业支出',
      '21011': '行政事业单位医疗',
      '2101102': '事业单位医疗',
      '2101103': '公务员医疗补助',
      '21305': '巩固脱贫衔接乡村振兴',
      '2130599': '其他巩固脱贫衔接乡村振兴支出',
      '22102': '住房改革支出',
      '2210201': '住房公积金',
      '2210202': '提租补贴',
    };
    for (const [code, name] of Object.entries(expected)) expect(catalog.nameOf(code)).toBe(name);
    expect(catalog.year).toBe(2023);
  });

  it('has every 类 that 公开01表 lists, each with its 款', () => {
    const rows = builtinFormSet().tableById.get('01')?.blocks[1]?.rows ?? [];
    const codes = rows.map((r) => r.code).filter((c): c is string => c !== undefined);
    expect(codes).toHaveLength(26);
    for (const c of codes) {
      expect(catalog.has(c), c).toBe(true);
      expect(
        catalog.entries().some((e) => e.code.length === 5 && e.code.startsWith(c)),
        `${c} 款`,
      ).toBe(true);
    }
  });

  it('extends or replaces with a document’s own entries', () => {
    const extended = catalog.withCustom({ replace: false, entries: [{ code: '2019998', name: '本地科目' }] });
    expect(extended.nameOf('2019998')).toBe('本地科目');
    expect(extended.nameOf('201')).toBe('一般公共服务支出');
    const replaced = catalog.withCustom({ replace: true, entries: [{ code: '201', name: '一般公共服务' }] });
    expect(replaced.nameOf('208')).toBeUndefined();
    expect(replaced.nameOf('201')).toBe('一般公共服务');
  });

  it('search finds by code prefix or name', () => {
    expect(catalog.search('20133').map((e) => e.code)).toContain('2013350');
    expect(catalog.search('住房公积金').map((e) => e.code)).toContain('2210201');
  });
});

describe('catalog import (编码, 名称)', () => {
  it('reads CSV with a header, quotes, BOM and full-width digits, and reports what it skipped', () => {
    const csv =
      '\ufeff科目编码,科目名称\n201,一般公共服务支出\n"2019998","本地, 科目"\n２０１３３,宣传事务\n20,坏编码\n2019997,\n';
    const r = parseCatalogRows(parseCsv(csv));
    if (!r.ok) throw new Error(r.message);
    expect(r.entries).toEqual([
      { code: '201', name: '一般公共服务支出' },
      { code: '20133', name: '宣传事务' },
      { code: '2019998', name: '本地, 科目' },
    ]);
    expect(r.skipped).toEqual(['第 5 行：“20”不是 3、5 或 7 位的科目编码', '第 6 行：科目 2019997 没有名称']);
  });

  it('reads spreadsheet rows where codes are numbers', () => {
    const r = parseCatalogRows([
      ['编码', '名称'],
      [201, '一般公共服务支出'],
      [2013350, '事业运行'],
    ]);
    expect(r.ok && r.entries.map((e) => e.code)).toEqual(['201', '2013350']);
  });

  it('refuses a file with no catalog in it', () => {
    const r = parseCatalogRows(parseCsv('姓名,电话\n张三,123\n'));
    expect(r.ok === false && r.message).toContain('没有读到科目');
  });
});
