import { escapeHtml, spanAttrs, TABLE_FONT_STACK } from './print-html';
import type { GongkaiDocument } from '../document/types';
import type { FormSet } from '../template';
import {
  isComputedCell,
  isFieldCell,
  type FormCell,
  type FormFieldCell,
  type FormListBand,
  type FormTableTemplate,
} from '../template/performance-forms';
import {
  formTitle,
  mergeSpans,
  mergedKeys,
  listTotal,
  printedAmount,
  type PerformanceFormData,
} from '../evaluation/form-model';

/**
 * The 绩效自评表 of `doc.performance` as HTML for the whole-document print: the 汇总表, the 部门整体绩效自评表 and each
 * 项目绩效自评表, in that order, each laid out as its template prints it (title, the lines above the table, the table
 * with its merged cells, the 备注). Plain semantic markup, classes prefixed `pf-`; style it with
 * `performancePrintCss`. Every text is escaped. Forms the document does not have are left out; '' when it has none.
 */
export function performanceHtml(formSet: FormSet, doc: GongkaiDocument): string {
  const perf = doc.performance;
  const t = formSet.performance;
  if (!perf || !t) return '';
  const forms: string[] = [];
  if (perf.summary) forms.push(formHtml(t.summary, doc, perf.summary));
  if (perf.overall) forms.push(formHtml(t.overall, doc, perf.overall));
  for (const project of perf.projects ?? []) forms.push(formHtml(t.project, doc, project));
  if (forms.length === 0) return '';
  return `<div class="pf-performance">\n${forms.join('\n')}\n</div>\n`;
}

function formHtml(t: FormTableTemplate, doc: GongkaiDocument, data: PerformanceFormData): string {
  const values = data as unknown as Record<string, unknown>;
  const text = (field: string) => (typeof values[field] === 'string' ? (values[field] as string) : '');
  const total = t.columns.reduce((a, b) => a + b, 0);
  const lines: string[] = [];
  lines.push(`<section class="pf-form pf-${t.form}">`);
  lines.push(`<h2 class="pf-title">${esc(formTitle(t, doc, data))}</h2>`);
  if (t.meta.length > 0) {
    const items = t.meta.map((m) => {
      const v = 'field' in m ? text(m.field) : doc.unit.name;
      return `<span class="pf-meta-item"><span class="pf-meta-label">${esc(m.text)}：</span>${esc(v)}</span>`;
    });
    lines.push(`<div class="pf-meta">${items.join('')}</div>`);
  }
  lines.push('<table class="pf-table">');
  lines.push(
    `<colgroup>${t.columns.map((w) => `<col style="width:${((w / total) * 100).toFixed(2)}%">`).join('')}</colgroup>`,
  );
  lines.push('<tbody>');
  for (const band of t.bands) {
    if (band.type === 'row') {
      lines.push(`<tr>${band.cells.map((c) => cellHtml(c, t, doc, values)).join('')}</tr>`);
    } else {
      lines.push(...listHtml(band, values));
    }
  }
  lines.push('</tbody>', '</table>');
  if (t.notes.length > 0)
    lines.push(`<div class="pf-notes">${t.notes.map((n) => `<p>${esc(n)}</p>`).join('')}</div>`);
  lines.push('</section>');
  return lines.join('\n');
}

function cellHtml(
  c: FormCell,
  t: FormTableTemplate,
  doc: GongkaiDocument,
  values: Record<string, unknown>,
): string {
  const spans = spanAttrs(c.colSpan ?? 1, c.rowSpan ?? 1);
  if (isFieldCell(c)) {
    const raw = typeof values[c.field] === 'string' ? (values[c.field] as string) : '';
    return `<td class="pf-value pf-${c.input ?? 'text'}"${spans}>${fieldHtml(c, raw)}</td>`;
  }
  if (isComputedCell(c)) {
    let v = '';
    if (c.computed === 'unitName') v = doc.unit.name;
    if (c.computed === 'total') {
      const list = t.bands.find((b): b is FormListBand => b.type === 'list');
      const items = list && Array.isArray(values[list.field]) ? (values[list.field] as object[]) : [];
      const sum = listTotal(items, c.of ?? 'amount');
      v = sum === null ? '' : printedAmount(sum.toFixed());
    }
    const cls = c.computed === 'total' ? 'pf-value pf-amount pf-total' : 'pf-value pf-text';
    return `<td class="${cls}"${spans}>${esc(v)}${v && c.suffix ? esc(c.suffix) : ''}</td>`;
  }
  return `<th class="pf-label"${spans}>${esc(c.text)}</th>`;
}

