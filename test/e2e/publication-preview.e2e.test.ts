// 打印预览 › 公开文本全文 shows what the whole publication's PDF holds: the preview's pages are compared with the PDF
// Chromium prints from the very HTML the preview was laid out from (wholePublicationHtml, what 导出PDF prints), page
// by page, by their text as pdf.js reads it — so a page break of the flowing text that differs from print (orphans
// and widows, a heading kept with its text, a figure kept whole, a margin, a table's rows) fails it. 导出PDF from
// the preview prints that same HTML.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createChromiumRenderer, type ChromiumRenderer } from '../../src-main/node/pdf';
import { pdfjsPageTexts, squashPageText } from '../helpers/pdf-text';
import { screenshot, useApp } from './app-driver';

const app = useApp();
let renderer: ChromiumRenderer;
beforeAll(() => {
  renderer = createChromiumRenderer();
});
afterAll(async () => {
  await renderer.close();
});

/** What stands for a figure in both texts (see chartTexts). */
const FIGURE = '[图]';

const squash = squashPageText;

/**
 * The text each figure adds to the PDF's text layer: a chart is an SVG image, and Chromium prints its labels as
 * text (pdf.js reads its digits as NULs), which the preview's DOM cannot show as text. Each figure's image is
 * printed alone, and its text stands in the page's text as FIGURE, as the image does in the preview's. Printed
 * alone, its text layer is not mended against the publication's text, so its Kangxi radicals (⼊ for 入) are
 * folded back here.
 */
async function chartTexts(html: string): Promise<string[]> {
  const images = [...html.matchAll(/<figure class="chart"[^>]*>\s*(<img [^>]*>)/g)].map(
    (m) => m[1] as string,
  );
  const texts: string[] = [];
  for (const img of images) {
    const alone = `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${img}</body></html>`;
    const text = (await pdfjsPageTexts(await renderer.toPdf(alone))).join('');
    texts.push(text.replace(/\s+/g, '').replace(/[\u2f00-\u2fdf]/gu, (c) => c.normalize('NFKC')));
  }
  return texts;
}

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
    const preview = (
      await frame.locator('[data-testid=preview-page]').evaluateAll((pages) =>
        pages.map((p) => {
          for (const img of p.querySelectorAll('figure.chart img')) img.after('[图]');
          return (p as HTMLElement).innerText;
        }),
      )
    ).map(squash);
    const charts = await chartTexts(html);
    const pdf = (await pdfjsPageTexts(await renderer.toPdf(html))).map((t) =>
      charts.reduce((text, chart) => text.split(chart).join(FIGURE), squash(t)),
    );
    // Every figure found in both, once.
    expect(charts).toHaveLength(4);
    const figures = (pages: string[]) => pages.join('').split(FIGURE).length - 1;
    expect(figures(preview)).toBe(4);
    expect(figures(pdf)).toBe(4);

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
