import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cell, openTable, typeInto, useApp } from './app-driver';

const app = useApp();

const TAIL_NOTE = '尾数差异系按元填报后四舍五入到万元所致。';
const ERROR_NOTE = '预算数以财政批复为准，待核实后更正。';

describe('审核结果: a 说明 on a finding, and the 审核报告', () => {
  it('writes, undoes, redoes and keeps a 说明; an error with a 说明 is still an error; the report carries both', async () => {
    const { page, errors } = await app.open();
    page.on('dialog', (d) => void d.accept());
    const counts = await page.locator('.gk-findings-count').first().textContent();

    // A 提示 the unit accepts.
    await page.getByTestId('filter-warning').click();
    const warning = page.getByTestId('finding-row').first();
    await warning.getByTestId('finding-note-edit').click();
    await page.getByTestId('finding-note-input').fill(TAIL_NOTE);
    await page.getByTestId('finding-note-save').click();
    await expect.poll(() => page.getByTestId('finding-note-text').first().textContent()).toBe(TAIL_NOTE);
    await expect.poll(() => page.getByTestId('notes-count').textContent()).toBe('已写说明 1 条');
    expect(await warning.getByTestId('finding-note-edit').textContent()).toBe('改说明');

    // Undoable like any edit, and back with 重做.
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByTestId('finding-note-text').count()).toBe(0);
    await page.keyboard.press('Control+y');
    await expect.poll(() => page.getByTestId('finding-note-text').first().textContent()).toBe(TAIL_NOTE);

    // An error: the 说明 is shown with the reminder, and the error count does not change.
    await page.getByTestId('filter-error').click();
    const error = page.getByTestId('finding-row').first();
    await error.getByTestId('finding-note-edit').click();
    await page.getByTestId('finding-note-input').fill(ERROR_NOTE);
    await page.getByTestId('finding-note-input').press('Control+Enter');
    await expect.poll(() => page.getByTestId('finding-note-text').first().textContent()).toBe(ERROR_NOTE);
    expect(await page.getByTestId('finding-note-still-error').first().textContent()).toMatch(
      /写了说明仍是错误，须改正/,
    );
    expect(await page.locator('.gk-findings-count').first().textContent()).toBe(counts);
    await expect.poll(() => page.getByTestId('notes-count').textContent()).toBe('已写说明 2 条');

    // An edit elsewhere leaves the findings — and their 说明 — standing.
    await openTable(page, '01');
    await typeInto(cell(page, '01', 'r1', 2), '1455.41');
    await page.getByTestId('filter-all').click();
    await expect.poll(() => page.getByTestId('notes-count').textContent()).toBe('已写说明 2 条');

    // 导出审核报告 as xlsx from the 文件 menu: busy, then a download with both 说明 and the summary.
    await page.getByTestId('menu-文件').click();
    await page.getByTestId('cmd-exportAuditReport').click();
    await page.getByTestId('audit-report-xlsx').check();
    const download = page.waitForEvent('download');
    await page.getByTestId('audit-report-go').click();
    const saved = await download;
    expect(saved.suggestedFilename()).toMatch(/审核报告\.xlsx$/);
    const book = new ExcelJS.Workbook();
    const bytes = fs.readFileSync(await saved.path());
    await book.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
    const ws = book.getWorksheet('审核报告');
    const rows: string[][] = [];
    ws?.eachRow((row, n) => {
      if (n > 3) rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? '')));
    });
    const withNote = rows.filter((r) => r[8] !== '');
    expect(withNote.map((r) => r[8]).sort()).toEqual([ERROR_NOTE, TAIL_NOTE].sort());
    expect(withNote.find((r) => r[8] === ERROR_NOTE)?.[7]).toMatch(/^错误/);
    expect(withNote.find((r) => r[8] === TAIL_NOTE)?.[7]).toBe('提示');
    expect(String(ws?.getCell(2, 1).value)).toMatch(/其中 1 个写了说明：错误写了说明仍是错误.*已说明 1 个/);
    await expect.poll(() => page.getByTestId('notice').textContent()).toMatch(/已导出审核报告/);

    // As PDF from the 审核结果 button: the browser prints the report's page (Electron writes the file).
    await page.getByTestId('export-audit-report').click();
    await page.getByTestId('audit-report-pdf').check();
    await page.getByTestId('audit-report-go').click();
    await expect.poll(() => page.locator('iframe[srcdoc]').count()).toBeGreaterThan(0);
    const html = await page.locator('iframe[srcdoc]').last().getAttribute('srcdoc');
    expect(html).toContain('审核报告');
    expect(html).toContain(TAIL_NOTE);
    expect(html).toContain(ERROR_NOTE);
    expect(errors).toEqual([]);
    await page.close();
  });
});
