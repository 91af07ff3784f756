import ExcelJS from 'exceljs';
import { AUDIT_REPORT_COLUMNS, auditSummaryText, type AuditReport } from './audit-report';

const FONT = '宋体';
const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/**
 * The 审核报告 as a workbook: one sheet 审核报告 with the title, the summary and a row per finding (the columns of
 * AUDIT_REPORT_COLUMNS), printed landscape, fit to width, the header row repeated on every page.
 */
export async function exportAuditReportXlsx(report: AuditReport): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('审核报告', {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '3:3',
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C&"宋体"— &P —' },
    views: [{ state: 'frozen', ySplit: 3, xSplit: 0 }],
  });
  const last = AUDIT_REPORT_COLUMNS.length;
  ws.mergeCells(1, 1, 1, last);
  const title = ws.getCell(1, 1);
  title.value = report.title;
  title.font = { name: FONT, size: 14, bold: true };
  title.alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, last);
  ws.getCell(2, 1).value = auditSummaryText(report.summary);
  ws.getCell(2, 1).font = { name: FONT, size: 10 };
  AUDIT_REPORT_COLUMNS.forEach((c, j) => {
    ws.getColumn(j + 1).width = c.width;
    const cell = ws.getCell(3, j + 1);
    cell.value = c.title;
    cell.font = { name: FONT, size: 10, bold: true };
    cell.border = BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
  });
  report.rows.forEach((r, i) => {
    AUDIT_REPORT_COLUMNS.forEach((c, j) => {
      const cell = ws.getCell(4 + i, j + 1);
      // Text, never numbers or formulas: a rule like “1栏=2栏+3栏” or an amount is shown exactly as written.
      cell.value = c.key === 'cell' && r.cell === '' ? r.message : r[c.key];
      cell.numFmt = '@';
      cell.font = { name: FONT, size: 10, bold: c.key === 'severityText' && r.severity === 'error' };
      cell.border = BORDER;
      const amount = c.key === 'expected' || c.key === 'actual' || c.key === 'difference';
      cell.alignment = { vertical: 'top', wrapText: !amount, horizontal: amount ? 'right' : 'left' };
    });
  });
  return new Uint8Array(await book.xlsx.writeBuffer());
}
