import { describe, expect, it } from 'vitest';
import { tinyPdf } from '../../../test/helpers/tiny-pdf';
import { pdfDestinationPages } from '../pdf-destinations';
import {
  declaredTocPages,
  fillTocPages,
  pagesAttr,
  hasToc,
  hasTocSlots,
  tocSlotIds,
  printWithTocPages,
  tocEntryHtml,
  tocTargetId,
} from '../toc-pages';
import { tidyPdfOutline } from '../pdf-outline';

describe('pdfDestinationPages', () => {
  it('finds the page of each named destination through a nested page tree', () => {
    const pdf = tinyPdf({ tree: [2, 3, 1], dests: { 'gk-part-a': 1, 'gk-table-03': 4, 'gk-section-x': 6 } });
    expect(Object.fromEntries(pdfDestinationPages(pdf))).toEqual({
      'gk-part-a': 1,
      'gk-table-03': 4,
      'gk-section-x': 6,
    });
  });

  it('reads a /Names name tree of /D dictionaries too', () => {
    const pdf = tinyPdf({ tree: [4], dests: { first: 2, second: 3 }, nameTree: true });
    expect(Object.fromEntries(pdfDestinationPages(pdf))).toEqual({ first: 2, second: 3 });
  });

  it('gives nothing (not wrong numbers) for bytes it cannot read', () => {
    expect(pdfDestinationPages(new TextEncoder().encode('not a pdf')).size).toBe(0);
    const pdf = tinyPdf({ tree: [2], dests: { a: 2 } });
    // A cross-reference table pointing into the wrong place.
    const broken = new TextDecoder('latin1')
      .decode(pdf)
      .replace(/0000000(\d{3}) 00000 n/g, '0000000001 00000 n');
    expect(pdfDestinationPages(Uint8Array.from(broken, (c) => c.charCodeAt(0))).size).toBe(0);
    // A page tree it cannot walk whole (the root's /Count says 3, the tree holds 2) gives nothing either.
    const miscounted = new TextDecoder('latin1').decode(pdf).replace('/Count 2 /Kids', '/Count 3 /Kids');
    expect(pdfDestinationPages(Uint8Array.from(miscounted, (c) => c.charCodeAt(0))).size).toBe(0);
  });
});

describe('the 目录 page numbers', () => {
  const entry = (key: string) => tocEntryHtml(`表${key}`, tocTargetId('table', key), 'toc-entry');
  const html = `<ul>${entry('01')}${entry('02')}</ul>`;

  it('links each entry to its target and leaves a slot for its number', () => {
    expect(tocTargetId('section', 'income')).toBe('gk-section-income');
    expect(tocTargetId('part', '第一部分 x')).toMatch(/^gk-part-[\w-]+$/);
    expect(entry('01')).toContain('href="#gk-table-01"');
    expect(hasTocSlots(html)).toBe(true);
    expect(hasTocSlots('<p>no 目录</p>')).toBe(false);
  });

  it('still finds every slot after asking whether there are any (the printer path asks first)', () => {
    expect(hasTocSlots(html)).toBe(true);
    expect(tocSlotIds(html)).toEqual(['gk-table-01', 'gk-table-02']);
  });

  it('fills the slots it has a page for and leaves the others empty', () => {
    const filled = fillTocPages(
      html,
      new Map([
        ['gk-table-01', 7],
        ['gk-table-02', 9],
      ]),
    );
    expect(hasTocSlots(filled)).toBe(false);
    expect(hasToc(filled)).toBe(true);
    expect(hasToc('<p>tables only</p>')).toBe(false);
    expect(filled).toContain('<span class="toc-page" data-toc-page="gk-table-01">7</span>');
    const partly = fillTocPages(html, new Map([['gk-table-01', 7]]));
    expect(partly).toContain('<span class="toc-page" data-toc-page="gk-table-02"></span>');
  });

  it('prints once without a 目录, twice with one, and hands back the HTML the PDF was printed from', async () => {
    const printed: string[] = [];
    const toPdf = async (h: string) => {
      printed.push(h);
      return tinyPdf({ tree: [5], dests: { 'gk-table-01': 3, 'gk-table-02': 5 } });
    };
    await printWithTocPages('<p>tables only</p>', toPdf);
    expect(printed).toHaveLength(1);
    printed.length = 0;
    const out = await printWithTocPages(html, toPdf);
    expect(printed).toHaveLength(2);
    expect(out.html).toBe(printed[1]);
    expect(out.html).toContain('data-toc-page="gk-table-01">3<');
    expect(out.html).toContain('data-toc-page="gk-table-02">5<');
  });

  it('prints a third time if filling in the numbers moved a target, and never more', async () => {
    const printed: string[] = [];
    // Each print moves 公开02表 one page further: the numbers never settle.
    const toPdf = async (h: string) => {
      printed.push(h);
      return tinyPdf({ tree: [9], dests: { 'gk-table-01': 3, 'gk-table-02': 4 + printed.length } });
    };
    const out = await printWithTocPages(html, toPdf);
    expect(printed).toHaveLength(3);
    expect(out.html).toBe(printed[2]);
    expect(out.html).toContain('data-toc-page="gk-table-02">6<');
  });
});

