import path from 'node:path';
import { builtinFormSet, XLSX_LIMITS, type GongkaiDocument } from '../../src-core';
import { readDocumentFile } from '../node/document-file';
import { readLimitedFile } from '../node/read-limited';

export type LoadedInput =
  | { readonly ok: true; readonly document: GongkaiDocument; readonly notes: readonly string[] }
  | { readonly ok: false; readonly message: string };

/** A document from a `.gongkai.json` file or from an `.xlsx` of the official templates (with what the import skipped). */
export async function loadInput(file: string): Promise<LoadedInput> {
  if (path.extname(file).toLowerCase() !== '.xlsx') {
    const r = await readDocumentFile(file);
    return r.ok ? { ok: true, document: r.document, notes: [] } : r;
  }
  const read = await readLimitedFile(
    file,
    XLSX_LIMITS.maxFileBytes,
    (mb) => `文件太大（${mb} MB，上限 ${XLSX_LIMITS.maxFileBytes / 1024 / 1024} MB），没有读取。`,
  );
  if (!read.ok) return read;
  // exceljs is loaded only for an .xlsx: checking a .gongkai.json never pays for it.
  const { importXlsx } = await import('../../src-core/export/xlsx-import');
  const result = await importXlsx(builtinFormSet(), new Uint8Array(read.data));
  if (!result.ok) return result;
  const notes = result.report.flatMap((r) =>
    r.sheet === null
      ? [`${r.code}：${r.skipped[0] ?? '未找到'}`]
      : r.skipped.map((s) => `${r.code}（工作表“${r.sheet}”）${s}`),
  );
  return { ok: true, document: result.document, notes };
}
