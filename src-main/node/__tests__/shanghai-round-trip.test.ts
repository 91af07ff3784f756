// The 上海 2024 path a clerk takes, end to end through the CLI: the hand-filled 样张 (built independently of the
// exporter) → import → check → export Excel and PDF → the exported Excel imports back as the same document; the
// PDF is read as pdf.js and MuPDF read it (not pdftotext, which folds look-alike radicals back to ideographs).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formSetFor } from '../../../src-core';
import { shanghaiWorkbook } from '../../../src-core/export/__tests__/shanghai-fixture';
import { requirePdfTools, run as tool } from '../../../test/helpers/pdf-reading';
import { cjkRadicals, mupdfPageTexts, pdfjsPageTexts } from '../../../test/helpers/pdf-text';
import { main } from '../../cli/main';

async function gongkai(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

const shanghai = formSetFor(2024, 'shanghai')!;
let dir: string;
let doc: string;
let pdf: string;
let xlsx: string;

beforeAll(async () => {
  requirePdfTools();
  dir = mkdtempSync(path.join(os.tmpdir(), 'gk-shanghai-trip-'));
  writeFileSync(path.join(dir, '样张.xlsx'), await shanghaiWorkbook());
  doc = path.join(dir, 'sh.gongkai.json');
  const imported = await gongkai('import', path.join(dir, '样张.xlsx'), '--out', doc);
  if (imported.code !== 0) throw new Error(imported.err);
  xlsx = path.join(dir, 'out.xlsx');
  pdf = path.join(dir, 'out.pdf');
  const exported = await gongkai('export', doc, '--xlsx', xlsx, '--pdf', pdf);
  if (exported.code !== 0) throw new Error(exported.err);
}, 180_000);

describe('a hand-filled 上海 2024 template, round trip through the CLI', () => {
  it('checks clean, and its exported Excel imports back as the same 上海 document', async () => {
    const checked = await gongkai('check', doc);
    expect(checked.code).toBe(0);
    expect(checked.out).toContain('0 个错误');
    const back = path.join(dir, 'back.gongkai.json');
    const again = await gongkai('import', xlsx, '--out', back);
    expect(again.code).toBe(0);
    expect(again.out).toContain('表样 shanghai@2024');
    const first = JSON.parse(readFileSync(doc, 'utf8')) as Record<string, unknown>;
    const second = JSON.parse(readFileSync(back, 'utf8')) as Record<string, unknown>;
    for (const key of ['profile', 'formYear', 'unit', 'tables']) expect(second[key]).toEqual(first[key]);
  });

  it('prints every 上海 table under its title in real ideographs, one page each, in the orientation the 样张 has', async () => {
    const bytes = new Uint8Array(readFileSync(pdf));
    const byPdfjs = await pdfjsPageTexts(bytes);
    const byMupdf = mupdfPageTexts(pdf).map((t) => t.replace(/\s+/g, ''));
    expect(byPdfjs).toHaveLength(shanghai.tables.length);
    expect(cjkRadicals(byPdfjs.join(''))).toEqual([]);
    expect(cjkRadicals(byMupdf.join(''))).toEqual([]);
    // The fixture's tables are short: each one, 04 and 06 (the widest and the longest) included, fits its page.
    const sizes = [
      ...tool('pdfinfo', ['-f', '1', '-l', '99', pdf]).matchAll(/size:\s+([\d.]+) x ([\d.]+) pts/g),
    ];
    shanghai.tables.forEach((t, i) => {
      for (const text of [byPdfjs[i]!.replace(/\s+/g, ''), byMupdf[i]!]) {
        expect(text).toContain('上海市XX局2024年度部门决算表');
        expect(text).toContain(t.title);
        expect(text).not.toMatch(/公开\d\d表/);
      }
      const [w, h] = [Number(sizes[i]![1]), Number(sizes[i]![2])];
      expect(w > h ? 'landscape' : 'portrait', `${t.code} ${t.title}`).toBe(t.orientation);
    });
    // The last lines of 表四 and 表六 are on their own pages, not pushed onto a next one.
    expect(byMupdf[3]).toContain('总计');
    expect(byMupdf[5]).toContain('公用经费合计');
  });

  it('a changed copy is caught, and its 审核报告 (Excel and PDF) names cells by 表号, 科目编码 and column header', async () => {
    const file = path.join(dir, '改过.xlsx');
    writeFileSync(file, await shanghaiWorkbook({ income2050205: '999.00' }));
    const xlsxReport = path.join(dir, 'report.xlsx');
    const pdfReport = path.join(dir, 'report.pdf');
    expect((await gongkai('check', file, '--report', xlsxReport)).code).toBe(1);
    expect((await gongkai('check', file, '--report', pdfReport)).code).toBe(1);
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsxReport);
    const cells: string[] = [];
    book.worksheets[0]?.eachRow((row) => row.eachCell((c) => void cells.push(String(c.value ?? ''))));
    expect(cells).toContain('2050205 高等教育 本年收入合计');
    // Read with its line breaks kept: run together, “20805 行政…” would read as “5行”.
    const pdfText = mupdfPageTexts(pdfReport).join('\n');
    expect(pdfText.replace(/\s+/g, '')).toContain('2050205高等教育本年收入合计');
    for (const text of [cells.join('\n'), pdfText]) {
      expect(text).toContain('表二');
      expect(text).not.toMatch(/\d栏|\d行|栏各行|公开\d\d表/);
    }
  });
});
