import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readCatalogFile } from '../catalog-file';

describe('readCatalogFile', () => {
  it('reads an xlsx whose codes are numbers and a GBK csv', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gongkai-cat-'));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('目录');
    ws.addRows([
      ['科目编码', '科目名称'],
      [201, '一般公共服务支出'],
      ['2013350', '事业运行'],
    ]);
    const xlsx = path.join(dir, 'c.xlsx');
    await wb.xlsx.writeFile(xlsx);
    const r = await readCatalogFile(xlsx);
    expect(r.ok && r.entries).toEqual([
      { code: '201', name: '一般公共服务支出' },
      { code: '2013350', name: '事业运行' },
    ]);
    // "201,一般公共服务支出" in GBK
    const gbk = Buffer.from([
      0x32, 0x30, 0x31, 0x2c, 0xd2, 0xbb, 0xb0, 0xe3, 0xb9, 0xab, 0xb9, 0xb2, 0xb7, 0xfe, 0xce, 0xf1, 0xd6,
      0xa7, 0xb3, 0xf6,
    ]);
    const csv = path.join(dir, 'c.csv');
    await fs.writeFile(csv, gbk);
    const c = await readCatalogFile(csv);
    expect(c.ok && c.entries).toEqual([{ code: '201', name: '一般公共服务支出' }]);
    await fs.rm(dir, { recursive: true });
  });

  it('gives a Chinese message for a damaged xlsx or another file type', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gongkai-cat-'));
    const bad = path.join(dir, 'bad.xlsx');
    await fs.writeFile(bad, 'not a zip');
    const r = await readCatalogFile(bad);
    expect(r.ok === false && r.message).toContain('不是 Excel (.xlsx) 文件');
    const doc = path.join(dir, 'a.docx');
    await fs.writeFile(doc, 'x');
    const d = await readCatalogFile(doc);
    expect(d.ok === false && d.message).toContain('只能从 .xlsx 或 .csv');
    await fs.rm(dir, { recursive: true });
  });
});
