import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { formSet, loadSample } from '../../engine/__tests__/helpers';
import { exportXlsx } from '../xlsx-export';
import { importXlsx } from '../xlsx-import';

async function bytesOf(book: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe('an import never turns what it could not read into an empty document', () => {
  it('a table found by its sheet name whose header has no 栏次 and no matching text is an error naming it', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('公开01表');
    ws.addRow(['收入支出决算总表']);
    ws.addRow(['收入', '', '支出']);
    ws.addRow(['名目', '数额', '名目', '数额']);
    ws.addRow(['一、一般公共预算财政拨款收入', '100.00', '一、一般公共服务支出', '100.00']);
    const r = await importXlsx(formSet, await bytesOf(book));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toContain('没有一张表能读出');
    expect(r.message).toContain('公开01表');
    expect(r.message).toMatch(/栏次/);
    expect(r.report?.find((t) => t.table === '01')?.status).toBe('unread');
  });

  it('one unreadable table among readable ones stops the import and is reported exactly', async () => {
    const good = await exportXlsx(formSet, loadSample());
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(good as unknown as ArrayBuffer);
    const ws = book.getWorksheet('公开05表');
    if (!ws) throw new Error('no 公开05表');
    // A clerk's own header: neither 栏次 numbers nor 科目名称.
    ws.eachRow((row) =>
      row.eachCell((c) => (/^\d{1,2}$|科目名称/.test(String(c.value)) ? (c.value = '？') : 0)),
    );
    const info = book.getWorksheet('文件信息');
    if (info) book.removeWorksheet(info.id);
    const r = await importXlsx(formSet, await bytesOf(book));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toContain('有 1 张表找到了却读不出');
    expect(r.message).toContain('公开05表');
    const statuses = r.report?.map((t) => `${t.table}:${t.status}`);
    expect(statuses).toContain('05:unread');
    expect(statuses?.filter((s) => s.endsWith(':read'))).toHaveLength(8);
  });

  it('a 说明 line printed under an empty “三公” table is its 说明, never an invalid amount', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('公开09表');
    ws.addRow(['财政拨款“三公”经费支出决算表']);
    ws.addRow(['预算数', '', '', '', '', '', '决算数']);
    ws.addRow(['合计', '因公出国（境）费', '公务用车购置及运行维护费', '', '', '公务接待费']);
    ws.addRow(['', '', '小计', '公务用车购置费', '公务用车运行维护费']);
    ws.addRow(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']);
    const line = '说明：本单位本年度没有财政拨款“三公”经费支出，故本表无数据。';
    ws.addRow([line]);
    ws.mergeCells('A6:L6');
    const r = await importXlsx(formSet, await bytesOf(book));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.document.tables['09']?.note).toBe(line);
    expect(r.document.tables['09']?.values ?? {}).toEqual({});
    expect(r.report.find((t) => t.table === '09')?.skipped).toEqual([]);
  });
});
