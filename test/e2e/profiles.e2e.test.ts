import { describe, expect, it } from 'vitest';
import { screenshot, useApp } from './app-driver';

const app = useApp();

describe('新建 picks the form profile', () => {
  it('offers every shipped profile, and a 上海 2024 document stays on the 上海 forms for the next 新建', async () => {
    const { page, errors } = await app.open();
    page.on('dialog', (d) => void d.accept());
    await page.getByTestId('menu-文件').click();
    await page.getByTestId('cmd-new').click();
    // The open document's profile (the sample: national 2023) is preselected.
    await expect.poll(() => page.getByTestId('new-profile-national@2023').isChecked()).toBe(true);
    await page.getByTestId('new-profile-shanghai@2024').check();
    await screenshot(page, 'new-document-profiles');
    await page.getByTestId('new-create').click();
    // The 上海 tables: 表七 is the 三公 table there (公开09表 in the national forms).
    await expect
      .poll(() => page.getByTestId('nav-07').getAttribute('title'))
      .toBe('表七 财政拨款“三公”经费支出决算表');
    await expect.poll(() => page.getByTestId('status-file').textContent()).toContain('尚未保存');

    // 新建 again: the 上海 profile is now the preselected one.
    await page.getByTestId('menu-文件').click();
    await page.getByTestId('cmd-new').click();
    await expect.poll(() => page.getByTestId('new-profile-shanghai@2024').isChecked()).toBe(true);
    await page.getByTestId('new-create').click();
    await expect
      .poll(() => page.getByTestId('nav-07').getAttribute('title'))
      .toBe('表七 财政拨款“三公”经费支出决算表');
    expect(errors).toEqual([]);
    await page.close();
  });
});
