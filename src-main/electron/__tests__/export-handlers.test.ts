import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { exportFile, printHtml } from '../export-handlers';
import type { HtmlPrinter } from '../html-printer';
import { fakeDialogs } from './fake-dialogs';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gongkai-export-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46]); // %PDF

function printer(overrides: Partial<HtmlPrinter> = {}): HtmlPrinter & { toPdf: ReturnType<typeof vi.fn> } {
  return {
    toPdf: vi.fn(async () => PDF),
    print: vi.fn(async () => ({ ok: true as const })),
    ...overrides,
  } as never;
}

describe('exportFile', () => {
  it('xlsx: asks where, adds .xlsx, writes the bytes', async () => {
    const { dialogs, asked } = fakeDialogs({ save: [path.join(dir, '导出')] });
    const data = new Uint8Array([0x50, 0x4b, 3, 4]);
    const outcome = await exportFile(
      { kind: 'xlsx', suggestedName: '汉阳 2023', data },
      { dialogs, printer: printer(), defaultFolder: () => dir, showError: vi.fn() },
    );
    expect(asked.save[0]?.defaultPath).toBe(path.join(dir, '汉阳 2023.xlsx'));
    expect(asked.save[0]?.filters).toEqual([{ name: 'Excel 工作簿', extensions: ['xlsx'] }]);
    expect(outcome).toEqual({
      status: 'saved',
      filePath: path.join(dir, '导出.xlsx'),
      fileName: '导出.xlsx',
    });
    expect([...(await fs.readFile(path.join(dir, '导出.xlsx')))]).toEqual([...data]);
    expect(await fs.readdir(dir)).toEqual(['导出.xlsx']); // no .bak next to an export
  });

  it('pdf: asks first, then renders the HTML and writes the PDF', async () => {
    const p = printer();
    const { dialogs, asked } = fakeDialogs({ save: [path.join(dir, '公开表.pdf')] });
    const outcome = await exportFile(
      { kind: 'pdf', suggestedName: '公开表', html: '<h1>公开01表</h1>' },
      { dialogs, printer: p, defaultFolder: () => dir, showError: vi.fn() },
    );
    expect(asked.save[0]?.filters).toEqual([{ name: 'PDF 文件', extensions: ['pdf'] }]);
    expect(p.toPdf).toHaveBeenCalledWith('<h1>公开01表</h1>');
    expect(outcome).toMatchObject({ status: 'saved', fileName: '公开表.pdf' });
    expect([...(await fs.readFile(path.join(dir, '公开表.pdf')))]).toEqual([...PDF]);
  });

  it('renders nothing when the dialog is cancelled', async () => {
    const p = printer();
    const { dialogs } = fakeDialogs({ save: [null] });
    const outcome = await exportFile(
      { kind: 'pdf', suggestedName: 'a', html: '<p>' },
      { dialogs, printer: p, defaultFolder: () => dir, showError: vi.fn() },
    );
    expect(outcome).toEqual({ status: 'cancelled' });
    expect(p.toPdf).not.toHaveBeenCalled();
  });

  it('reports a PDF rendering failure and a write failure in Chinese', async () => {
    const broken = printer({ toPdf: vi.fn(async () => Promise.reject(new Error('render crashed'))) });
    const { dialogs } = fakeDialogs({ save: [path.join(dir, 'a.pdf'), path.join(dir, 'missing', 'b.xlsx')] });
    const deps = { dialogs, printer: broken, defaultFolder: () => dir, showError: vi.fn() };
    expect(await exportFile({ kind: 'pdf', suggestedName: 'a', html: '<p>' }, deps)).toEqual({
      status: 'failed',
      message: '生成 PDF 失败：render crashed',
    });
    const written = await exportFile({ kind: 'xlsx', suggestedName: 'b', data: new Uint8Array(1) }, deps);
    expect(written.status === 'failed' && written.message).toMatch(/^导出失败：/);
  });
});

describe('printHtml', () => {
  it('stays quiet when the user cancels the print dialog', async () => {
    const showError = vi.fn();
    await printHtml('<p>', {
      printer: printer({ print: async () => ({ ok: false, reason: 'cancelled' }) }),
      showError,
    });
    expect(showError).not.toHaveBeenCalled();
  });

  it('reports a failed print job in Chinese', async () => {
    const showError = vi.fn();
    await printHtml('<p>', {
      printer: printer({ print: async () => ({ ok: false, reason: 'Print job failed' }) }),
      showError,
    });
    expect(showError).toHaveBeenCalledWith('打印失败：打印任务没有完成，请检查打印机是否可用。');
  });
});
