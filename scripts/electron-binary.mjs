// Where the Electron binary is, without triggering a download. `require('electron')` would try to fetch the binary
// when it is missing (node_modules/electron/index.js calls its installer), which on an offline machine hangs or fails
// noisily; this reads the same path.txt the package writes after a successful install and only checks the file.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * @param {string} projectRoot
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {string | null} the executable's absolute path, or null if it is not installed
 */
export function findElectronBinary(projectRoot, env = process.env) {
  let packageDir;
  try {
    const require = createRequire(path.join(projectRoot, 'package.json'));
    packageDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  let relative;
  try {
    relative = fs.readFileSync(path.join(packageDir, 'path.txt'), 'utf8').trim();
  } catch {
    relative = null;
  }
  const candidates = [];
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    candidates.push(path.join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron'));
  }
  if (relative) candidates.push(path.join(packageDir, 'dist', relative));
  return candidates.find((file) => fs.existsSync(file) && fs.statSync(file).isFile()) ?? null;
}
