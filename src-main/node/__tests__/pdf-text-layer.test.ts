// The PDFs' text layer, read with extractors that do not fold look-alike characters (pdf.js, MuPDF): every ideograph
// must come out as itself, not as the CJK radical Chromium writes into the fonts' ToUnicode maps (⻔ for 门, ⽀ for 支),
// so that a reviewer's tool, a search engine or a screen reader finds “收入支出决算总表”. Needs Chromium, Noto CJK
// (the fonts that share radical and ideograph glyphs) and python3-fitz; CI installs them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCharts, builtinFormSet, Workbook } from '../../../src-core';
import { buildPrintHtml } from '../../../src-core/export';
import { buildPublicationHtml } from '../../../src-core/export/publication-html';
import { renderPdf } from '../pdf';
import { loadSample, requirePdfTools } from '../../../test/helpers/pdf-reading';
import { cjkRadicals, mupdfPageTexts, pdfjsPageTexts } from '../../../test/helpers/pdf-text';

const formSet = builtinFormSet();
const sample = loadSample(formSet);
const charts = buildCharts(formSet, new Workbook(formSet, sample), sample);
const squash = (s: string) => s.replace(/\s+/g, '');

let dir: string;
const files = { tables: '', publication: '' };
const texts: Record<keyof typeof files, { pdfjs: string; mupdf: string }> = {
  tables: { pdfjs: '', mupdf: '' },
  publication: { pdfjs: '', mupdf: '' },
};

beforeAll(async () => {
  requirePdfTools();
  dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'gongkai-text-layer-'));
  files.tables = path.join(dir, 'tables.pdf');
  files.publication = path.join(dir, 'publication.pdf');
  await renderPdf(buildPrintHtml(formSet, sample), files.tables);
  await renderPdf(buildPublicationHtml(formSet, sample, { charts }), files.publication);
  for (const key of ['tables', 'publication'] as const) {
    const bytes = new Uint8Array(await fs.promises.readFile(files[key]));
    texts[key] = {
      pdfjs: squash((await pdfjsPageTexts(bytes)).join('\n')),
      mupdf: squash(mupdfPageTexts(files[key]).join('\n')),
    };
  }
}, 120_000);

afterAll(async () => {
  if (dir) await fs.promises.rm(dir, { recursive: true, force: true });
});

describe.each(['tables', 'publication'] as const)('the %s PDF’s text layer', (key) => {
  it.each(['pdfjs', 'mupdf'] as const)('has no CJK radical in place of an ideograph (%s)', (reader) => {
    const text = texts[key][reader];
    expect(text.length).toBeGreaterThan(1000);
    expect(cjkRadicals(text).join('')).toBe('');
  });

  it.each(['pdfjs', 'mupdf'] as const)('has all nine table titles, findable as typed (%s)', (reader) => {
    const text = texts[key][reader];
    const missing = formSet.tables.filter((t) => !text.includes(squash(t.title))).map((t) => t.title);
    expect(missing).toEqual([]);
    expect(text).toContain('收入支出决算总表');
    expect(text).toContain('财政拨款“三公”经费支出决算表');
  });
});

describe('the publication’s figures', () => {
  it.each(['pdfjs', 'mupdf'] as const)('have their labels in the text layer, as drawn (%s)', (reader) => {
    const labels = Object.values(charts).flatMap((c) =>
      [...(c.svg ?? '').matchAll(/<text[^>]*>([^<]+)<\/text>/g)].map((m) => squash(m[1] as string)),
    );
    const cjkLabels = labels.filter((l) => /[\u4e00-\u9fff]/u.test(l));
    expect(cjkLabels.length).toBeGreaterThan(3);
    expect(cjkLabels.filter((l) => !texts.publication[reader].includes(l))).toEqual([]);
  });
});
