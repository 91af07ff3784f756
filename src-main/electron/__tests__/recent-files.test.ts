import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRecentFiles, MAX_RECENT_FILES } from '../recent-files';

let dir: string;
let store: string;
let clock: number;
const now = () => new Date(Date.UTC(2024, 0, 1) + clock++ * 1000);

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gongkai-recent-'));
  store = path.join(dir, 'userData', 'recent-files.json');
  clock = 0;
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function touch(name: string): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, '{}');
  return file;
}

describe('recent files', () => {
  it('starts empty, without a file', async () => {
    expect(await createRecentFiles({ file: store }).list()).toEqual([]);
  });

  it('lists newest first, stores JSON under userData, and moves a reopened file to the top', async () => {
    const recent = createRecentFiles({ file: store, now });
    const a = await touch('甲.gongkai.json');
    const b = await touch('乙.gongkai.json');
    await recent.add(a);
    await recent.add(b);
    await recent.add(a);
    const list = await recent.list();
    expect(list.map((f) => f.fileName)).toEqual(['甲.gongkai.json', '乙.gongkai.json']);
    expect(list[0]).toEqual({ filePath: a, fileName: '甲.gongkai.json', at: '2024-01-01T00:00:02.000Z' });
    expect(JSON.parse(await fs.readFile(store, 'utf8'))).toEqual(list);
  });

  it(`keeps at most ${MAX_RECENT_FILES}`, async () => {
    const recent = createRecentFiles({ file: store, now });
    for (let i = 0; i < 13; i++) await recent.add(await touch(`${i}.gongkai.json`));
    const list = await recent.list();
    expect(list).toHaveLength(MAX_RECENT_FILES);
    expect(list[0]?.fileName).toBe('12.gongkai.json');
    expect(list.at(-1)?.fileName).toBe('3.gongkai.json');
  });

  it('drops files that no longer exist when listing, and rewrites the list', async () => {
    const recent = createRecentFiles({ file: store, now });
    const a = await touch('a.gongkai.json');
    const b = await touch('b.gongkai.json');
    await recent.add(a);
    await recent.add(b);
    await fs.rm(a);
    expect((await recent.list()).map((f) => f.filePath)).toEqual([b]);
    expect(JSON.parse(await fs.readFile(store, 'utf8'))).toHaveLength(1);
  });

  it('keeps files that are only unreachable for now', async () => {
    const recent = createRecentFiles({ file: store, now, isMissing: async () => false });
    await recent.add(path.join(dir, 'on-an-unplugged-drive.gongkai.json'));
    expect(await recent.list()).toHaveLength(1);
  });

  it('knows which paths are on the list, and clears it', async () => {
    const recent = createRecentFiles({ file: store, now });
    const a = await touch('a.gongkai.json');
    await recent.add(a);
    expect(await recent.has(a)).toBe(true);
    expect(await recent.has(path.join(dir, 'sub', '..', 'a.gongkai.json'))).toBe(true);
    expect(await recent.has(path.join(dir, 'other.gongkai.json'))).toBe(false);
    await recent.clear();
    expect(await recent.list()).toEqual([]);
    expect(await recent.has(a)).toBe(false);
  });

  it('treats a damaged list as empty rather than failing', async () => {
    await fs.mkdir(path.dirname(store), { recursive: true });
    await fs.writeFile(store, '{not json');
    const recent = createRecentFiles({ file: store, now });
    expect(await recent.list()).toEqual([]);
    await fs.writeFile(store, JSON.stringify([{ filePath: 3 }]));
    expect(await recent.list()).toEqual([]);
    await recent.add(await touch('a.gongkai.json'));
    expect(await recent.list()).toHaveLength(1);
  });

  it('does not lose entries when adds overlap', async () => {
    const recent = createRecentFiles({ file: store, now });
    const files = await Promise.all(['a', 'b', 'c', 'd'].map((n) => touch(`${n}.gongkai.json`)));
    await Promise.all(files.map((f) => recent.add(f)));
    expect((await recent.list()).map((f) => f.fileName)).toEqual([
      'd.gongkai.json',
      'c.gongkai.json',
      'b.gongkai.json',
      'a.gongkai.json',
    ]);
  });
});
