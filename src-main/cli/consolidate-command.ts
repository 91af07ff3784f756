import fs from 'node:fs/promises';
import path from 'node:path';
import {
  exportXlsx,
  FINDING_KIND_NAMES as KIND_NAMES,
  formSetOfDocument,
  newDocument,
  splitBySeverity,
  type Consolidation,
  type Finding,
  type GongkaiDocument,
  type MemberChange,
  type MemberEntry,
} from '../../src-core';
import {
  consolidateFiles,
  memberPaths,
  readMemberFile,
  relativeMemberPath,
} from '../node/consolidation-files';
import { readDocumentFile, saveDocumentFile } from '../node/document-file';
import { fileErrorMessage } from '../node/file-errors';
import { changedSince, fingerprintOf, type FileFingerprint } from '../node/file-fingerprint';
import { guardedOutput, type GuardedOutput, type OutputWrite } from '../node/guarded-output';
import { watchMembers } from '../node/member-watcher';
import { parseArgs } from './args';
import type { CliIO } from './main';

const USAGE =
  '用法：gongkai consolidate DIR_OR_FILES… --out DEPT.gongkai.json [--xlsx OUT.xlsx] [--json] [--name 部门名称] [--watch]';

/**
 * `gongkai consolidate`: builds (or re-runs) a 汇总 document from unit files or folders of them, checks every unit
 * and the consolidated tables, and writes the department document (its member list; the figures stay in the units).
 * Exit codes as `check`: 0 no errors, 1 errors in a unit or the 汇总, 2 a unit or the output could not be read or
 * was refused (the 汇总 is incomplete) or the arguments are wrong, or the 汇总 file was changed by someone else while
 * this ran (it is then not overwritten). With --watch it goes on re-consolidating as units change, rewriting the
 * Excel each time — never over a version someone else saved meanwhile (guarded-output.ts).
 */
export async function consolidateCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, ['out', 'xlsx', 'name']);
  if ('error' in args) return fail(io, args.error);
  for (const flag of args.flags.keys())
    if (!['out', 'xlsx', 'name', 'json', 'watch'].includes(flag)) return fail(io, `不认识的参数 --${flag}。`);
  const out = args.flags.get('out');
  if (typeof out !== 'string') return fail(io, USAGE);
  const xlsx = args.flags.get('xlsx');
  const name = args.flags.get('name');
  const json = args.flags.has('json');

  // What the 汇总 file and the Excel are now: neither is overwritten if someone else changes it while this runs.
  const outAtStart = await fingerprintOf(out);
  const xlsxOut = typeof xlsx === 'string' ? await guardedOutput(xlsx) : null;
  const outputs = xlsxOut ? xlsxOut.files() : [];

  let department = await existingDepartment(out);
  if (typeof department === 'string') return fail(io, department);
  const listed =
    args.positional.length > 0
      ? args.positional.map((m) => relativeMemberPath(out, m))
      : (department?.consolidation?.members ?? []);
  if (listed.length === 0)
    return fail(io, `${USAGE}\n（“${out}”还不存在或没有列出单位，请给出单位文件或文件夹。）`);
  if (!department) {
    const first = await firstReadable(listed, out, outputs);
    if (!first)
      return fail(
        io,
        `列出的单位文件都无法读取，没有建立汇总文件：\n${(await whyUnreadable(listed, out, outputs)).join('\n')}`,
      );
    department = newDocument(
      first.formYear,
      { year: first.unit.year, moneyUnit: first.unit.moneyUnit },
      first.profile,
    );
  }
  if (typeof name === 'string') department = { ...department, unit: { ...department.unit, name } };
  department = { ...department, consolidation: { members: listed } };
  const formSet = formSetOfDocument(department);
  if (!formSet) return fail(io, `不支持 ${department.formYear} 年度的报表格式。`);

  const units: { entry: MemberEntry; findings: readonly Finding[] }[] = [];
  const onMember = (change: MemberChange) => {
    if (json) units.push({ entry: change.entry, findings: change.findings });
    else printMember(io, change);
  };
  if (!json)
    io.out(
      `汇总 ${department.unit.name || '（未填部门名称）'} ${department.unit.year}年度部门决算\n\n单位审核：\n`,
    );
  const { consolidation } = await consolidateFiles({
    formSet,
    department,
    departmentFile: out,
    onMember,
    outputs,
  });
  const own = consolidation.members().find((m) => m.status === 'included' && m.own) as
    Extract<MemberEntry, { status: 'included' }> | undefined;
  if (own && json) units.unshift({ entry: own, findings: [] });
  if (own && !json) io.out(`  ${own.unit}：${countsText(own)}\n`);

  const findings = consolidation.findings();
  const missing = consolidation.members().filter((m) => m.status !== 'included');
  const split = splitBySeverity(findings);
  const unitErrors = consolidation.members().some((m) => m.status === 'included' && m.counts.errors > 0);

  if (await changedByOthers(out, outAtStart))
    return fail(
      io,
      `汇总文件“${out}”在本次汇总期间被其他程序修改过，没有覆盖（修改后的内容原样保留）。请重新运行 gongkai consolidate。`,
    );
  await saveDocumentFile(out, department);
  let xlsxMessage: string | undefined;
  let xlsxWritten: OutputWrite | undefined;
  if (xlsxOut) {
    if (missing.length > 0)
      xlsxMessage = `有 ${missing.length} 个单位没有汇总，汇总数不完整，没有导出 Excel。`;
    else {
      try {
        xlsxWritten = await xlsxOut.write(await exportXlsx(formSet, consolidation.document()));
      } catch (e) {
        xlsxMessage = `导出 Excel 失败：${fileErrorMessage(xlsxOut.file(), e)}`;
      }
    }
  }

  if (json) {
    io.out(
      `${JSON.stringify(
        {
          units: units.map(({ entry, findings: f }) => ({ ...entry, ...splitBySeverity(f) })),
          consolidated: split,
          rounding: consolidation.roundingReport(),
          notIncluded: missing,
        },
        null,
        2,
      )}\n`,
    );
  } else printSummary(io, consolidation, missing);
  io.out(`\n已写入汇总文件 ${out}（列出 ${listed.length} 项单位；各单位的数字仍在各自文件中）。\n`);
  if (xlsxWritten) reportXlsx(io, xlsxWritten, '已导出汇总 Excel');
  if (xlsxMessage) io.err(`${xlsxMessage}\n`);

  if (args.flags.has('watch'))
    await watch(io, consolidation, { out, outKnown: await fingerprintOf(out), xlsx: xlsxOut });
  if (missing.length > 0 || xlsxMessage) return 2;
  return split.errors.length > 0 || unitErrors ? 1 : 0;
}

