import { declaredTocPages, hasToc, printWithTocPages, tocSlotIds } from '../../src-core/export/toc-pages';
import { TABLE_FONT_STACK } from '../../src-core/export/print-html';
import { FANGSONG_STACK, HEITI_STACK } from '../../src-core/export/publication-html';
import { withReadableText } from './pdf-text';

/**
 * One warm page of a print engine: a tab of a headless Chromium (the CLI, tests, benchmarks: pdf.ts) or Electron's
 * hidden print window (the app: src-main/electron/html-printer.ts). It prints one page of HTML at a time.
 */
export interface PrintSurface {
  /**
   * The HTML printed to PDF. `tagged` asks for the accessible PDF with bookmarks (a document with a 目录); a draft
   * print that only tells where the 目录's targets land goes without.
   */
  printPdf(html: string, options: { readonly tagged: boolean }): Promise<Uint8Array>;
  /** Shuts the engine down (the browser process, the hidden window). */
  close(): Promise<void>;
}

export interface PrintRenderer {
  /** The HTML as PDF: the 目录's page numbers filled in, the text layer readable (see withReadableText). */
  toPdf(html: string): Promise<Uint8Array>;
  /** The HTML with the 目录's page numbers filled in, for a printer (unchanged when it has no 目录). */
  numbered(html: string): Promise<string>;
  /**
   * Opens the engine and prints a page nobody sees (its fonts, the print machinery), so that the session's first
   * export is as quick as the next ones: the app calls it a while after its window shows. Counts no print; a
   * failure is dropped (the first real job opens the engine again and reports its own).
   */
  warmUp(): Promise<void>;
  /** Closes the engine once the jobs already asked for are done. A later job opens a new one. */
  close(): Promise<void>;
  /** What the renderer did so far: engines opened and pages printed (tests and benchmarks read it). */
  readonly counts: { readonly opened: number; readonly prints: number };
}

/**
 * A print renderer that keeps one engine warm for the session: opened on the first job, reused by every job after
 * it (the CLI exporting several files in one call, the app exporting twice), closed by close() — the CLI when its
 * command ends, the app when its window closes. Jobs run one after another on the one page. A job that fails drops
 * the engine (a crashed browser must not fail every later export); the next job opens a fresh one.
 *
 * The 目录's numbers: the pages the last print of a 目录 with the same entries found are the first guess, so an
 * unchanged or lightly edited document prints once; on a first print, the pages the HTML declares (declaredTocPages:
 * the tables with a cover and 目录 when every table fits its page). The print checks itself and is redone only if a
 * target moved (printWithTocPages). Without a guess, a draft print (untagged, cheaper) finds the pages first.
 */
export function createPrintRenderer(open: () => Promise<PrintSurface>): PrintRenderer {
  let surface: Promise<PrintSurface> | null = null;
  let tail: Promise<unknown> = Promise.resolve();
  const counts = { opened: 0, prints: 0 };
  /** The pages each 目录 (by its entries) last pointed at. */
  const lastPages = new Map<string, ReadonlyMap<string, number>>();

  const engine = (): Promise<PrintSurface> => {
    if (!surface) {
      counts.opened++;
      surface = open();
      // An engine that failed to open is not kept: the next job tries again (and reports its own failure).
      surface.catch(() => {
        surface = null;
      });
    }
    return surface;
  };
  const drop = async (): Promise<void> => {
    const s = surface;
    surface = null;
    if (s) await s.then((x) => x.close()).catch(() => undefined);
  };
  /** Runs `job` after the jobs before it; a failure drops the engine and is passed on. */
  const queued = <T>(job: () => Promise<T>): Promise<T> => {
    const run = tail.then(job, job).catch(async (e: unknown) => {
      await drop();
      throw e;
    });
    tail = run.catch(() => undefined);
    return run;
  };
  const print = async (html: string, tagged: boolean): Promise<Uint8Array> => {
    const s = await engine();
    counts.prints++;
    return s.printPdf(html, { tagged });
  };
  const printNumbered = async (html: string) => {
    const tagged = hasToc(html);
    const key = tocSlotIds(html).join('\n');
    const printed = await printWithTocPages(html, (h) => print(h, tagged), {
      guess: lastPages.get(key) ?? declaredTocPages(html),
      draft: (h) => print(h, false),
    });
    if (printed.pages.size > 0) lastPages.set(key, printed.pages);
    return printed;
  };

  return {
    toPdf: (html) =>
      queued(async () => {
        const printed = await printNumbered(html);
        return withReadableText(printed.pdf, printed.html);
      }),
    numbered: (html) =>
      queued(async () => (tocSlotIds(html).length === 0 ? html : (await printNumbered(html)).html)),
    warmUp: () =>
      queued(async () => {
        const s = await engine();
        await s.printPdf(WARM_UP_PAGE, { tagged: false });
      }).catch(() => undefined),
    close: () => queued(drop),
    counts,
  };
}

/** What the warm-up prints: the publication's and the tables' fonts, ideographs and digits. */
const WARM_UP_PAGE = [
  '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"></head><body>',
  `<p style="font-family: ${FANGSONG_STACK}">收入支出决算总表 1455.41</p>`,
  `<p style="font-family: ${HEITI_STACK}">第二部分 部门决算表</p>`,
  `<p style="font-family: ${TABLE_FONT_STACK}">一般公共预算财政拨款 0123456789</p>`,
  '</body></html>',
].join('');
