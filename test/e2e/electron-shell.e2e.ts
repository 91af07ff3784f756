// The Electron shell end to end: build, launch the real app with Playwright, check window, bridge, isolation, menu.
// A plain script (`npx tsx test/e2e/electron-shell.e2e.ts`), not a vitest file: it needs the Electron binary, and
// where that is not installed it prints "skipped: no Electron binary" and exits 0.
// On Linux without a display it re-runs itself under `xvfb-run` if that is available.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, type ElectronApplication } from 'playwright-core';
import { findElectronBinary } from '../../scripts/electron-binary.mjs';
import { HOST_API_METHODS } from '../../src-main/electron/host-bridge';
import { buildMenuTemplate } from '../../src-main/electron/menu-template';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const APP_TITLE = '决算公开表编辑器';
// The 文件 menu as the menu template builds it from the action registry (a hand-kept list went stale as commands
// were added); what this test checks is that the running app installs it.
const FILE_MENU = (
  buildMenuTemplate(
    { platform: process.platform, recent: [], devTools: false },
    { command: () => undefined, edit: () => undefined, clearRecent: () => undefined, quit: () => undefined },
  ).find((item) => String(item.label).startsWith('文件'))?.submenu as
    { type?: string; label?: string }[] | undefined
)
  ?.filter((item) => item.type !== 'separator')
  .map((item) => item.label);

function needsDisplay(): boolean {
  return process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
}

function rerunUnderXvfb(): never {
  const xvfb = spawnSync('sh', ['-c', 'command -v xvfb-run'], { encoding: 'utf8' });
  if (xvfb.status !== 0) {
    console.error('No display and no xvfb-run: run this test under a display server (e.g. `xvfb-run -a`).');
    process.exit(1);
  }
  const result = spawnSync(
    'xvfb-run',
    ['-a', process.execPath, ...process.execArgv, ...process.argv.slice(1)],
    {
      stdio: 'inherit',
    },
  );
  process.exit(result.status ?? 1);
}

async function buildApp(): Promise<void> {
  const { build } = await import('electron-vite');
  await build({ root, configFile: path.join(root, 'electron.config.ts'), logLevel: 'warn' });
}

async function check(app: ElectronApplication): Promise<void> {
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');

  // The renderer comes from the app:// scheme, not file://, and its scripts and styles load through it.
  assert.equal(page.url(), 'app://gongkai/index.html', 'the page is served from app://gongkai/');
  // The tables are listed: the bundle loaded through app://.
  await page.locator('text=公开01表').first().waitFor({ state: 'visible', timeout: 30_000 });
  const fileFetch = await page.evaluate(() =>
    fetch('file:///etc/hostname').then(
      () => 'read',
      () => 'refused',
    ),
  );
  assert.equal(fileFetch, 'refused', 'the page cannot read local files');

  // The native title is the main process's; the page's <title> never replaces it.
  const title = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle() ?? '');
  assert.ok(title.includes(APP_TITLE), `window title "${title}" should contain ${APP_TITLE}`);

  const bridge = await page.evaluate(() => {
    const api = (window as unknown as Record<string, Record<string, unknown> | undefined>).gongkai ?? {};
    return Object.entries(api).map(([key, value]) => [key, typeof value]);
  });
  assert.deepEqual(
    bridge.map(([key]) => key).sort(),
    [...HOST_API_METHODS].sort(),
    'window.gongkai exposes exactly the HostApi',
  );
  assert.ok(
    bridge.every(([, type]) => type === 'function'),
    'every window.gongkai member is a function',
  );

  const globals = await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    return { require: typeof w.require, process: typeof w.process, module: typeof w.module };
  });
  assert.deepEqual(
    globals,
    { require: 'undefined', process: 'undefined', module: 'undefined' },
    'no Node in the page',
  );

  const info = await page.evaluate(() =>
    (window as unknown as { gongkai: { info(): Promise<{ kind: string }> } }).gongkai.info(),
  );
  assert.equal(info.kind, 'electron');

  // The main process validates every argument and refuses paths it did not hand out.
  const bad = await page.evaluate(() =>
    (window as unknown as { gongkai: { openRecent(p: unknown): Promise<unknown> } }).gongkai
      .openRecent(42)
      .then(
        () => 'resolved',
        (e: unknown) => String(e),
      ),
  );
  assert.match(bad, /请求参数无效/, 'bad IPC arguments are rejected');
  const foreign = await page.evaluate(() =>
    (
      window as unknown as { gongkai: { openRecent(p: string): Promise<{ status: string }> } }
    ).gongkai.openRecent('/etc/passwd'),
  );
  assert.equal(foreign.status, 'failed', 'openRecent refuses a path that is not on the recent list');

  const fileMenu = await app.evaluate(({ Menu }) => {
    const file = Menu.getApplicationMenu()?.items.find((item) => item.label.startsWith('文件'));
    return file?.submenu?.items.filter((item) => item.type !== 'separator').map((item) => item.label) ?? [];
  });
  assert.deepEqual(fileMenu, FILE_MENU, '文件 menu items');
}

async function main(): Promise<void> {
  const electron = findElectronBinary(root);
  if (!electron) {
    console.log('skipped: no Electron binary');
    return;
  }
  if (needsDisplay()) rerunUnderXvfb();

  await buildApp();
  const userData = await fs.mkdtemp(path.join(os.tmpdir(), 'gongkai-e2e-profile-'));
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  delete env.ELECTRON_RENDERER_URL; // the built renderer, not a dev server
  env.GONGKAI_USER_DATA_DIR = userData;

  // Chromium refuses to start as root with its sandbox (CI containers); the page's own sandbox setting still applies.
  const args = [root, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])];
  const app = await _electron.launch({ executablePath: electron, args, cwd: root, env, timeout: 60_000 });
  try {
    await check(app);
    console.log('electron-shell e2e: ok');
  } finally {
    // Answer 不保存 should the renderer consider its document dirty, so closing never waits on a dialog.
    await app.evaluate(({ dialog }) => {
      dialog.showMessageBox = (() =>
        Promise.resolve({ response: 1, checkboxChecked: false })) as typeof dialog.showMessageBox;
    });
    await app.close();
    await fs.rm(userData, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
