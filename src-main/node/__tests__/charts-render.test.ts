// Shows the four figures of 第三部分 (src-core/publication/charts.ts) in the system's Chromium, as the print and the
// app show them: each SVG becomes a PNG in test/artifacts/charts/ to look at, and the page is asked what it drew —
// every label inside the picture, no two labels on top of each other, every character in a real CJK font (no tofu).
// CI installs chromium and fonts-noto-cjk; without them these tests fail (they never download a browser).
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applyOperation,
  buildCharts,
  builtinFormSet,
  readDocument,
  Workbook,
  type ChartOutput,
  type GongkaiDocument,
} from '../../../src-core';
import { chromiumPath } from '../pdf';

const SAMPLE = path.resolve(__dirname, '../../../samples/hanyang-media-center-2023.gongkai.json');
const ARTIFACTS = path.resolve(__dirname, '../../../test/artifacts/charts');
const formSet = builtinFormSet();

function loadSample(): GongkaiDocument {
  const r = readDocument(fs.readFileSync(SAMPLE, 'utf8'), () => formSet);
  if (!r.ok) throw new Error(r.message);
  return r.document;
}

function charts(doc: GongkaiDocument): Record<string, ChartOutput> {
  return buildCharts(formSet, new Workbook(formSet, doc), doc);
}

/**
 * A unit with every kind of 收入 and 支出 (small shares next to a large one), to see that pie labels keep apart.
 * 公开01表 收入 rows 4–8 entered; 公开03表 上缴上级/经营/对附属单位补助 (4–6栏) on one 项, with its 1栏 and the
 * 01表 expenditure it feeds following from the rules.
 */
function everyKind(): GongkaiDocument {
  let doc = loadSample();
  doc = applyOperation(doc, {
    type: 'setCells',
    table: '01',
    cells: [
      { row: '4', col: '1', text: '120.5' },
      { row: '5', col: '1', text: '60.3' },
      { row: '6', col: '1', text: '8.25' },
      { row: '7', col: '1', text: '3.1' },
      { row: '8', col: '1', text: '1.2' },
    ],
  }).doc;
  doc = applyOperation(doc, {
    type: 'setCells',
    table: '03',
    cells: [
      { row: '2013399', col: '1', text: null },
      { row: '2013399', col: '4', text: '20' },
      { row: '2013399', col: '5', text: '6.5' },
      { row: '2013399', col: '6', text: '2.4' },
    ],
  }).doc;
  return doc;
}

interface Drawn {
  /** The SVG's box in the page. */
  readonly box: Rect;
  /** Each <text>: what it says and where it was drawn. */
  readonly texts: { readonly text: string; readonly rect: Rect }[];
  /** The box around a pie's sectors (a square around its circle), if it has any. */
  readonly pie: Rect | null;
}
interface Rect {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

let browser: Browser;
let page: Page;

beforeAll(async () => {
  if (!fs.existsSync(chromiumPath())) {
    throw new Error(
      `Chromium not found at ${chromiumPath()}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH. The chart rendering tests need it and never download a browser.`,
    );
  }
  browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    headless: true,
  });
  page = await browser.newPage({
    offline: true,
    deviceScaleFactor: 2,
    viewport: { width: 640, height: 360 },
  });
  await fs.promises.mkdir(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
});

/** Puts the SVG alone on a white page, writes its PNG, and reads back the drawn text boxes. */
async function show(name: string, svg: string, isPie: boolean): Promise<Drawn> {
  await page.setContent(
    `<!doctype html><html><head><meta charset="utf-8"></head><body style="margin:20px;background:#fff">${svg}</body></html>`,
    { waitUntil: 'load' },
  );
  await page.locator('svg').screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
  return page.evaluate((isPie) => {
    const r = (e: Element) => {
      const b = e.getBoundingClientRect();
      return { left: b.left, top: b.top, right: b.right, bottom: b.bottom };
    };
    const svg = document.querySelector('svg') as SVGSVGElement;
    // Sectors are the filled paths with an arc in them.
    const sectors = isPie
      ? [...svg.querySelectorAll('path')].filter(
          (p) => /A/.test(p.getAttribute('d') ?? '') && (p.getAttribute('fill') ?? 'none') !== 'none',
        )
      : [];
    const boxes = sectors.map(r);
    const pie =
      boxes.length === 0
        ? null
        : {
            left: Math.min(...boxes.map((b) => b.left)),
            top: Math.min(...boxes.map((b) => b.top)),
            right: Math.max(...boxes.map((b) => b.right)),
            bottom: Math.max(...boxes.map((b) => b.bottom)),
          };
    return {
      box: r(svg),
      texts: [...svg.querySelectorAll('text')].map((t) => ({ text: t.textContent ?? '', rect: r(t) })),
      pie,
    };
  }, isPie);
}

/** The fonts Chromium actually used for each <text>, by family name (via the DevTools protocol). */
async function usedFonts(): Promise<Map<string, string[]>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: 'text' });
  const out = new Map<string, string[]>();
  for (const nodeId of nodeIds) {
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    const { outerHTML } = await cdp.send('DOM.getOuterHTML', { nodeId });
    const text = outerHTML.replace(/<[^>]*>/g, '');
    out.set(
      text,
      fonts.map((f) => f.familyName),
    );
  }
  await cdp.detach();
  return out;
}

