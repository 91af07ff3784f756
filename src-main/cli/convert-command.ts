import {
  adjustmentText,
  applyOperation,
  convertMoneyUnit,
  formSetOfDocument,
  WANYUAN_TOLERANCE,
} from '../../src-core';
import { readDocumentFile, saveDocumentFile } from '../node/document-file';
import { fileErrorMessage } from '../node/file-errors';
import { exists, isSameFile } from '../node/same-file';
import { parseArgs } from './args';
import type { CliIO } from './main';

/**
 * `gongkai convert FILE --out OUT`: 元 → 万元 with 舍位平衡, by the same command as 单位信息's 金额单位 select, so the
 * file written is the one the app would make (尾数容差 back to 0.01 万元 included).
 */
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
  const command = convertMoneyUnit(formSet, read.document, '万元');
  if (!command.ok) return fail(io, command.message);
  const replacing = await exists(out);
  try {
    await saveDocumentFile(out, applyOperation(read.document, command.operation).doc);
  } catch (e) {
    return fail(io, `转换结果没有写入：${fileErrorMessage(out, e)}`);
  }
  io.out(
    `已转换为万元，写入 ${out}${replacing ? '（已替换原有文件，原文件保留为 .bak）' : ''}。尾数容差改为 ${WANYUAN_TOLERANCE} 万元。舍位平衡调整 ${command.adjustments.length} 处：\n`,
  );
  for (const a of command.adjustments) io.out(`  ${adjustmentText(a)}\n`);
  for (const u of command.unbalanced) io.out(`  未能平衡：${u}\n`);
  return 0;
}

function fail(io: CliIO, message: string): number {
  io.err(`${message}\n`);
  return 2;
}
