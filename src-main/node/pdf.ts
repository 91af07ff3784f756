import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { hasToc, printWithTocPages } from '../../src-core/export/toc-pages';
import { writeFileAtomic } from './atomic-file';
import { withReadableText } from './pdf-text';

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

/**
 * Prints the HTML built by buildPrintHtml (src-core/export) to PDF bytes with the system's headless Chromium —
 * the same engine Electron's printToPDF uses, so the CLI, tests and benchmarks see the pages the app prints. The
 * page size comes from the HTML's @page rules (A4, portrait or landscape per table). A 目录 gets its page numbers
 * from a first print (printWithTocPages), in the same browser.
 *
 * @throws Error with a Chinese message when Chromium is missing or cannot start.
 */
export async function renderPdfBuffer(html: string): Promise<Uint8Array> {
  const browser = await launchChromium('生成 PDF');
  try {
    // The print page needs no script (Electron's print window runs none either), and must not reach the network.
    const page = await browser.newPage({ javaScriptEnabled: false, offline: true });
    const bookmarked = hasToc(html);
    const toPdf = async (pageHtml: string) => {
      await page.setContent(pageHtml, { waitUntil: 'load' });
      return page.pdf(bookmarked ? BOOKMARKED_PDF_OPTIONS : PDF_OPTIONS);
    };
    const printed = await printWithTocPages(html, toPdf);
    return withReadableText(printed.pdf, printed.html);
  } finally {
    // Shutting Chromium down takes 100–200 ms the caller need not wait for: the bytes are already here. Should it
    // still be running when Node exits, Playwright's exit handler kills it.
    void browser.close().catch(() => undefined);
  }
}

/** Prints the HTML to a PDF file, written atomically (no `.bak`: an export is regenerated at will). */
export async function renderPdf(html: string, outFile: string): Promise<void> {
  const bytes = await renderPdfBuffer(html);
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

/**
 * Rasterises SVG images (the charts) to PNG with the same headless Chromium, at twice their size for print: the
 * Excel export embeds pictures, and spreadsheets do not take SVG.
 */
export async function renderSvgsToPng(
  svgs: readonly { readonly svg: string; readonly width: number; readonly height: number }[],
): Promise<Uint8Array[]> {
  if (svgs.length === 0) return [];
  const browser = await launchChromium('把图表转成图片');
  try {
    const page = await browser.newPage({ javaScriptEnabled: false, offline: true, deviceScaleFactor: 2 });
    const out: Uint8Array[] = [];
    for (const s of svgs) {
      await page.setViewportSize({ width: s.width, height: s.height });
      await page.setContent(`<!doctype html><body style="margin:0;background:#fff">${s.svg}</body>`, {
        waitUntil: 'load',
      });
      out.push(await page.screenshot({ clip: { x: 0, y: 0, width: s.width, height: s.height } }));
    }
    return out;
  } finally {
    void browser.close().catch(() => undefined);
  }
}
