// Prints the embedded sample to PDF with the system's Chromium and reads the result back with poppler-utils, as a
// reader would: page sizes, the text on each page, and a page image per page in test/artifacts/pdf/ to look at.
// CI installs chromium and poppler-utils; without them these tests fail (they never download a browser).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinFormSet, type GongkaiDocument } from '../../../src-core';
import { buildPrintHtml } from '../../../src-core/export';
import { chromiumPath, renderPdf, renderPdfBuffer, renderSvgsToPng } from '../pdf';
import { A4, loadSample, near, requirePdfTools, run } from '../../../test/helpers/pdf-reading';

const ARTIFACTS = path.resolve(__dirname, '../../../test/artifacts/pdf');
const formSet = builtinFormSet();

interface PdfPage {
  readonly width: number;
  readonly height: number;
  readonly label: string;
  readonly text: string;
}

function readPdf(file: string): PdfPage[] {
  const info = run('pdfinfo', ['-f', '1', '-l', '9999', file]);
  const sizes = [...info.matchAll(/^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts(?: \((.*)\))?/gm)];
  return sizes.map((m) => ({
    width: Number(m[2]),
    height: Number(m[3]),
    label: m[4] ?? '',
    text: run('pdftotext', ['-layout', '-f', m[1] as string, '-l', m[1] as string, file, '-']),
  }));
}

/** Which table each page shows: the page with its title, and the pages its rows run over after it. */
function tableOfPages(pages: readonly PdfPage[]): (string | undefined)[] {
  let current: string | undefined;
  return pages.map((p) => {
    const t = formSet.tables.find((t) => p.text.includes(`2023年度${t.title}`));
    if (t) current = t.id;
    return current;
  });
}

// A4 is 595.28 × 841.89 pt; Chromium quantises page sizes to 1/300 inch (594.96 × 841.92), hence the tolerance.

let dir: string;
let sample: GongkaiDocument;
let pages: PdfPage[];

beforeAll(async () => {
  requirePdfTools();
  dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'gongkai-pdf-'));
  sample = loadSample(formSet);
  await renderPdf(buildPrintHtml(formSet, sample), path.join(dir, 'sample.pdf'));
  pages = readPdf(path.join(dir, 'sample.pdf'));
}, 60_000);

afterAll(async () => {
  if (dir) await fs.promises.rm(dir, { recursive: true, force: true });
});

