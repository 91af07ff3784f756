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
  let destroyed = false;
  const window: PrintWindowLike = {
    loadFile: vi.fn(async (file: string) => {
      if (destroyed) throw new Error('Object has been destroyed');
      seen.file = file;
      seen.html = await fs.readFile(file, 'utf8');
    }),
    webContents: {
      printToPDF: vi.fn(async () => new Uint8Array([1, 2, 3])),
      print: vi.fn((_options, callback) => callback(...printAnswer)),
    },
    destroy: vi.fn(() => void (destroyed = true)),
    isDestroyed: () => destroyed,
  };
  return { window, seen };
}

/** Electron's BrowserWindow as the printer sees it: every window it creates, and which of them are still open. */
function fakeElectron(make: () => PrintWindowLike = () => fakeWindow().window) {
  const created: PrintWindowLike[] = [];
  return {
    createWindow: () => {
      const w = make();
      created.push(w);
      return w;
    },
    created,
    open: () => created.filter((w) => !w.isDestroyed()),
  };
}

const tocHtml = `<ul>${tocEntryHtml('一、收入支出决算总表', 'gk-table-01', 'toc-entry')}</ul>`;

describe('createHtmlPrinter', () => {
  it('renders a PDF from a temporary UTF-8 file, A4 with backgrounds, then removes the file', async () => {
    const { window, seen } = fakeWindow();
    const printer = createHtmlPrinter({ createWindow: () => window, tempDir });
    expect([...(await printer.toPdf('<p>公开01表</p>'))]).toEqual([1, 2, 3]);
    expect(window.webContents.printToPDF).toHaveBeenCalledWith(PDF_OPTIONS);
    expect(PDF_OPTIONS).toEqual({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
    expect(seen.html).toBe('\ufeff<p>公开01表</p>');
    expect(path.basename(path.dirname(seen.file ?? ''))).toMatch(new RegExp(`^${PRINT_DIR_PREFIX}`));
    expect(await fs.readdir(tempDir)).toEqual([]);
  });

  it('keeps one print window for the session: a second export reuses it, and prints an unchanged 目录 once', async () => {
    const printed: unknown[] = [];
    const electron = fakeElectron(() => {
      const { window } = fakeWindow();
      window.webContents.printToPDF = vi.fn(async (options) => {
        printed.push(options);
        return tinyPdf({ tree: [4], dests: { 'gk-table-01': 3 } });
      });
      return window;
    });
    const printer = createHtmlPrinter({ createWindow: electron.createWindow, tempDir });
    await printer.toPdf(tocHtml);
    // The first export of a 目录: a draft print (untagged, cheaper) finds the pages, the tagged one shows them.
    expect(printed).toEqual([PDF_OPTIONS, BOOKMARKED_PDF_OPTIONS]);
    printed.length = 0;
    await printer.toPdf(tocHtml);
    await printer.toPdf('<p>公开01表</p>');
    expect(electron.created).toHaveLength(1);
    // The second export of the same 目录: its pages from the first, checked by this one print.
    expect(printed).toEqual([BOOKMARKED_PDF_OPTIONS, PDF_OPTIONS]);
    expect(printer.counts).toEqual({ opened: 1, prints: 4 });
    expect(electron.open()).toHaveLength(1);
    expect(await fs.readdir(tempDir)).toEqual([]);
  });

  it('closes its windows on quit, leaving no window and no temp file; an export after that opens a new one', async () => {
    const electron = fakeElectron();
    const printer = createHtmlPrinter({ createWindow: electron.createWindow, tempDir });
    await printer.toPdf('<p>一</p>');
    // Quit while an export runs: the export finishes first, then the window goes.
    const running = printer.toPdf('<p>二</p>');
    await printer.close();
    await expect(running).resolves.toBeInstanceOf(Uint8Array);
    expect(electron.created).toHaveLength(1);
    expect(electron.open()).toEqual([]);
    expect(await fs.readdir(tempDir)).toEqual([]);
    await printer.toPdf('<p>三</p>');
    expect(electron.created).toHaveLength(2);
    await printer.close();
    expect(electron.open()).toEqual([]);
  });

  it('replaces a print window that was destroyed under it', async () => {
    const electron = fakeElectron();
    const printer = createHtmlPrinter({ createWindow: electron.createWindow, tempDir });
    await printer.toPdf('<p>一</p>');
    electron.created[0]!.destroy();
    await printer.toPdf('<p>二</p>');
    expect(electron.created).toHaveLength(2);
    await printer.close();
    expect(electron.open()).toEqual([]);
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
    // The dialog's window is gone once the dialog is.
    expect(ok.window.isDestroyed()).toBe(true);
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

  it('destroys the window and removes the file when loading fails, and opens a new window for the next job', async () => {
    let fail = true;
    const electron = fakeElectron(() => {
      const { window } = fakeWindow();
      const load = window.loadFile;
      window.loadFile = vi.fn(async (file: string) =>
        fail ? Promise.reject(new Error('ERR_FAILED')) : load(file),
      );
      return window;
    });
    const printer = createHtmlPrinter({ createWindow: electron.createWindow, tempDir });
    await expect(printer.toPdf('<p>')).rejects.toThrow('ERR_FAILED');
    expect(electron.open()).toEqual([]);
    expect(await fs.readdir(tempDir)).toEqual([]);
    fail = false;
    await printer.toPdf('<p>');
    expect(electron.created).toHaveLength(2);
  });

  it('gives a 目录 its page numbers for the printer from the warm window: one print when an export gave them', async () => {
    const loaded: string[] = [];
    const electron = fakeElectron(() => {
      const { window } = fakeWindow();
      window.loadFile = vi.fn(async (file: string) => void loaded.push(await fs.readFile(file, 'utf8')));
      window.webContents.printToPDF = vi.fn(async () => tinyPdf({ tree: [4], dests: { 'gk-table-01': 3 } }));
      return window;
    });
    const printer = createHtmlPrinter({ createWindow: electron.createWindow, tempDir });
    expect(await printer.print(tocHtml)).toEqual({ ok: true });
    // Draft, numbered print, then the dialog's own window.
    expect(loaded).toHaveLength(3);
    expect(loaded[2]).toContain('data-toc-page="gk-table-01">3</span>');
    loaded.length = 0;
    await printer.toPdf(tocHtml);
    expect(await printer.print(tocHtml)).toEqual({ ok: true });
    // The export and the print each print once now.
    expect(loaded).toHaveLength(3);
    expect(loaded[2]).toContain('data-toc-page="gk-table-01">3</span>');
    expect(electron.created).toHaveLength(3);
    await printer.close();
    expect(electron.open()).toEqual([]);
    expect(await fs.readdir(tempDir)).toEqual([]);
  });

  it('still prints, without the 目录 numbers, when the numbering print fails', async () => {
    const loaded: string[] = [];
    const createWindow = () => {
      const { window } = fakeWindow();
      window.loadFile = vi.fn(async (file: string) => void loaded.push(await fs.readFile(file, 'utf8')));
      window.webContents.printToPDF = vi.fn(async () => Promise.reject(new Error('printing failed')));
      return window;
    };
    expect(await createHtmlPrinter({ createWindow, tempDir }).print(tocHtml)).toEqual({ ok: true });
    expect(loaded.at(-1)).toBe(`\ufeff${tocHtml}`);
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
      isDestroyed: () => false,
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
