import type { GongkaiDocument } from '../document/types';
import type { Finding } from '../engine';
import { FINDING_KIND_NAMES, type DocumentFinding } from '../audit/check-document';
import { Decimal, formatExact } from '../money';
import { escapeHtml as esc, printDocument } from './print-html';

/**
 * The 审核报告 a unit hands in with its 决算 (as 久其 users do): every finding with where it is, the rule as printed,
 * 应为 / 实际 / 差额, its severity and the unit's 出错说明, and a summary. A 说明 explains a 提示 the unit accepts
 * (尾数 from rounding to 万元, say); a 强制 error with a 说明 is still an error — the report counts it among the
 * errors, never among the explained.
 */
export interface AuditReport {
  readonly title: string;
  readonly rows: readonly AuditReportRow[];
  readonly summary: AuditSummary;
}

export interface AuditReportRow {
  readonly id: string;
  /** 公开03表, or 公开文本 for findings about the text. */
  readonly table: string;
  /** 201 一般公共服务支出 1栏（本年支出合计）, or the finding's message where it has no cell. */
  readonly cell: string;
  /** 不平衡, 尾数差异 … */
  readonly kind: string;
  /** The rule as printed on the form, with the concrete cells; empty where there is no rule. */
  readonly rule: string;
  readonly expected: string;
  readonly actual: string;
  readonly difference: string;
  readonly severity: 'error' | 'warning';
  /** 错误（强制） for a broken 强制 rule, 错误 for other errors, 提示. */
  readonly severityText: string;
  readonly note: string;
  readonly message: string;
}

export interface AuditSummary {
  readonly errors: number;
  /** Errors carrying a 说明: still errors. */
  readonly errorsWithNote: number;
  readonly warnings: number;
  readonly warningsExplained: number;
  readonly warningsUnexplained: number;
}

/** The 说明 the user wrote for a finding (by finding id), trimmed; '' when none. */
export function findingNote(doc: GongkaiDocument, id: string): string {
  return doc.findingNotes?.[id]?.trim() ?? '';
}

/** An amount as the grid and the messages show it (1,455.41; 0.005 keeps its digits); a finding's plain digits otherwise. */
function shownAmount(text: string | undefined): string {
  if (text === undefined || text === '') return '';
  try {
    return formatExact(new Decimal(text));
  } catch {
    return text;
  }
}

/** Builds the 审核报告 of the document from its table findings and (optionally) its document findings. */
export function buildAuditReport(
  doc: GongkaiDocument,
  findings: readonly Finding[],
  documentFindings: readonly DocumentFinding[] = [],
): AuditReport {
  const rows: AuditReportRow[] = [
    ...findings.map((f) => ({
      id: f.id,
      table: f.tableCode,
      cell: f.location.startsWith(f.tableCode) ? f.location.slice(f.tableCode.length).trim() : f.location,
      kind: FINDING_KIND_NAMES[f.kind],
      rule: f.instance ?? f.rule?.text ?? '',
      expected: shownAmount(f.expected),
      actual: shownAmount(f.actual),
      difference: shownAmount(f.difference),
      severity: f.severity,
      // 强制: the form's own rule, which no 说明 can excuse.
      severityText:
        f.severity === 'error' ? (f.rule?.severity === 'error' ? '错误（强制）' : '错误') : '提示',
      note: findingNote(doc, f.id),
      message: f.message,
    })),
    ...documentFindings.map((f) => ({
      id: f.id,
      table: '公开文本',
      cell: '',
      kind: FINDING_KIND_NAMES[f.kind],
      rule: '',
      expected: '',
      actual: '',
      difference: '',
      severity: f.severity,
      severityText: f.severity === 'error' ? '错误' : '提示',
      note: findingNote(doc, f.id),
      message: f.message,
    })),
  ];
  const errors = rows.filter((r) => r.severity === 'error');
  const warnings = rows.filter((r) => r.severity === 'warning');
  const explained = warnings.filter((r) => r.note !== '').length;
  return {
    title: `${doc.unit.name || '（未填单位名称）'}${doc.unit.year}年度部门决算公开 审核报告`,
    rows,
    summary: {
      errors: errors.length,
      errorsWithNote: errors.filter((r) => r.note !== '').length,
      warnings: warnings.length,
      warningsExplained: explained,
      warningsUnexplained: warnings.length - explained,
    },
  };
}

