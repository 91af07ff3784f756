import { describe, expect, it } from 'vitest';
import { builtinFormSet } from '../../builtin-forms';
import { Workbook } from '../../engine';
import { DocumentSession } from '../../session';
import { newDocument } from '../../document/new-document';
import type { GongkaiDocument } from '../../document/types';
import { addRowByCode, addRowsByCode, readCodeLine } from '../add-rows-by-code';

const formSet = builtinFormSet();

function plan(doc: GongkaiDocument, text: string) {
  const block = text.split('\n').map((l) => l.split('\t'));
  return addRowsByCode(formSet, doc, '03', block);
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
    // The report the UI shows and the CLI prints: the summary, what was not taken, then where the lines landed.
    expect(p.notices).toEqual([
      {
        level: 'warning',
        text: p.summary,
        details: [
          p.skipped[0],
          '第 2 行 → 2080502（2 个金额）',
          '第 3 行 → 2010101（3 个金额）',
          '第 4 行 → 2010102（2 个金额）',
        ],
      },
    ]);
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

describe('addRowsByCode refuses what is not an amount', () => {
  it('names the line and the value, and still fills the rest of the line', () => {
    const doc = newDocument(formSet.year);
    const p = plan(doc, '2010101\t行政运行\t12元\t10\n2010102\t1O0\t\t3');
    if (!p.ok) throw new Error(p.message);
    expect(p.skipped).toEqual([
      '第 1 行：第 1 个金额未导入，无法识别的金额“12元”：不要带单位，金额单位由表头决定（如万元），只填数字。',
      '第 2 行：第 1 个金额未导入，无法识别的金额“1O0”：含有数字以外的字符。',
    ]);
    // “1O0” (a letter O) is a bad amount, not the name of 2010102: the catalog's name stays.
    expect(p.added.find((r) => r.code === '2010102')?.name).toBe('一般行政管理事务');
    const s = new DocumentSession(formSet, doc);
    s.apply(p.operation, p.label);
    expect(s.workbook.cell('03', '2010101', '2')?.value?.toFixed(2)).toBe('10.00');
    expect(s.workbook.cell('03', '2010101', '1')?.entered).toBe(false);
    expect(s.workbook.cell('03', '2010102', '3')?.value?.toFixed(2)).toBe('3.00');
  });

  it('refuses a table that is not by 科目编码, naming it', () => {
    const r = addRowsByCode(formSet, newDocument(formSet.year), '01', [['2010101', '5']]);
    expect(r).toEqual({ ok: false, message: expect.stringContaining('不是按科目编码分行的表') });
  });
});

describe('addRowByCode (添加科目, one code)', () => {
  it('adds the row with its 类/款 as one step, and asks for a name the catalog does not have', () => {
    const doc = newDocument(formSet.year);
    const r = addRowByCode(formSet, doc, '03', '2010101');
    if (!r.ok) throw new Error(r.message);
    expect(r.target).toEqual({ code: '2010101', name: '行政运行' });
    expect(r.notices[0]?.text).toBe('已添加 201 一般公共服务支出、20101 人大事务、2010101 行政运行');
    const s = new DocumentSession(formSet, doc);
    s.apply(r.operation, r.label);
    expect(s.document.tables['03']?.rows?.map((x) => x.code)).toEqual(['201', '20101', '2010101']);
    s.undo();
    expect(s.document.tables['03']).toBeUndefined();

    const unnamed = addRowByCode(formSet, doc, '03', '2010198');
    expect(unnamed).toMatchObject({ ok: false, needsName: true });
    const named = addRowByCode(formSet, doc, '03', '2010198', '本地科目');
    if (!named.ok) throw new Error(named.message);
    s.apply(named.operation, named.label);
    expect(s.document.catalog?.entries).toEqual([{ code: '2010198', name: '本地科目' }]);
  });
});
