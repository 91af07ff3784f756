import path from 'node:path';
import { formSetOfDocument } from '../../src-core';
import { loadInput, type LoadedInput } from './load-input';

/**
 * The document whose figures `export` writes. A 汇总 file holds only its member list (the figures stay in the units'
 * files), so its own tables are empty: exporting them would publish a department with no figures. Its members are
 * read and summed here, as `gongkai consolidate` does; if any unit cannot be read the 汇总 is incomplete, and that
 * is an error naming the units, never a smaller sum.
 */
export async function loadFiguresInput(file: string): Promise<LoadedInput> {
  const read = await loadInput(file);
  if (!read.ok) return read;
  const members = read.document.consolidation?.members ?? [];
  if (members.length === 0) return read;
  const formSet = formSetOfDocument(read.document);
  if (!formSet) return { ok: false, message: `不支持 ${read.document.formYear} 年度的报表格式。` };
  // The 汇总 code (and through it the xlsx import of members) loads only for a 汇总 file.
  const { consolidateFiles } = await import('../node/consolidation-files');
  const { consolidation } = await consolidateFiles({
    formSet,
    department: read.document,
    departmentFile: file,
  });
  const entries = consolidation.members();
  const missing = entries.filter((m) => m.status !== 'included');
  const name = path.basename(file);
  if (missing.length > 0)
    return {
      ok: false,
      message: `“${name}”是汇总文件，有 ${missing.length} 个单位没有汇总，汇总数不完整，没有继续：\n${missing
        .map((m) => `  ${m.source.label}：${m.reason}`)
        .join('\n')}\n（gongkai consolidate 可逐个单位审核。）`,
    };
  const units = entries.filter((m) => m.status === 'included' && !m.own).length;
  return {
    ok: true,
    document: consolidation.document(),
    notes: [
      ...read.notes,
      `“${name}”是汇总文件：以下是其 ${units} 个单位汇总后的数字（逐个单位的审核见 gongkai consolidate）。`,
    ],
    report: read.report,
  };
}

/**
 * The document `check` checks. A 汇总 file is refused: its own tables are empty, and “没有错误” for them would say
 * nothing of the units' figures; `gongkai consolidate` checks each unit and their sum (where the 尾数 the units' own
 * rounding adds up to are warnings with that reason, which a plain check of the sum would call errors).
 */
export async function loadCheckInput(file: string): Promise<LoadedInput> {
  const read = await loadInput(file);
  if (!read.ok || (read.document.consolidation?.members ?? []).length === 0) return read;
  const name = path.basename(file);
  return {
    ok: false,
    message: `“${name}”是汇总文件，数字在它列出的单位文件和文件夹（${read.document.consolidation?.members.length} 项）中，本身没有可审核的数字。请用 gongkai consolidate --out ${name} 汇总并审核每个单位和汇总数。`,
  };
}
