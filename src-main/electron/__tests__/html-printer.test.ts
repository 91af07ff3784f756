import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tocEntryHtml } from '../../../src-core/export/toc-pages';
import { tinyPdf } from '../../../test/helpers/tiny-pdf';
import {
  BOOKMARKED_PDF_OPTIONS,
  createHtmlPrinter,
  PDF_OPTIONS,
  PRINT_DIR_PREFIX,
  type PrintWindowLike,
} from '../html-printer';

let tempDir: string;
beforeEach(async () => {
  tempDir = await fs.mkdtemp(path.join(os.tmpdir(), 'gongkai-printer-'));
});
afterEach(async () => {
  await fs.rm(tempDir, { recursive: true, force: true });
});

function fakeWindow(printAnswer: [boolean, string] = [true, '']) {
  const seen: { file?: string; html?: string } = {};
  const window: PrintWindowLike = {
    loadFile: vi.fn(async (file: string) => {
      seen.file = file;
      seen.html = await fs.readFile(file, 'utf8');
    }),
    webContents: {
      printToPDF: vi.fn(async () => new Uint8Array([1, 2, 3])),
      print: vi.fn((_options, callback) => callback(...printAnswer)),
    },
    destroy: vi.fn(),
  };
  return { window, seen };
}

describe('createHtmlPrinter', () => {
  it('renders a PDF from a temporary UTF-8 file, A4 with backgrounds, then cleans up', async () => {
    const { window, seen } = fakeWindow();
    const printer = createHtmlPrinter({ createWindow: () => window, tempDir });
    expect([...(await printer.toPdf('<p>公开01表</p>'))]).toEqual([1, 2, 3]);
    expect(window.webContents.printToPDF).toHaveBeenCalledWith(PDF_OPTIONS);
    expect(PDF_OPTIONS).toEqual({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
    expect(seen.html).toBe('\ufeff<p>公开01表</p>');
    expect(path.basename(path.dirname(seen.file ?? ''))).toMatch(new RegExp(`^${PRINT_DIR_PREFIX}`));
    expect(window.destroy).toHaveBeenCalledOnce();
    expect(await fs.readdir(tempDir)).toEqual([]);
  });

  it('prints through the system dialog and reports a cancelled dialog as cancelled', async () => {
    const ok = fakeWindow();
    expect(await createHtmlPrinter({ createWindow: () => ok.window, tempDir }).print('<p>')).toEqual({
      ok: true,
    });
    expect(ok.window.webContents.print).toHaveBeenCalledWith(
      { silent: false, printBackground: true },
      expect.any(Function),
    );
    const cancelled = fakeWindow([false, 'Print job canceled']);
    expect(await createHtmlPrinter({ createWindow: () => cancelled.window, tempDir }).print('<p>')).toEqual({
      ok: false,
      reason: 'cancelled',
    });
    const failed = fakeWindow([false, 'Print job failed']);
    expect(await createHtmlPrinter({ createWindow: () => failed.window, tempDir }).print('<p>')).toEqual({
      ok: false,
      reason: 'Print job failed',
    });
  });

  it('destroys the window and removes the file even when loading fails', async () => {
    const { window } = fakeWindow();
    window.loadFile = vi.fn(async () => Promise.reject(new Error('ERR_FAILED')));
    const printer = createHtmlPrinter({ createWindow: () => window, tempDir });
    await expect(printer.toPdf('<p>')).rejects.toThrow('ERR_FAILED');
    expect(window.destroy).toHaveBeenCalledOnce();
    expect(await fs.readdir(tempDir)).toEqual([]);
  });

  it('gives a 目录 its page numbers from a first print, for the PDF and for the printer', async () => {
    const toc = `<ul>${tocEntryHtml('一、收入支出决算总表', 'gk-table-01', 'toc-entry')}</ul>`;
    const loaded: string[] = [];
    const createWindow = () => {
      const { window, seen } = fakeWindow();
      window.loadFile = vi.fn(async (file: string) => {
        seen.html = await fs.readFile(file, 'utf8');
        loaded.push(seen.html);
      });
      window.webContents.printToPDF = vi.fn(async (options) => {
        usedOptions.push(options);
        return tinyPdf({ tree: [4], dests: { 'gk-table-01': 3 } });
      });
      return window;
    };
    const usedOptions: unknown[] = [];
    const printer = createHtmlPrinter({ createWindow, tempDir });
    await printer.toPdf(toc);
    expect(loaded).toHaveLength(2);
    // A document with a 目录 is printed tagged, with bookmarks.
    expect(usedOptions).toEqual([BOOKMARKED_PDF_OPTIONS, BOOKMARKED_PDF_OPTIONS]);
    expect(BOOKMARKED_PDF_OPTIONS).toMatchObject({ generateTaggedPDF: true, generateDocumentOutline: true });
    expect(loaded[1]).toContain('data-toc-page="gk-table-01">3</span>');
    loaded.length = 0;
    expect(await printer.print(toc)).toEqual({ ok: true });
    expect(loaded).toHaveLength(3);
    expect(loaded[2]).toContain('data-toc-page="gk-table-01">3</span>');
    expect(await fs.readdir(tempDir)).toEqual([]);
  });

  it('still prints, without the 目录 numbers, when the numbering print fails', async () => {
    const toc = `<ul>${tocEntryHtml('一、收入支出决算总表', 'gk-table-01', 'toc-entry')}</ul>`;
    const loaded: string[] = [];
    const createWindow = () => {
      const { window } = fakeWindow();
      window.loadFile = vi.fn(async (file: string) => void loaded.push(await fs.readFile(file, 'utf8')));
      window.webContents.printToPDF = vi.fn(async () => Promise.reject(new Error('printing failed')));
      return window;
    };
    expect(await createHtmlPrinter({ createWindow, tempDir }).print(toc)).toEqual({ ok: true });
    expect(loaded.at(-1)).toBe(`\ufeff${toc}`);
  });
});

describe('the print session', () => {
  it('serves only the page of the print job running now: not the temp folder, other files or the network', async () => {
    const { isAllowedRequest } = await import('../request-policy');
    const { pathToFileURL } = await import('node:url');
    const activeDirs = new Set<string>();
    const policy = { fileRoots: () => [...activeDirs] };
    const other = path.join(tempDir, 'secret.txt');
    await fs.writeFile(other, 'not for the print page');
    const seenDuringPrint: Record<string, boolean> = {};
    const window: PrintWindowLike = {
      loadFile: vi.fn(async (file: string) => {
        seenDuringPrint.page = isAllowedRequest(pathToFileURL(file).href, policy);
        seenDuringPrint.besidePage = isAllowedRequest(
          pathToFileURL(path.join(path.dirname(file), 'font.woff2')).href,
          policy,
        );
        seenDuringPrint.otherTempFile = isAllowedRequest(pathToFileURL(other).href, policy);
        seenDuringPrint.escape = isAllowedRequest(
          `${pathToFileURL(path.dirname(file)).href}/../secret.txt`,
          policy,
        );
        seenDuringPrint.home = isAllowedRequest(pathToFileURL(os.homedir()).href, policy);
        seenDuringPrint.network = isAllowedRequest('https://example.com/x.png', policy);
        seenDuringPrint.data = isAllowedRequest('data:image/svg+xml,<svg/>', policy);
      }),
      webContents: {
        printToPDF: vi.fn(async () => new Uint8Array([1])),
        print: vi.fn((_options, callback) => callback(true, '')),
      },
      destroy: vi.fn(),
    };
    const printer = createHtmlPrinter({ createWindow: () => window, tempDir, activeDirs });
    await printer.toPdf('<p>x</p>');
    expect(seenDuringPrint).toEqual({
      page: true,
      besidePage: true,
      otherTempFile: false,
      escape: false,
      home: false,
      network: false,
      data: true,
    });
    // Once the job is done its folder is gone from the list too.
    expect(activeDirs.size).toBe(0);
  });
});
