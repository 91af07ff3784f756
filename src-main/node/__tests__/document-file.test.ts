import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyOperation } from '../../../src-core';
import { readDocumentFile, saveDocumentFile } from '../document-file';

const SAMPLE = path.resolve(__dirname, '../../../samples/hanyang-media-center-2023.gongkai.json');
let dir: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gongkai-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('document files', () => {
  it('save atomically and keep the previous version as .bak', async () => {
    const file = path.join(dir, '单位.gongkai.json');
    const r = await readDocumentFile(SAMPLE);
    if (!r.ok) throw new Error(r.message);
    await saveDocumentFile(file, r.document);
    const edited = applyOperation(r.document, { type: 'setUnit', unit: { phone: '110' } }).doc;
    await saveDocumentFile(file, edited);
    const now = await readDocumentFile(file);
    const before = await readDocumentFile(`${file}.bak`);
    expect(now.ok && now.document.unit.phone).toBe('110');
    expect(before.ok && before.document.unit.phone).toBe('027-84764841');
    expect((await fs.readdir(dir)).sort()).toEqual(['单位.gongkai.json', '单位.gongkai.json.bak']);
  });

  it('a failed save leaves the existing file as it was', async () => {
    const file = path.join(dir, 'a.gongkai.json');
    await fs.writeFile(file, 'original');
    const r = await readDocumentFile(SAMPLE);
    if (!r.ok) throw new Error(r.message);
    await fs.chmod(dir, 0o500);
    const isRoot = process.getuid?.() === 0;
    try {
      if (!isRoot) await expect(saveDocumentFile(file, r.document)).rejects.toThrow();
    } finally {
      await fs.chmod(dir, 0o700);
    }
    expect(await fs.readFile(file, 'utf8')).toBe('original');
  });

  it('reading gives Chinese messages, never exceptions', async () => {
    const missing = await readDocumentFile(path.join(dir, 'nope.gongkai.json'));
    expect(missing.ok === false && missing.message).toContain('找不到文件');
    const folder = await readDocumentFile(dir);
    expect(folder.ok === false && folder.message).toContain('是文件夹');
    const bad = path.join(dir, 'bad.gongkai.json');
    await fs.writeFile(bad, Buffer.from([0x7b, 0xff, 0xff, 0xff, 0x00]));
    const damaged = await readDocumentFile(bad);
    expect(damaged.ok === false && damaged.message).toContain('已损坏');
  });
});
