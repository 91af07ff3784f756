import type { MemberRead } from '../consolidation/member-entry';
import type { FormSet } from '../template';
import { importXlsx, type TableImportReport } from './xlsx-import';

/**
 * A filled `.xlsx` as a 汇总 member, read the way 导入Excel and `gongkai import` read one: the profile is recognised
 * (the department's forms are tried first, so a workbook that reads as well under them is taken as theirs); a
 * workbook of another profile or year comes back as that profile's document, and the 汇总 refuses it with a message
 * naming both. What was read per table, and what was skipped, are the member's notes for the 单位 overview. A
 * workbook that cannot be imported is a failure naming the file and the reason — never an empty unit.
 */
export async function readMemberXlsx(
  bytes: Uint8Array,
  fileName: string,
  department: FormSet | null,
  all: readonly FormSet[],
): Promise<MemberRead> {
  const candidates = department ? [department, ...all.filter((f) => f !== department)] : all;
  const result = await importXlsx(candidates, bytes);
  if (!result.ok) {
    const lines = (result.report ?? []).map(tableLine);
    return {
      ok: false,
      message: `${fileName}：${result.message}${lines.length > 0 ? `（${lines.join('；')}）` : ''}`,
    };
  }
  const read = result.report.filter((r) => r.status === 'read');
  const notRead = result.report.filter((r) => r.status !== 'read');
  const summary =
    `从 Excel 导入（${result.profile.name}）：读取 ${read.length} 张表` +
    (notRead.length > 0 ? `，${notRead.map(tableLine).join('；')}` : '') +
    '。';
  const skipped = result.report.flatMap((r) =>
    r.sheet === null ? [] : r.skipped.map((s) => `${r.code}（工作表“${r.sheet}”）${s}`),
  );
  return { ok: true, document: result.document, notes: [summary, ...skipped] };
}

function tableLine(r: TableImportReport): string {
  const name = r.code === r.title ? r.title : r.code;
  if (r.status === 'read') return `${name} 已读取 ${r.rows} 行、${r.values} 个数`;
  if (r.status === 'absent') return `${name} 未找到`;
  return `${name} 未能读取（${r.skipped[0] ?? ''}）`;
}
