// 打印预览 shows what the PDF holds: the preview's pages are compared with the PDF Chromium prints from the very HTML
// the preview was built from (the print HTML the 导出PDF of the app and the CLI print), page by page, by their text as
// pdf.js reads it; and a changed 页面设置 (a table turned landscape, fit to width) changes both alike.
import { describe, expect, it } from 'vitest';
import type { FrameLocator, Page } from 'playwright-core';
import { pdfjsPageTexts, squashPageText } from '../helpers/pdf-text';
import { screenshot, useApp, usePdfRenderer } from './app-driver';

const app = useApp();
const pdfRenderer = usePdfRenderer();

const squash = squashPageText;

async function openPreview(page: Page): Promise<FrameLocator> {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.keyboard.press('Control+F2');
  await page.getByTestId('print-preview').waitFor();
  await expect.poll(() => page.getByTestId('preview-count').textContent()).toMatch(/^共 \d+ 页$/);
  return page.frameLocator('[data-testid=preview-frame]');
}

/** The preview's pages (their text) and the PDF printed from the HTML it shows (its pages' text). */
async function previewAndPdf(page: Page): Promise<{ preview: string[]; pdf: string[] }> {
  await expect.poll(() => page.getByTestId('preview-count').textContent()).toMatch(/^共 \d+ 页$/);
  const frame = page.frameLocator('[data-testid=preview-frame]');
  const html = (await page.getByTestId('preview-frame').getAttribute('srcdoc')) ?? '';
  expect(html).toContain('<!DOCTYPE html>');
  const preview = await frame.locator('[data-testid=preview-page]').allInnerTexts();
  const pdf = await pdfjsPageTexts(await pdfRenderer().toPdf(html));
  return { preview: preview.map(squash), pdf: pdf.map(squash) };
}

// Each test prints PDFs and lays pages out several times: on a loaded machine that takes minutes, so the tests allow
// them (speed is measured in the benches, never here).
describe('打印预览', { timeout: 240_000 }, () => {
  it('shows the pages the PDF holds, and a changed 页面设置 changes both the same way', async () => {
    const { page, errors } = await app.open();
    await openPreview(page);
    await screenshot(page, 'print-preview-1366');
    // Every button of the dialog is an action of the table (as buttons.e2e.test.ts checks for the rest of the app).
    const actions = await page
      .getByTestId('print-preview')
      .locator('button')
      .evaluateAll((bs) => bs.map((b) => b.getAttribute('data-action')));
    expect(actions).toEqual(['resetPageSetup', 'previewExportPdf', 'previewPrint', 'cancelDialog']);

    const before = await previewAndPdf(page);
    expect(before.preview.length).toBe(before.pdf.length);
    expect(before.preview).toEqual(before.pdf);
    // Nine tables, 04 and 06 on one page each: nine pages, numbered — 1 — … — 9 —.
    expect(before.preview).toHaveLength(9);
    expect(before.preview[8]?.startsWith('[9]2023年度财政拨款“三公”经费支出决算表')).toBe(true);
    await expect.poll(() => page.getByTestId('preview-count').textContent()).toBe('共 9 页');

    // 公开05表 turned landscape and every table at full size (fit to width): 06 no longer fits one page.
    await page.getByTestId('setup-orientation-05').selectOption('landscape');
    await page.getByTestId('setup-fit-width').check();
    const after = await previewAndPdf(page);
    expect(after.preview.length).toBe(after.pdf.length);
    expect(after.preview).toEqual(after.pdf);
    expect(after.preview.length).toBeGreaterThan(before.preview.length);
    const frame = page.frameLocator('[data-testid=preview-frame]');
    const pages = frame.locator('[data-testid=preview-page]');
    const fifth = pages.filter({ hasText: '一般公共预算财政拨款支出决算表' }).first();
    await expect.poll(async () => (await fifth.getAttribute('class')) ?? '').toContain('landscape');
    await screenshot(page, 'print-preview-1366-changed');

    // The setup is the document's: undone in one step each, the pages come back.
    await page.getByTestId('dialog-printPreview').focus();
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByTestId('preview-count').textContent()).toBe('共 9 页');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('with cover and 目录: the 目录 numbers and the page numbers agree with the PDF', async () => {
    const { page, errors } = await app.open();
    await openPreview(page);
    await page.getByTestId('setup-cover').check();
    await page.getByTestId('setup-toc').check();
    await page.getByTestId('setup-table-03').uncheck();
    const both = await previewAndPdf(page);
    expect(both.preview).toEqual(both.pdf);
    expect(both.preview).toHaveLength(10);
    // The cover shows no number; the 目录 says where each table begins.
    expect(both.preview[0]).not.toMatch(/^\[/);
    expect(both.preview[1]).toContain('目录');
    expect(both.preview[1]).toContain('一、收入支出决算总表3');
    await screenshot(page, 'print-preview-cover-toc');
    expect(errors).toEqual([]);
    await page.close();
  });
});
