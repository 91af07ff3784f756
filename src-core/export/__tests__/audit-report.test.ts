import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  builtinFormSet,
  checkDocument,
  Decimal,
  formatExact,
  readDocument,
  Workbook,
  type GongkaiDocument,
} from '../../index';
import { auditReportHtml, auditSummaryText, buildAuditReport } from '../audit-report';
import { exportAuditReportXlsx } from '../audit-report-xlsx';

const formSet = builtinFormSet();
function sample(): GongkaiDocument {
  const text = fs.readFileSync(
    path.resolve(__dirname, '../../../samples/hanyang-media-center-2023.gongkai.json'),
    'utf8',
  );
  const r = readDocument(text, () => formSet);
  if (!r.ok) throw new Error(r.message);
  return r.document;
}

describe('the 审核报告', () => {
  const base = sample();
  const wb0 = new Workbook(formSet, base);
  const tail = wb0.findings().find((f) => f.kind === 'tail');
  const textError = checkDocument(formSet, wb0, base).find((f) => f.severity === 'error');
  if (!tail || !textError) throw new Error('the sample has a 尾数 提示 and a text error (公开09表 预算数)');
  const doc: GongkaiDocument = {
    ...base,
    findingNotes: { [tail.id]: '尾数差异：按元填报后四舍五入到万元所致。', [textError.id]: '预算数待核实。' },
  };

  it('keeps the 说明 when the document is saved and read again', () => {
    const r = readDocument(JSON.stringify(doc), () => formSet);
    expect(r.ok && r.document.findingNotes).toEqual(doc.findingNotes);
  });

  it('lists each finding with table, cell, rule, 应为/实际/差额, severity and its 说明', () => {
    const wb = new Workbook(formSet, doc);
    const report = buildAuditReport(doc, wb.findings(), checkDocument(formSet, wb, doc));
    const row = report.rows.find((r) => r.id === tail.id);
    expect(row).toMatchObject({
      table: tail.tableCode,
      // As the grid shows amounts (the finding keeps plain digits): 1,455.41, not 1455.41.
      expected: formatExact(new Decimal(tail.expected ?? '')),
      actual: formatExact(new Decimal(tail.actual ?? '')),
      difference: formatExact(new Decimal(tail.difference ?? '')),
      severityText: '提示',
      note: '尾数差异：按元填报后四舍五入到万元所致。',
    });
    expect(row?.rule).toContain('=');
    expect(row?.cell).not.toContain(tail.tableCode);
    // Amounts of a thousand and more carry their separators, as in the grid (the PDF printed “1332.23”).
    const large = report.rows.filter((r) => new Decimal(r.expected.replace(/,/g, '') || '0').abs().gte(1000));
    expect(large.length).toBeGreaterThan(0);
    for (const r of large) expect(r.expected).toMatch(/^-?\d{1,3}(,\d{3})+\.\d{2,}$/);
  });

  it('keeps an error with a 说明 an error: counted among the errors, never as explained', () => {
    const wb = new Workbook(formSet, doc);
    const report = buildAuditReport(doc, wb.findings(), checkDocument(formSet, wb, doc));
    const row = report.rows.find((r) => r.id === textError.id);
    expect(row?.severity).toBe('error');
    expect(row?.note).toBe('预算数待核实。');
    const s = report.summary;
    expect(s.errorsWithNote).toBe(1);
    expect(s.warningsExplained).toBe(1);
    expect(s.errors).toBe(report.rows.filter((r) => r.severity === 'error').length);
    expect(s.warningsExplained + s.warningsUnexplained).toBe(s.warnings);
    expect(auditSummaryText(s)).toContain('错误写了说明仍是错误');
  });

  it('prints as HTML with every finding and the summary, and as a workbook with the same rows', async () => {
    const wb = new Workbook(formSet, doc);
    const report = buildAuditReport(doc, wb.findings(), checkDocument(formSet, wb, doc));
    const html = auditReportHtml(doc, report);
    expect(html).toContain('审核报告');
    expect(html).toContain('尾数差异：按元填报后四舍五入到万元所致。');
    expect((html.match(/<tr class="(error|warning)">/g) ?? []).length).toBe(report.rows.length);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await exportAuditReportXlsx(report)).buffer as ArrayBuffer);
    const ws = book.getWorksheet('审核报告');
    expect(ws?.getCell(3, 9).value).toBe('说明');
    const notes = report.rows.map((_, i) => ws?.getCell(4 + i, 9).value);
    expect(notes).toContain('预算数待核实。');
    expect(ws?.getCell(2, 1).value).toBe(auditSummaryText(report.summary));
    expect(ws?.pageSetup.orientation).toBe('landscape');
  });
});