const overlap = (a: Rect, b: Rect) =>
  Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 &&
  Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;

/** Whether a text box reaches into the pie's circle. */
function onPie(t: Rect, pie: Rect): boolean {
  const cx = (pie.left + pie.right) / 2;
  const cy = (pie.top + pie.bottom) / 2;
  const radius = (pie.right - pie.left) / 2;
  const nx = Math.max(t.left, Math.min(cx, t.right));
  const ny = Math.max(t.top, Math.min(cy, t.bottom));
  return Math.hypot(nx - cx, ny - cy) < radius - 0.5;
}

function expectReadable(drawn: Drawn): void {
  expect(drawn.texts.length).toBeGreaterThan(0);
  for (const t of drawn.texts) {
    // Inside the picture: nothing cut off at its edges.
    expect(t.rect.left, t.text).toBeGreaterThanOrEqual(drawn.box.left);
    expect(t.rect.right, t.text).toBeLessThanOrEqual(drawn.box.right);
    expect(t.rect.top, t.text).toBeGreaterThanOrEqual(drawn.box.top);
    expect(t.rect.bottom, t.text).toBeLessThanOrEqual(drawn.box.bottom);
    // Off the pie: a label over the sectors is unreadable in print.
    if (drawn.pie) expect(onPie(t.rect, drawn.pie), `“${t.text}” lies on the pie`).toBe(false);
  }
  for (let i = 0; i < drawn.texts.length; i++) {
    for (let j = i + 1; j < drawn.texts.length; j++) {
      const a = drawn.texts[i] as Drawn['texts'][number];
      const b = drawn.texts[j] as Drawn['texts'][number];
      expect(overlap(a.rect, b.rect), `“${a.text}” overlaps “${b.text}”`).toBe(false);
    }
  }
}

async function expectCjkFonts(): Promise<void> {
  const used = await usedFonts();
  expect(used.size).toBeGreaterThan(0);
  for (const [text, fonts] of used) {
    if (!/[\u4e00-\u9fff]/.test(text)) continue;
    // Every family drawing a Chinese label is a CJK face (SimSun on Windows, Noto CJK on Linux): never a
    // fallback that would draw tofu boxes.
    expect(fonts.length, text).toBeGreaterThan(0);
    for (const f of fonts) expect(f, `${text} drawn in ${f}`).toMatch(/SimSun|宋体|CJK|Song|Hei|Ming/i);
  }
}

describe('the sample’s four figures, drawn by Chromium', () => {
  const sample = charts(loadSample());

  for (const key of ['totals', 'income', 'expenditure', 'fiscal'] as const) {
    it(`${sample[key]?.title}: every label inside, apart, in a CJK font`, async () => {
      const svg = sample[key]?.svg;
      expect(svg).toBeTruthy();
      const drawn = await show(key, svg as string, key === 'income' || key === 'expenditure');
      expect(drawn.box.right - drawn.box.left).toBe(560);
      expect(drawn.box.bottom - drawn.box.top).toBe(300);
      expectReadable(drawn);
      await expectCjkFonts();
    });
  }
});

describe('a unit with every kind of 收入 and 支出', () => {
  const c = charts(everyKind());

  it('图2 with six sources keeps its labels apart', async () => {
    expect(c.income?.missing).toBeUndefined();
    const drawn = await show('income-every-kind', c.income?.svg as string, true);
    expect(drawn.texts.map((t) => t.text)).toEqual(
      expect.arrayContaining([
        '财政拨款收入',
        '上级补助收入',
        '事业收入',
        '经营收入',
        '附属单位上缴收入',
        '其他收入',
      ]),
    );
    expectReadable(drawn);
    await expectCjkFonts();
  });

  it('图3 with five kinds keeps its labels apart', async () => {
    expect(c.expenditure?.missing).toBeUndefined();
    const drawn = await show('expenditure-every-kind', c.expenditure?.svg as string, true);
    expect(drawn.texts.map((t) => t.text)).toEqual(
      expect.arrayContaining(['基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出']),
    );
    expectReadable(drawn);
    await expectCjkFonts();
  });
});

describe('large amounts', () => {
  it('图1 with seven-digit amounts keeps the labels of neighbouring bars apart', async () => {
    let doc = applyOperation(loadSample(), {
      type: 'setFact',
      key: 'priorYear',
      value: { year: 2022, metrics: { 收入总计: '987654.32', 支出总计: '1098765.43' } },
    }).doc;
    doc = applyOperation(doc, {
      type: 'setCells',
      table: '01',
      cells: [{ row: '1', col: '1', text: '1234567.89' }],
    }).doc;
    const c = charts(doc);
    const drawn = await show('totals-large', c.totals?.svg as string, false);
    expect(drawn.texts.map((t) => t.text)).toEqual(
      expect.arrayContaining(['987654.32', '1098765.43', '1234567.89']),
    );
    expectReadable(drawn);
  });
});
