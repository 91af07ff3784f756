import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cell, openTable, useApp } from './app-driver';

// The keys of issue 11 that come from the one action registry (src-core/actions): Ctrl+F, Esc, F6, Ctrl+PageDown.
const app = useApp();

const focusedIn = (page: Page, selector: string) =>
  page.evaluate((s) => !!document.activeElement?.closest(s), selector);

describe('keys that keep Excel and Office habits', () => {
  for (const viewport of [
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 },
  ]) {
    it(`Ctrl+F reopens with the previous text selected; Esc returns to the grid at the found cell (${viewport.width}×${viewport.height})`, async () => {
      const { page } = await app.open();
      await page.setViewportSize(viewport);
      await page.keyboard.press('Control+f');
      await page.getByTestId('find-input').fill('住房公积金');
      await page.getByTestId('find-input').press('Enter');
      await page.getByTestId('grid-02').waitFor();
      const found = cell(page, '02', '2210201', 2);
      await expect.poll(() => found.getAttribute('class')).toContain('ag-cell-focus');
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByTestId('find-input').count()).toBe(0);
      // The keyboard is in the grid, on the cell found: an arrow moves from there.
      await expect.poll(() => focusedIn(page, '[data-testid=grid-02] .ag-cell')).toBe(true);
      await expect.poll(() => found.evaluate((el) => el.contains(document.activeElement))).toBe(true);
      await page.keyboard.press('Control+f');
      const input = page.getByTestId('find-input');
      await expect.poll(() => input.inputValue()).toBe('住房公积金');
      await expect
        .poll(() => input.evaluate((el: HTMLInputElement) => [el.selectionStart, el.selectionEnd]))
        .toEqual([0, 5]);
      await expect.poll(() => focusedIn(page, '[data-testid=find-input]')).toBe(true);
      // Typing replaces the selected text.
      await page.keyboard.type('工资');
      await expect.poll(() => input.inputValue()).toBe('工资');
      await page.close();
    });
  }

  it('F6 cycles 侧栏 → 表格 → 审核结果, and Shift+F6 goes back', async () => {
    const { page } = await app.open();
    await page.setViewportSize({ width: 1366, height: 768 });
    await openTable(page, '03');
    const start = cell(page, '03', '2013350', 3);
    await start.click();
    await page.keyboard.press('F6');
    await expect.poll(() => focusedIn(page, '.gk-findings')).toBe(true);
    await page.keyboard.press('F6');
    await expect.poll(() => focusedIn(page, '.gk-sidebar')).toBe(true);
    // In 侧栏 the current table's entry has the focus.
    await expect.poll(() => focusedIn(page, '[data-testid=nav-03]')).toBe(true);
    await page.keyboard.press('F6');
    // Back in the grid at the cell that was active.
    await expect.poll(() => start.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Shift+F6');
    await expect.poll(() => focusedIn(page, '.gk-sidebar')).toBe(true);
    await page.close();
  });

  it('after Ctrl+PageDown/PageUp the keyboard stays in the grid, and each table keeps its active cell', async () => {
    const { page } = await app.open();
    await page.setViewportSize({ width: 1366, height: 768 });
    await openTable(page, '03');
    const active = cell(page, '03', '2013350', 3);
    await active.click();
    await page.keyboard.press('Control+PageDown');
    await page.getByTestId('grid-04').locator('.ag-row:not(.ag-row-pinned)').first().waitFor();
    await expect.poll(() => focusedIn(page, '[data-testid=grid-04] .ag-cell')).toBe(true);
    // The arrows work at once, in the new table.
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => focusedIn(page, '[data-testid=grid-04] .ag-cell')).toBe(true);
    await page.keyboard.press('Control+PageUp');
    await page.getByTestId('grid-03').locator('.ag-row:not(.ag-row-pinned)').first().waitFor();
    await expect
      .poll(() => cell(page, '03', '2013350', 3).evaluate((el) => el.contains(document.activeElement)))
      .toBe(true);
    await page.close();
  });
});
