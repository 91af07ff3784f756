import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { formSet, loadSample } from '../../engine/__tests__/helpers';
import { exportXlsx } from '../xlsx-export';
import { importXlsx } from '../xlsx-import';
import { checkXlsxBytes } from '../zip-guard';
import { MAX_SHEET_ROWS } from '../sheet-count';
import { bigSheetXml, xlsxWithSheet } from '../../../test/fuzz/cases';

async function message(bytes: Uint8Array): Promise<string> {
  const r = await importXlsx(formSet, bytes);
  if (r.ok) throw new Error('expected a refusal');
  return r.message;
}

describe('bad workbooks get a clear Chinese message', () => {
  it('a truncated xlsx', async () => {
    const bytes = await exportXlsx(formSet, loadSample());
    expect(await message(bytes.slice(0, Math.floor(bytes.length / 2)))).toContain('文件不完整或已损坏');
  });

  it('a .txt renamed to .xlsx', async () => {
    expect(await message(new TextEncoder().encode('单位,金额\n测试,1\n'))).toContain(
      '不是 Excel (.xlsx) 文件',
    );
  });

  it('a password-protected workbook (an OLE container)', async () => {
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(await message(ole)).toContain('设置了打开密码');
  });

  it('an empty file', async () => {
    expect(await message(new Uint8Array())).toContain('文件是空的');
  });

  it('a zip that claims to unpack to gigabytes (a zip bomb) is refused before unpacking', () => {
    // A minimal zip: one local header + one central directory entry claiming 3 GB, + end of central directory.
    const name = new TextEncoder().encode('xl/worksheets/sheet1.xml');
    const local = new Uint8Array(30 + name.length);
    new DataView(local.buffer).setUint32(0, 0x04034b50, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint32(20, 1000, true);
    cv.setUint32(24, 3_000_000_000, true);
    cv.setUint16(28, name.length, true);
    central.set(name, 46);
    const end = new Uint8Array(22);
    const ev = new DataView(end.buffer);
    ev.setUint32(0, 0x06054b50, true);
    ev.setUint16(8, 1, true);
    ev.setUint16(10, 1, true);
    ev.setUint32(12, central.length, true);
    ev.setUint32(16, local.length, true);
    const zip = new Uint8Array([...local, ...central, ...end]);
    expect(checkXlsxBytes(zip)).toContain('远超决算公开表的规模');
  });

  it('a sheet with an unreasonable number of rows', { timeout: 60_000 }, async () => {
    const bytes = xlsxWithSheet(bigSheetXml(MAX_SHEET_ROWS + 5_000, 3, null));
    expect(await message(bytes)).toContain('远超决算公开表的规模');
  });

  it('a workbook with none of the tables', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('工资表').addRow(['姓名', '金额']);
    expect(await message(new Uint8Array(await book.xlsx.writeBuffer()))).toContain(
      '没有找到任何部门决算公开表',
    );
  });

  it('a workbook missing some tables imports the rest and says which are missing', async () => {
    const bytes = await exportXlsx(formSet, loadSample(), { tables: ['01', '03'] });
    const r = await importXlsx(formSet, bytes);
    if (!r.ok) throw new Error(r.message);
    expect(r.report.filter((x) => x.sheet === null).map((x) => x.code)).toEqual([
      '公开02表',
      '公开04表',
      '公开05表',
      '公开06表',
      '公开07表',
      '公开08表',
      '公开09表',
    ]);
    expect(r.report.find((x) => x.table === '02')?.skipped).toEqual([
      '没有找到公开02表（按工作表名称或标题查找）',
    ]);
    expect(r.document.tables['03']?.rows?.length).toBe(21);
  });
});

describe('a zip whose headers lie about its size', () => {
  it('is refused while inflating, before the workbook library sees it', { timeout: 30_000 }, async () => {
    // 40 MB of zeros deflate to a few tens of KB; the headers claim 1,000 bytes.
    const zeros = new Uint8Array(40 * 1024 * 1024);
    const deflated = new Uint8Array(
      await new Response(
        new Blob([zeros]).stream().pipeThrough(new CompressionStream('deflate-raw')),
      ).arrayBuffer(),
    );
    const name = new TextEncoder().encode('xl/worksheets/sheet1.xml');
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(8, 8, true);
    lv.setUint32(18, deflated.length, true);
    lv.setUint32(22, 1000, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(10, 8, true);
    cv.setUint32(20, deflated.length, true);
    cv.setUint32(24, 1000, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, 0, true);
    central.set(name, 46);
    const end = new Uint8Array(22);
    const ev = new DataView(end.buffer);
    ev.setUint32(0, 0x06054b50, true);
    ev.setUint16(8, 1, true);
    ev.setUint16(10, 1, true);
    ev.setUint32(12, central.length, true);
    ev.setUint32(16, local.length + deflated.length, true);
    const zip = new Uint8Array(local.length + deflated.length + central.length + end.length);
    zip.set(local, 0);
    zip.set(deflated, local.length);
    zip.set(central, local.length + deflated.length);
    zip.set(end, local.length + deflated.length + central.length);
    expect(await message(zip)).toContain('与它自己声明的不符');
  });

  it('an honest export passes the inflation check', async () => {
    const { checkXlsxInflation } = await import('../zip-guard');
    expect(await checkXlsxInflation(await exportXlsx(formSet, loadSample()))).toBeNull();
  });
});