describe('tidyPdfOutline', () => {
  const utf16 = (s: string) =>
    [...s].map((c) => (c.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')).join('');
  const bytes = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
  const text = (b: Uint8Array) => String.fromCharCode(...b);

  it('undoes a bookmark title Chromium wrote twice, without moving a byte', () => {
    const pdf = bytes(
      `1 0 obj\n<</Title <FEFF${utf16('收入决算表收入决算表')}> /Parent 2 0 R>>\nendobj\n` +
        `3 0 obj\n<</Title <FEFF${utf16('第五部分 名词解释')}> /Parent 2 0 R>>\nendobj\n`,
    );
    const tidy = tidyPdfOutline(pdf);
    expect(tidy.length).toBe(pdf.length);
    expect(text(tidy)).toContain(`/Title <FEFF${utf16('收入决算表')}>`);
    expect(text(tidy)).toContain(`/Title <FEFF${utf16('第五部分 名词解释')}>`);
    expect(text(tidy).indexOf('endobj')).toBe(text(pdf).indexOf('endobj'));
  });

  it('leaves a PDF with nothing doubled as it is', () => {
    const pdf = bytes(`<</Title <FEFF${utf16('目录')}>>>`);
    expect(tidyPdfOutline(pdf)).toBe(pdf);
  });
});

describe('declaredTocPages', () => {
  const entry = (k: string) => tocEntryHtml(`表${k}`, tocTargetId('table', k), 'toc-entry');
  const sheet = (k: string, pages?: number) =>
    `<section class="sheet portrait" id="${tocTargetId('table', k)}"${pagesAttr(pages)}></section>`;

  it('adds up the pages the sections declare: a cover, the 目录 and each table start a page of their own', () => {
    const html = [
      `<section class="cover"${pagesAttr(1)}></section>`,
      `<section class="toc"${pagesAttr(1)}><ol>${entry('01')}${entry('02')}${entry('03')}</ol></section>`,
      sheet('01', 1),
      sheet('02', 2),
      sheet('03', 1),
    ].join('\n');
    expect(Object.fromEntries(declaredTocPages(html) ?? [])).toMatchObject({
      'gk-table-01': 3,
      'gk-table-02': 4,
      'gk-table-03': 6,
    });
  });

  it('declares nothing when a section does not say how long it is, or a target is not a section', () => {
    const toc = `<section class="toc"${pagesAttr(1)}><ol>${entry('01')}${entry('02')}</ol></section>`;
    expect(declaredTocPages(`${toc}${sheet('01', 1)}${sheet('02')}`)).toBeUndefined();
    expect(declaredTocPages(`${toc}${sheet('01', 1)}`)).toBeUndefined();
    expect(declaredTocPages(sheet('01', 1))).toBeUndefined();
  });
});
