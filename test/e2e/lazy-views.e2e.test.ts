// The pages a table does not show load their code when first opened (src-renderer/lazy-view.tsx). If that code
// cannot be loaded — the program's files replaced or removed while it runs — the page says so in Chinese, and the
// rest of the window (the tables, what was typed) goes on working: never a blank window.
import { describe, expect, it } from 'vitest';
import { cell, openTable, useApp } from './app-driver';

const app = useApp();

describe('views loaded on first use', { timeout: 120_000 }, () => {
  it('a text page opens once its code has loaded', async () => {
    const { page, errors } = await app.open();
    await page.getByTestId('nav-part:explanation').click();
    await page.getByTestId('section-explanation.threePublic').waitFor();
    await expect.poll(() => page.locator('.gk-centre').innerText()).toContain('一、收入支出决算总体情况说明');
    expect(errors).toEqual([]);
  });

  it('says which page could not be loaded, and the tables go on working', async () => {
    const { page, context } = await app.open();
    // The text page's code is not there (as after an update replaced the program's files).
    await context.route(/TextPartPage-[^/]*\.js$/, (route) => route.abort());
    await page.getByTestId('nav-part:explanation').click();
    const alert = page.locator('.gk-centre [role=alert]');
    await expect.poll(() => alert.textContent()).toMatch(/无法载入“公开文本”的程序文件/);
    // The rest of the window works on: back to a table, which edits and recomputes as before.
    await openTable(page, '01');
    await expect.poll(() => cell(page, '01', 'r1', 2).textContent()).toBe('1,455.41');
    expect(await page.getByTestId('section-explanation.threePublic').count()).toBe(0);
  });
});
