import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { cell, openTable, screenshot, useApp } from './app-driver';

const app = useApp();

/** The screens the product is used on: a 1366×768 office laptop and a large desktop monitor. */
const SCREENS = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

type Box = { x: number; y: number; width: number; height: number };

async function box(page: Page, selector: string): Promise<Box> {
  const b = await page.locator(selector).first().boundingBox();
  if (!b) throw new Error(`${selector} is not shown`);
  return b;
}

/** The window itself never scrolls: every part (menus, grid, 审核结果, status bar) is inside it. */
async function expectFitsWindow(page: Page): Promise<void> {
  const { scrollH, innerH, scrollW, innerW } = await page.evaluate(() => ({
    scrollH: document.documentElement.scrollHeight,
    innerH: window.innerHeight,
    scrollW: document.documentElement.scrollWidth,
    innerW: window.innerWidth,
  }));
  expect(scrollH).toBeLessThanOrEqual(innerH);
  expect(scrollW).toBeLessThanOrEqual(innerW);
  const status = await box(page, '.gk-statusbar');
  expect(status.y + status.height).toBeLessThanOrEqual(innerH + 0.5);
}

/** A long 公开05表: 120 项 pasted by code into 添加科目 (the user's way of getting a department's rows in). */
async function makeLongTable(page: Page): Promise<number> {
  await openTable(page, '05');
  const lines = await page.evaluate(() => {
    const store = (
      window as unknown as {
        gongkaiStore: {
          session: { formSet: { catalog: { entries(): { code: string; name: string }[] } } };
        };
      }
    ).gongkaiStore;
    return store.session.formSet.catalog
      .entries()
      .filter((e) => e.code.length === 7)
      .slice(0, 120)
      .map((e, i) => `${e.code}\t${e.name}\t${i + 1}.00`);
  });
  await page.evaluate((text) => navigator.clipboard.writeText(text), lines.join('\n'));
  await page.getByTestId('add-code').click();
  await page.keyboard.press('Control+v');
  await expect.poll(() => page.getByTestId('notice').textContent()).toContain('按科目编码导入 120 行');
  return page.getByTestId('grid-05').locator('.ag-row').count();
}