function fieldHtml(c: Pick<FormFieldCell, 'input' | 'options' | 'suffix'>, raw: string): string {
  if (c.input === 'choice') {
    return (c.options ?? [])
      .map((o, i) => `<span class="pf-option">${i + 1}、${esc(o)} ${o === raw ? '☑' : '☐'}</span>`)
      .join(' ');
  }
  if (c.input === 'amount') {
    const v = printedAmount(raw);
    return v === '' ? '' : `${esc(v)}${c.suffix ? esc(c.suffix) : ''}`;
  }
  return esc(raw).replace(/\r?\n/g, '<br>');
}

function listHtml(band: FormListBand, values: Record<string, unknown>): string[] {
  const items = (Array.isArray(values[band.field]) ? values[band.field] : []) as Record<string, string>[];
  const rows: string[] = [];
  const head = band.columns.map(
    (c) => `<th class="pf-label pf-head"${spanAttrs(c.colSpan ?? 1, 1)}>${esc(c.text)}</th>`,
  );
  const side = band.side
    ? `<th class="pf-label pf-side"${spanAttrs(band.side.colSpan ?? 1, items.length + 1)}>${esc(band.side.text)}</th>`
    : '';
  rows.push(`<tr class="pf-list-head">${side}${head.join('')}</tr>`);
  const keys = mergedKeys(band.columns);
  const spans = mergeSpans(items, band.columns);
  items.forEach((item, i) => {
    const cells: string[] = [];
    for (const c of band.columns) {
      const m = c.key === undefined ? -1 : keys.indexOf(c.key);
      const rowSpan = m >= 0 ? (spans[i]?.[m] ?? 1) : 1;
      if (rowSpan === 0) continue;
      const attrs = spanAttrs(c.colSpan ?? 1, rowSpan);
      if (c.computed === 'index') {
        cells.push(`<td class="pf-value pf-index"${attrs}>${i + 1}</td>`);
        continue;
      }
      const raw = item[c.key as string] ?? '';
      cells.push(`<td class="pf-value pf-${c.input ?? 'text'}"${attrs}>${fieldHtml(c, raw)}</td>`);
    }
    rows.push(`<tr class="pf-item">${cells.join('')}</tr>`);
  });
  return rows;
}

const esc = escapeHtml;

/**
 * The print style of performanceHtml: 宋体 10pt tables with ruled cells, bold centred titles, each form from a new page.
 * Scoped to `.pf-` classes so it can sit beside the tables' own style.
 */
export const performancePrintCss = `
.pf-performance { font-family: ${TABLE_FONT_STACK}; color: #000; }
.pf-form { break-before: page; page-break-before: always; }
.pf-form:first-child { break-before: auto; page-break-before: auto; }
.pf-title { font-size: 16pt; font-weight: bold; text-align: center; margin: 0 0 8pt; }
.pf-meta { display: flex; justify-content: space-between; gap: 12pt; font-size: 10pt; margin: 0 0 4pt; }
.pf-meta-item:only-child { margin-left: auto; }
.pf-table { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 10pt; line-height: 1.35; }
.pf-table th, .pf-table td { border: 0.75pt solid #000; padding: 2pt 4pt; vertical-align: middle; word-break: break-all; overflow-wrap: anywhere; }
.pf-table td:not([rowspan]), .pf-table th:not([rowspan]) { break-inside: avoid; }
.pf-label { font-weight: normal; text-align: center; }
.pf-head, .pf-side { font-weight: bold; }
.pf-value { text-align: center; }
.pf-textarea, .pf-text.pf-value[colspan] { text-align: left; }
.pf-amount, .pf-total { text-align: right; white-space: nowrap; }
.pf-option { white-space: nowrap; margin-right: 6pt; }
.pf-notes { font-size: 9pt; margin-top: 4pt; }
.pf-notes p { margin: 0 0 2pt; }
`;