/** The summary in one Chinese sentence, as the report's first line and the CLI print it. */
export function auditSummaryText(s: AuditSummary): string {
  const parts = [
    `错误 ${s.errors} 个${s.errorsWithNote > 0 ? `（其中 ${s.errorsWithNote} 个写了说明：错误写了说明仍是错误，须改正）` : ''}`,
    `提示 ${s.warnings} 个（已说明 ${s.warningsExplained} 个，未说明 ${s.warningsUnexplained} 个）`,
  ];
  return `${parts.join('；')}。`;
}

/** The report's columns, in the order the PDF and the xlsx print them. */
export const AUDIT_REPORT_COLUMNS = [
  { key: 'table', title: '表号', width: 10 },
  { key: 'cell', title: '单元格', width: 30 },
  { key: 'kind', title: '类型', width: 10 },
  { key: 'rule', title: '审核公式', width: 34 },
  { key: 'expected', title: '应为', width: 12 },
  { key: 'actual', title: '实际', width: 12 },
  { key: 'difference', title: '差额', width: 10 },
  { key: 'severityText', title: '级别', width: 11 },
  { key: 'note', title: '说明', width: 34 },
] as const satisfies readonly { key: keyof AuditReportRow; title: string; width: number }[];

/** The report as a print document (landscape A4, the header repeated on every page, “— N —” page numbers). */
export function auditReportHtml(doc: GongkaiDocument, report: AuditReport): string {
  const head = AUDIT_REPORT_COLUMNS.map((c) => `<th style="width:${c.width}%">${c.title}</th>`).join('');
  const body = report.rows.map((r) => {
    const cells = AUDIT_REPORT_COLUMNS.map((c) => {
      const text = c.key === 'cell' && r.cell === '' ? r.message : r[c.key];
      const cls = ['expected', 'actual', 'difference'].includes(c.key) ? ' class="amt"' : '';
      return `<td${cls}>${esc(text)}</td>`;
    }).join('');
    return `<tr class="${r.severity}">${cells}</tr>`;
  });
  return printDocument(
    doc,
    [REPORT_CSS],
    [
      '<section class="report">',
      `<h1>${esc(report.title)}</h1>`,
      `<p class="summary">${esc(auditSummaryText(report.summary))}</p>`,
      report.rows.length === 0
        ? '<p>审核通过：没有错误，也没有提示。</p>'
        : `<table><thead><tr>${head}</tr></thead><tbody>${body.join('\n')}</tbody></table>`,
      '</section>',
    ],
  );
}

const REPORT_CSS = `
@page { size: A4 landscape; margin: 15mm 12mm 16mm;
  @bottom-center { content: "\\2014\\3000" counter(page) "\\3000\\2014"; font-family: '宋体', SimSun, 'Noto Serif CJK SC', serif; font-size: 10.5pt; } }
* { box-sizing: border-box; }
body { margin: 0; font-family: '宋体', SimSun, 'Noto Serif CJK SC', 'Noto Sans CJK SC', serif; font-size: 9pt; color: #000; }
h1 { text-align: center; font-size: 16pt; margin: 0 0 3mm; }
.summary { margin: 0 0 3mm; font-size: 10.5pt; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 0.6pt solid #000; padding: 0.2em 0.35em; overflow-wrap: anywhere; vertical-align: top; }
th { font-weight: bold; text-align: center; }
td.amt { text-align: right; white-space: nowrap; }
tr.error td:nth-child(8) { font-weight: bold; }
`;
