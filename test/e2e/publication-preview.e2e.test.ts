// 打印预览 › 公开文本全文 shows what the whole publication's PDF holds: the preview's pages are compared with the PDF
// Chromium prints from the very HTML the preview was laid out from (wholePublicationHtml, what 导出PDF prints), page
// by page, by their text as pdf.js reads it — so a page break of the flowing text that differs from print (orphans
// and widows, a heading kept with its text, a figure kept whole, a margin, a table's rows) fails it. 导出PDF from
// the preview prints that same HTML.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { pdfjsPageTexts, squashPageText } from '../helpers/pdf-text';
import { screenshot, useApp, usePdfRenderer } from './app-driver';

const app = useApp();
const pdfRenderer = usePdfRenderer();

const squash = squashPageText;

async function waitForPages(page: Page): Promise<void> {
  await expect
    .poll(() => page.getByTestId('preview-count').textContent(), { timeout: 120_000 })
    .toMatch(/^共 \d+ 页$/);
}

// Printing the publication (twice: the 目录's numbers come from a first print) and laying out 48 pages take
// seconds, minutes on a loaded machine: the tests allow them (speed is measured in the benches, never here).
describe('打印预览 › 公开文本全文', { timeout: 300_000 }, () => {
  it('shows the pages the publication PDF holds, page by page', async () => {
    const { page, errors } = await app.open();
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.keyboard.press('Control+F2');
    await page.getByTestId('print-preview').waitFor();
    await waitForPages(page);
    await page.getByTestId('preview-mode-whole').check();
    await waitForPages(page);
    const html = (await page.getByTestId('preview-frame').getAttribute('srcdoc')) ?? '';
    // The whole publication: cover, 目录, the parts, the tables, the 绩效自评表.
    expect(html).toContain('<section class="toc">');
    expect(html).toContain('class="performance"');
    const ms = await page.getByTestId('preview-count').getAttribute('data-layout-ms');
    console.info(`打印预览 › 公开文本全文: laid out in ${ms} ms`);
    await screenshot(page, 'publication-preview-1366');
    // Every button an action of the table, and the dialog in Chinese (buttons / chinese-only walk the tables' mode).
    const dialog = page.getByTestId('print-preview');
    const actions = await dialog
      .locator('button')
      .evaluateAll((bs) => bs.map((b) => b.getAttribute('data-action')));
    expect(actions).toEqual(['resetPageSetup', 'previewExportPdf', 'previewPrint', 'cancelDialog']);
    const latin = ((await dialog.innerText()).match(/[A-Za-z]{3,}/g) ?? []).filter(
      (w) => w !== 'PDF' && w !== 'Excel',
    );
    expect(latin).toEqual([]);

    const frame = page.frameLocator('[data-testid=preview-frame]');
    // A page of text with a figure, as users see it (before the markers below are put in).
    await frame.locator('[data-testid=preview-page]').nth(16).scrollIntoViewIfNeeded();
    await screenshot(page, 'publication-preview-1366-text');
    // The figures are drawn in the page (inline SVG): their labels are text on both sides, compared like the rest.
    const preview = (await frame.locator('[data-testid=preview-page]').allInnerTexts()).map(squash);
    const pdf = (await pdfjsPageTexts(await pdfRenderer().toPdf(html))).map(squash);
    expect(await frame.locator('[data-testid=preview-page] figure.chart svg').count()).toBe(4);
    expect(pdf.join('')).toContain('单位：万元0400800120016002022年度2023年度1409.821455.41');
    expect(preview.length).toBe(pdf.length);
    preview.forEach((text, i) => expect(`page ${i + 1}: ${text}`).toBe(`page ${i + 1}: ${pdf[i]}`));
    expect(preview).toHaveLength(48);
    // The cover shows no number; the 目录 runs over two pages and says where each part begins.
    expect(preview[0]).not.toMatch(/^\[/);
    expect(preview[1]).toMatch(/^\[2\]目录第一部分/);
    expect(preview[2]).toMatch(/^\[3\]/);
    expect(preview[1]).toContain('第二部分武汉市汉阳区融媒体中心2023年度部门决算表6');
    // Odd pages are numbered on the right, even ones on the left, as GB/T 9704 prints them.
    const sides = await frame
      .locator('[data-testid=preview-page] .gk-page-number')
      .evaluateAll((ns) => ns.slice(0, 3).map((n) => n.className));
    expect(sides).toEqual(['gk-page-number left', 'gk-page-number right', 'gk-page-number left']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('is opened from 导出PDF’s choice, remembered, and its 导出PDF prints the whole publication', async () => {
    const { page, errors } = await app.open();
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByTestId('menu-文件').click();
    await page.getByTestId('cmd-exportPdf').click();
    await page.getByTestId('print-whole').check();
    await page.getByTestId('print-preview-open').click();
    await page.getByTestId('print-preview').waitFor();
    await expect.poll(() => page.getByTestId('preview-mode-whole').isChecked()).toBe(true);
    await waitForPages(page);
    const shown = (await page.getByTestId('preview-frame').getAttribute('srcdoc')) ?? '';
    expect(shown).toContain('class="performance"');

    // 文件 › 打印预览 again shows the publication.
    await page.getByTestId('dialog-printPreview').focus();
    await page.keyboard.press('Escape');
    await page.getByTestId('print-preview').waitFor({ state: 'detached' });
    await page.keyboard.press('Control+F2');
    await expect.poll(() => page.getByTestId('preview-mode-whole').isChecked()).toBe(true);
    await waitForPages(page);

    // The browser build's 导出PDF prints the HTML (to “另存为 PDF”) from a frame of its own: the very HTML shown.
    await page.getByTestId('preview-pdf').click();
    const ask = page.getByTestId('dialog-choice');
    const printed = page.locator('body > iframe[srcdoc]');
    await expect
      .poll(
        async () => {
          if (await ask.isVisible()) await page.getByTestId('choice-export').click();
          return printed.count();
        },
        { timeout: 60_000 },
      )
      .toBe(1);
    expect(await printed.getAttribute('srcdoc')).toBe(shown);
    expect(errors).toEqual([]);
    await page.close();
  });
});