describe('renderPdf: the sample as the official pages', () => {
  it('writes a PDF atomically, nothing else left beside it', async () => {
    const bytes = await fs.promises.readFile(path.join(dir, 'sample.pdf'));
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(await fs.promises.readdir(dir)).toEqual(['sample.pdf']);
  });

  it('prints every page on A4, each table in its form’s orientation', () => {
    expect(pages.length).toBeGreaterThanOrEqual(9);
    const tables = tableOfPages(pages);
    pages.forEach((p, i) => {
      const id = tables[i];
      expect(id, `page ${i + 1} shows no table`).toBeDefined();
      const landscape = formSet.tableById.get(id as string)?.orientation === 'landscape';
      const [w, h] = landscape ? [A4.long, A4.short] : [A4.short, A4.long];
      expect(
        near(p.width, w) && near(p.height, h),
        `page ${i + 1} (公开${id}表) is ${p.width} x ${p.height}`,
      ).toBe(true);
      expect(p.label).toBe('A4');
    });
    expect(new Set(tables)).toEqual(new Set(formSet.tables.map((t) => t.id)));
  });

  it('starts every table on a new page and repeats its header on every page it runs over', () => {
    const tables = tableOfPages(pages);
    for (const t of formSet.tables) {
      const on = pages.filter((_, i) => tables[i] === t.id);
      expect(on[0]?.text).toContain(t.code);
      expect(on[0]?.text).toContain('部门：武汉市汉阳区融媒体中心');
      expect(on[0]?.text).toContain('金额单位：万元');
      // The header's first row on every page of the table (收入/支出, 项目, 人员经费, 预算数 …).
      const first = (t.header[0]?.[0]?.text ?? '').replace(/\s/g, '');
      for (const p of on) expect(p.text.replace(/\s/g, '')).toContain(first);
    }
  });

  it('prints 公开04表 (landscape) and 公开06表 on one page each: they fit at a legible size (page-fit.ts)', () => {
    const tables = tableOfPages(pages);
    for (const id of ['04', '06']) expect(tables.filter((t) => t === id).length, `公开${id}表`).toBe(1);
    // Every table of the sample fits: nine tables, nine pages, their 注 on the same page as their rows.
    expect(pages.length).toBe(9);
    expect(pages[3]?.text.replace(/\s/g, '')).toContain('64行=（59+60）行。');
  });

  it('shows the titles, the key totals, the notes and the 说明 as text', () => {
    const text = pages.map((p) => p.text).join('\n');
    for (const t of formSet.tables) expect(text).toContain(`2023年度${t.title}`);
    for (const total of ['1,455.41', '348.29', '1,107.12', '343.37', '0.89', '1,332.23'])
      expect(text).toContain(total);
    expect(text).toContain(
      '本部门没有政府性基金预算财政拨款收入，也没有使用政府性基金预算财政拨款安排的支出，故本表无数据。',
    );
    expect(text.replace(/\s/g, '')).toContain('62行=（58+59+60）行。');
  });

  it('numbers the pages “— n —” in the footer', () => {
    pages.forEach((p, i) => expect(p.text).toContain(`— ${i + 1} —`));
  });

  it('leaves a page image per page in test/artifacts/pdf/', async () => {
    await fs.promises.mkdir(ARTIFACTS, { recursive: true });
    for (const f of await fs.promises.readdir(ARTIFACTS)) {
      if (/^sample-\d+\.png$/.test(f)) await fs.promises.rm(path.join(ARTIFACTS, f));
    }
    run('pdftoppm', ['-png', '-r', '60', path.join(dir, 'sample.pdf'), path.join(ARTIFACTS, 'sample')]);
    const images = (await fs.promises.readdir(ARTIFACTS)).filter((f) => /^sample-\d+\.png$/.test(f));
    expect(images).toHaveLength(pages.length);
  });

  it('adds an unnumbered cover and a contents page with each table’s page number when asked', async () => {
    const bytes = await renderPdfBuffer(
      buildPrintHtml(formSet, sample, { cover: true, toc: true, tables: ['01', '09'] }),
    );
    const file = path.join(dir, 'cover.pdf');
    await fs.promises.writeFile(file, bytes);
    const withCover = readPdf(file);
    await fs.promises.rm(file);
    expect(withCover.map((p) => p.width < p.height)).toEqual([true, true, true, false]);
    expect(withCover[0]?.text).toContain('2023年度部门决算公开');
    expect(withCover[0]?.text).toContain('2024年10月21日');
    expect(withCover[0]?.text).not.toContain('—');
    // 公开01表 is on page 3 and 公开09表 on page 4.
    expect(withCover[1]?.text).toMatch(/一、收入支出决算总表\s*3\n/);
    expect(withCover[1]?.text).toMatch(/二、财政拨款“三公”经费支出决算表\s*4\n/);
    expect(withCover[3]?.text).toContain('2023年度财政拨款“三公”经费支出决算表');
    expect(withCover[1]?.text).toContain('— 2 —');
    expect(withCover[3]?.text).toContain('— 4 —');
  });

  it('says in Chinese that Chromium is missing', async () => {
    const before = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = path.join(dir, 'no-such-chromium');
    try {
      await expect(renderPdfBuffer('<p>x</p>')).rejects.toThrow(/找不到 Chromium 浏览器.*无法生成 PDF/);
      // The charts for the Excel export say the same, naming what they were for.
      await expect(renderSvgsToPng([{ svg: '<svg/>', width: 10, height: 10 }])).rejects.toThrow(
        /找不到 Chromium 浏览器.*无法把图表转成图片/,
      );
    } finally {
      if (before === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = before;
    }
  });
});

describe('print layout at 100% scale', () => {
  it('clips nothing: tables fit the page width, amounts, codes and 行次 stay on one line', async () => {
    const browser = await chromium.launch({
      executablePath: chromiumPath(),
      args: ['--no-sandbox', '--disable-gpu'],
    });
    try {
      const page = await browser.newPage();
      // On screen each section is exactly as wide as its page's content box, so the layout is the printed one.
      await page.setContent(buildPrintHtml(formSet, sample), { waitUntil: 'load' });
      const problems = await page.evaluate(() => {
        const out: string[] = [];
        for (const section of document.querySelectorAll<HTMLElement>('section.sheet')) {
          const id = section.dataset.table;
          const box = section.getBoundingClientRect();
          const style = getComputedStyle(section);
          const inner = box.width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
          const table = section.querySelector('table') as HTMLTableElement;
          if (table.getBoundingClientRect().width > inner + 0.5)
            out.push(`公开${id}表 is wider than the page`);
          for (const cell of table.querySelectorAll<HTMLElement>('th, td')) {
            if (cell.scrollWidth > cell.clientWidth + 0.5)
              out.push(`公开${id}表 “${cell.textContent}” overflows its cell`);
            const oneLine = cell.matches('td.amt, td.code, td.no');
            const text = cell.firstChild;
            if (oneLine && text) {
              const range = document.createRange();
              range.selectNodeContents(text);
              const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
              if (lines.size > 1) out.push(`公开${id}表 “${cell.textContent}” wraps`);
            }
          }
        }
        return out;
      });
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
