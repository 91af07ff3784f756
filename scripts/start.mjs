// `npm start`: the desktop app under electron-vite's dev server (the renderer opens the embedded sample). Where the
// Electron binary is missing it is fetched first with Electron's own installer; only when that fails (offline) does
// it say so, point to the browser build, and exit non-zero.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureElectronBinary, NOT_INSTALLED_MESSAGE } from './ensure-electron.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(
    `提示：Electron 45 及其下载、打包工具要求 Node.js 22.12 以上（当前 ${process.version}）；测试、命令行和浏览器版在 20.19 以上即可。\n` +
      `Note: Electron 45 and its download/packaging tools require Node.js ≥ 22.12 (this is ${process.version}).\n`,
  );
}

const electron = await ensureElectronBinary(root);
if (!electron.ok) {
  console.error(`${NOT_INSTALLED_MESSAGE}\n\n（${electron.reason}）`);
  process.exit(1);
}

const cli = path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
const child = spawn(
  process.execPath,
  [cli, 'dev', '--config', 'electron.config.ts', ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
    // electron-vite would otherwise locate the binary itself; hand it the one found above.
    env: { ...process.env, ELECTRON_EXEC_PATH: electron.path },
  },
);
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
// Ctrl+C already reaches the child through the terminal; stay alive until it has shut Electron down.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => child.kill('SIGTERM'));