async function existingDepartment(out: string): Promise<GongkaiDocument | null | string> {
  try {
    await fs.access(out);
  } catch {
    return null;
  }
  const read = await readDocumentFile(out);
  if (!read.ok) return `汇总文件“${out}”无法读取，没有覆盖：${read.message}`;
  const doc = read.document;
  const hasFigures = Object.values(doc.tables).some((t) => Object.keys(t.values).length > 0);
  if (!doc.consolidation && hasFigures)
    return `“${out}”是一个单位的报表文件，不是汇总文件；为免覆盖它的数字，没有写入。请换一个 --out。`;
  return doc;
}

/** Whether a file is no longer what it was (`known`; null: it did not exist then) — someone else wrote it. */
async function changedByOthers(file: string, known: FileFingerprint | null): Promise<boolean> {
  if (known === null) return (await fingerprintOf(file)) !== null;
  return changedSince(file, known);
}

function reportXlsx(io: CliIO, w: OutputWrite, done: string): void {
  if (w.status === 'written') io.out(`${done}：${w.file}${w.replaced ? '（已替换原有文件）' : ''}\n`);
  else
    io.err(
      `“${w.kept}”在上次导出后被其他程序修改过（也许有人在 Excel/WPS 中打开并保存了它），没有覆盖；` +
        `本次汇总的 Excel 另存为“${w.file}”，之后的更新也写在这里。\n`,
    );
}

async function firstReadable(
  listed: readonly string[],
  out: string,
  outputs: readonly string[],
): Promise<GongkaiDocument | undefined> {
  const base = path.dirname(path.resolve(out));
  for (const p of await memberPaths(listed, base, [out, ...outputs])) {
    if (!p.ok) continue;
    // A new 汇总 takes its forms, year and 金额单位 from its first readable unit (an xlsx's forms are recognised).
    const read = await readMemberFile(p.file, null);
    if (read.ok) return read.document;
  }
  return undefined;
}

async function whyUnreadable(
  listed: readonly string[],
  out: string,
  outputs: readonly string[],
): Promise<string[]> {
  const base = path.dirname(path.resolve(out));
  return (await memberPaths(listed, base, [out, ...outputs])).map(
    (p) => `  ${p.source.label}：${p.ok ? '无法读取' : p.message}`,
  );
}

function countsText(m: MemberEntry): string {
  if (m.status !== 'included') return m.status === 'failed' ? '无法读取' : '未汇总';
  const c = m.counts;
  return `${c.errors} 个错误，${c.warnings} 个提示${c.tails > 0 ? `（其中尾数差异 ${c.tails} 个）` : ''}`;
}

function printMember(io: CliIO, change: MemberChange): void {
  const e = change.entry;
  if (e.status === 'failed') {
    io.out(`  ✗ ${e.source.label}：无法读取，没有汇总——${e.reason}\n`);
    return;
  }
  if (e.status === 'refused') {
    io.out(`  ✗ ${e.unit}（${e.source.label}）：没有汇总——${e.reason}\n`);
    return;
  }
  io.out(`  ${e.unit}（${e.source.label}）：${countsText(e)}\n`);
  for (const n of e.notes) io.out(`      导入提示：${n}\n`);
  for (const f of change.findings) io.out(`      [${tag(f)}] ${f.message}\n`);
}

