import { saveDocumentFile } from '../node/document-file';
import { fileErrorMessage } from '../node/file-errors';
import { exists, isSameFile } from '../node/same-file';
import { parseArgs } from './args';
import { profileFromArg } from './profile-arg';
import { loadInput } from './load-input';
import type { CliIO } from './main';

const USAGE = '用法：gongkai import IN.xlsx --out OUT.gongkai.json [--profile 标识@年度]';

/**
 * `gongkai import IN.xlsx --out OUT.gongkai.json [--profile ID]`: a filled template (or the app's own export) as a
 * document. The profile is recognised unless given; what was not read is listed; a workbook with a table that could
 * not be read writes nothing and exits 2.
 */
export async function importCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, ['out', 'profile']);
  if ('error' in args) return fail(io, args.error);
  for (const flag of args.flags.keys())
    if (flag !== 'out' && flag !== 'profile') return fail(io, `不认识的参数 --${flag}。`);
  const [file, ...extra] = args.positional;
  const out = args.flags.get('out');
  if (!file || extra.length > 0 || typeof out !== 'string') return fail(io, USAGE);
  if (!/\.xlsx$/i.test(file)) return fail(io, `“${file}”不是 .xlsx 文件。${USAGE}`);
  if (await isSameFile(out, file)) return fail(io, '输出文件不能与输入文件相同。');
  const wanted = args.flags.get('profile');
  let profile;
  if (typeof wanted === 'string') {
    const named = profileFromArg(wanted);
    if ('message' in named) return fail(io, named.message);
    profile = named.formSet;
  }
  const read = await loadInput(file, profile);
  if (!read.ok) return fail(io, read.message);
  const replacing = await exists(out);
  try {
    await saveDocumentFile(out, read.document);
  } catch (e) {
    return fail(io, `没有写入：${fileErrorMessage(out, e)}`);
  }
  const p = read.document.profile ?? { id: 'national', year: read.document.formYear };
  io.out(
    `已导入 ${file}（表样 ${p.id}@${p.year}），写入 ${out}${replacing ? '（已替换原有文件，原文件保留为 .bak）' : ''}。\n`,
  );
  if (read.report.length > 0) io.out(`导入报告：\n${read.report.join('\n')}\n`);
  for (const n of read.notes) io.out(`  未读取：${n}\n`);
  return 0;
}

function fail(io: CliIO, message: string): number {
  io.err(`${message}\n`);
  return 2;
}
