// `gongkai export --pdf` follows the document's 页面设置 (the same print HTML the app's 导出PDF and 打印预览 use): the
// tables, cover and orientation it names, unless a flag says otherwise; a damaged setup is said, not fatal.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { pdfjsPageTexts } from '../helpers/pdf-text';
import { gongkai, ROOT } from '../helpers/run-cli';

const SAMPLE = path.join(ROOT, 'samples/hanyang-media-center-2023.gongkai.json');

/** Each page's width and height (pt). */
async function pageSizes(bytes: Uint8Array): Promise<[number, number][]> {
  const doc = await getDocument({ data: bytes.slice(), verbosity: 0 }).promise;
  try {
    const out: [number, number][] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const [, , w, h] = (await doc.getPage(i)).view as [number, number, number, number];
      out.push([Math.round(w), Math.round(h)]);
    }
    return out;
  } finally {
    await doc.destroy();
  }
}

describe('gongkai export --pdf and the document’s 页面设置', { timeout: 240_000 }, () => {
  it('prints the tables, cover and orientation the document sets; --tables overrides; a bad setup is said', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gongkai-setup-'));
    const sample = JSON.parse(await fs.readFile(SAMPLE, 'utf8')) as Record<string, unknown>;
    const file = path.join(dir, 'setup.gongkai.json');
    await fs.writeFile(
      file,
      JSON.stringify({
        ...sample,
        pageSetup: { tables: ['05', '01'], orientation: { '05': 'landscape' }, cover: true },
      }),
    );
    const pdf = path.join(dir, 'out.pdf');
    const r = await gongkai('export', file, '--pdf', pdf);
    expect(r.code, r.stderr).toBe(0);
    const bytes = new Uint8Array(await fs.readFile(pdf));
    const texts = await pdfjsPageTexts(bytes);
    // Cover, 01 (portrait, as its form), 05 turned landscape.
    expect(texts).toHaveLength(3);
    expect(texts[0]).toContain('年度部门决算公开');
    expect(texts[1]).toContain('收入支出决算总表');
    expect(texts[2]).toContain('一般公共预算财政拨款支出决算表');
    expect(await pageSizes(bytes)).toEqual([
      [595, 842],
      [595, 842],
      [842, 595],
    ]);

    // A flag still decides what it names.
    const only = path.join(dir, 'only.pdf');
    expect((await gongkai('export', file, '--pdf', only, '--tables', '09')).code).toBe(0);
    const onlyTexts = await pdfjsPageTexts(new Uint8Array(await fs.readFile(only)));
    expect(onlyTexts.some((t) => t.includes('三公'))).toBe(true);
    expect(onlyTexts.some((t) => t.includes('一般公共预算财政拨款支出决算表'))).toBe(false);

    // A damaged setup: the export runs on the forms' layout and says why, naming the file.
    const bad = path.join(dir, 'bad.gongkai.json');
    await fs.writeFile(bad, JSON.stringify({ ...sample, pageSetup: { scale: 5, fit: 'scale' } }));
    const b = await gongkai('export', bad, '--pdf', path.join(dir, 'bad.pdf'));
    expect(b.code, b.stderr).toBe(0);
    expect(b.stderr).toContain('“bad.gongkai.json”页面设置有误，已改用表样的默认设置');
    expect(b.stderr).toContain('缩放比例应在 30%—100% 之间');
    await fs.rm(dir, { recursive: true });
  });
});
