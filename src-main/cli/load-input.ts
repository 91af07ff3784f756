import fs from 'node:fs/promises';
import path from 'node:path';
import { builtinFormSet, formSetFor, importXlsx, XLSX_LIMITS, type GongkaiDocument } from '../../src-core';
import { fileErrorMessage, readDocumentFile } from '../node/document-file';

export type LoadedInput =
  | { readonly ok: true; readonly document: GongkaiDocument; readonly notes: readonly string[] }
  | { readonly ok: false; readonly message: string };

/** A document from a `.gongkai.json` file or from an `.xlsx` of the official templates (with what the import skipped). */
export async function loadInput(file: string): Promise<LoadedInput> {
  if (path.extname(file).toLowerCase() !== '.xlsx') {
    const r = await readDocumentFile(file);
    return r.ok ? { ok: true, document: r.document, notes: [] } : r;
  }
  let bytes: Buffer;
  try {
    const stat = await fs.stat(file);
    if (stat.size > XLSX_LIMITS.maxFileBytes)
      return { ok: false, message: `文件太大（${(stat.size / 1024 / 1024).toFixed(1)} MB），没有读取。` };
    bytes = await fs.readFile(file);
  } catch (e) {
    return { ok: false, message: fileErrorMessage(file, e) };
  }
  const result = await importXlsx(
    formSetFor(builtinFormSet().year) ?? builtinFormSet(),
    new Uint8Array(bytes),
  );
  if (!result.ok) return result;
  const notes = result.report.flatMap((r) =>
    r.sheet === null
      ? [`${r.code}：${r.skipped[0] ?? '未找到'}`]
      : r.skipped.map((s) => `${r.code}（工作表“${r.sheet}”）${s}`),
  );
  return { ok: true, document: result.document, notes };
}
