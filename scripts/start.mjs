// `npm start`: the desktop app under electron-vite's dev server (the renderer opens the embedded sample).
// Where the Electron binary could not be installed, say so plainly and point to the browser build instead.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electron-binary.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const electron = findElectronBinary(root);

if (!electron) {
  console.error(
    [
      '本机没有安装 Electron 程序文件，无法打开桌面程序。',
      '可以运行 `npm run web`，在浏览器中打开同样的界面；或在能联网的电脑上重新执行 `npm install` 以下载 Electron。',
      '',
      'The Electron binary is not installed on this machine, so the desktop app cannot start.',
      'Run `npm run web` to open the same UI in a browser, or run `npm install` on a networked machine to download Electron.',
    ].join('\n'),
  );
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
    env: { ...process.env, ELECTRON_EXEC_PATH: electron },
  },
);
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
// Ctrl+C already reaches the child through the terminal; stay alive until it has shut Electron down.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => child.kill('SIGTERM'));
