import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { applyOperation, type GongkaiDocument } from '../../document';
import { Workbook } from '../../engine';
import { formSet, loadSample } from '../../engine/__tests__/helpers';
import { exportXlsx } from '../xlsx-export';
import { importXlsx } from '../xlsx-import';

async function reread(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  return book;
}

describe('Excel export', () => {
  it('writes one sheet per table, named as the forms, with title, code, unit line and notes', async () => {
    const book = await reread(await exportXlsx(formSet, loadSample()));
    expect(book.worksheets.filter((w) => w.state !== 'hidden').map((w) => w.name)).toEqual(
      ['01', '02', '03', '04', '05', '06', '07', '08', '09'].map((n) => `公开${n}表`),
    );
    const ws = book.getWorksheet('公开01表') as ExcelJS.Worksheet;
    expect(ws.getCell('A1').value).toBe('2023年度收入支出决算总表');
    expect(ws.getCell('A1').font?.name).toBe('宋体');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('A2').value).toBe('公开01表');
    expect(ws.getCell('A3').value).toBe('部门：武汉市汉阳区融媒体中心');
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.pageSetup.printTitlesRow).toBe('4:6');
    const texts: string[] = [];
    ws.eachRow((r) => r.eachCell((c) => texts.push(String(c.value))));
    expect(texts).toContain('58行=（32+33+…+57）行；62行=（58+59+60）行。');
    const w07 = book.getWorksheet('公开07表') as ExcelJS.Worksheet;
    const t07: string[] = [];
    w07.eachRow((r) => r.eachCell((c) => t07.push(String(c.value))));
    expect(t07.some((t) => t.includes('故本表无数据'))).toBe(true);
  });

  it('keeps the header merges of the form and writes codes as text, amounts as #,##0.00', async () => {
    const book = await reread(await exportXlsx(formSet, loadSample()));
    const ws = book.getWorksheet('公开03表') as ExcelJS.Worksheet;
    const merges = (ws.model as unknown as { merges: string[] }).merges;
    expect(merges).toContain('A4:D4'); // 项目
    expect(merges).toContain('A5:C5'); // 功能分类科目编码
    expect(merges).toContain('E4:E5'); // 本年支出合计
    // 201 一般公共服务支出 on the second data row, its code across 类/款/项.
    expect(ws.getCell('A8').value).toBe('201');
    expect(ws.getCell('A8').numFmt).toBe('@');
    expect(merges).toContain('A8:C8');
    expect(ws.getCell('E8').numFmt).toContain('#,##0.00');
  });

  it('writes derived cells as plain live formulas with cached values; an overridden one keeps its value', async () => {
    const book = await reread(await exportXlsx(formSet, loadSample()));
    const w03 = book.getWorksheet('公开03表') as ExcelJS.Worksheet;
    // 合计 1栏 = Σ类; 2013399 1栏 holds its published 1,101.55 (an override), so a value, not a formula.
    const total = w03.getCell('E7').value as { formula: string; result: number };
    expect(total.formula).toBe('E8+E12+E18+E22+E25');
    expect(total.result).toBe(1455.41);
    const leaf = w03.getCell('E11');
    expect(leaf.value).toBe(1101.55);
    const w01 = book.getWorksheet('公开01表') as ExcelJS.Worksheet;
    const c32 = w01.getCell('F7').value as { formula: string; result: number };
    expect(c32.formula).toBe("'公开03表'!E8");
    const c58 = w01.getCell('F33').value as { formula: string; result: number };
    expect(c58.formula).toBe('SUM(F7:F32)');
    expect(c58.result).toBe(1455.41);
    const shared = JSON.stringify(book.worksheets.map((w) => w.model));
    expect(shared).not.toContain('sharedFormula');
  });

  it('writes text that starts with = + - @ as text, never as a formula', async () => {
    let doc = loadSample();
    doc = applyOperation(doc, { type: 'setUnit', unit: { name: '=HYPERLINK("http://x","点我")' } }).doc;
    doc = applyOperation(doc, {
      type: 'setCells',
      table: '06',
      cells: [{ row: '30101', col: '1', text: '@SUM(1)' }],
    }).doc;
    doc = applyOperation(doc, { type: 'renameRow', table: '03', code: '201', name: '+一般公共服务支出' }).doc;
    const book = await reread(await exportXlsx(formSet, doc));
    const w06 = book.getWorksheet('公开06表') as ExcelJS.Worksheet;
    expect(w06.getCell('C7').value).toBe('@SUM(1)');
    expect(w06.getCell('A3').value).toBe('部门：=HYPERLINK("http://x","点我")');
    const w03 = book.getWorksheet('公开03表') as ExcelJS.Worksheet;
    expect(w03.getCell('D8').value).toBe('+一般公共服务支出');
    for (const ws of book.worksheets)
      ws.eachRow((r) => r.eachCell((c) => expect(c.formula ?? '').not.toMatch(/HYPERLINK|SUM\(1\)/)));
  });
});

