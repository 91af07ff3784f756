import { describe, expect, it } from 'vitest';
import { bigSheetXml, xlsxWithSheet } from '../../../test/fuzz/cases';
import { checkXlsxInflation } from '../zip-guard';
import { MAX_SHEET_CELLS, MAX_SHEET_ROWS, SheetCounter } from '../sheet-count';

describe('sheets beyond any 决算 table are refused from the zip, before exceljs loads them', () => {
  it('a sheet of more rows than the limit (whatever its <dimension> claims) is refused by the streamed count', async () => {
    const bytes = xlsxWithSheet(bigSheetXml(MAX_SHEET_ROWS + 1, 1, 'A1:A2'));
    const message = await checkXlsxInflation(bytes);
    expect(message).toContain(`超过 ${MAX_SHEET_ROWS} 行`);
  });

  it('a sheet of 50 rows and more cells than the limit is refused by its cells', async () => {
    const cols = MAX_SHEET_CELLS / 50 + 100;
    expect(await checkXlsxInflation(xlsxWithSheet(bigSheetXml(50, cols, null)))).toContain('单元格');
  });

  it('the largest sheet this app exports (a 16× department, 28,000 rows) is inside the limits', async () => {
    expect(await checkXlsxInflation(xlsxWithSheet(bigSheetXml(28_000, 10, null)))).toBeNull();
  });

  it('a table-sized sheet passes', async () => {
    expect(await checkXlsxInflation(xlsxWithSheet(bigSheetXml(300, 10, 'A1:J300')))).toBeNull();
  });

  it('counts rows with values across any chunking, not empty formatted rows', () => {
    const xml = `<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row><row r="2" s="3"/><row r="3"><c r="A3" t="inlineStr"><is><t>x</t></is></c></row></sheetData>`;
    for (const size of [1, 2, 3, 5, 7, 1000]) {
      const c = new SheetCounter();
      const bytes = new TextEncoder().encode(xml);
      for (let i = 0; i < bytes.length; i += size) c.push(bytes.subarray(i, i + size));
      expect([c.rows, c.cells], `chunks of ${size}`).toEqual([2, 3]);
    }
  });
});
