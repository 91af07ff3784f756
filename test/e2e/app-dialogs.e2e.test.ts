import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeDocument } from '../../src-core';
import { threeUnits } from '../../src-core/consolidation/__tests__/fixtures';
import { answer, cell, nativeDialogs, openTable, screenshot, typeInto, useApp } from './app-driver';

const app = useApp();

/**
 * Every question the app asks is its own dialog (Chinese buttons, Esc is 取消), never the browser's confirm():
 * 取消 leaves everything as it was, the other answer does what it says.
 */
describe('questions in the app’s own dialog', () => {
  it('1366×768: 删除科目 asks 删除 / 取消', async () => {
    const { page, errors } = await app.open();
    await page.setViewportSize({ width: 1366, height: 768 });
    const native = nativeDialogs(page);
    await openTable(page, '03');
    await cell(page, '03', '20811', 1).click();
    await page.getByTestId('delete-row').click();
    await screenshot(page, 'dialog-delete-row-1366x768');
    await answer(page, '删除科目 20811 及其下级 1 行？', 'cancel');
    await expect.poll(() => cell(page, '03', '2081199', 4).textContent()).toBe('1.47');
    await page.getByTestId('delete-row').click();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('dialog-choice').count()).toBe(0);
    await expect.poll(() => cell(page, '03', '2081199', 4).textContent()).toBe('1.47');
    await page.getByTestId('delete-row').click();
    await answer(page, '删除科目 20811', 'delete');
    await expect.poll(() => page.locator('[data-testid=grid-03] .ag-row[row-id="2081199"]').count()).toBe(0);
    expect(native).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('1920×1080: 金额单位 asks 确定 / 取消 before converting', async () => {
    const { page, errors } = await app.open();
    await page.setViewportSize({ width: 1920, height: 1080 });
    const native = nativeDialogs(page);
    await page.getByTestId('nav-unit').click();
    await page.getByTestId('unit-money').selectOption('元');
    await answer(page, '每个金额乘以 10000', 'cancel');
    await expect.poll(() => page.getByTestId('unit-money').inputValue()).toBe('万元');
    await page.getByTestId('unit-money').selectOption('元');
    await answer(page, '每个金额乘以 10000', 'ok');
    await expect.poll(() => page.getByTestId('unit-money').inputValue()).toBe('元');
    await openTable(page, '01');
    await expect.poll(() => cell(page, '01', 'r1', 2).textContent()).toBe('14,554,100.00');
    expect(native).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('1366×768: 按报表生成草稿 over written text asks 替换 / 取消', async () => {
    const { page, errors } = await app.open();
    await page.setViewportSize({ width: 1366, height: 768 });
    const native = nativeDialogs(page);
    await page.getByTestId('nav-part:explanation').click();
    const section = page.getByTestId('section-explanation.expenditure');
    // The sample's own sentence, which a draft would replace.
    await expect.poll(() => section.textContent()).toContain('主要原因是宣传事务减少3.34万元');
    await page.getByTestId('draft-explanation.expenditure').click();
    await answer(page, /用按报表生成的草稿替换“.+”现有的 \d+ 段文字？/, 'cancel');
    expect(await section.textContent()).toContain('主要原因是宣传事务减少3.34万元');
    await expect.poll(() => section.getByTestId('text-todo').count()).toBe(0);
    await page.getByTestId('draft-explanation.expenditure').click();
    await answer(page, '现有的', 'replace');
    await expect.poll(() => section.textContent()).toContain('基本支出348.29万元，占本年支出23.93%');
    expect(native).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('1366×768: opening a unit from 汇总 over unsaved work asks 放弃修改并打开 / 取消', async () => {
    const { page, errors } = await app.open();
    await page.setViewportSize({ width: 1366, height: 768 });
    const native = nativeDialogs(page);
    await typeInto(cell(page, '01', 'r1', 2), '1500');
    await expect.poll(() => page.getByTestId('status-file').textContent()).toContain('未保存');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-dialog-e2e-'));
    const files = threeUnits().map((d, i) => {
      const f = path.join(dir, `单位${i + 1}.gongkai.json`);
      fs.writeFileSync(f, writeDocument(d));
      return f;
    });
    await page.getByTestId('consolidation-open').click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('consolidation-pick').click();
    await (await chooser).setFiles(files);
    await page.getByTestId('consolidation-table-03').click();
    await page.getByTestId('consolidation-cell-合计-2').click();
    const open = page.getByTestId('consolidation-part').nth(1).getByTestId('consolidation-open-unit');
    await open.click();
    await answer(page, '有未保存的修改，打开单位将放弃这些修改', 'cancel');
    await expect.poll(() => page.getByTestId('consolidation-panel').count()).toBe(1);
    await expect.poll(() => page.getByTestId('status-file').textContent()).toContain('未保存');
    await open.click();
    await answer(page, '有未保存的修改', 'discard');
    await expect.poll(() => page.getByTestId('page-03').textContent()).toContain('部门：乙单位');
    expect(native).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
