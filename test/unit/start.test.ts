// `npm start`'s decision: start the binary that is there; else fetch it with Electron's installer and start; only when
// that fails say so and exit non-zero. The decision with the fetcher injected, and the real installer failing.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ensureElectron, NOT_INSTALLED_MESSAGE } from '../../scripts/ensure-electron.mjs';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');

describe('npm start finds or fetches Electron', () => {
  it('uses the installed binary without fetching', async () => {
    let fetches = 0;
    const r = await ensureElectron({
      find: () => '/opt/electron/electron',
      fetch: async () => {
        fetches++;
        return { ok: true };
      },
    });
    expect(r).toEqual({ ok: true, path: '/opt/electron/electron', fetched: false });
    expect(fetches).toBe(0);
  });

  it('fetches a missing binary, then starts the one the installer put there', async () => {
    let installed: string | null = null;
    const r = await ensureElectron({
      find: () => installed,
      fetch: async () => {
        installed = '/project/node_modules/electron/dist/electron';
        return { ok: true };
      },
    });
    expect(r).toEqual({ ok: true, path: '/project/node_modules/electron/dist/electron', fetched: true });
  });

  it('gives up with the reason when the fetch fails, or succeeds without a binary', async () => {
    expect(
      await ensureElectron({ find: () => null, fetch: async () => ({ ok: false, detail: 'fetch failed' }) }),
    ).toEqual({ ok: false, reason: 'fetch failed' });
    const empty = await ensureElectron({ find: () => null, fetch: async () => ({ ok: true }) });
    expect(empty.ok).toBe(false);
  });

  it(
    'offline: Electron’s real installer fails, npm start says so in Chinese and exits non-zero',
    { timeout: 180_000 },
    async () => {
      // A project whose electron package has no binary (whatever this machine has installed), with the real
      // installer and @electron/get; the mirror is a closed local port, so the download fails as offline.
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gongkai-start-'));
      await fs.cp(path.join(ROOT, 'scripts'), path.join(dir, 'scripts'), { recursive: true });
      await fs.writeFile(path.join(dir, 'package.json'), '{"type":"module","private":true}');
      const electron = path.join(dir, 'node_modules', 'electron');
      await fs.cp(path.join(ROOT, 'node_modules', 'electron'), electron, {
        recursive: true,
        filter: (src) => !/[/\\](dist|path\.txt)$/.test(src),
      });
      await fs.symlink(
        path.join(ROOT, 'node_modules', '@electron'),
        path.join(dir, 'node_modules', '@electron'),
      );
      const { ELECTRON_OVERRIDE_DIST_PATH: _unused, ...inherited } = process.env;
      const env = {
        ...inherited,
        ELECTRON_MIRROR: 'http://127.0.0.1:9/',
        electron_config_cache: path.join(dir, 'cache'),
      };
      const r = await run(process.execPath, [path.join(dir, 'scripts', 'start.mjs')], { cwd: dir, env }).then(
        () => ({ code: 0, stderr: '' }),
        (e: { code: number; stderr: string }) => e,
      );
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('正在下载');
      expect(r.stderr).toContain('fetch failed'); // the installer's own error, shown
      expect(r.stderr).toContain(NOT_INSTALLED_MESSAGE.split('\n')[0]);
      await expect(fs.access(path.join(electron, 'path.txt'))).rejects.toThrow();
      await fs.rm(dir, { recursive: true, force: true });
    },
  );
});