describe('Excel import', () => {
  it('reads the app’s own export back as the same document', async () => {
    const sample = loadSample();
    const result = await importXlsx(formSet, await exportXlsx(formSet, sample));
    if (!result.ok) throw new Error(result.message);
    expect(result.document).toEqual(sample);
    expect(result.report.every((r) => r.sheet !== null)).toBe(true);
    expect(result.report.flatMap((r) => r.skipped)).toEqual([]);
  });

  it('reads a round trip of an edited document with invalid text, overrides, added rows and notes', async () => {
    let doc: GongkaiDocument = loadSample();
    doc = applyOperation(doc, {
      type: 'insertRows',
      table: '05',
      rows: [
        { code: '205', name: '教育支出' },
        { code: '20502', name: '普通教育' },
        { code: '2050201', name: '学前教育' },
      ],
    }).doc;
    doc = applyOperation(doc, {
      type: 'setCells',
      table: '05',
      cells: [{ row: '2050201', col: '3', text: '12.5' }],
    }).doc;
    doc = applyOperation(doc, {
      type: 'setCells',
      table: '06',
      cells: [{ row: '30101', col: '1', text: '12a' }],
    }).doc;
    doc = applyOperation(doc, {
      type: 'setCells',
      table: '01',
      cells: [{ row: '58', col: '2', text: '1500' }],
    }).doc;
    doc = applyOperation(doc, {
      type: 'setCatalog',
      catalog: { replace: false, entries: [{ code: '2019998', name: '本地科目' }] },
    }).doc;
    const result = await importXlsx(formSet, await exportXlsx(formSet, doc));
    if (!result.ok) throw new Error(result.message);
    expect(result.document).toEqual(doc);
    const wb = new Workbook(formSet, result.document);
    expect(wb.findings().some((f) => f.kind === 'invalid' && f.cell.row === '30101')).toBe(true);
  });

  it('reads an official template filled in by hand: numbers as text, split codes, blank and extra rows', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('Sheet1');
    ws.addRow(['2023年度支出决算表']);
    ws.addRow(['', '', '', '', '', '', '', '', '', '公开03表']);
    ws.addRow(['部门：某某局', '', '', '', '', '', '', '', '', '金额单位：万元']);
    ws.addRow([
      '项目',
      '',
      '',
      '',
      '本年支出合计',
      '基本支出',
      '项目支出',
      '上缴上级支出',
      '经营支出',
      '对附属单位补助支出',
    ]);
    ws.addRow(['功能分类科目编码', '', '', '科目名称']);
    ws.addRow(['类', '款', '项', '栏次', 1, 2, 3, 4, 5, 6]);
    ws.addRow(['', '', '', '合计', '100.00', '60', '40']);
    ws.addRow([]);
    ws.addRow(['201', '', '', '一般公共服务支出', '100', '60', '40']);
    ws.addRow(['201', '33', '', '宣传事务', '100', '60', '40']);
    ws.addRow(['201', '33', '50', '事业运行', '60', ' 60 ', '']);
    ws.addRow(['2013399', '', '', '其他宣传事务支出', '40', '', '4O']);
    ws.addRow(['x', '', '', '备用行', '1']);
    ws.addRow(['注：本表反映部门本年度各项支出情况。']);
    const buf = new Uint8Array(await book.xlsx.writeBuffer());
    const result = await importXlsx(formSet, buf);
    if (!result.ok) throw new Error(result.message);
    const t03 = result.document.tables['03'];
    expect(t03?.rows?.map((r) => r.code)).toEqual(['201', '20133', '2013350', '2013399']);
    expect(t03?.values['2013350']).toEqual({ '2': '60' });
    expect(t03?.values['2013399']?.['3']).toBe('4O');
    expect(result.document.unit.name).toBe('某某局');
    const r03 = result.report.find((r) => r.table === '03');
    expect(r03?.sheet).toBe('Sheet1');
    expect(r03?.skipped.join('\n')).toContain('“4O”不是有效金额');
    expect(r03?.skipped.join('\n')).toContain('第 13 行：没有有效的科目编码');
    expect(result.report.find((r) => r.table === '01')?.skipped[0]).toContain('没有找到公开01表');
  });
});

