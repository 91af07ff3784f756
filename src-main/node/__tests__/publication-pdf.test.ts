// Prints the sample's whole publication (cover, 目录, the six parts) with the system's Chromium and reads it back with
// poppler-utils as a reader would: the order of the parts, the tables inside 第二部分, key sentences, the page
// numbers and their side, A4 pages; page images go to test/artifacts/publication/ to look at.
// CI installs chromium and poppler-utils; without them these tests fail (they never download a browser).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinFormSet } from '../../../src-core';
import { buildPublicationHtml } from '../../../src-core/export/publication-html';
import { renderPdf } from '../pdf';
import { A4, loadSample, near, requirePdfTools, run } from '../../../test/helpers/pdf-reading';

const ARTIFACTS = path.resolve(__dirname, '../../../test/artifacts/publication');
const formSet = builtinFormSet();

interface PdfPage {
  readonly width: number;
  readonly height: number;
  readonly label: string;
  /** The page's text, reading order, whitespace squeezed out (CJK lines break anywhere). */
  readonly flat: string;
  readonly layout: string;
  /** Where “— N —” stands: its left and right edge (pt). */
  readonly number: { readonly n: number; readonly xMin: number; readonly xMax: number } | null;
}

function readPdf(file: string): PdfPage[] {
  const info = run('pdfinfo', ['-f', '1', '-l', '9999', file]);
  const sizes = [...info.matchAll(/^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts(?: \((.*)\))?/gm)];
  // Word boxes of every page, to find the page number and where it stands.
  const bbox = run('pdftotext', ['-bbox', file, '-']);
  const boxPages = bbox.split('<page ').slice(1);
  return sizes.map((m, i) => {
    const words = [
      ...(boxPages[i] ?? '').matchAll(
        /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g,
      ),
    ];
    const height = Number(m[3]);
    // The page number: a number between two dashes in the lower half of the page (the last such on it).
    let number: PdfPage['number'] = null;
    for (let w = 1; w + 1 < words.length; w++) {
      const [a, b, c] = [words[w - 1], words[w], words[w + 1]] as [
        RegExpMatchArray,
        RegExpMatchArray,
        RegExpMatchArray,
      ];
      if (a[4] === '—' && /^\d+$/.test(b[4] as string) && c[4] === '—' && Number(b[2]) > height / 2) {
        number = { n: Number(b[4]), xMin: Number(a[1]), xMax: Number(c[3]) };
      }
    }
    const layout = run('pdftotext', ['-layout', '-f', m[1] as string, '-l', m[1] as string, file, '-']);
    return {
      width: Number(m[2]),
      height,
      label: m[4] ?? '',
      layout,
      flat: run('pdftotext', ['-f', m[1] as string, '-l', m[1] as string, file, '-']).replace(/\s+/g, ''),
      number,
    };
  });
}

const squash = (s: string) => s.replace(/\s+/g, '');

const PART_TITLES = [
  '第一部分武汉市汉阳区融媒体中心概况',
  '第二部分武汉市汉阳区融媒体中心2023年度部门决算表',
  '第三部分武汉市汉阳区融媒体中心2023年度部门决算情况说明',
  '第四部分2023年度重点工作完成情况',
  '第五部分名词解释',
  '第六部分附件',
];

let dir: string;
let pages: PdfPage[];
/** The page each part starts on (0-based), found after the 目录. */
let partStarts: number[];

beforeAll(async () => {
  requirePdfTools();
  dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'gongkai-publication-'));
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" width="560" height="300" viewBox="0 0 560 300"><rect x="60" y="40" width="160" height="220" fill="#1f3b6e"/><rect x="320" y="60" width="160" height="200" fill="#8c9199"/></svg>';
  const html = buildPublicationHtml(formSet, loadSample(formSet), {
    charts: {
      totals: { title: '图1：收、支决算总计变动情况', svg },
      income: { title: '图2：收入决算结构', svg },
      expenditure: { title: '图3：支出决算结构', svg: null, missing: '缺少数据，无法绘制' },
    },
  });
  await renderPdf(html, path.join(dir, 'publication.pdf'));
  pages = readPdf(path.join(dir, 'publication.pdf'));
  const tocEnd = pages.findIndex((p, i) => i > 1 && p.flat.startsWith('第一部分'));
  partStarts = PART_TITLES.map((t) => pages.findIndex((p, i) => i >= tocEnd && p.flat.startsWith(t)));
}, 90_000);

afterAll(async () => {
  if (dir) await fs.promises.rm(dir, { recursive: true, force: true });
});

