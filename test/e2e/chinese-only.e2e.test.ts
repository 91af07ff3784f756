// Everything the app says is Chinese: the test walks its pages, menus, panels, the grid in edit mode and its dialogs,
// on a machine set to English (a clerk's laptop bought abroad, or a default install), and lists any English word in
// visible text or in what a screen reader says (aria-label, title, placeholder, alt) — AG Grid's own labels too. It
// looks at strings without any Chinese (a label left in English); a stray English word inside a Chinese sentence is
// not what it catches.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { inject } from 'vitest';
import { cell, launchBrowser, openTable, visitMenusAndDialogs } from './app-driver';
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';

/** Names that are names in Chinese text too: file formats and products, key caps, the sample file's name. */
const ALLOWED = new Set(
  [
    'Excel',
    'PDF',
    'Word',
    'WPS',
    'xlsx',
    'json',
    'gongkai',
    'csv',
    'docx',
    'Ctrl',
    'Shift',
    'Alt',
    'Tab',
    'Enter',
    'Esc',
    'Delete',
    'PageUp',
    'PageDown',
    'Home',
    'End',
    'Electron',
    'Chromium',
    'HyperFormula',
    'MIT',
  ].map((w) => w.toLowerCase()),
);

let browser: Browser | undefined;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** English words shown now, each with where it was seen. */
async function englishOn(page: Page, where: string): Promise<string[]> {
  const found = await page.evaluate(() => {
    const out: { text: string; how: string }[] = [];
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return r.width > 0 && r.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
    };
    for (const el of document.querySelectorAll('body *')) {
      for (const attr of [
        'aria-label',
        'title',
        'placeholder',
        'alt',
        'aria-description',
        'aria-roledescription',
      ]) {
        const v = el.getAttribute(attr);
        if (v) out.push({ text: v, how: `${el.tagName.toLowerCase()}[${attr}]` });
      }
    }
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      if (!parent || ['SCRIPT', 'STYLE'].includes(parent.tagName) || !visible(parent)) continue;
      const t = n.textContent ?? '';
      if (/[A-Za-z]{3,}/.test(t)) out.push({ text: t.trim(), how: parent.tagName.toLowerCase() });
    }
    return out;
  });
  const english: string[] = [];
  for (const f of found) {
    // A string with Chinese in it is the app's own sentence or the document's text (“知音汉阳app”, “WCI微信传播指数”):
    // what the check looks for is a label left in English — AG Grid's “Press Space to toggle”, an English title.
    if (/[\u3400-\u9fff]/.test(f.text)) continue;
    const words = (f.text.match(/[A-Za-z]{3,}/g) ?? []).filter((w) => !ALLOWED.has(w.toLowerCase()));
    if (words.length > 0) english.push(`${where}: ${f.how} “${f.text.slice(0, 60)}”`);
  }
  return english;
}

describe('the app speaks Chinese on an English system', () => {
  it('no English in any page, menu, panel, the grid’s own labels or a dialog; dates in Chinese', async () => {
    if (!browser) throw new Error('Chromium did not start');
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(inject('appUrl'));
    await page.getByTestId('grid-01').locator('.ag-row').first().waitFor();
    const seen = new Set<string>();
    const english: string[] = [];
    const look = async (where: string) => {
      for (const e of await englishOn(page, where)) {
        const key = e.slice(e.indexOf(': ') + 2);
        if (!seen.has(key)) english.push(e);
        seen.add(key);
      }
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
    // The grid with a cell being edited (AG Grid's editor input has its own label), and a selection.
    await openTable(page, '03');
    await cell(page, '03', '2101102', 3).dblclick();
    await look('公开03表（编辑中）');
    await page.keyboard.press('Escape');
    await cell(page, '03', '2101102', 3).click();
    await page.keyboard.press('Shift+ArrowDown');
    await look('公开03表（选中两格）');
    await page.keyboard.press('Control+f');
    await look('查找');
    await page.keyboard.press('Escape');
    await visitMenusAndDialogs(page, look, { x: 700, y: 300 });
    await page.getByTestId('finding-note-edit').first().click();
    await look('写说明');
    await page.keyboard.press('Escape');
    await page.getByTestId('consolidation-open').click();
    await look('单位汇总');

    // The recovery prompt after a crash: its date in Chinese, not the system's “12/2/2026, 1:05:00 PM”.
    await page.evaluate(() => {
      const store = (window as unknown as { gongkaiStore: { text(): string } }).gongkaiStore;
      localStorage.setItem(
        'gongkai.recovery',
        JSON.stringify({
          text: store.text(),
          filePath: null,
          fileName: '恢复测试.gongkai.json',
          at: new Date(2026, 11, 2, 13, 5).toISOString(),
        }),
      );
    });
    const again = await context.newPage();
    await again.goto(page.url());
    const restore = again.getByTestId('dialog-restore');
    await restore.waitFor();
    expect(await restore.textContent()).toContain('找到 2026年12月2日 13:05 自动保存的');
    english.push(...(await englishOn(again, '恢复对话框')));
    await context.close();
    expect(english).toEqual([]);
  });
});
