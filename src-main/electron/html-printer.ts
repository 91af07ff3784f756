import fs from 'node:fs/promises';
import path from 'node:path';
import { createPrintRenderer, type PrintRenderer } from '../node/print-renderer';

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
  isDestroyed(): boolean;
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
  /** The HTML as PDF, its 目录 numbered and its text layer readable, in the session's one warm print window. */
  toPdf(html: string): Promise<Uint8Array>;
  /** The system print dialog; cancelling it is { ok: false, reason: 'cancelled' }, other reasons are Electron's. */
  print(html: string): Promise<PrintResult>;
  /** Opens the warm print window ahead of the first export (PrintRenderer.warmUp); main.ts calls it after start-up. */
  warmUp(): Promise<void>;
  /**
   * Closes the print windows (the warm one and any print dialog's) once the running job is done: main.ts calls it
   * when the main window closes, so no hidden window keeps the app from quitting. A later job opens a new one.
   */
  close(): Promise<void>;
  /** Print windows opened and pages printed so far (tests read it). */
  readonly counts: PrintRenderer['counts'];
}

/**
 * Prints the HTML src-core builds in a hidden, script-less window. One window is kept for the session and reused
 * by every PDF export (createPrintRenderer: the app exporting twice opens one window and, while the 目录's pages
 * stand, prints the second export once). Each job's page goes through a temporary file of its own rather than a
 * data: URL because Chromium caps URLs at 2 MB and a department-scale document's tables exceed that; the file's
 * folder is served to the print session only while the job runs, and removed after it. A UTF-8 BOM pins the
 * encoding whatever <meta> the HTML carries.
 */
export function createHtmlPrinter(deps: {
  readonly createWindow: () => PrintWindowLike;
  readonly tempDir: string;
  /** The folders of the print jobs running now: the print session serves files from these only (main.ts). */
  readonly activeDirs?: Set<string>;
}): HtmlPrinter {
  /** Loads `html` into `window` from a job folder of its own, runs `use`, and removes the folder. */
  const withPage = async <T>(
    window: PrintWindowLike,
    html: string,
    use: (window: PrintWindowLike) => Promise<T>,
  ): Promise<T> => {
    const dir = await fs.mkdtemp(path.join(deps.tempDir, PRINT_DIR_PREFIX));
    deps.activeDirs?.add(dir);
    try {
      const file = path.join(dir, 'print.html');
      await fs.writeFile(file, `\ufeff${html}`, 'utf8');
      await window.loadFile(file);
      return await use(window);
    } finally {
      deps.activeDirs?.delete(dir);
      await fs.rm(dir, { recursive: true, force: true });
    }
  };

  const renderer = createPrintRenderer(async () => {
    let window = deps.createWindow();
    return {
      printPdf: (html, { tagged }) => {
        // A window closed under us (it is never shown, but Electron may tear it down) is replaced, not reused.
        if (window.isDestroyed()) window = deps.createWindow();
        return withPage(window, html, (w) =>
          w.webContents.printToPDF(tagged ? BOOKMARKED_PDF_OPTIONS : PDF_OPTIONS),
        );
      },
      close: async () => {
        if (!window.isDestroyed()) window.destroy();
      },
    };
  });

  /** Print dialogs open now: each has a window of its own, since it stays open while the user chooses. */
  const dialogWindows = new Set<PrintWindowLike>();
  return {
    toPdf: (html) => renderer.toPdf(html),
    warmUp: () => renderer.warmUp(),
    print: async (html) => {
      // The 目录's numbers come from the warm window; if that fails, the pages still go to the printer without them.
      const numbered = await renderer.numbered(html).catch(() => html);
      const window = deps.createWindow();
      dialogWindows.add(window);
      try {
        return await withPage(
          window,
          numbered,
          (w) =>
            new Promise<PrintResult>((resolve) => {
              w.webContents.print({ silent: false, printBackground: true }, (success, failureReason) => {
                // Electron says "Print job canceled" (older versions "cancelled").
                if (success) resolve({ ok: true });
                else
                  resolve({ ok: false, reason: /cancel/i.test(failureReason) ? 'cancelled' : failureReason });
              });
            }),
        );
      } finally {
        dialogWindows.delete(window);
        if (!window.isDestroyed()) window.destroy();
      }
    },
    close: async () => {
      for (const w of dialogWindows) if (!w.isDestroyed()) w.destroy();
      dialogWindows.clear();
      await renderer.close();
    },
    counts: renderer.counts,
  };
}
