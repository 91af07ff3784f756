import { describe, expect, it } from 'vitest';
import { builtinFormSet } from '../../builtin-forms';
import { Workbook } from '../../engine';
import { DocumentSession } from '../../session';
import { newDocument } from '../new-document';
import { planRowsByCode, readCodeLine } from '../rows-by-code';
import type { GongkaiDocument } from '../types';

const formSet = builtinFormSet();
const t03 = formSet.tableById.get('03');
if (!t03) throw new Error('no 公开03表');
const template = t03;

function plan(doc: GongkaiDocument, text: string) {
  const block = text.split('\n').map((l) => l.split('\t'));
  return planRowsByCode(formSet.catalog.withCustom(doc.catalog), doc, template, block);
}

describe('readCodeLine', () => {
  it('reads a 7-digit code with or without its name, and a code split as 类|款|项', () => {
    expect(readCodeLine(['2010101', '行政运行', '10', '8'], 1)).toEqual({
      line: 1,
      code: '2010101',
      name: '行政运行',
      amounts: ['10', '8'],
    });
    expect(readCodeLine(['2010101 行政运行', '10'], 2)?.amounts).toEqual(['10']);
    expect(readCodeLine(['2010101', '10', '8'], 3)).toMatchObject({ code: '2010101', amounts: ['10', '8'] });
    expect(readCodeLine(['201', '01', '01', '行政运行', '1,000.50'], 4)).toMatchObject({
      code: '2010101',
      name: '行政运行',
      amounts: ['1,000.50'],
    });
    expect(readCodeLine(['２０１０１０１', '5'], 5)?.code).toBe('2010101');
    expect(readCodeLine(['合计', '100'], 6)).toBeNull();
    expect(readCodeLine(['科目编码', '科目名称'], 7)).toBeNull();
  });
});

describe('planRowsByCode', () => {
  it('creates the rows and their 类/款 in any order, fills them by code, and undoes as one step', () => {
    const doc = newDocument(formSet.year);
    const s = new DocumentSession(formSet, doc);
    const p = plan(
      doc,
      [
        '科目编码\t科目名称\t合计\t基本支出\t项目支出',
        '2080502\t事业单位离退休\t30\t30\t',
        '2010101\t行政运行\t120.5\t100\t20.5',
        '201\t01\t02\t一般行政管理事务\t7\t\t7',
      ].join('\n'),
    );
    if (!p.ok) throw new Error(p.message);
    expect(p.added.map((r) => r.code)).toEqual([
      '201',
      '20101',
      '2010101',
      '2010102',
      '208',
      '20805',
      '2080502',
    ]);
    expect(p.summary).toBe(
      '按科目编码导入 3 行：新增 7 行（其中类、款 4 行），填入 7 个金额；1 处未导入或需核对',
    );
    expect(p.skipped[0]).toContain('第 1 行');
    s.apply(p.operation, p.label);
    const wb = s.workbook;
    expect(wb.cell('03', '2010101', '3')?.value?.toFixed(2)).toBe('20.50');
    expect(wb.cell('03', '20101', '2')?.value?.toFixed(2)).toBe('100.00');
    expect(wb.cell('03', '合计', '1')?.value?.toFixed(2)).toBe('157.50');
    // The pasted 合计 column is kept as each row's own figure and checked: it agrees, so no finding.
    expect(wb.cell('03', '2010101', '1')?.entered).toBe(true);
    expect(wb.findings().filter((f) => f.cell.table === '03')).toEqual([]);
    s.undo();
    expect(s.document.tables['03']).toBeUndefined();
  });

  it('fills existing rows without adding them again, and a wrong typed total is a finding on its cell', () => {
    const first = plan(newDocument(formSet.year), '2010101\t\t\t10');
    if (!first.ok) throw new Error(first.message);
    const s = new DocumentSession(formSet, newDocument(formSet.year));
    s.apply(first.operation, first.label);
    const again = plan(s.document, '2010101\t行政运行\t99\t10');
    if (!again.ok) throw new Error(again.message);
    expect(again.added).toEqual([]);
    s.apply(again.operation, again.label);
    const wb = new Workbook(formSet, s.document);
    expect(
      wb.findings().some((f) => f.cell.row === '2010101' && f.cell.col === '1' && f.severity === 'error'),
    ).toBe(true);
  });

  it('adds an unknown code to the file’s own 科目 when the line names it, and refuses it otherwise', () => {
    const doc = newDocument(formSet.year);
    const p = plan(doc, '2010198\t自定义项目\t5\t5\n2010197\t6');
    if (!p.ok) throw new Error(p.message);
    expect(p.added.map((r) => r.code)).toEqual(['201', '20101', '2010198']);
    expect(p.skipped).toEqual(['第 2 行：科目目录里没有 2010197，这一行也没有科目名称，未导入']);
    const s = new DocumentSession(formSet, doc);
    s.apply(p.operation, p.label);
    expect(s.document.catalog?.entries).toEqual([{ code: '2010198', name: '自定义项目' }]);
  });

  it('reports values beyond the table’s columns and refuses a block with no code at all', () => {
    const doc = newDocument(formSet.year);
    const p = plan(doc, '2010101\t1\t1\t0\t0\t0\t0\t9');
    if (!p.ok) throw new Error(p.message);
    expect(p.skipped).toEqual(['第 1 行：第 7 个金额“9”超出本表的 6 栏，未导入']);
    const none = plan(doc, '合计\t5\n\t');
    expect(none.ok).toBe(false);
  });
});
