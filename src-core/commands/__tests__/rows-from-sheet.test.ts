import { describe, expect, it } from 'vitest';
import { builtinFormSet } from '../../builtin-forms';
import { newDocument } from '../../document/new-document';
import { readXlsxSheets } from '../../export/xlsx-reader';
import type { XlsxValue } from '../../export/xlsx-sheet-writer';
import { XlsxWriter } from '../../export/xlsx-writer';
import { DocumentSession } from '../../session';
import { importRowsFromSheet } from '../rows-from-sheet';

const formSet = builtinFormSet();

/** An .xlsx with one sheet of these rows (1-based Excel rows from the top), read back as the app reads a file. */
function sheetOf(
  rows: readonly (readonly (XlsxValue | undefined)[])[],
  merges: [number, number, number, number][] = [],
) {
  const book = new XlsxWriter({ creator: 't', title: 't' });
  book.addSheet('说明').set(1, 1, '本表由单位自行整理');
  const ws = book.addSheet('支出明细');
  rows.forEach((cells, r) => cells.forEach((v, c) => ws.set(r + 1, c + 1, v)));
  for (const m of merges) ws.merge(...m);
  return readXlsxSheets(book.toBytes());
}

describe('importRowsFromSheet (导入行…)', () => {
  it('reads a 久其-style block: title, two header rows, 类|款|项 split with 款 typed as numbers, a 合计 and a 备注 column', () => {
    const sheets = sheetOf(
      [
        ['某单位一般公共预算财政拨款支出明细'],
        ['类', '款', '项', '科目名称', '本年支出', undefined, undefined, '备注'],
        [undefined, undefined, undefined, undefined, '小计', '基本支出', '项目支出', undefined],
        [undefined, undefined, undefined, '合计', 130.5, 100, 30.5, undefined],
        ['208', 5, 2, '事业单位离退休', 30, 30, undefined, 1],
        ['201', '01', '01', '行政运行', 100.5, 70, 30.5, undefined],
        ['201', 1, undefined, '人大事务', 100.5, 70, 30.5, undefined],
      ],
      [[2, 5, 2, 7]],
    );
    const doc = newDocument(formSet.year);
    const r = importRowsFromSheet(formSet, doc, '05', sheets);
    if (!r.ok) throw new Error(r.message);
    expect(r.preview).toEqual([
      '工作表“支出明细”，从第 4 行起',
      '科目编码：A、B、C 列（类|款|项）',
      '科目名称：D 列',
      '本年支出/小计 ← E 列“本年支出/小计”',
      '本年支出/基本支出 ← F 列“本年支出/基本支出”',
      '本年支出/项目支出 ← G 列“本年支出/项目支出”',
      'H 列“备注”：本表没有对应的栏，不导入',
    ]);
    // Asked before it applies.
    expect(r.confirm).toBe(r.preview.join('\n'));
    expect(r.added.map((x) => x.code)).toEqual(['201', '20101', '2010101', '208', '20805', '2080502']);
    // The 合计 line is reported with its Excel row, never silently dropped.
    expect(r.skipped).toEqual(['第 4 行“合计 130.5 100 30.5”没有科目编码，未导入']);
    const s = new DocumentSession(formSet, doc);
    s.apply(r.operation, r.label);
    expect(s.workbook.cell('05', '2080502', '2')?.value?.toFixed(2)).toBe('30.00');
    expect(s.workbook.cell('05', '2010101', '3')?.value?.toFixed(2)).toBe('30.50');
    expect(s.workbook.cell('05', '合计', '1')?.value?.toFixed(2)).toBe('130.50');
    // The 款 line's own typed 小计 is kept and agrees with its 项.
    expect(s.workbook.cell('05', '20101', '1')?.entered).toBe(true);
    const onRows = new Set(r.added.map((x) => x.code));
    expect(s.workbook.findings().filter((f) => f.cell.table === '05' && onRows.has(f.cell.row))).toEqual([]);
    s.undo();
    expect(s.document.tables['05']).toBeUndefined();
  });

  it('maps one header row by its words (合计 is the 本年支出合计), and says which table columns got nothing', () => {
    const sheets = sheetOf([
      ['科目编码', '科目名称', '项目支出', '合计', '基本支出'],
      ['2010101', '行政运行', 5, 15, 10],
      ['2050201 学前教育', undefined, '三', 3, 3],
    ]);
    const r = importRowsFromSheet(formSet, newDocument(formSet.year), '03', sheets);
    if (!r.ok) throw new Error(r.message);
    // The table's column order is kept: 合计 (D) comes before 基本支出 (E), so the 项目支出 of C is left unmapped.
    expect(r.preview.slice(2)).toEqual([
      '科目名称：B 列',
      '本年支出合计 ← D 列“合计”',
      '基本支出 ← E 列“基本支出”',
      '项目支出 ← 没有对应的列，不填',
      '上缴上级支出 ← 没有对应的列，不填',
      '经营支出 ← 没有对应的列，不填',
      '对附属单位补助支出 ← 没有对应的列，不填',
      'C 列“项目支出”：本表没有对应的栏，不导入',
    ]);
    expect(r.filled).toEqual([
      { code: '2010101', line: 2, amounts: 2 },
      { code: '2050201', line: 3, amounts: 2 },
    ]);
  });

  it('without a header takes the figures in order and says so; a bad figure is named with its row', () => {
    const sheets = sheetOf([
      ['2010101', 15, 10, '5元'],
      ['2010102', 2, 2, undefined],
    ]);
    const r = importRowsFromSheet(formSet, newDocument(formSet.year), '03', sheets);
    if (!r.ok) throw new Error(r.message);
    expect(r.preview).toContain('表头没有认出：金额列按从左到右的顺序对应本表各栏，请核对');
    expect(r.preview).toContain('项目支出 ← D 列');
    expect(r.skipped).toEqual([
      '第 1 行：第 3 个金额未导入，无法识别的金额“5元”：不要带单位，金额单位由表头决定（如万元），只填数字。',
    ]);
  });

  it('refuses a file with no code column, and a table not by 科目编码', () => {
    const sheets = sheetOf([
      ['项目', '金额'],
      ['办公费', 3],
    ]);
    const none = importRowsFromSheet(formSet, newDocument(formSet.year), '03', sheets);
    expect(none).toEqual({ ok: false, message: expect.stringContaining('没有找到科目编码列') });
    const fixed = importRowsFromSheet(formSet, newDocument(formSet.year), '01', sheets);
    expect(fixed).toEqual({ ok: false, message: expect.stringContaining('不是按科目编码分行的表') });
  });
});
