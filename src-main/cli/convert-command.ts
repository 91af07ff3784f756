import { convertToWanyuan, formSetOfDocument } from '../../src-core';
import { readDocumentFile, saveDocumentFile } from '../node/document-file';
import { fileErrorMessage } from '../node/file-errors';
import { exists, isSameFile } from '../node/same-file';
import { parseArgs } from './args';
import type { CliIO } from './main';

/** `gongkai convert FILE --out OUT`: 元 → 万元 with 舍位平衡. */
export async function convertCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, ['out']);
  if ('error' in args) return fail(io, args.error);
  const [file] = args.positional;
  const out = args.flags.get('out');
  if (!file || typeof out !== 'string') return fail(io, '用法：gongkai convert FILE --out OUT');
  if (await isSameFile(out, file))
    return fail(io, '输出文件不能与原文件相同，以免覆盖以元为单位的原始数据。');
  const read = await readDocumentFile(file);
  if (!read.ok) return fail(io, read.message);
  const formSet = formSetOfDocument(read.document);
  if (!formSet) return fail(io, `不支持 ${read.document.formYear} 年度的报表格式。`);
  const result = convertToWanyuan(formSet, read.document);
  if (!result.ok) return fail(io, result.message);
  const replacing = await exists(out);
  try {
    await saveDocumentFile(out, result.document);
  } catch (e) {
    return fail(io, `转换结果没有写入：${fileErrorMessage(out, e)}`);
  }
  io.out(
    `已转换为万元，写入 ${out}${replacing ? '（已替换原有文件，原文件保留为 .bak）' : ''}。舍位平衡调整 ${result.adjustments.length} 处：\n`,
  );
  for (const a of result.adjustments)
    io.out(`  ${a.location}：${a.exact} → 四舍五入 ${a.rounded} → 调整为 ${a.adjusted}\n`);
  for (const u of result.unbalanced) io.out(`  未能平衡：${u}\n`);
  return 0;
}

function fail(io: CliIO, message: string): number {
  io.err(`${message}\n`);
  return 2;
}
