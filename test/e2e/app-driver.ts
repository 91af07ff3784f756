import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import { chromium } from 'playwright-core';
import {
  CHROMIUM_ARGS,
  chromiumPath,
  createChromiumRenderer,
  type ChromiumRenderer,
} from '../../src-main/node/pdf';

export const ARTIFACTS = path.resolve(__dirname, '../artifacts');

/**
 * Launches the system's Chromium (never a downloaded browser) with the flags the PDF export uses — but with real
 * scrollbars: headless Chromium hides them by default (Playwright's --hide-scrollbars), and a user's Windows or UOS
 * screen has classic 15–17 px scrollbars that take room from the grid. Tests must see the layout users see.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
    headless: true,
    ignoreDefaultArgs: ['--hide-scrollbars'],
  });
}

/**
 * One Chromium for a test file, with every page a test left open closed after it — a failed test stops before its
 * own page.close(), and a stray page must not keep running timers or holding the clipboard while the next test types.
 */
export function useApp(): { open: () => ReturnType<typeof openApp> } {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(async () => {
    await Promise.all((browser?.contexts() ?? []).map((c) => c.close()));
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    open: () => {
      if (!browser) throw new Error('Chromium did not start');
      return openApp(browser);
    },
  };
}

/** A fresh page with the app loaded on the embedded sample. */
export async function openApp(
  browser: Browser,
): Promise<{ page: Page; context: BrowserContext; errors: string[] }> {
  const url = inject('appUrl');
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    acceptDownloads: true,
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(url);
  await page.getByTestId('grid-01').locator('.ag-row').first().waitFor();
  // The text check follows the first paint: tests start from the app as it settles, with 审核结果 complete.
  await page.locator('[data-testid=findings-panel][data-text-check=done]').waitFor();
  return { page, context, errors };
}

/** The grid cell showing a logical cell: table, display row id (科目编码, r<N> on fixed tables) and grid column. */
export function cell(page: Page, table: string, rowId: string, gridCol: number): Locator {
  return page.locator(
    `[data-testid=grid-${table}] .ag-row:not(.ag-row-pinned)[row-id="${rowId}"] .ag-cell[col-id="g${gridCol}"]`,
  );
}

export async function openTable(page: Page, table: string): Promise<void> {
  await page.getByTestId(`nav-${table}`).click();
  await page.getByTestId(`grid-${table}`).locator('.ag-row:not(.ag-row-pinned)').first().waitFor();
}

/**
 * A busy PC: AG Grid's own events (dispatched with setTimeout 0) arrive well after the keys and clicks that follow,
 * as they can on a loaded office machine (Chromium runs input before timers).
 */
export async function slowGridEvents(page: Page): Promise<void> {
  await page.evaluate(() => {
    const original = window.setTimeout.bind(window);
    (window as { setTimeout: unknown }).setTimeout = (fn: TimerHandler, ms?: number, ...rest: unknown[]) =>
      original(fn, ms === undefined || ms === 0 ? 150 : ms, ...rest);
  });
}

/** Types into a cell as a user does: select it, type, Enter. */
export async function typeInto(target: Locator, text: string): Promise<void> {
  await target.click();
  await target.page().keyboard.type(text);
  await target.page().keyboard.press('Enter');
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: false });
}

/**
 * Collects every browser-native dialog (confirm/alert/prompt) the page raises, dismissing it: the app asks in its
 * own dialog, so a test expects this list to stay empty.
 */
export function nativeDialogs(page: Page): string[] {
  const seen: string[] = [];
  page.on('dialog', (d) => {
    if (d.type() === 'beforeunload') return void d.accept();
    seen.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  return seen;
}

/** Waits for the app's own question, checks its text, and answers it with the button `choice`. */
export async function answer(page: Page, expected: string | RegExp, choice: string): Promise<void> {
  const ask = page.getByTestId('dialog-choice');
  await ask.waitFor();
  const text = (await ask.textContent()) ?? '';
  if (typeof expected === 'string' ? !text.includes(expected) : !expected.test(text))
    throw new Error(`the question says “${text}”, not “${String(expected)}”`);
  await page.getByTestId(`choice-${choice}`).click();
  await ask.waitFor({ state: 'detached' });
}

/** The commands of the menus that open a dialog, and the menu each is in. */
const DIALOG_COMMANDS = [
  ['帮助', 'about'],
  ['帮助', 'formulaHelp'],
  ['文件', 'new'],
  ['文件', 'print'],
  ['文件', 'exportAuditReport'],
  ['文件', 'convertProfile'],
] as const;

/**
 * Opens each menu, then each dialog the menus open, and calls `look` on every one (the walks that scan the whole UI).
 * `away` is a point outside any menu, clicked to close one.
 */
export async function visitMenusAndDialogs(
  page: Page,
  look: (where: string) => Promise<void>,
  away: { readonly x: number; readonly y: number },
): Promise<void> {
  for (const menu of ['文件', '编辑', '视图', '帮助']) {
    await page.getByTestId(`menu-${menu}`).click();
    await look(`菜单 ${menu}`);
    await page.keyboard.press('Escape');
    await page.mouse.click(away.x, away.y);
  }
  for (const [menu, cmd] of DIALOG_COMMANDS) {
    await page.getByTestId(`menu-${menu}`).click();
    await page.getByTestId(`cmd-${cmd}`).click();
    await page.locator('.gk-dialog, [role="dialog"]').first().waitFor();
    await look(`对话框 ${cmd}`);
    await page.keyboard.press('Escape');
    await page.locator('.gk-dialog, [role="dialog"]').first().waitFor({ state: 'detached' });
  }
}

/**
 * One headless Chromium print renderer for a test file (opened before its tests, closed after): what the preview
 * tests print the PDF with, to compare it with the pages the app shows.
 */
export function usePdfRenderer(): () => ChromiumRenderer {
  let renderer: ChromiumRenderer | undefined;
  beforeAll(() => {
    renderer = createChromiumRenderer();
  });
  afterAll(async () => {
    await renderer?.close();
  });
  return () => {
    if (!renderer) throw new Error('the PDF renderer is not open');
    return renderer;
  };
}
