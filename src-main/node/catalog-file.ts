import fs from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parseCatalogRows, parseCsv, type CatalogImport } from '../../src-core';
import { fileErrorMessage } from './document-file';

const MAX_CATALOG_BYTES = 20 * 1024 * 1024;

/** Reads a two-column catalog (编码, 名称) from an .xlsx or .csv file. Chinese message on any failure. */
export async function readCatalogFile(file: string): Promise<CatalogImport> {
  let data: Buffer;
  try {
    const stat = await fs.stat(file);
    if (stat.size > MAX_CATALOG_BYTES) return { ok: false, message: '科目目录文件太大，没有读取。' };
    data = await fs.readFile(file);
  } catch (e) {
    return { ok: false, message: fileErrorMessage(file, e) };
  }
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv' || ext === '.txt') return parseCatalogRows(parseCsv(decodeText(data)));
  if (ext !== '.xlsx') return { ok: false, message: '科目目录只能从 .xlsx 或 .csv 文件导入。' };
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    return { ok: false, message: '无法读取这个 Excel 文件：文件已损坏、加了密码，或不是 .xlsx 格式。' };
  }
  const sheet = wb.worksheets[0];
  if (!sheet) return { ok: false, message: '这个 Excel 文件里没有工作表。' };
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    rows.push([row.getCell(1).value, row.getCell(2).value]);
  });
  return parseCatalogRows(rows);
}

/** CSV from Excel on Chinese Windows is often GBK; fall back to it when the bytes are not valid UTF-8. */
function decodeText(data: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return new TextDecoder('gbk').decode(data);
  }
}
