import { AUDIT_REPORT_COLUMNS, auditSummaryText, type AuditReport } from './audit-report';
import type { XlsxStyle } from './xlsx-styles';
import { XlsxWriter } from './xlsx-writer';

const FONT = '宋体';
const CELL: XlsxStyle = { font: { name: FONT, size: 10 }, border: true, numFmt: '@' };

/**
 * The 审核报告 as a workbook: one sheet 审核报告 with the title, the summary and a row per finding (the columns of
 * AUDIT_REPORT_COLUMNS), printed landscape, fit to width, the header row repeated on every page.
 */
export async function exportAuditReportXlsx(report: AuditReport): Promise<Uint8Array> {
  const book = new XlsxWriter({ creator: '决算公开表编辑器', title: report.title });
  const ws = book.addSheet('审核报告', {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToWidth: 1,
      fitToHeight: 0,
      printTitleRows: [3, 3],
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
    },
    footer: '&C&"宋体"— &P —',
    frozenRows: 3,
  });
  const last = AUDIT_REPORT_COLUMNS.length;
  ws.merge(1, 1, 1, last);
  ws.set(1, 1, report.title, {
    font: { name: FONT, size: 14, bold: true },
    alignment: { horizontal: 'center' },
  });
  ws.merge(2, 1, 2, last);
  ws.set(2, 1, auditSummaryText(report.summary), { font: { name: FONT, size: 10 } });
  const head: XlsxStyle = {
    font: { name: FONT, size: 10, bold: true },
    border: true,
    alignment: { horizontal: 'center', vertical: 'center' },
  };
  AUDIT_REPORT_COLUMNS.forEach((c, j) => {
    ws.setWidth(j + 1, c.width);
    ws.set(3, j + 1, c.title, head);
  });
  const looks = new Map<string, XlsxStyle>();
  report.rows.forEach((r, i) => {
    AUDIT_REPORT_COLUMNS.forEach((c, j) => {
      const amount = c.key === 'expected' || c.key === 'actual' || c.key === 'difference';
      const bold = c.key === 'severityText' && r.severity === 'error';
      const key = `${amount}|${bold}`;
      let style = looks.get(key);
      if (!style)
        looks.set(
          key,
          (style = {
            ...CELL,
            font: { name: FONT, size: 10, bold },
            alignment: { vertical: 'top', wrapText: !amount, horizontal: amount ? 'right' : 'left' },
          }),
        );
      // Text, never numbers or formulas: a rule like “1栏=2栏+3栏” or an amount is shown exactly as written.
      const value: unknown = c.key === 'cell' && r.cell === '' ? r.message : r[c.key];
      ws.set(4 + i, j + 1, value === undefined || value === null ? undefined : String(value), style);
    });
  });
  return book.toBytes();
}
