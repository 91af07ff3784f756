import { describe, expect, it } from 'vitest';
import { screenshot, useApp } from './app-driver';

const app = useApp();

describe('部门决算单位构成 in a 上海 2024 document', () => {
  it('is a table in the 概况 (序号, 单位名称, 备注) the user fills in, undoes, and deletes', async () => {
    const { page, errors } = await app.open();
    page.on('dialog', (d) => void d.accept());
    await page.getByTestId('menu-文件').click();
    await page.getByTestId('cmd-new').click();
    await page.getByTestId('new-profile-shanghai@2024').check();
    await page.getByTestId('new-create').click();
    await page.getByTestId('nav-part:overview').click();
    const table = page.getByTestId('unit-table');
    await expect.poll(() => table.locator('th').allTextContents()).toEqual(['序号', '单位名称', '备注', '']);

    await page.getByTestId('unit-table-add').click();
    await page.getByLabel('第 1 行单位名称').fill('上海市某局（本级）');
    await page.getByLabel('第 1 行单位名称').blur();
    await page.getByTestId('unit-table-add').click();
    await page.getByLabel('第 2 行单位名称').fill('上海市某中心');
    await page.getByLabel('第 2 行单位名称').blur();
    await expect.poll(() => page.getByLabel('第 2 行单位名称').inputValue()).toBe('上海市某中心');
    await page.getByLabel('第 2 行备注').fill('事业单位');
    await page.getByLabel('第 2 行备注').blur();
    const rows = page.getByTestId('unit-table-row');
    await expect.poll(() => rows.count()).toBe(2);
    await expect.poll(() => page.getByLabel('第 2 行备注').inputValue()).toBe('事业单位');
    await screenshot(page, 'unit-table');

    // 编辑 › 撤销 takes back the 备注, then the second row's name.
    await page.getByTestId('menu-编辑').click();
    await page.getByTestId('cmd-undo').click();
    await expect.poll(() => page.getByLabel('第 2 行备注').inputValue()).toBe('');
    await expect.poll(() => page.getByLabel('第 2 行单位名称').inputValue()).toBe('上海市某中心');

    // 删除 the second row: one row left, numbered 1.
    await rows.nth(1).getByRole('button', { name: '删除' }).click();
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().locator('td').first().textContent()).toBe('1');
    expect(errors).toEqual([]);
    await page.close();
  });
});
