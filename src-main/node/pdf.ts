import fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { writeFileAtomic } from './atomic-file';
import { createPrintRenderer, type PrintRenderer, type PrintSurface } from './print-renderer';

/**
 * Flags for a headless Chromium that prints and nothing else: no GPU, no sandbox (CI containers have no user
 * namespaces), and none of the background traffic (updates, sync, field trials) an offline app must not cause.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/** Playwright's page.pdf options matching Electron's printToPDF options in src-main/electron/html-printer.ts. */
const PDF_OPTIONS = { preferCSSPageSize: true, printBackground: true } as const;
/**
 * A document with a 目录 (the whole publication, or tables with one) is also tagged (accessible) with bookmarks
 * from its headings. Tagging the table cells makes printing about 60% slower, so tables alone go without.
 */
const BOOKMARKED_PDF_OPTIONS = { ...PDF_OPTIONS, tagged: true, outline: true } as const;

/** The Chromium the system provides (Debian's `chromium` package); CHROMIUM_PATH overrides it. Never downloaded. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/** A PrintRenderer on the system's headless Chromium that also rasterises the charts (for the Excel export). */
export interface ChromiumRenderer extends PrintRenderer {
  /** SVG images (the charts) as PNG, at twice their size for print: spreadsheets take no SVG. */
  svgsToPng(svgs: readonly SvgImage[]): Promise<Uint8Array[]>;
}

export interface SvgImage {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
}

/**
 * One headless Chromium kept warm for a session (see createPrintRenderer): launched on the first job, one tab for
 * the prints and one for the charts, shut down by close(). The print page needs no script (Electron's print window
 * runs none either) and must not reach the network. The page size comes from the HTML's @page rules (A4, portrait
 * or landscape per table) — the same engine Electron's printToPDF uses, so the CLI, tests and benchmarks see the
 * pages the app prints.
 */
export function createChromiumRenderer(purpose = '生成 PDF'): ChromiumRenderer {
  let browser: Promise<Browser> | null = null;
  const launch = (why: string): Promise<Browser> => {
    if (!browser) {
      const started = launchChromium(why);
      browser = started;
      started.then(
        // A browser that dies (crash, killed) is launched again by the next job.
        (b) =>
          b.on('disconnected', () => {
            if (browser === started) browser = null;
          }),
        () => {
          if (browser === started) browser = null;
        },
      );
    }
    return browser;
  };
  const shutDown = async (): Promise<void> => {
    const b = browser;
    browser = null;
    if (b) await b.then((x) => x.close()).catch(() => undefined);
  };
  let charts: Promise<Page> | null = null;
  const renderer = createPrintRenderer(async (): Promise<PrintSurface> => {
    const page = await (await launch(purpose)).newPage({ javaScriptEnabled: false, offline: true });
    return {
      printPdf: async (html, { tagged }) => {
        await page.setContent(html, { waitUntil: 'load' });
        return page.pdf(tagged ? BOOKMARKED_PDF_OPTIONS : PDF_OPTIONS);
      },
      close: () => page.close().catch(() => undefined),
    };
  });
  let chartsTail: Promise<unknown> = Promise.resolve();
  return {
    ...renderer,
    counts: renderer.counts,
    close: async () => {
      await renderer.close();
      await chartsTail;
      charts = null;
      await shutDown();
    },
    svgsToPng: (svgs) => {
      const job = chartsTail.then(async () => {
        if (svgs.length === 0) return [];
        const open = async () =>
          (await launch('把图表转成图片')).newPage({
            javaScriptEnabled: false,
            offline: true,
            deviceScaleFactor: 2,
          });
        try {
          charts ??= open();
          const page = await charts;
          const out: Uint8Array[] = [];
          for (const s of svgs) {
            await page.setViewportSize({ width: s.width, height: s.height });
            await page.setContent(`<!doctype html><body style="margin:0;background:#fff">${s.svg}</body>`, {
              waitUntil: 'load',
            });
            out.push(await page.screenshot({ clip: { x: 0, y: 0, width: s.width, height: s.height } }));
          }
          return out;
        } catch (e) {
          charts = null;
          throw e;
        }
      });
      chartsTail = job.catch(() => undefined);
      return job;
    },
  };
}

/**
 * Prints the HTML built by buildPrintHtml (src-core/export) to PDF bytes with a Chromium of its own, closed when
 * done. Several exports in a row share one with createChromiumRenderer instead.
 *
 * @throws Error with a Chinese message when Chromium is missing or cannot start.
 */
export async function renderPdfBuffer(html: string): Promise<Uint8Array> {
  const renderer = createChromiumRenderer();
  try {
    return await renderer.toPdf(html);
  } finally {
    await renderer.close();
  }
}

/**
 * Prints the HTML to a PDF file, written atomically (no `.bak`: an export is regenerated at will) — with the given
 * warm renderer, or a Chromium of its own.
 */
export async function renderPdf(html: string, outFile: string, renderer?: PrintRenderer): Promise<void> {
  const bytes = renderer ? await renderer.toPdf(html) : await renderPdfBuffer(html);
  await writeFileAtomic(outFile, bytes, { backup: false });
}

/**
 * The system's headless Chromium with the flags above (CLI, tests and benchmarks share it).
 *
 * @throws Error with a Chinese message saying what `purpose` cannot be done when Chromium is missing or will not
 *   start.
 */
export async function launchChromium(purpose: string): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!fs.existsSync(executablePath)) {
    throw new Error(
      `找不到 Chromium 浏览器（${executablePath}），无法${purpose}。请安装 Chromium（Debian/Ubuntu：sudo apt-get install chromium），或用环境变量 CHROMIUM_PATH 指明它的位置。`,
    );
  }
  try {
    return await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  } catch (e) {
    throw new Error(`无法启动 Chromium 浏览器（${executablePath}），无法${purpose}：${firstLine(e)}`, {
      cause: e,
    });
  }
}

function firstLine(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return message.split('\n')[0] ?? message;
}

/** Rasterises SVG images (the charts) to PNG with a Chromium of its own (see ChromiumRenderer.svgsToPng). */
export async function renderSvgsToPng(svgs: readonly SvgImage[]): Promise<Uint8Array[]> {
  if (svgs.length === 0) return [];
  const renderer = createChromiumRenderer();
  try {
    return await renderer.svgsToPng(svgs);
  } finally {
    await renderer.close();
  }
}
