// Every button the app draws performs an action of the one table (src-core/actions): it says which in data-action.
// The test walks the app's pages, menus, panels and dialogs and lists any button that names no action, or one the
// table does not hold.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ACTION_SPECS } from '../../src-core';
import { useApp, visitMenusAndDialogs } from './app-driver';

const app = useApp();
const KNOWN = new Set<string>(ACTION_SPECS.map((a) => a.id));

/** The buttons shown now that name no action of the table, described by their text or title. */
async function strayButtons(page: Page, where: string): Promise<string[]> {
  const found = await page.$$eval('button', (buttons) =>
    buttons.map((b) => ({
      action: b.getAttribute('data-action'),
      text: (b.textContent || b.getAttribute('title') || b.getAttribute('aria-label') || b.outerHTML).trim(),
      // AG Grid draws its own (filter, column menu) buttons; the app shows none of them, but skip them if it does.
      grid: b.closest('.ag-root-wrapper') !== null && !b.closest('.ag-cell, .ag-tooltip, .gk-tooltip'),
    })),
  );
  return found
    .filter((b) => !b.grid && (b.action === null || !KNOWN.has(b.action)))
    .map((b) => `${where}: “${b.text.slice(0, 40)}” (${b.action ?? 'no data-action'})`);
}

describe('buttons', () => {
  it('every button on every page, menu, panel and dialog performs an action of the table', async () => {
    const { page } = await app.open();
    const stray: string[] = [];
    let seen = 0;
    const look = async (where: string) => {
      seen += await page.locator('button').count();
      stray.push(...(await strayButtons(page, where)));
    };
    await look('公开01表');
    const navs = await page.$$eval('[data-testid^="nav-"]', (els) =>
      els.map((e) => e.getAttribute('data-testid')),
    );
    for (const nav of navs) {
      if (!nav) continue;
      await page.getByTestId(nav).click();
      await page.waitForTimeout(50);
      await look(nav);
    }
    // A text section's editor, the 绩效 forms with a project, 单位汇总, each menu, dialogs.
    await page.getByTestId('nav-part:explanation').click();
    const edit = page.locator('[data-testid^="edit-"]').first();
    await edit.click();
    await look('情况说明（编辑中）');
    await page.locator('[data-action="cancelSection"]').first().click();
    await page.getByTestId('nav-performance').click();
    const add = page.getByTestId('performance-add-project');
    if (await add.count()) await add.click();
    await look('绩效自评表');
    await page.getByTestId('finding-note-edit').first().click();
    await look('写说明');
    await visitMenusAndDialogs(page, look, { x: 700, y: 450 });
    await page.getByTestId('consolidation-open').click();
    await look('单位汇总');
    expect(seen).toBeGreaterThan(60);
    expect(stray).toEqual([]);
  });
});