describe('the whole publication as PDF', () => {
  it('starts with the cover: 单位名称, 年度部门决算公开, 公开日期, no page number', () => {
    const cover = pages[0] as PdfPage;
    expect(cover.flat).toBe('武汉市汉阳区融媒体中心2023年度部门决算公开2024年10月21日');
    expect(cover.number).toBeNull();
  });

  it('then the 目录 with the part titles, their sections and the nine tables', () => {
    const tocPages = pages.slice(1, partStarts[0]);
    expect(tocPages.length).toBeGreaterThanOrEqual(1);
    const toc = tocPages.map((p) => p.flat).join('');
    expect(toc.startsWith('目录')).toBe(true);
    let from = 0;
    for (const entry of [
      PART_TITLES[0],
      '一、部门主要职责',
      PART_TITLES[1],
      '一、收入支出决算总表',
      '九、财政拨款“三公”经费支出决算表',
      PART_TITLES[2],
      '十三、预算绩效情况说明',
      PART_TITLES[3],
      PART_TITLES[4],
      PART_TITLES[5],
    ] as string[]) {
      const at = toc.indexOf(entry, from);
      expect(at, `目录: ${entry}`).toBeGreaterThanOrEqual(0);
      from = at + entry.length;
    }
  });

  it('gives every 目录 entry the page it starts on', () => {
    // The layout text keeps each entry's number at the end of its line.
    const toc = squash(
      pages
        .slice(1, partStarts[0])
        .map((p) => p.layout)
        .join(''),
    );
    const pageOf = (entry: string) => {
      const m = new RegExp(`${entry.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\d+)`).exec(toc);
      return m ? Number(m[1]) : null;
    };
    PART_TITLES.forEach((title, k) => expect(pageOf(title), title).toBe((partStarts[k] as number) + 1));
    formSet.tables.forEach((t, i) => {
      const n = pageOf(`${'一二三四五六七八九'[i]}、${t.title}`);
      expect(
        pages[(n ?? 0) - 1]?.flat.startsWith(squash(`2023年度${t.title}`)),
        `公开${t.id}表 on page ${n}`,
      ).toBe(true);
    });
    // A 情况说明 section: its heading is on the page the 目录 names, and not on the page before.
    const n = pageOf('十三、预算绩效情况说明') ?? 0;
    expect(pages[n - 1]?.flat).toContain('十三、预算绩效情况说明');
    expect(n - 1).toBeGreaterThan(partStarts[2] as number);
  });

  it('has bookmarks for the parts, their sections and the tables, each title once', () => {
    const pdf = fs.readFileSync(path.join(dir, 'publication.pdf')).toString('latin1');
    const titles = [...pdf.matchAll(/\/Title\s*<FEFF([0-9A-Fa-f]+)>/g)].map((m) =>
      squash(
        Buffer.from(m[1] as string, 'hex')
          .swap16()
          .toString('utf16le'),
      ),
    );
    for (const t of PART_TITLES) expect(titles, t).toContain(t);
    for (const t of formSet.tables) expect(titles).toContain(squash(`2023年度${t.title}`));
    expect(titles).toContain('十三、预算绩效情况说明');
    for (const t of titles) expect(t.slice(t.length / 2), t).not.toBe(t.slice(0, t.length / 2));
    // The tables sit under 第二部分, the 情况说明 sections under 第三部分.
    const items = new Map<string, { title: string; parent: string | undefined }>();
    for (const m of pdf.matchAll(/(\d+) 0 obj\s*<<([\s\S]*?)>>\s*endobj/g)) {
      const title = /\/Title\s*<FEFF([0-9A-Fa-f]+)>/.exec(m[2] as string);
      if (!title) continue;
      const parent = /\/Parent (\d+) 0 R/.exec(m[2] as string)?.[1];
      items.set(m[1] as string, {
        title: squash(
          Buffer.from(title[1] as string, 'hex')
            .swap16()
            .toString('utf16le'),
        ),
        parent,
      });
    }
    const parentOf = (title: string) =>
      items.get([...items.values()].find((i) => i.title === title)?.parent ?? '')?.title;
    expect(parentOf(squash(`2023年度${formSet.tables[0]?.title}`))).toBe(PART_TITLES[1]);
    expect(parentOf('十三、预算绩效情况说明')).toBe(PART_TITLES[2]);
  });

  it('prints 第一部分 … 第六部分 in order, each on a new page', () => {
    expect(partStarts.every((p) => p > 0)).toBe(true);
    expect([...partStarts].sort((a, b) => a - b)).toEqual(partStarts);
    expect(new Set(partStarts).size).toBe(6);
  });

  it('has the nine table titles, in order, between 第二部分 and 第三部分, on A4 in each form’s orientation', () => {
    const [from, to] = [partStarts[1] as number, partStarts[2] as number];
    let at = from;
    for (const t of formSet.tables) {
      const page = pages.findIndex(
        (p, i) => i > from && i < to && p.flat.startsWith(squash(`2023年度${t.title}`)),
      );
      expect(page, `公开${t.id}表 in 第二部分`).toBeGreaterThan(at);
      at = page;
      const p = pages[page] as PdfPage;
      const [w, h] = t.orientation === 'landscape' ? [A4.long, A4.short] : [A4.short, A4.long];
      expect(near(p.width, w) && near(p.height, h), `公开${t.id}表 is ${p.width} x ${p.height}`).toBe(true);
    }
    const inside = pages
      .slice(from, to)
      .map((p) => p.flat)
      .join('');
    for (const total of ['1,455.41', '348.29', '1,107.12', '343.37']) expect(inside).toContain(total);
    expect(pages.slice(to).some((p) => p.flat.includes('公开01表'))).toBe(false);
  });

  it('shows the key sentences of the 情况说明 and the figures’ captions', () => {
    const part3 = pages
      .slice(partStarts[2], partStarts[3])
      .map((p) => p.flat)
      .join('');
    for (const sentence of [
      '2023年度收、支总计1455.41万元。',
      '与2022年度相比，收、支总计各增加45.59万元，增长3.23%',
      '2023年度收入合计1455.41万元。其中：财政拨款收入1455.41万元，占本年收入100%。',
      '其中：基本支出348.29万元，占本年支出23.93%；项目支出1107.12万元，占本年支出76.07%。',
      '2023年度一般公共预算财政拨款基本支出348.29万元，其中：人员经费343.37万元',
      '截至2023年12月31日，武汉市汉阳区融媒体中心共有车辆1辆',
    ])
      expect(part3).toContain(squash(sentence));
    expect(part3).toContain('图1：收、支决算总计变动情况');
    expect(part3).toContain('图2：收入决算结构');
    expect(part3).toContain('图3：支出决算结构（缺少数据，无法绘制）');
    expect(part3.indexOf('图1：')).toBeGreaterThan(part3.indexOf('2023年度收、支总计1455.41万元'));
    expect(part3.indexOf('图1：')).toBeLessThan(part3.indexOf('二、收入决算情况说明'));
  });

  it('prints every page on A4', () => {
    for (const p of pages) expect(p.label).toBe('A4');
    const text = pages.filter((_, i) => i < (partStarts[1] as number) || i >= (partStarts[2] as number));
    for (const p of text) expect(near(p.width, A4.short) && near(p.height, A4.long)).toBe(true);
  });

  it('numbers every page but the cover “— N —”, right on odd pages and left on even ones', () => {
    expect(pages[1]?.layout).toContain('— 2 —');
    pages.slice(1).forEach((p, i) => {
      const n = i + 2;
      expect(p.number?.n, `page ${n}`).toBe(n);
      const { xMin, xMax } = p.number as NonNullable<PdfPage['number']>;
      if (n % 2 === 1) expect(xMin, `page ${n} number on the right`).toBeGreaterThan(p.width / 2);
      else expect(xMax, `page ${n} number on the left`).toBeLessThan(p.width / 2);
    });
    // Text pages: one character (14pt) inside the 版心 (left 28 mm, right 26 mm).
    const mm = 72 / 25.4;
    const textPage = (odd: boolean) =>
      pages.findIndex((p, i) => i >= (partStarts[2] as number) && (i + 1) % 2 === (odd ? 1 : 0));
    const odd = pages[textPage(true)]?.number as NonNullable<PdfPage['number']>;
    const even = pages[textPage(false)]?.number as NonNullable<PdfPage['number']>;
    expect(Math.abs(A4.short - 26 * mm - 14 - odd.xMax)).toBeLessThan(3);
    expect(Math.abs(28 * mm + 14 - even.xMin)).toBeLessThan(3);
  });

  it('writes page images to test/artifacts/publication/', async () => {
    await fs.promises.mkdir(ARTIFACTS, { recursive: true });
    for (const f of await fs.promises.readdir(ARTIFACTS)) {
      if (/^page-\d+\.png$/.test(f)) await fs.promises.rm(path.join(ARTIFACTS, f));
    }
    run('pdftoppm', ['-png', '-r', '50', path.join(dir, 'publication.pdf'), path.join(ARTIFACTS, 'page')]);
    const images = (await fs.promises.readdir(ARTIFACTS)).filter((f) => /^page-\d+\.png$/.test(f));
    expect(images).toHaveLength(pages.length);
  });
});
