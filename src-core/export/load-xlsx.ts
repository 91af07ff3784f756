import { readXlsxSheets, type XlsxSheetRead } from './xlsx-reader';
import { checkXlsxBytes, checkXlsxInflation } from './zip-guard';

/**
 * Opens an .xlsx the user picked, after the zip guard: a file that is not xlsx, encrypted, damaged or a zip bomb
 * gives a Chinese message instead of its sheets.
 */
export async function loadXlsxSheets(
  bytes: Uint8Array,
): Promise<
  { readonly ok: true; readonly sheets: XlsxSheetRead[] } | { readonly ok: false; readonly message: string }
> {
  const guard = checkXlsxBytes(bytes) ?? (await checkXlsxInflation(bytes));
  if (guard) return { ok: false, message: guard };
  try {
    return { ok: true, sheets: readXlsxSheets(bytes) };
  } catch {
    return { ok: false, message: '无法读取这个 Excel 文件：文件已损坏，或不是 .xlsx 格式。' };
  }
}
