// Every PDF the CLI writes — the tables (`export --pdf`), the whole publication with its figures (`--publication`)
// and the 审核报告 (`check --report`) — for the sample (全国 2023) and a hand-filled 上海 2024 workbook imported by the
// CLI, read back with extractors that do not fold look-alike characters (pdf.js, MuPDF): no CJK radical in place of
// an ideograph, every table title findable as typed, and every table that fits on one page printed on one page
// (公开04表 and 公开06表 of the sample among them). Needs Chromium, Noto CJK and python3-fitz; CI installs them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formSetFor, formSetOfDocument, readDocument, type FormSet } from '../../../src-core';
import { shanghaiWorkbook } from '../../../src-core/export/__tests__/shanghai-fixture';
import { requirePdfTools } from '../../../test/helpers/pdf-reading';
import { cjkRadicals, mupdfPageTexts, pdfjsPageTexts } from '../../../test/helpers/pdf-text';
import { main } from '../main';

const SAMPLE = path.resolve(__dirname, '../../../samples/hanyang-media-center-2023.gongkai.json');
const squash = (s: string) => s.replace(/\s+/g, '');
const READERS = ['pdfjs', 'mupdf'] as const;
const OUTPUTS = ['tables', 'publication', 'report'] as const;

async function cli(argv: string[]): Promise<void> {
  let err = '';
  const code = await main(argv, { out: () => undefined, err: (t) => void (err += t) });
  // check exits 1 when the document has errors (the sample's text has some); the report is written all the same.
  if (code === 2 || (code !== 0 && argv[0] !== 'check')) throw new Error(`gongkai ${argv.join(' ')}: ${err}`);
}

interface Printed {
  readonly formSet: FormSet;
  /** Each output's page texts, whitespace removed, per reader. */
  readonly pages: Record<(typeof OUTPUTS)[number], Record<(typeof READERS)[number], string[]>>;
}

let dir: string;
const printed = new Map<string, Printed>();

async function exportAll(name: string, docFile: string): Promise<void> {
  const r = readDocument(fs.readFileSync(docFile, 'utf8'), (year, id) => formSetFor(year, id));
  if (!r.ok) throw new Error(r.message);
  const formSet = formSetOfDocument(r.document) as FormSet;
  const files = Object.fromEntries(OUTPUTS.map((o) => [o, path.join(dir, `${name}-${o}.pdf`)])) as Record<
    (typeof OUTPUTS)[number],
    string
  >;
  await cli(['export', docFile, '--pdf', files.tables, '--publication', files.publication]);
  await cli(['check', docFile, '--text', '--report', files.report]);
  const pages = {} as Printed['pages'];
  for (const o of OUTPUTS) {
    const bytes = new Uint8Array(await fs.promises.readFile(files[o]));
    pages[o] = {
      pdfjs: (await pdfjsPageTexts(bytes)).map(squash),
      mupdf: mupdfPageTexts(files[o]).map(squash),
    };
  }
  printed.set(name, { formSet, pages });
}

beforeAll(async () => {
  requirePdfTools();
  dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'gongkai-cli-pdfs-'));
  await exportAll('sample', SAMPLE);
  const xlsx = path.join(dir, 'shanghai.xlsx');
  await fs.promises.writeFile(xlsx, await shanghaiWorkbook());
  const sh = path.join(dir, 'shanghai.gongkai.json');
  await cli(['import', xlsx, '--out', sh]);
  await exportAll('shanghai', sh);
}, 300_000);

afterAll(async () => {
  if (dir) await fs.promises.rm(dir, { recursive: true, force: true });
});

/** Which table each page of the tables PDF shows: the longest title on it, else the table of the page before. */
function tableOfPages(formSet: FormSet, pages: readonly string[]): (string | undefined)[] {
  let current: string | undefined;
  const byLength = [...formSet.tables].sort((a, b) => b.title.length - a.title.length);
  return pages.map((text) => {
    const t = byLength.find((t) => text.includes(squash(t.title)));
    if (t) current = t.id;
    return current;
  });
}

describe.each(['sample', 'shanghai'])('the CLI’s PDFs of the %s', (name) => {
  const get = () => printed.get(name) as Printed;

  it.each(OUTPUTS.flatMap((o) => READERS.map((r) => [o, r] as const)))(
    '%s PDF: no CJK radical in place of an ideograph (%s)',
    (output, reader) => {
      const text = get().pages[output][reader].join('');
      expect(text.length).toBeGreaterThan(200);
      expect(cjkRadicals(text).join('')).toBe('');
    },
  );

  it.each(OUTPUTS.flatMap((o) => READERS.map((r) => [o, r] as const)))(
    '%s PDF: every character maps to text — no NUL, no U+FFFD (%s)',
    (output, reader) => {
      // A figure drawn as an <img> SVG printed its runs of digits (the bars' values, the axis) with no Unicode map.
      const unmapped = [...get().pages[output][reader].join('')].filter((c) => {
        const code = c.codePointAt(0) ?? 0;
        return code < 0x20 || code === 0xfffd;
      });
      expect(unmapped.map((c) => c.codePointAt(0)?.toString(16))).toEqual([]);
    },
  );

  it('publication PDF of the sample: the figures’ numbers are text', () => {
    if (name !== 'sample') return;
    // 图1: its axis 0, 400, … 1600 and its bars 1409.82 (2022年度) and 1455.41 (2023年度), as pdf.js and MuPDF read them.
    for (const reader of READERS)
      expect(get().pages.publication[reader].join('')).toContain('单位：万元04008001200160020');
  });

  it.each(READERS)('tables and publication PDFs: every table title findable as typed (%s)', (reader) => {
    const { formSet, pages } = get();
    for (const output of ['tables', 'publication'] as const) {
      const text = pages[output][reader].join('');
      const missing = formSet.tables.filter((t) => !text.includes(squash(t.title))).map((t) => t.title);
      expect(missing, `${output}`).toEqual([]);
    }
    expect(pages.report[reader].join('')).toContain('审核报告');
  });

  it('tables PDF: every table on one page of its own, in order', () => {
    const { formSet, pages } = get();
    const tables = tableOfPages(formSet, pages.tables.pdfjs);
    expect(tables).toEqual(formSet.tables.map((t) => t.id));
    if (name === 'sample')
      for (const id of ['04', '06']) expect(tables.filter((t) => t === id)).toHaveLength(1);
  });
});
