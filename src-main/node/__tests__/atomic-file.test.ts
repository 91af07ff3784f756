import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sweepStaleTemps, temporaryPathIn, writeFileAtomic } from '../atomic-file';
import { fileErrorMessage } from '../file-errors';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gongkai-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('puts the .bak in place by rename, never by writing into it (a kill mid-copy left it truncated)', async () => {
    const file = path.join(dir, 'a.gongkai.json');
    await fs.writeFile(file, 'old');
    // A second name for whatever .bak is now: writing into .bak in place would change it, a rename does not.
    const sentinel = path.join(dir, 'sentinel');
    await fs.writeFile(sentinel, 'older');
    await fs.link(sentinel, `${file}.bak`);
    await writeFileAtomic(file, 'new');
    expect(await fs.readFile(file, 'utf8')).toBe('new');
    expect(await fs.readFile(`${file}.bak`, 'utf8')).toBe('old');
    expect(await fs.readFile(sentinel, 'utf8')).toBe('older');
    expect((await fs.readdir(dir)).sort()).toEqual(['a.gongkai.json', 'a.gongkai.json.bak', 'sentinel']);
  });

  it('keeps the file mode (0600 stays 0600, the .bak too)', async () => {
    const file = path.join(dir, 'private.gongkai.json');
    await fs.writeFile(file, 'old', { mode: 0o600 });
    await fs.chmod(file, 0o600);
    await writeFileAtomic(file, 'new');
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    expect((await fs.stat(`${file}.bak`)).mode & 0o777).toBe(0o600);
  });

  it('keeps a symbolic link a link and writes the file it points to', async () => {
    const real = path.join(dir, 'real.gongkai.json');
    const link = path.join(dir, 'link.gongkai.json');
    await fs.writeFile(real, 'old');
    await fs.symlink(real, link);
    await writeFileAtomic(link, 'new');
    expect((await fs.lstat(link)).isSymbolicLink()).toBe(true);
    expect(await fs.readFile(real, 'utf8')).toBe('new');
    expect(await fs.readFile(`${real}.bak`, 'utf8')).toBe('old');
  });

  it('refuses to overwrite a read-only file, with a Chinese message', async () => {
    const file = path.join(dir, 'locked.gongkai.json');
    await fs.writeFile(file, 'old');
    await fs.chmod(file, 0o444);
    const error = await writeFileAtomic(file, 'new').then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).not.toBeNull();
    expect(fileErrorMessage(file, error)).toContain('只读');
    expect(await fs.readFile(file, 'utf8')).toBe('old');
    expect(await fs.readdir(dir)).toEqual(['locked.gongkai.json']);
  });

  it('saves a legal 245-byte file name (the temporary name does not grow with it)', async () => {
    const name = `${'决'.repeat(75)}${'x'.repeat(245 - 75 * 3 - 13)}.gongkai.json`;
    expect(Buffer.byteLength(name)).toBe(245);
    const file = path.join(dir, name);
    await writeFileAtomic(file, 'one');
    await writeFileAtomic(file, 'two');
    expect(await fs.readFile(file, 'utf8')).toBe('two');
  });

  it('sweeps the temporary files an interrupted save of this app left, and nothing else', async () => {
    const old = new Date(Date.now() - 2 * 3600_000);
    const stale = [
      '.gk-zzzzz-0a1b2c.tmp', // a process that is gone
      '.单位.gongkai.json.12345.1700000000000.tmp', // the naming of earlier versions
    ];
    for (const n of stale) {
      await fs.writeFile(path.join(dir, n), 'x'.repeat(1000));
      await fs.utimes(path.join(dir, n), old, old);
    }
    const others = ['.other.tmp', 'notes.txt', '.gk-notes'];
    for (const n of others) await fs.writeFile(path.join(dir, n), 'keep');
    // A save in progress right now, by this very process, is not stale.
    const live = path.basename(temporaryPathIn(dir));
    await fs.writeFile(path.join(dir, live), 'in progress');
    await writeFileAtomic(path.join(dir, '单位.gongkai.json'), 'new');
    expect((await fs.readdir(dir)).sort()).toEqual([...others, live, '单位.gongkai.json'].sort());
    expect(await sweepStaleTemps(dir)).toBe(0);
  });
});
