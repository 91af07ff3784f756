import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cell, openTable, useApp } from './app-driver';

// Issue 13: the engine's change list reaches the views, so an edit re-renders only what shows it. Counted with the
// renderer's render counter (src-renderer/state/render-counts.ts), switched on before the app loads.
const app = useApp();

type Counts = Record<string, number>;

async function counting(page: Page): Promise<void> {
  await page.addInitScript('window.gongkaiCountRenders = true;');
  await page.reload();
  await page.getByTestId('grid-01').locator('.ag-row').first().waitFor();
  await page.locator('[data-testid=findings-panel][data-text-check=done]').waitFor();
}

type Edit = { readonly row: string; readonly col: string; readonly text: string };

/** Applies one edit of a table as the grid does, then waits for React and the text check that follows it. */
async function edit(page: Page, table: string, cells: readonly Edit[]): Promise<Counts> {
  await page.evaluate(() => {
    (window as unknown as { gongkaiRenderCounts: Counts }).gongkaiRenderCounts = {};
  });
  await page.evaluate(
    ({ table, cells }) => {
      const store = (window as unknown as { gongkaiStore: { apply(op: object, label: string): void } })
        .gongkaiStore;
      store.apply({ type: 'setCells', table, cells }, '输入');
    },
    { table, cells },
  );
  // The text check runs after the paint (a timer); give React and it time to settle.
  await page.waitForTimeout(400);
  return page.evaluate(() => ({
    ...(window as unknown as { gongkaiRenderCounts: Counts }).gongkaiRenderCounts,
  }));
}

// Sample 公开03表, 款 20805: 2080505 2栏 43.70 and 2080506 2栏 18.72 (sum 62.42, their 1栏 computed). Moving an
// amount between the two 项 leaves every total, and so every finding and the text check, as they were.
const MOVE = (a: string, b: string): Edit[] => [
  { row: '2080505', col: '2', text: a },
  { row: '2080506', col: '2', text: b },
];

const UNRELATED = [
  'Shell',
  'MenuBar',
  'NoticeBar',
  'FindBar',
  'Dialogs',
  'ConsolidationPanel',
  'TablePage-03',
];

describe('an edit re-renders only the views that show what changed', () => {
  it('an edit in 公开03表 that moves no total redraws its two rows, and re-renders no panel or other view', async () => {
    const { page } = await app.open();
    await counting(page);
    await openTable(page, '03');
    // The first edit marks the document 未保存 (the title and the status bar show that once).
    await edit(page, '03', MOVE('40.00', '22.42'));
    const counts = await edit(page, '03', MOVE('30.00', '32.42'));
    // What the user sees: both cells show their new figures (grid column 3 is 2栏), 款 20805 still 62.42.
    await expect.poll(() => cell(page, '03', '2080505', 3).textContent()).toBe('30.00');
    await expect.poll(() => cell(page, '03', '2080506', 3).textContent()).toBe('32.42');
    await expect.poll(() => cell(page, '03', '20805', 3).textContent()).toBe('62.42');
    for (const view of [...UNRELATED, 'Sidebar', 'FindingsPanel', 'TableGrid-03'])
      expect(counts[view] ?? 0, view).toBe(0);
    // The grid is not re-rendered: it redraws the two rows whose cells changed, not the table.
    expect(counts['rows redrawn 03']).toBe(2);
    await page.close();
  });

  it('an edit in 公开03表 redraws the rows of the totals it moves, and no panel that does not show them', async () => {
    const { page } = await app.open();
    await counting(page);
    await openTable(page, '03');
    const total = cell(page, '03', '20805', 3);
    await edit(page, '03', MOVE('40.00', '22.42'));
    const before = await total.textContent();
    const counts = await edit(page, '03', MOVE('5000', '22.42'));
    // The 款 above it follows.
    await expect.poll(() => total.textContent()).not.toBe(before);
    for (const view of UNRELATED) expect(counts[view] ?? 0, view).toBe(0);
    // 项, 款 20805, 类 208 and 合计: a handful of the table's rows.
    const rows = counts['rows redrawn 03'] ?? 0;
    expect(rows).toBeGreaterThanOrEqual(4);
    expect(rows).toBeLessThan(
      await page.locator('[data-testid=grid-03] .ag-row:not(.ag-row-pinned)').count(),
    );
    await page.close();
  });

  it('an edit that makes a finding redraws 审核结果 and the sidebar badge, still not the other views', async () => {
    const { page } = await app.open();
    await counting(page);
    await openTable(page, '03');
    await edit(page, '03', MOVE('40.00', '22.42'));
    const badge = page.getByTestId('badge-error-03');
    const errorsBefore = (await badge.count()) === 0 ? 0 : Number(await badge.textContent());
    // An invalid figure: an error on the cell, counted on 公开03表's badge and listed in 审核结果.
    const counts = await edit(page, '03', [{ row: '2080505', col: '2', text: '12a' }]);
    await expect.poll(async () => Number(await badge.textContent())).toBe(errorsBefore + 1);
    expect(counts['FindingsPanel'] ?? 0).toBeGreaterThan(0);
    expect(counts['Sidebar'] ?? 0).toBeGreaterThan(0);
    for (const view of ['MenuBar', 'FindBar', 'Dialogs', 'ConsolidationPanel'])
      expect(counts[view] ?? 0, view).toBe(0);
    await expect.poll(() => cell(page, '03', '2080505', 3).getAttribute('class')).toContain('gk-invalid');
    await page.close();
  });
});
