import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../../scripts/electron-binary.mjs';

let root: string;
let pkg: string;
beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'gongkai-electron-bin-'));
  pkg = path.join(root, 'node_modules', 'electron');
  await fs.mkdir(pkg, { recursive: true });
  await fs.writeFile(path.join(root, 'package.json'), '{}');
  await fs.writeFile(path.join(pkg, 'package.json'), '{"name":"electron","main":"index.js"}');
  // What index.js would do: try to download. The finder must never load it.
  await fs.writeFile(path.join(pkg, 'index.js'), 'throw new Error("tried to download Electron")');
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

describe('findElectronBinary', () => {
  it('is null when the package was installed without its binary (ELECTRON_SKIP_BINARY_DOWNLOAD)', () => {
    expect(findElectronBinary(root, {})).toBeNull();
  });

  it('is null when path.txt names a file that is not there', async () => {
    await fs.writeFile(path.join(pkg, 'path.txt'), 'electron');
    expect(findElectronBinary(root, {})).toBeNull();
  });

  it('finds the binary path.txt points to', async () => {
    await fs.writeFile(path.join(pkg, 'path.txt'), 'electron');
    await fs.mkdir(path.join(pkg, 'dist'));
    await fs.writeFile(path.join(pkg, 'dist', 'electron'), '');
    expect(findElectronBinary(root, {})).toBe(path.join(pkg, 'dist', 'electron'));
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH', async () => {
    const dist = path.join(root, 'custom');
    await fs.mkdir(dist);
    await fs.writeFile(path.join(dist, 'electron'), '');
    expect(findElectronBinary(root, { ELECTRON_OVERRIDE_DIST_PATH: dist })).toBe(path.join(dist, 'electron'));
  });

  it('is null without the electron package at all', async () => {
    await fs.rm(pkg, { recursive: true });
    expect(findElectronBinary(root, {})).toBeNull();
  });
});