describe('hand-filled templates: units and error values', () => {
  it('keeps 金额单位：元 as the document’s unit, and reports Excel error values instead of dropping them', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('公开06表');
    ws.addRow(['2023年度一般公共预算财政拨款基本支出决算明细表']);
    ws.addRow(['部门：某局', '', '', '', '', '', '', '', '金额单位：元']);
    ws.addRow(['人员经费', '', '', '公用经费']);
    ws.addRow([
      '科目代码',
      '科目名称',
      '决算数',
      '科目代码',
      '科目名称',
      '决算数',
      '科目代码',
      '科目名称',
      '决算数',
    ]);
    ws.addRow([
      '30101',
      '基本工资',
      694900,
      '30201',
      '办公费',
      { formula: '1/0', result: { error: '#DIV/0!' } },
    ]);
    ws.addRow(['30102', '津贴补贴', { error: '#REF!' }]);
    const r = await importXlsx(formSet, new Uint8Array(await book.xlsx.writeBuffer()));
    if (!r.ok) throw new Error(r.message);
    expect(r.document.unit.moneyUnit).toBe('元');
    expect(r.document.tables['06']?.values['30101']).toEqual({ '1': '694900' });
    expect(r.document.tables['06']?.values['30102']).toEqual({ '1': '#REF!' });
    expect(r.document.tables['06']?.values['30201']).toEqual({ '1': '#DIV/0!' });
    const skipped = r.report.find((x) => x.table === '06')?.skipped.join('\n') ?? '';
    expect(skipped).toContain('错误值 #REF!');
    expect(skipped).toContain('错误值 #DIV/0!');
  });
});

describe('the hidden 文件信息 sheet', () => {
  it('carries a long 情况说明 over Excel’s 32,767 characters per cell and reads it back whole', async () => {
    const long = Array.from({ length: 800 }, (_, i) =>
      `第${i + 1}段：本年度收入支出情况说明，文字较长。`.repeat(3),
    );
    const doc = applyOperation(loadSample(), {
      type: 'setSection',
      key: 'overview.duties',
      value: { paragraphs: long },
    }).doc;
    const bytes = await exportXlsx(formSet, doc);
    const book = await reread(bytes);
    book.getWorksheet('文件信息')?.eachRow((row) => {
      expect(String(row.getCell(2).value ?? '').length).toBeLessThanOrEqual(32_767);
    });
    const result = await importXlsx(formSet, bytes);
    if (!result.ok) throw new Error(result.message);
    expect(result.document.sections?.['overview.duties']?.paragraphs).toEqual(long);
  });

  it('refuses, with a message, a workbook whose hidden text was damaged, rather than importing without it', async () => {
    const book = await reread(await exportXlsx(formSet, loadSample()));
    book.getWorksheet('文件信息')?.eachRow((row) => {
      if (row.getCell(1).value === '文字部分') row.getCell(2).value = '{"overview.duties": {"paragr';
    });
    const result = await importXlsx(formSet, new Uint8Array(await book.xlsx.writeBuffer()));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/文件信息.*文字部分已损坏.*删除该工作表后再导入/);
  });
});
