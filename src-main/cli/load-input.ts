import path from 'node:path';
import { allFormSets, XLSX_LIMITS, type FormSet, type GongkaiDocument } from '../../src-core';
import { readDocumentFile } from '../node/document-file';
import { readLimitedFile } from '../node/read-limited';

export type LoadedInput =
  | {
      readonly ok: true;
      readonly document: GongkaiDocument;
      readonly notes: readonly string[];
      /** Per table of an imported workbook, what was read (empty for a .gongkai.json). */
      readonly report: readonly string[];
    }
  | { readonly ok: false; readonly message: string };

/**
 * A document from a `.gongkai.json` file or from an `.xlsx` of the official templates (with what the import skipped),
 * read as the given profile or, without one, the profile the workbook is recognised as.
 */
export async function loadInput(file: string, profile?: FormSet): Promise<LoadedInput> {
  if (path.extname(file).toLowerCase() !== '.xlsx') {
    const r = await readDocumentFile(file);
    // What the file held but could not be kept (a damaged 页面设置) is said, naming the file.
    const notes = r.ok ? (r.notices ?? []).map((n) => `“${path.basename(file)}”${n}`) : [];
    return r.ok ? { ok: true, document: r.document, notes, report: [] } : r;
  }
  const read = await readLimitedFile(
    file,
    XLSX_LIMITS.maxFileBytes,
    (mb) => `文件太大（${mb} MB，上限 ${XLSX_LIMITS.maxFileBytes / 1024 / 1024} MB），没有读取。`,
  );
  if (!read.ok) return read;
  // The xlsx reader (fflate, the import) is loaded only for an .xlsx: checking a .gongkai.json never pays for it.
  const { importXlsx } = await import('../../src-core/export/xlsx-import');
  const result = await importXlsx(profile ?? allFormSets(), new Uint8Array(read.data));
  // Say per table what was read (and, when nothing was imported, before the reason).
  const lines = (result.report ?? []).map(
    (r) =>
      `  ${r.code === r.title ? r.title : `${r.code} ${r.title}`}：${r.status === 'read' ? `已读取 ${r.rows} 行、${r.values} 个数` : r.status === 'absent' ? '未找到' : `未能读取（${r.skipped[0] ?? ''}）`}`,
  );
  if (!result.ok) {
    return {
      ok: false,
      // Named like every file message of the CLI (a batch of imports says which one failed).
      message: `“${path.basename(file)}”：${result.message}${lines.length > 0 ? `\n导入报告：\n${lines.join('\n')}` : ''}`,
    };
  }
  const notes = result.report.flatMap((r) =>
    r.sheet === null
      ? [`${r.code}：${r.skipped[0] ?? '未找到'}`]
      : r.skipped.map((s) => `${r.code}（工作表“${r.sheet}”）${s}`),
  );
  return { ok: true, document: result.document, notes, report: lines };
}
