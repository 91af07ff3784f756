import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { builtinFormSet } from '../../builtin-forms';
import { exportXlsx } from '../xlsx-export';
import { exportXlsxWithExceljs } from '../../../test/reference/exceljs-xlsx-export';
import { generateDepartmentDocument } from '../../../bench/department-document';
import { loadSampleDocument } from '../../../bench/sample';
import { XlsxWriter } from '../xlsx-writer';
import { readXlsxSheets } from '../xlsx-reader';

const formSet = builtinFormSet();

async function read(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  return book;
}

/** Everything of a workbook a user or a printer sees, as exceljs reads it back. */
function summary(book: ExcelJS.Workbook) {
  return book.worksheets.map((ws) => {
    const cells: string[] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) =>
      row.eachCell({ includeEmpty: true }, (c, col) => {
        const v = c.value as unknown;
        const value =
          v && typeof v === 'object' && 'formula' in v
            ? `=${(v as { formula: string }).formula}→${(v as { result?: number }).result ?? ''}`
            : String(v ?? '');
        const b = c.border;
        const style = [
          c.font?.name,
          c.font?.size,
          c.font?.bold ? 'b' : '',
          b?.top?.style ?? '',
          b?.left?.style ?? '',
          b?.bottom?.style ?? '',
          b?.right?.style ?? '',
          c.alignment?.horizontal ?? '',
          c.alignment?.vertical === 'middle' ? 'center' : (c.alignment?.vertical ?? ''),
          c.alignment?.wrapText ? 'wrap' : '',
          c.alignment?.indent ?? '',
          c.numFmt ?? '',
        ].join(',');
        if (value !== '' || style.replace(/,/g, '') !== '')
          cells.push(`${r}:${col} ${value} [${style}] ${c.isMerged ? `merged:${c.master.address}` : ''}`);
      }),
    );
    const p = ws.pageSetup;
    return {
      name: ws.name,
      state: ws.state,
      cells,
      merges: [...((ws.model as { merges?: string[] }).merges ?? [])].sort(),
      widths: (ws.columns ?? []).map((c) => c.width),
      heights: Array.from({ length: ws.rowCount }, (_, i) => ws.getRow(i + 1).height),
      // A hidden sheet is never printed: its page setup is Excel's default either way.
      page:
        ws.state === 'hidden'
          ? 'hidden'
          : [p.paperSize, p.orientation, p.fitToPage, p.fitToWidth, p.fitToHeight, p.horizontalCentered],
      margins: ws.state === 'hidden' ? 'hidden' : p.margins,
      titles: p.printTitlesRow,
      footer: ws.headerFooter?.oddFooter,
      frozen: ws.views?.map((v) => [v.state, (v as { ySplit?: number }).ySplit]),
      images: ws.getImages().map((i) => [i.range.tl.row, i.range.tl.col]),
    };
  });
}

describe('the own xlsx writer writes what the exceljs export wrote', () => {
  it('the sample: every cell value, formula, look, merge, width, height, print setup and footer', async () => {
    const doc = loadSampleDocument();
    const png = Uint8Array.from(
      atob(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      ),
      (c) => c.charCodeAt(0),
    );
    const charts = [
      { title: '图1 收支决算总体情况', png, width: 600, height: 300 },
      { title: '图2 收入结构', png, width: 600, height: 300 },
    ];
    const mine = summary(await read(await exportXlsx(formSet, doc, { charts })));
    const reference = summary(await read(await exportXlsxWithExceljs(formSet, doc, { charts })));
    expect(mine.map((s) => s.name)).toEqual(reference.map((s) => s.name));
    for (const [i, sheet] of mine.entries()) expect(sheet, sheet.name).toEqual(reference[i]);
  });

  it('a department-size document (1,500 项): the same cells and merges', { timeout: 120_000 }, async () => {
    const doc = generateDepartmentDocument(formSet, { scale: 1 });
    const mine = summary(await read(await exportXlsx(formSet, doc)));
    const reference = summary(await read(await exportXlsxWithExceljs(formSet, doc)));
    for (const [i, sheet] of mine.entries()) expect(sheet, sheet.name).toEqual(reference[i]);
  });

  it('text is text: markup, leading spaces, control characters and formulas-looking labels survive', () => {
    const book = new XlsxWriter({ creator: 't', title: 't' });
    const ws = book.addSheet('A\'<&>"');
    const texts = ['<b>&amp;</b>', '  两个空格', '=SUM(A1)', '行1\n行2', 'x\u0001y', '"引号"'];
    texts.forEach((t, i) => ws.set(i + 1, 1, t));
    const [sheet] = readXlsxSheets(book.toBytes());
    expect(sheet?.name).toBe('A\'<&>"');
    expect(sheet?.rows.map((r) => r?.[0]?.text)).toEqual(
      [undefined, ...texts.map((t) => t.replace('\u0001', ''))].slice(1),
    );
  });

  it('refuses overlapping merges, as Excel would repair them', () => {
    const ws = new XlsxWriter({ creator: 't', title: 't' }).addSheet('s');
    ws.merge(1, 1, 2, 3);
    expect(() => ws.merge(2, 3, 2, 4)).toThrow(/重叠/);
  });
});
