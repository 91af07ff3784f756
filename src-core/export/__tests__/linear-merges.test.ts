import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { formSet, loadSample } from '../../engine/__tests__/helpers';
import { useLinearMerges } from '../linear-merges';
import { exportXlsx } from '../xlsx-export';
import { importXlsx } from '../xlsx-import';

type MergeFn = (d: unknown, ignoreStyle?: boolean) => void;
const proto = Object.getPrototypeOf(new ExcelJS.Workbook().addWorksheet('p')) as {
  _mergeCellsInternal: MergeFn;
};

async function reread(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  return book;
}

/** Every sheet's merges and cell values as a spreadsheet reads them back. */
function contents(book: ExcelJS.Workbook) {
  return book.worksheets.map((ws) => {
    const values: string[] = [];
    ws.eachRow((r, i) => r.eachCell((c, j) => values.push(`${i},${j}=${JSON.stringify(c.value)}`)));
    return { name: ws.name, merges: [...ws.model.merges].sort(), values };
  });
}

describe('merges in linear time (exceljs’s quadratic overlap check replaced)', () => {
  it('writes and reads back exactly the merges and values exceljs’s own code gives', async () => {
    const original = proto._mergeCellsInternal;
    useLinearMerges();
    const linear = proto._mergeCellsInternal;
    expect(linear).not.toBe(original);
    const doc = loadSample();
    const withLinear = await exportXlsx(formSet, doc);
    proto._mergeCellsInternal = original;
    let withExceljs: Uint8Array;
    try {
      withExceljs = await exportXlsx(formSet, doc);
    } finally {
      proto._mergeCellsInternal = linear;
    }
    const a = contents(await reread(withLinear));
    const b = contents(await reread(withExceljs));
    expect(a).toEqual(b);
    expect(a.find((s) => s.name === '公开03表')?.merges.length).toBeGreaterThan(5);
    // …and the import reads the same document from either file.
    const ra = await importXlsx(formSet, withLinear);
    const rb = await importXlsx(formSet, withExceljs);
    expect(ra.ok && rb.ok).toBe(true);
    if (ra.ok && rb.ok) expect(ra.document.tables).toEqual(rb.document.tables);
  });

  it('still refuses a merge that overlaps another, as exceljs does', () => {
    useLinearMerges();
    const ws = new ExcelJS.Workbook().addWorksheet('s');
    ws.mergeCells('B2:C3');
    expect(() => ws.mergeCells('C3:D4')).toThrow('Cannot merge already merged cells');
    expect(() => ws.mergeCells('A1:B2')).toThrow('Cannot merge already merged cells');
    ws.mergeCells('D2:E3');
    ws.unMergeCells('B2');
    ws.mergeCells('A2:B2');
    expect([...ws.model.merges].sort()).toEqual(['A2:B2', 'D2:E3']);
  });
});
