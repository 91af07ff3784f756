import { convertProfile, formSetOfDocument, profileConversionReport } from '../../src-core';
import { readDocumentFile, saveDocumentFile } from '../node/document-file';
import { fileErrorMessage } from '../node/file-errors';
import { exists, isSameFile } from '../node/same-file';
import { parseArgs } from './args';
import { profileFromArg } from './profile-arg';
import type { CliIO } from './main';

const USAGE = '用法：gongkai convert-profile IN.gongkai.json --to 标识@年度 --out OUT.gongkai.json [--json]';

/**
 * `gongkai convert-profile IN --to ID@YEAR --out OUT [--json]`: the document on another profile's forms (the same
 * command as the app's 转换表样…), with every amount the target cannot hold listed. The input is never overwritten.
 */
export async function convertProfileCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, ['out', 'to']);
  if ('error' in args) return fail(io, args.error);
  for (const flag of args.flags.keys())
    if (flag !== 'out' && flag !== 'to' && flag !== 'json') return fail(io, `不认识的参数 --${flag}。`);
  const [file, ...extra] = args.positional;
  const out = args.flags.get('out');
  const wanted = args.flags.get('to');
  if (!file || extra.length > 0 || typeof out !== 'string' || typeof wanted !== 'string')
    return fail(io, USAGE);
  if (await isSameFile(out, file)) return fail(io, '输出文件不能与原文件相同，以免覆盖原表样的数据。');
  const target = profileFromArg(wanted);
  if ('message' in target) return fail(io, target.message);
  const to = target.formSet;
  const read = await readDocumentFile(file);
  if (!read.ok) return fail(io, read.message);
  const from = formSetOfDocument(read.document);
  if (!from) return fail(io, `不支持 ${read.document.formYear} 年度的报表格式。`);
  const result = convertProfile(from, to, read.document);
  if (!result.ok) return fail(io, result.message);
  const replacing = await exists(out);
  try {
    await saveDocumentFile(out, result.conversion.document);
  } catch (e) {
    return fail(io, `转换结果没有写入：${fileErrorMessage(out, e)}`);
  }
  const c = result.conversion;
  if (args.flags.has('json')) {
    const { document: _doc, ...report } = c;
    void _doc;
    io.out(`${JSON.stringify({ from: from.profile, to: to.profile, out, ...report }, null, 2)}\n`);
    return 0;
  }
  io.out(
    `已从“${from.profile.name}”转换为“${to.profile.name}”，写入 ${out}${replacing ? '（已替换原有文件，原文件保留为 .bak）' : ''}。\n`,
  );
  for (const line of profileConversionReport(c)) io.out(`${line}\n`);
  return 0;
}

function fail(io: CliIO, message: string): number {
  io.err(`${message}\n`);
  return 2;
}
