import { describe, expect, it } from 'vitest';
import { memberPathFor } from '../member-path';

describe('a 汇总 file stores its members relative to itself', () => {
  it('a unit beside or below the 汇总 file is stored by its relative path, with /', () => {
    expect(memberPathFor('/data/部门/汇总.gongkai.json', '/data/部门/单位/甲.gongkai.json')).toBe(
      '单位/甲.gongkai.json',
    );
    expect(memberPathFor('/data/部门/汇总.gongkai.json', '/data/部门/乙.xlsx')).toBe('乙.xlsx');
    expect(memberPathFor('/data/部门/汇总/d.gongkai.json', '/data/部门/单位/丙.gongkai.json')).toBe(
      '../单位/丙.gongkai.json',
    );
  });

  it('Windows paths: backslashes become /, the drive letter and names compare without case', () => {
    expect(memberPathFor('C:\\决算\\汇总.gongkai.json', 'c:\\决算\\单位\\甲.gongkai.json')).toBe(
      '单位/甲.gongkai.json',
    );
    expect(memberPathFor('C:\\决算\\汇总.gongkai.json', 'D:\\别处\\甲.gongkai.json')).toBe(
      'D:\\别处\\甲.gongkai.json',
    );
  });

  it('not yet saved, or a bare file name (a browser), is kept as it is', () => {
    expect(memberPathFor(null, '/data/甲.gongkai.json')).toBe('/data/甲.gongkai.json');
    expect(memberPathFor('/data/汇总.gongkai.json', '甲.gongkai.json')).toBe('甲.gongkai.json');
  });
});

describe('保存汇总文件', () => {
  it('lists the members relative to where the 汇总 file is saved, and they resolve back to the same files', async () => {
    const { builtinFormSet, newDocument, writeDocument } = await import('../../../src-core');
    const { ConsolidationState } = await import('../consolidation-state');
    const formSet = builtinFormSet();
    const unit = (name: string) =>
      new TextEncoder().encode(writeDocument(newDocument(formSet.year, { name })));
    const state = new ConsolidationState();
    await state.addFiles([
      { id: '/data/部门/单位/甲.gongkai.json', label: '甲.gongkai.json', data: unit('甲单位') },
      { id: '/data/部门/乙.gongkai.json', label: '乙.gongkai.json', data: unit('乙单位') },
    ]);
    expect(state.departmentFile('/data/部门/汇总.gongkai.json')?.consolidation?.members).toEqual([
      '单位/甲.gongkai.json',
      '乙.gongkai.json',
    ]);
    // Not saved yet: the full paths, until a place is picked.
    expect(state.departmentFile(null)?.consolidation?.members).toEqual([
      '/data/部门/单位/甲.gongkai.json',
      '/data/部门/乙.gongkai.json',
    ]);
  });
});
