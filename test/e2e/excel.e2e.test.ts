import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { builtinFormSet } from '../../src-core';
import { importXlsx } from '../../src-core/export/xlsx-import';
import { ARTIFACTS, cell, openTable, typeInto, useApp } from './app-driver';

const app = useApp();

describe('Excel from the editor', () => {
  it('导出Excel downloads the official workbook with the edited values; 导入Excel reads it back', async () => {
    const { page } = await app.open();
    // The edit unbalances 公开05表 against 公开06表: the export asks first (the app's own dialog), and the user goes ahead.
    await openTable(page, '06');
    await typeInto(cell(page, '06', 'r4', 2), '1.5'); // 30103 奖金
    const download = page.waitForEvent('download');
    await page.getByTestId('menu-文件').click();
    await page.getByTestId('cmd-exportExcel').click();
    const ask = page.getByTestId('dialog-choice');
    await ask.waitFor();
    expect(await ask.textContent()).toMatch(/报表中 \d+ 处错误.*仍要导出吗/);
    await page.getByTestId('choice-export').click();
    const file = await (await download).path();
    const bytes = new Uint8Array(fs.readFileSync(file));
    const result = await importXlsx(builtinFormSet(), bytes);
    if (!result.ok) throw new Error(result.message);
    expect(result.document.tables['06']?.values['30103']).toEqual({ '1': '1.5' });
    // 图1—图4, drawn on a canvas in the page, travel as PNG images on their own sheet.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
    const charts = book.getWorksheet('图表');
    expect(charts?.getImages()).toHaveLength(4);
    for (const [i, img] of (charts?.getImages() ?? []).entries()) {
      const png = Buffer.from(book.getImage(Number(img.imageId)).buffer as ArrayBuffer);
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      // A chart, not an empty canvas (a blank 1120×600 PNG is about 3 KB).
      expect(png.length).toBeGreaterThan(10_000);
      fs.writeFileSync(path.join(ARTIFACTS, `excel-chart-${i + 1}.png`), png);
    }

    // Import it into a fresh window: the report, then the table shows the value.
    const second = await app.open();
    const chooser = second.page.waitForEvent('filechooser');
    await second.page.getByTestId('menu-文件').click();
    await second.page.getByTestId('cmd-importExcel').click();
    await (
      await chooser
    ).setFiles({ name: '导出.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });
    await second.page.getByTestId('import-report').waitFor();
    await expect.poll(() => second.page.getByTestId('import-report').textContent()).toContain('公开06表');
    await second.page.getByTestId('dialog-ok').click();
    await openTable(second.page, '06');
    await expect.poll(() => cell(second.page, '06', 'r4', 2).textContent()).toBe('1.50');
    await expect.poll(() => second.page.getByTestId('status-file').textContent()).toContain('未保存');
    await page.close();
    await second.page.close();
  });

  it('a bad workbook gets its message and leaves the open document as it was', async () => {
    const { page } = await app.open();
    // A real workbook with none of any profile's tables: a message naming the sheet, never an empty document.
    const payroll = new ExcelJS.Workbook();
    payroll.addWorksheet('工资表').addRow(['姓名', '基本工资', '绩效工资']);
    const noTable = Buffer.from(await payroll.xlsx.writeBuffer());
    for (const [name, buffer, text] of [
      ['renamed.xlsx', Buffer.from('这不是表格'), '不是 Excel'],
      ['half.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]), '文件不完整或已损坏'],
      ['工资.xlsx', noTable, '工作表“工资表”的表名和表头都不是认得的表'],
    ] as const) {
      const chooser = page.waitForEvent('filechooser');
      await page.getByTestId('menu-文件').click();
      await page.getByTestId('cmd-importExcel').click();
      await (await chooser).setFiles({ name, mimeType: 'application/octet-stream', buffer });
      await page.getByTestId('dialog-message').waitFor();
      await expect.poll(() => page.getByTestId('dialog-message').textContent()).toContain(text);
      await page.getByTestId('dialog-ok').click();
      await expect.poll(() => cell(page, '01', 'r1', 2).textContent()).toBe('1,455.41');
      await expect.poll(() => page.getByTestId('status-file').textContent()).toContain('示例');
    }
    await page.close();
  });
});
