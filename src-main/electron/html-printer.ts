import fs from 'node:fs/promises';
import path from 'node:path';
import { hasToc, hasTocSlots, printWithTocPages } from '../../src-core/export/toc-pages';
import { withReadableText } from '../node/pdf-text';

/** The parts of a hidden BrowserWindow the printer uses. */
export interface PrintWindowLike {
  loadFile(file: string): Promise<void>;
  readonly webContents: {
    printToPDF(options: typeof PDF_OPTIONS | typeof BOOKMARKED_PDF_OPTIONS): Promise<Uint8Array>;
    print(
      options: { silent: boolean; printBackground: boolean },
      callback: (success: boolean, failureReason: string) => void,
    ): void;
  };
  destroy(): void;
}

export const PDF_OPTIONS = { pageSize: 'A4', printBackground: true, preferCSSPageSize: true } as const;

/** A document with a 目录 is also tagged with bookmarks, as the CLI prints it (src-main/node/pdf.ts says why). */
export const BOOKMARKED_PDF_OPTIONS = {
  ...PDF_OPTIONS,
  generateTaggedPDF: true,
  generateDocumentOutline: true,
} as const;

/** Print pages are written into folders named like this under the temp folder (the print session allows only them). */
export const PRINT_DIR_PREFIX = 'gongkai-print-';

export type PrintResult = { readonly ok: true } | { readonly ok: false; readonly reason: string };

export interface HtmlPrinter {
  toPdf(html: string): Promise<Uint8Array>;
  /** The system print dialog; cancelling it is { ok: false, reason: 'cancelled' }, other reasons are Electron's. */
  print(html: string): Promise<PrintResult>;
}

/**
 * Prints the HTML src-core builds in a hidden, script-less window. The page goes through a temporary file rather
 * than a data: URL because Chromium caps URLs at 2 MB and a department-scale document's tables exceed that. A UTF-8
 * BOM pins the encoding whatever <meta> the HTML carries.
 */
export function createHtmlPrinter(deps: {
  readonly createWindow: () => PrintWindowLike;
  readonly tempDir: string;
  /** The folders of the print jobs running now: the print session serves files from these only (main.ts). */
  readonly activeDirs?: Set<string>;
}): HtmlPrinter {
  const withPage = async <T>(html: string, use: (window: PrintWindowLike) => Promise<T>): Promise<T> => {
    const dir = await fs.mkdtemp(path.join(deps.tempDir, PRINT_DIR_PREFIX));
    deps.activeDirs?.add(dir);
    try {
      const file = path.join(dir, 'print.html');
      await fs.writeFile(file, `\ufeff${html}`, 'utf8');
      const window = deps.createWindow();
      try {
        await window.loadFile(file);
        return await use(window);
      } finally {
        window.destroy();
      }
    } finally {
      deps.activeDirs?.delete(dir);
      await fs.rm(dir, { recursive: true, force: true });
    }
  };

  const toPdf = (html: string) =>
    withPage(html, (window) =>
      window.webContents.printToPDF(hasToc(html) ? BOOKMARKED_PDF_OPTIONS : PDF_OPTIONS),
    );
  return {
    // A 目录 learns its page numbers from a first print (see printWithTocPages).
    toPdf: async (html) => {
      const printed = await printWithTocPages(html, toPdf);
      return withReadableText(printed.pdf, printed.html);
    },
    print: async (html) => {
      // The 目录's numbers come from a PDF print; if that fails, the pages still go to the printer without them.
      let numbered = html;
      if (hasTocSlots(html))
        numbered = await printWithTocPages(html, toPdf).then(
          (r) => r.html,
          () => html,
        );
      return withPage(
        numbered,
        (window) =>
          new Promise<PrintResult>((resolve) => {
            window.webContents.print({ silent: false, printBackground: true }, (success, failureReason) => {
              // Electron says "Print job canceled" (older versions "cancelled").
              if (success) resolve({ ok: true });
              else
                resolve({ ok: false, reason: /cancel/i.test(failureReason) ? 'cancelled' : failureReason });
            });
          }),
      );
    },
  };
}
