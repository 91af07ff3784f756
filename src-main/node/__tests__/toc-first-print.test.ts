// The tables with a cover and 目录, printed by the system's Chromium: every section declares its pages (the cover,
// the short 目录, each table page-fit.ts put on one page), so the first export is one print — no draft print to find
// the pages — and the numbers it shows are where the tables are.
import { describe, expect, it } from 'vitest';
import { builtinFormSet } from '../../../src-core';
import { buildPrintHtml, wholePublicationHtml } from '../../../src-core/export';
import { pdfDestinationPages } from '../../../src-core/export/pdf-destinations';
import { declaredTocPages, fillTocPages, tocSlotIds, tocTargetId } from '../../../src-core/export/toc-pages';
import { loadSample, requirePdfTools } from '../../../test/helpers/pdf-reading';
import { pdfjsPageTexts } from '../../../test/helpers/pdf-text';
import { createChromiumRenderer, launchChromium } from '../pdf';

const formSet = builtinFormSet();

describe('the 目录 of the sample’s tables', () => {
  it('is numbered in one print on the first export, with the pages the tables are on', async () => {
    requirePdfTools();
    const html = buildPrintHtml(formSet, loadSample(formSet), { cover: true, toc: true });
    const declared = declaredTocPages(html);
    // Cover 1, 目录 2, then one page a table.
    expect(declared?.get(tocTargetId('table', '01'))).toBe(3);
    expect(declared?.get(tocTargetId('table', '09'))).toBe(11);
    const renderer = createChromiumRenderer();
    try {
      const pdf = await renderer.toPdf(html);
      expect(renderer.counts.prints).toBe(1);
      const pages = pdfDestinationPages(pdf);
      const toc = ((await pdfjsPageTexts(pdf))[1] ?? '').replace(/\s+/g, '');
      formSet.tables.forEach((t, i) => {
        const page = pages.get(tocTargetId('table', t.id));
        expect(page, t.id).toBe(3 + i);
        // The 目录 line: its text, then (after the leader) the page it points at.
        expect(toc).toMatch(new RegExp(`${t.title.replace(/[“”()（）]/g, '.')}${page}`));
      });
    } finally {
      await renderer.close();
    }
  }, 120_000);
});

describe('the 目录 of a long publication', () => {
  it('has room for three- and four-digit page numbers, so printing it shrinks nothing', async () => {
    requirePdfTools();
    // A department's publication runs to 180 pages and more. A number wider than its slot made Chromium shrink the
    // whole print (to 99.77 % for “176”), so more rows fit a page and the 目录's own numbers moved.
    const doc = loadSample(formSet);
    const browser = await launchChromium('检查目录页码');
    try {
      for (const [what, html] of [
        ['the tables', buildPrintHtml(formSet, doc, { cover: true, toc: true })],
        ['the whole publication', wholePublicationHtml(formSet, doc)],
      ] as const) {
        const slots = tocSlotIds(html);
        expect(slots.length, what).toBeGreaterThanOrEqual(formSet.tables.length);
        for (const n of [188, 1888]) {
          const page = await browser.newPage();
          await page.setContent(fillTocPages(html, new Map(slots.map((id) => [id, n]))));
          const overflow = await page.$$eval('.toc-page', (els) =>
            els.map((e) => e.scrollWidth - e.clientWidth).filter((d) => d > 0),
          );
          expect(overflow, `${what}, page ${n}`).toEqual([]);
          await page.close();
        }
      }
    } finally {
      await browser.close();
    }
  }, 120_000);
});
