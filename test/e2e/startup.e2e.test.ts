import { describe, expect, it } from 'vitest';
import { useApp } from './app-driver';

// Issue 15: the first grid comes before the text check. Checking the publication's text costs more than drawing the
// table, so it waits for the first rows to be painted; until it has run, 审核结果 and the sidebar say 正在核对 — never
// a count or 通过 that leaves the text out.
const app = useApp();

/** At the moment the first grid's first row appears: what 审核结果 says then. */
const AT_FIRST_ROWS = `
  new MutationObserver((_, observer) => {
    if (!document.querySelector('[data-testid="grid-01"] .ag-row')) return;
    observer.disconnect();
    const panel = document.querySelector('[data-testid="findings-panel"]');
    window.__atFirstRows = {
      textCheck: panel ? panel.getAttribute('data-text-check') : 'no panel',
      head: panel ? panel.querySelector('.gk-findings-head').textContent : '',
      pendingBadges: document.querySelectorAll('.gk-sidebar .gk-badge-pending').length,
    };
  }).observe(document, { childList: true, subtree: true });
`;

interface AtFirstRows {
  readonly textCheck: string | null;
  readonly head: string;
  readonly pendingBadges: number;
}

describe('startup: the first grid before the text check', () => {
  it('shows the tables first, says the text is being checked, then lists the text’s errors', async () => {
    const { page, errors } = await app.open();
    await page.addInitScript(AT_FIRST_ROWS);
    await page.reload();
    const at = (await (
      await page.waitForFunction(() => (window as { __atFirstRows?: AtFirstRows }).__atFirstRows)
    ).jsonValue()) as AtFirstRows;
    // The sample's tables have 0 errors and 9 warnings; its text 4 errors and 2 warnings (gongkai check --text).
    expect(at.textCheck).toBe('pending');
    expect(at.head).toContain('公开文本核对中');
    expect(at.head).toContain('0 个错误 · 9 个提示');
    expect(at.pendingBadges).toBeGreaterThan(0);

    const panel = page.getByTestId('findings-panel');
    await expect.poll(() => panel.getAttribute('data-text-check')).toBe('done');
    await expect
      .poll(() => panel.locator('.gk-findings-head').textContent())
      .toContain('4 个错误 · 11 个提示');
    expect(await page.getByTestId('text-check-pending').count()).toBe(0);
    expect(await page.locator('.gk-sidebar .gk-badge-pending').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('a document opened into the table page is checked once its rows are drawn', async () => {
    const { page } = await app.open();
    const panel = page.getByTestId('findings-panel');
    await page.evaluate(async () => {
      const store = (
        window as unknown as {
          gongkaiStore: { document: object; openText(t: string, f: object): boolean };
        }
      ).gongkaiStore;
      // The same publication as a file of its own: a new session, so its text is checked afresh.
      store.openText(JSON.stringify(store.document), { filePath: null, fileName: '再次打开.gongkai.json' });
    });
    await expect
      .poll(() => panel.locator('.gk-findings-head').textContent())
      .toContain('4 个错误 · 11 个提示');
    expect(await panel.getAttribute('data-text-check')).toBe('done');
  });
});
