import { parseCatalogRows, parseCsv, type CatalogImport } from '../catalog/import-catalog';
import { loadXlsxSheets } from './load-xlsx';

/** Reads a two-column catalog (编码, 名称) from the bytes of an .xlsx or .csv file, in any host. */
export async function readCatalogBytes(fileName: string, data: Uint8Array): Promise<CatalogImport> {
  const ext = fileName.toLowerCase().split('.').pop();
  if (ext === 'csv' || ext === 'txt') return parseCatalogRows(parseCsv(decodeText(data)));
  if (ext !== 'xlsx') return { ok: false, message: '科目目录只能从 .xlsx 或 .csv 文件导入。' };
  const loaded = await loadXlsxSheets(data);
  if (!loaded.ok) return loaded;
  const sheet = loaded.sheets[0];
  if (!sheet) return { ok: false, message: '这个 Excel 文件里没有工作表。' };
  const rows: unknown[][] = [];
  // Every row down to the last one written, empty ones included, so the line numbers in messages are the sheet's.
  for (let r = 0; r < sheet.rows.length; r++) {
    const row = sheet.rows[r] ?? [];
    rows.push([row[0]?.number ?? row[0]?.text ?? null, row[1]?.number ?? row[1]?.text ?? null]);
  }
  return parseCatalogRows(rows);
}

/** CSV saved by Excel on Chinese Windows is often GBK; fall back to it when the bytes are not valid UTF-8. */
function decodeText(data: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return new TextDecoder('gbk').decode(data);
  }
}
