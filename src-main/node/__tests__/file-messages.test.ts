import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readDocumentFile } from '../document-file';
import { fileErrorMessage } from '../file-errors';

const SAMPLE = path.resolve(__dirname, '../../../samples/hanyang-media-center-2023.gongkai.json');
let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gongkai-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function messageFor(name: string, bytes: Uint8Array | string): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, bytes);
  const r = await readDocumentFile(file);
  expect(r.ok).toBe(false);
  return r.ok ? '' : r.message;
}

describe('messages about a document file name the file and the place, in Chinese', () => {
  it('a UTF-16 file (Notepad’s “Unicode”) is named as UTF-16, with or without a BOM', async () => {
    const text = await fs.readFile(SAMPLE, 'utf8');
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(await messageFor('a.gongkai.json', le)).toMatch(/a\.gongkai\.json.*UTF-16/s);
    expect(await messageFor('b.gongkai.json', Buffer.from(text, 'utf16le'))).toContain('UTF-16');
  });

  it('a GBK file is named as GBK', async () => {
    // “单位名称” in GBK.
    const gbk = Buffer.concat([
      Buffer.from('{"format":"gongkai","unit":{"name":"'),
      Buffer.from([0xb5, 0xa5, 0xce, 0xbb, 0xc3, 0xfb, 0xb3, 0xc6]),
      Buffer.from('"}}'),
    ]);
    expect(await messageFor('gbk.gongkai.json', gbk)).toMatch(/gbk\.gongkai\.json.*GBK/s);
  });

  it('a JSON error says the line and column, also when the file ends too early', async () => {
    expect(await messageFor('c.gongkai.json', '{\n  "format": "gongkai",\n  "unit": {,\n}')).toContain(
      '第 3 行第 12 列',
    );
    const cut = await messageFor('d.gongkai.json', '{\n  "format": "gongkai",\n  "unit": {');
    expect(cut).toContain('第 3 行');
    expect(cut).toContain('不完整');
  });

  it('a field named like an object property (toString) is named, not printed as a function', async () => {
    const doc = JSON.parse(await fs.readFile(SAMPLE, 'utf8'));
    doc.sections = { ...doc.sections, toString: 5 };
    const m = await messageFor('e.gongkai.json', JSON.stringify(doc));
    expect(m).not.toContain('function');
    expect(m).not.toContain('native code');
    expect(m).toContain('toString');
  });

  it('file-system errors never show the code or a temporary name', () => {
    for (const code of ['EROFS', 'EISDIR', 'ENAMETOOLONG', 'EBUSY', 'EXDEV', 'EMFILE', 'ELOOP', 'ENOTDIR']) {
      const e = Object.assign(new Error(`${code}: oops, open '/x/.out.docx.123.tmp'`), { code });
      const m = fileErrorMessage('/x/out.docx', e);
      expect(m).toContain('/x/out.docx');
      expect(m).not.toMatch(/E[A-Z]{3,}|tmp|oops/);
    }
  });
});