describe('the screen at 1366×768 and on a large monitor', () => {
  for (const screen of SCREENS) {
    const name = `${screen.width}x${screen.height}`;

    it(`${name}: a long table scrolls inside the grid, its header rows stay in view down to the last row`, async () => {
      const { page } = await app.open();
      await page.setViewportSize(screen);
      await makeLongTable(page);
      await expectFitsWindow(page);
      const grid = page.getByTestId('grid-05');
      const header = grid.locator('.ag-header');
      const headerBefore = await header.boundingBox();
      // Ctrl+End: the table's last cell, as in Excel.
      await cell(page, '05', '合计', 2).click();
      await page.keyboard.press('Control+End');
      const lastRow = grid.locator('.ag-row:not(.ag-row-pinned)[row-index]').last();
      await expect.poll(() => grid.locator('.ag-cell-focus').count()).toBe(1);
      const focused = await grid.locator('.ag-cell-focus').boundingBox();
      const headerAfter = await header.boundingBox();
      const gridBox = await grid.boundingBox();
      const findings = await box(page, '[data-testid=findings-panel]');
      expect(focused && headerAfter && headerBefore && gridBox).toBeTruthy();
      if (!focused || !headerAfter || !headerBefore || !gridBox) return;
      // The header did not move, the focused last cell is below it, inside the grid, above 审核结果.
      expect(headerAfter.y).toBeCloseTo(headerBefore.y, 0);
      expect(headerAfter.y).toBeGreaterThanOrEqual(gridBox.y - 0.5);
      expect(focused.y).toBeGreaterThanOrEqual(headerAfter.y + headerAfter.height - 0.5);
      expect(focused.y + focused.height).toBeLessThanOrEqual(gridBox.y + gridBox.height + 0.5);
      expect(gridBox.y + gridBox.height).toBeLessThanOrEqual(findings.y + 0.5);
      expect(await lastRow.getAttribute('row-index')).toBeTruthy();
      await expectFitsWindow(page);
      await screenshot(page, `screen-${name}-05-long-bottom`);
      await page.close();
    });

    it(`${name}: a short table ends with its rows and its notes follow; nothing overlaps`, async () => {
      const { page } = await app.open();
      await page.setViewportSize(screen);
      await openTable(page, '09');
      await expectFitsWindow(page);
      const grid = await box(page, '[data-testid=grid-09]');
      const notes = await box(page, '[data-testid=page-09] .gk-notes');
      const findings = await box(page, '[data-testid=findings-panel]');
      expect(notes.y).toBeGreaterThanOrEqual(grid.y + grid.height - 0.5);
      expect(grid.y + grid.height).toBeLessThanOrEqual(findings.y + 0.5);
      // Its one row is wholly in view, not half under the grid's edge behind a scrollbar (the grid was once given
      // its header's height as 0 and showed a sliver of the row).
      const row = await box(page, '[data-testid=grid-09] .ag-row:not(.ag-row-pinned)');
      expect(row.y + row.height).toBeLessThanOrEqual(grid.y + grid.height + 0.5);
      // The find bar opens above the page without pushing anything out of the window.
      await page.keyboard.press('Control+f');
      await page.locator('.gk-findbar').waitFor();
      await expectFitsWindow(page);
      await page.keyboard.press('Escape');
      // The open 文件 menu is drawn over the grid, not under it.
      await page.getByTestId('menu-文件').click();
      const item = await box(page, '[data-testid=cmd-exportExcel]');
      const hit = await page.evaluate(
        ([x, y]) => document.elementFromPoint(x as number, y as number)?.closest('.gk-menu-pop') !== null,
        [item.x + item.width / 2, item.y + item.height / 2],
      );
      expect(hit).toBe(true);
      await screenshot(page, `screen-${name}-menu-over-09`);
      await page.close();
    });

    it(`${name}: 审核结果 is resized by dragging its splitter, folds to one line, and is remembered`, async () => {
      const { page } = await app.open();
      await page.setViewportSize(screen);
      await openTable(page, '01');
      const panel = page.getByTestId('findings-panel');
      // Every column of 审核结果, 说明 included, is in view without scrolling sideways.
      const sideways = await page.evaluate(() => {
        const list = document.querySelector('.gk-findings-list');
        return list ? list.scrollWidth - list.clientWidth : -1;
      });
      expect(sideways).toBe(0);
      const before = await box(page, '[data-testid=findings-panel]');
      const gridBefore = await box(page, '[data-testid=page-01]');
      const splitter = await box(page, '[data-testid=findings-splitter]');
      const x = splitter.x + splitter.width / 2;
      const y = splitter.y + splitter.height / 2;
      await page.mouse.move(x, y);
      await page.mouse.down();
      await page.mouse.move(x, y - 60, { steps: 4 });
      await page.mouse.move(x, y - 120, { steps: 4 });
      await page.mouse.up();
      const taller = await box(page, '[data-testid=findings-panel]');
      expect(taller.height).toBeGreaterThan(before.height + 100);
      expect(taller.height).toBeLessThan(before.height + 140);
      // The table page gave up the room; the window still holds everything.
      const gridTaller = await box(page, '[data-testid=page-01]');
      expect(gridTaller.height).toBeLessThan(gridBefore.height - 100);
      await expectFitsWindow(page);
      await screenshot(page, `screen-${name}-findings-taller`);

      // Dragged far up, it stops where the table keeps its room.
      const s2 = await box(page, '[data-testid=findings-splitter]');
      await page.mouse.move(x, s2.y + 3);
      await page.mouse.down();
      await page.mouse.move(x, 0, { steps: 6 });
      await page.mouse.up();
      const tallest = await box(page, '[data-testid=findings-panel]');
      expect(tallest.height).toBeLessThanOrEqual(screen.height - 260 + 0.5);
      await expectFitsWindow(page);

      // 收起: only its header line stays, with the counts; the table takes the room.
      await page.getByTestId('findings-collapse').click();
      const folded = await box(page, '[data-testid=findings-panel]');
      expect(folded.height).toBeLessThan(40);
      await expect.poll(() => panel.textContent()).toMatch(/\d+ 个错误 · \d+ 个提示/);
      expect(await panel.getByTestId('finding-row').count()).toBe(0);
      await expectFitsWindow(page);
      await screenshot(page, `screen-${name}-findings-folded`);

      // A new start (reload) keeps the fold, and 展开 brings back the height the user chose.
      await page.reload();
      await page.getByTestId('grid-01').locator('.ag-row').first().waitFor();
      expect((await box(page, '[data-testid=findings-panel]')).height).toBeLessThan(40);
      await page.getByTestId('findings-collapse').click();
      await expect
        .poll(async () => Math.round((await box(page, '[data-testid=findings-panel]')).height))
        .toBe(Math.round(tallest.height));
      // The keyboard resizes it too (focus the splitter, ↓).
      await page.getByTestId('findings-splitter').focus();
      await page.keyboard.press('ArrowDown');
      await expect
        .poll(async () => Math.round((await box(page, '[data-testid=findings-panel]')).height))
        .toBe(Math.round(tallest.height) - 20);
      await page.close();
    });
  }
});
