import ExcelJS from 'exceljs';
import { checkXlsxBytes, checkXlsxInflation } from './zip-guard';

/**
 * Opens an .xlsx the user picked, after the zip guard: a file that is not xlsx, encrypted, damaged or a zip bomb
 * gives a Chinese message instead of a workbook.
 */
export async function loadXlsxBook(
  bytes: Uint8Array,
): Promise<
  { readonly ok: true; readonly book: ExcelJS.Workbook } | { readonly ok: false; readonly message: string }
> {
  const guard = checkXlsxBytes(bytes) ?? (await checkXlsxInflation(bytes));
  if (guard) return { ok: false, message: guard };
  const book = new ExcelJS.Workbook();
  // exceljs writes English warnings (and objects as “[object Object]”) to the console for odd files: what the user
  // needs to know is our Chinese message, so its console output is dropped while it loads.
  const saved = { warn: console.warn, error: console.error, log: console.log };
  console.warn = console.error = console.log = () => {};
  try {
    await book.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
  } catch {
    return { ok: false, message: '无法读取这个 Excel 文件：文件已损坏，或不是 .xlsx 格式。' };
  } finally {
    Object.assign(console, saved);
  }
  return { ok: true, book };
}