function tag(f: Finding): string {
  return `${f.severity === 'error' ? '错误' : '提示'}·${KIND_NAMES[f.kind]}`;
}

function printSummary(io: CliIO, c: Consolidation, missing: readonly MemberEntry[]): void {
  const findings = c.findings();
  const { errors, warnings } = splitBySeverity(findings);
  io.out(`\n共 ${c.members().length} 个单位，已汇总 ${c.includedCount} 个`);
  io.out(missing.length > 0 ? `，${missing.length} 个没有汇总（见上，汇总数不完整）。\n` : '。\n');
  io.out(`\n汇总审核结果：${errors.length} 个错误，${warnings.length} 个提示\n`);
  for (const f of findings) io.out(`  [${tag(f)}] ${f.message}\n`);
  const rounding = c.roundingReport();
  io.out('\n舍位平衡：');
  if (rounding.balanced) io.out('汇总各表没有尾数差异。\n');
  else {
    io.out('各单位分别取整到万元，汇总表中留有尾数差异（按提示列出，未改动数字）：\n');
    for (const t of rounding.tables)
      io.out(`  ${t.tableCode}：${t.tails} 处，差额绝对值合计 ${t.absTotal}\n`);
  }
}

/**
 * Follows the units until Ctrl+C (or `io.signal`): each change re-consolidates, says what changed, and rewrites the
 * Excel (when every unit is in). The 汇总 file itself is not written while watching; if someone else changes it, that
 * is said once per change, and the watch goes on with the member list it started with.
 */
async function watch(
  io: CliIO,
  c: Consolidation,
  files: {
    readonly out: string;
    readonly outKnown: FileFingerprint | null;
    readonly xlsx: GuardedOutput | null;
  },
): Promise<void> {
  const out = path.resolve(files.out);
  let outKnown = files.outKnown;
  const base = path.dirname(out);
  const listed = c.departmentDocument.consolidation?.members ?? [];
  const paths = await memberPaths(listed, base, [out, ...(files.xlsx?.files() ?? [])]);
  const folders: string[] = [];
  for (const l of listed) {
    const full = path.resolve(base, l);
    if (
      await fs.stat(full).then(
        (s) => s.isDirectory(),
        () => false,
      )
    )
      folders.push(full);
  }
  const time = () => new Date().toLocaleTimeString('zh-CN', { hour12: false });

  const onUnit = async (file: string): Promise<void> => {
    const label = path.relative(base, file) || file;
    const read = await fs.access(file).then(
      () => readMemberFile(file, c.formSet),
      () => null,
    );
    const change = read === null ? c.removeMember(file) : c.setMember({ id: file, label }, read);
    if (!change) return;
    const lines = read === null ? [`${label}：文件已删除，不再计入汇总。`] : c.describeChange(change);
    const { errors, warnings } = splitBySeverity(c.findings());
    io.out(
      `\n${time()} 重新汇总：\n${lines.join('\n')}\n汇总审核结果：${errors.length} 个错误，${warnings.length} 个提示\n`,
    );
    if (!files.xlsx) return;
    const missing = c.members().filter((m) => m.status !== 'included').length;
    if (missing > 0) {
      io.err(`有 ${missing} 个单位没有汇总，汇总数不完整，没有更新 Excel“${files.xlsx.file()}”。\n`);
      return;
    }
    try {
      reportXlsx(io, await files.xlsx.write(await exportXlsx(c.formSet, c.document())), '已更新汇总 Excel');
    } catch (e) {
      io.err(`更新汇总 Excel 失败：${fileErrorMessage(files.xlsx.file(), e)}\n`);
    }
  };
  const onOut = async (): Promise<void> => {
    if (!(await changedByOthers(out, outKnown))) return;
    outKnown = await fingerprintOf(out);
    io.err(
      `\n${time()} 汇总文件“${files.out}”被其他程序修改了：监视仍按启动时的单位名单汇总，不会覆盖它。` +
        '要按修改后的汇总文件汇总，请按 Ctrl+C 结束后重新运行。\n',
    );
  };

  io.out('\n正在监视单位文件的变化（Ctrl+C 结束）…\n');
  await new Promise<void>((resolve) => {
    // One change at a time, in the order they came: two re-exports never race for the Excel.
    let queue = Promise.resolve();
    const watcher = watchMembers([...paths.map((p) => p.source.id), out], folders, (file) => {
      const resolved = path.resolve(file);
      const ours = files.xlsx?.files().includes(resolved) ?? false;
      if (ours) return;
      queue = queue
        .then(() => (resolved === out ? onOut() : onUnit(resolved)))
        .catch((e: unknown) => io.err(`重新汇总时出错：${fileErrorMessage(file, e)}\n`));
    });
    const stop = (): void => {
      watcher.close();
      process.off('SIGINT', stop);
      void queue.then(resolve);
    };
    process.once('SIGINT', stop);
    if (io.signal?.aborted) stop();
    else io.signal?.addEventListener('abort', stop, { once: true });
  });
}

function fail(io: CliIO, message: string): number {
  io.err(`${message}\n`);
  return 2;
}
