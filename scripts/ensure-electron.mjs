// `npm start`'s first step: the Electron binary, fetched with Electron's own installer (node_modules/electron/
// install.js, i.e. @electron/get with the package's checksums) where it is missing. Electron 45 has no install
// script, so `npm install` never fetches it; the package would download it on the first require('electron'), which
// electron-vite does not do for us. The steps are injected so that the decision is tested without a network.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { findElectronBinary } from './electron-binary.mjs';

/** What `npm start` says when the binary is missing and could not be fetched (offline); it then exits non-zero. */
export const NOT_INSTALLED_MESSAGE = [
  '本机没有安装 Electron 程序文件，且无法下载（离线？），无法打开桌面程序。',
  '可以运行 `npm run web`，在浏览器中打开同样的界面；或联网后再运行 `npm start`，它会自动下载 Electron。',
  '',
  'The Electron binary is not installed on this machine and could not be downloaded (offline?), so the desktop app cannot start.',
  'Run `npm run web` to open the same UI in a browser, or run `npm start` again with a network: it fetches Electron itself.',
].join('\n');

/**
 * @typedef {{ ok: true, path: string, fetched: boolean } | { ok: false, reason: string }} EnsureResult
 * @param {{ find: () => string | null, fetch: () => Promise<{ ok: boolean, detail?: string }> }} steps
 * @returns {Promise<EnsureResult>} the binary (fetched first if it was missing), or why there is none
 */
export async function ensureElectron({ find, fetch }) {
  const present = find();
  if (present) return { ok: true, path: present, fetched: false };
  const fetched = await fetch();
  if (!fetched.ok) return { ok: false, reason: fetched.detail ?? 'Electron 安装程序失败' };
  const after = find();
  return after
    ? { ok: true, path: after, fetched: true }
    : { ok: false, reason: 'Electron 安装程序报告成功，但找不到程序文件' };
}

/**
 * Runs Electron's installer (node_modules/electron/install.js) in a child process, its progress and errors on our
 * stderr. Honours Electron's own settings (ELECTRON_MIRROR, electron_config_cache, ELECTRON_OVERRIDE_DIST_PATH …).
 * @param {string} projectRoot
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {Promise<{ ok: boolean, detail?: string }>}
 */
export function runElectronInstaller(projectRoot, env = process.env) {
  let installer;
  try {
    const require = createRequire(path.join(projectRoot, 'package.json'));
    installer = path.join(path.dirname(require.resolve('electron/package.json')), 'install.js');
  } catch {
    return Promise.resolve({ ok: false, detail: '没有安装 electron 软件包（npm install）' });
  }
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [installer], { env, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', (e) => resolve({ ok: false, detail: e.message }));
    child.on('exit', (code, signal) =>
      resolve(code === 0 ? { ok: true } : { ok: false, detail: `安装程序退出（${signal ?? code}）` }),
    );
  });
}

/**
 * The default steps: look for the binary, else fetch it with Electron's installer.
 * @param {string} projectRoot
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {Promise<EnsureResult>}
 */
export function ensureElectronBinary(projectRoot, env = process.env) {
  return ensureElectron({
    find: () => findElectronBinary(projectRoot, env),
    fetch: () => {
      process.stderr.write('没有找到 Electron 程序文件，正在下载（Electron 自带的安装程序）…\n');
      return runElectronInstaller(projectRoot, env);
    },
  });
}
