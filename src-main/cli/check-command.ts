import {
  checkDocumentReport,
  FINDING_KIND_NAMES as KIND_NAMES,
  formSetOfDocument,
  parseTolerance,
  splitBySeverity,
  Workbook,
  type GongkaiDocument,
} from '../../src-core';
import { writeFileAtomic } from '../node/atomic-file';
import { loadCheckInput } from './figures-input';
import { parseArgs } from './args';
import type { CliIO } from './main';

/**
 * `gongkai check FILE [--json] [--tolerance N] [--text] [--report OUT.pdf|OUT.xlsx]`: the tables; with --text also
 * the publication's text; with --report also the 审核报告 (every finding with its 说明, and a summary) as PDF or xlsx.
 */
export async function checkCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, ['tolerance', 'report']);
  if ('error' in args) return fail(io, args.error);
  const known = new Set(['json', 'tolerance', 'text', 'report']);
  for (const flag of args.flags.keys()) if (!known.has(flag)) return fail(io, `不认识的参数 --${flag}。`);
  const [file, ...extra] = args.positional;
  if (!file || extra.length > 0)
    return fail(
      io,
      '用法：gongkai check FILE [--json] [--tolerance N] [--text] [--report 审核报告.pdf|审核报告.xlsx]',
    );

  let tolerance: string | undefined;
  const tol = args.flags.get('tolerance');
  if (typeof tol === 'string') {
    const parsed = parseTolerance(tol);
    if (!parsed.ok) return fail(io, `--tolerance：${parsed.message}`);
    tolerance = parsed.value;
  }

  const reportFile = args.flags.get('report');
  if (reportFile !== undefined && (typeof reportFile !== 'string' || !/\.(pdf|xlsx)$/i.test(reportFile)))
    return fail(io, '--report 应给出以 .pdf 或 .xlsx 结尾的文件名，如 --report 审核报告.pdf');

  const read = await loadCheckInput(file);
  if (!read.ok) return fail(io, read.message);
  for (const n of read.notes) io.err(`导入提示：${n}\n`);
  let doc: GongkaiDocument = read.document;
  if (tolerance !== undefined) doc = { ...doc, settings: { ...doc.settings, tolerance } };
  const formSet = formSetOfDocument(doc);
  if (!formSet) return fail(io, `不支持 ${doc.formYear} 年度的报表格式。`);
  const wb = new Workbook(formSet, doc);
  const findings = wb.findings();
  // With --text: the publication's text against the tables, and empty tables without their 说明.
  const report = args.flags.has('text') ? checkDocumentReport(formSet, wb, doc) : undefined;
  const documentFindings = report?.findings ?? [];
  // Numbers of the text that were not read: a clean result says nothing about them, so they are always listed.
  const unchecked = (report?.text.unchecked ?? []).map((u) => ({
    location: u.location,
    section: u.section,
    paragraph: u.paragraph,
    number: u.written,
    sentence: u.sentence,
    reason: u.reason,
  }));
  const coverage = report
    ? { checked: report.text.checked, stated: report.text.stated, text: coverageText(report.text) }
    : undefined;
  const split = splitBySeverity(findings);
  const errors = [...split.errors, ...documentFindings.filter((f) => f.severity === 'error')];
  const warnings = [...split.warnings, ...documentFindings.filter((f) => f.severity === 'warning')];

  if (typeof reportFile === 'string') {
    // The report's code (its print HTML among it) loads only when one is asked for: a plain check stays small.
    const { buildAuditReport, auditReportHtml } = await import('../../src-core/export/audit-report');
    const built = buildAuditReport(doc, findings, documentFindings);
    try {
      if (/\.pdf$/i.test(reportFile)) {
        const { renderPdf } = await import('../node/pdf');
        await renderPdf(auditReportHtml(doc, built), reportFile);
      } else {
        // Loaded only here: a plain check loads no xlsx writer.
        const { exportAuditReportXlsx } = await import('../../src-core/export/audit-report-xlsx');
        await writeFileAtomic(reportFile, await exportAuditReportXlsx(built), { backup: false });
      }
    } catch (e) {
      return fail(io, `审核报告导出失败：${(e as Error).message}`);
    }
    io.err(`已导出审核报告：${reportFile}\n`);
  }

  if (args.flags.has('json')) {
    // Without --text the text was not read: say so in the JSON too, so a script cannot take it for clean.
    const out = report
      ? { errors, warnings, unchecked, coverage }
      : { errors, warnings, textChecked: false, textNotChecked: TEXT_NOT_CHECKED };
    io.out(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    const unit = doc.unit.name || '（未填单位名称）';
    io.out(
      `${unit} ${doc.unit.year}年度部门决算公开 — 审核结果：${errors.length} 个错误，${warnings.length} 个提示（尾数容差 ${doc.settings.tolerance}）\n`,
    );
    for (const t of formSet.tables) {
      const mine = findings.filter((f) => f.cell.table === t.id);
      if (mine.length === 0) continue;
      io.out(`\n${t.code} ${t.title}（${mine.length}）\n`);
      for (const f of mine) {
        const tag = `${f.severity === 'error' ? '错误' : '提示'}·${KIND_NAMES[f.kind]}`;
        io.out(`  [${tag}] ${f.message}\n`);
      }
    }
    if (documentFindings.length > 0) {
      io.out(`\n公开文本（${documentFindings.length}）\n`);
      for (const f of documentFindings) {
        io.out(`  [${f.severity === 'error' ? '错误' : '提示'}·${KIND_NAMES[f.kind]}] ${f.message}\n`);
      }
    }
    if (report && coverage) {
      io.out(`\n文字核对：${coverage.text}\n`);
      if (unchecked.length > 0) {
        io.out(`未核对的数（${unchecked.length}）\n`);
        for (const u of unchecked)
          io.out(`  [未核对] ${u.location}：“${u.number}”——${u.reason}。句子：${u.sentence}\n`);
      }
    }
    if (!report) io.out(`\n公开文本：${TEXT_NOT_CHECKED}\n`);
    if (errors.length + warnings.length === 0)
      io.out(
        !report
          ? '\n报表没有错误和提示；公开文本没有核对。\n'
          : unchecked.length > 0
            ? '\n没有错误和提示，但上列的数没有核对。\n'
            : coverage && coverage.stated === 0
              ? '\n报表没有错误和提示；公开文本没有核对（没有写出的数）。\n'
              : '\n全部审核通过。\n',
      );
  }
  return errors.length > 0 ? 1 : 0;
}

/** What a check without --text says of the text: a tables-only result must never read as the whole publication's. */
const TEXT_NOT_CHECKED = '没有核对（只审核了报表；加 --text 同时核对情况说明等文字与报表是否一致）';

/** 已核对 97 / 132 个数（73%）; a text that states no number was not checked at all, which is not "100%". */
function coverageText(t: { checked: number; stated: number }): string {
  if (t.stated === 0) return '公开文本中没有写出的数（文字为空或未导入），文字没有核对';
  const pct = Math.floor((t.checked / t.stated) * 100);
  return `已核对 ${t.checked} / ${t.stated} 个数（${pct}%）`;
}

function fail(io: CliIO, message: string): number {
  io.err(`${message}\n`);
  return 2;
}
