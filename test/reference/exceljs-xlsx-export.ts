// The Excel export as exceljs wrote it before src-core got its own SpreadsheetML writer (xlsx-writer.ts): kept only
// as the reference that writer is compared with (xlsx-writer.test.ts) — same cells, looks, merges and print setup.
import ExcelJS from 'exceljs';
import type { GongkaiDocument } from '../../src-core/document/types';
import { Workbook, type TableModel } from '../../src-core/engine';
import { cellKey } from '../../src-core/engine/cell-index';
import { tableLayout, type TableLayout } from '../../src-core/layout';
import type { FormSet } from '../../src-core/template';
import { derivedFormulas } from '../../src-core/export/excel-formulas';
import { useLinearMerges } from './exceljs-linear-merges';
import { onePageScale } from '../../src-core/export/page-fit';
import { columnLetter, sheetGeometry, type SheetGeometry } from '../../src-core/export/sheet-geometry';
import { writeInfoSheet } from './exceljs-info-sheet';

const FONT = '宋体';
const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
/** Zero shows blank, as on the printed forms. */
export const AMOUNT_FORMAT = '#,##0.00;-#,##0.00;';

export interface XlsxExportOptions {
  readonly tables?: readonly string[];
  /**
   * 图1—图4 as PNG images (the host rasterises the SVG charts: a canvas in the app, Chromium in the CLI), put on a
   * sheet of their own after the tables.
   */
  readonly charts?: readonly {
    readonly title: string;
    readonly png: Uint8Array;
    readonly width: number;
    readonly height: number;
  }[];
}

/**
 * The official Excel templates for a document: one sheet per table (公开01表 … 公开09表) with the title, the 公开0X表
 * line, 部门 and 金额单位, the multi-row header with its merged cells, the data rows, the 注 lines; 宋体, thin
 * borders, `#,##0.00`, codes as text; derived cells as live formulas with cached values (a derived cell holding its
 * own value keeps it); print setup per sheet. Returns the .xlsx bytes.
 */
export async function exportXlsxWithExceljs(
  formSet: FormSet,
  doc: GongkaiDocument,
  options: XlsxExportOptions = {},
): Promise<Uint8Array> {
  useLinearMerges(); // one merge per classification row: exceljs's own check is quadratic in them
  const wb = new Workbook(formSet, doc);
  const book = new ExcelJS.Workbook();
  book.creator = '决算公开表编辑器';
  book.title = `${doc.unit.name}${doc.unit.year}年度部门决算公开表`;
  book.created = new Date(0);
  book.modified = new Date(0);
  const selected = formSet.tables.filter((t) => !options.tables || options.tables.includes(t.id));
  const layouts = new Map<string, { layout: TableLayout; geometry: SheetGeometry }>();
  for (const t of selected) {
    const table = wb.tables.get(t.id) as TableModel;
    const layout = tableLayout(table);
    layouts.set(t.id, { layout, geometry: sheetGeometry(layout) });
  }
  // Formulas may only reference sheets that are in the file.
  const included = new Set(selected.map((t) => t.id));
  const formulas = derivedFormulas(
    wb.linearSystem(),
    (id) => (included.has(id) ? layouts.get(id)?.geometry : undefined),
    (id) => formSet.tableById.get(id)?.code ?? id,
  );
  for (const t of selected) {
    const { layout, geometry } = layouts.get(t.id) as { layout: TableLayout; geometry: SheetGeometry };
    writeSheet(book, wb, wb.tables.get(t.id) as TableModel, layout, geometry, doc, formulas);
  }
  if (options.charts && options.charts.length > 0) writeChartSheet(book, options.charts);
  writeInfoSheet(book, doc);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

function writeSheet(
  book: ExcelJS.Workbook,
  wb: Workbook,
  table: TableModel,
  layout: TableLayout,
  g: SheetGeometry,
  doc: GongkaiDocument,
  formulas: ReadonlyMap<string, string>,
): void {
  const t = table.template;
  const ws = book.addWorksheet(t.code, {
    pageSetup: {
      paperSize: 9,
      orientation: t.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
      printTitlesRow: `${g.headerStart}:${g.dataStart - 1}`,
    },
    headerFooter: { oddFooter: '&C&"宋体"— &P —' },
    views: [{ state: 'frozen', ySplit: g.dataStart - 1, xSplit: 0 }],
  });
  const last = columnLetter(g.lastColumn);
  const font = (size = 10, bold = false) => ({ name: FONT, size, bold });

  // Title block.
  ws.mergeCells(`A${g.titleRow}:${last}${g.titleRow}`);
  const title = ws.getCell(`A${g.titleRow}`);
  title.value = `${doc.unit.year}年度${t.title}`;
  title.font = font(16, true);
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(g.titleRow).height = 30;
  ws.mergeCells(`A${g.codeRow}:${last}${g.codeRow}`);
  const code = ws.getCell(`A${g.codeRow}`);
  // Forms that print no table code (上海) leave the line empty, as the template shows them.
  code.value = t.printCode === false ? '' : t.code;
  code.font = font(10);
  code.alignment = { horizontal: 'right' };
  const half = Math.max(1, Math.floor(g.lastColumn / 2));
  ws.mergeCells(`A${g.unitRow}:${columnLetter(half)}${g.unitRow}`);
  ws.getCell(`A${g.unitRow}`).value = `部门：${doc.unit.name}`;
  ws.getCell(`A${g.unitRow}`).font = font(10);
  if (half < g.lastColumn) {
    ws.mergeCells(`${columnLetter(half + 1)}${g.unitRow}:${last}${g.unitRow}`);
    const unit = ws.getCell(`${columnLetter(half + 1)}${g.unitRow}`);
    unit.value = `金额单位：${doc.unit.moneyUnit}`;
    unit.font = font(10);
    unit.alignment = { horizontal: 'right' };
  }

  // The header exactly as placed on the form.
  for (let r = 0; r < layout.headerRows; r++) {
    for (let c = 1; c <= g.lastColumn; c++) {
      const cell = ws.getCell(g.headerStart + r, c);
      cell.border = BORDER;
      cell.font = font(10, true);
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    }
  }
  for (const h of layout.header) {
    const row = g.headerStart + h.row;
    const col = h.col + 1;
    if (h.colSpan > 1 || h.rowSpan > 1) ws.mergeCells(row, col, row + h.rowSpan - 1, col + h.colSpan - 1);
    ws.getCell(row, col).value = h.text;
  }
  if (layout.columnNoRow !== undefined) {
    for (let c = 1; c <= g.lastColumn; c++) ws.getCell(g.headerStart + layout.columnNoRow, c).font = font(9);
  }

  // The body.
  layout.body.forEach((r, i) => {
    const rowNo = g.dataStart + i;
    r.cells.forEach((c, j) => {
      const cell = ws.getCell(rowNo, j + 1);
      cell.border = BORDER;
      cell.font = font(10, r.kind !== 'body');
      if (c.kind === 'covered') return;
      if (c.colSpan > 1) ws.mergeCells(rowNo, j + 1, rowNo, j + c.colSpan);
      if (c.kind === 'text') {
        // Codes and labels are text, never numbers or formulas (a label starting with = stays text).
        cell.value = c.text;
        cell.numFmt = '@';
        cell.alignment = {
          horizontal: c.role === 'lineNo' ? 'center' : 'left',
          vertical: 'middle',
          wrapText: c.role === 'label' || c.role === 'name',
          indent: c.indent ? Math.min(c.indent, 3) : undefined,
        };
        return;
      }
      if (c.kind === 'empty') return;
      const state = wb.cell(table.id, c.row, c.col);
      cell.alignment = { horizontal: 'right', vertical: 'middle' };
      cell.numFmt = AMOUNT_FORMAT;
      if (!state) return;
      if (state.invalidText !== undefined) {
        cell.value = state.invalidText;
        cell.numFmt = '@';
        return;
      }
      const number = state.value === null ? null : Number(state.value.toFixed());
      const formula = formulas.get(cellKey(table.id, c.row, c.col));
      // An empty total caches 0 (the number format shows it blank); one whose value cannot be known (invalid input
      // below it) is written without a cached result, so the spreadsheet computes it and shows the error there.
      if (formula && !state.entered)
        cell.value = state.unknown ? { formula, date1904: false } : { formula, result: number ?? 0 };
      else if (number !== null) cell.value = number;
    });
  });

  // The 注 lines and the 说明 of an empty table.
  let noteRow = g.dataStart + layout.body.length;
  const notes = [...t.notes, ...(doc.tables[t.id]?.note ? [doc.tables[t.id]?.note as string] : [])];
  for (const n of notes) {
    noteRow++;
    ws.mergeCells(`A${noteRow}:${last}${noteRow}`);
    const cell = ws.getCell(`A${noteRow}`);
    cell.value = n;
    cell.font = font(9);
    cell.alignment = { wrapText: true, vertical: 'top' };
    ws.getRow(noteRow).height = Math.max(
      15,
      Math.ceil(textWidth(n) / Math.max(40, totalWidth(layout, t.kind) * 1.1)) * 13,
    );
  }

  layout.columns.forEach((_, j) => {
    ws.getColumn(j + 1).width = columnWidth(layout, j, t.kind, wb, table);
  });
  for (let r = 0; r < layout.headerRows; r++) ws.getRow(g.headerStart + r).height = 30;
  // The PDF's rule (page-fit.ts): one page when the sheet fits on one at a legible scale, else fit to width only.
  ws.pageSetup.fitToHeight = onePageScale(sheetSize(ws, layout, g, noteRow), printableArea(t.orientation))
    ? 1
    : 0;
}

/** Excel's default row height (pt), which a spreadsheet gives each line of a row without a height of its own. */
const LINE_PT = 15;
/** Points per unit of column width (7 px per character of the default font, at 96 dpi) and a cell's padding. */
const COLUMN_UNIT_PT = 0.75 * 7;
const COLUMN_PAD_PT = 0.75 * 5;

/** The sheet's printed size (pt) at 100%: its columns' widths, its rows' heights (wrapped names give more lines). */
function sheetSize(
  ws: ExcelJS.Worksheet,
  layout: TableLayout,
  g: SheetGeometry,
  lastRow: number,
): { width: number; height: number } {
  const widths = layout.columns.map((_, j) => ws.getColumn(j + 1).width ?? 9);
  const width = widths.reduce((s, w) => s + w * COLUMN_UNIT_PT + COLUMN_PAD_PT, 0);
  let height = 0;
  for (let r = 1; r <= lastRow; r++) {
    const set = ws.getRow(r).height;
    if (set !== undefined) {
      height += set;
      continue;
    }
    const body = layout.body[r - g.dataStart];
    let lines = 1;
    body?.cells.forEach((c, j) => {
      if (c.kind !== 'text' || c.colSpan !== 1) return;
      lines = Math.max(lines, Math.ceil(textWidth(c.text) / Math.max(1, (widths[j] ?? 9) - 1)));
    });
    height += lines * LINE_PT;
  }
  return { width, height };
}

/** A4 (pt) inside the margins the sheets' page setup gives (0.5 in each side, 0.6 in top, 0.7 in bottom). */
function printableArea(orientation: 'portrait' | 'landscape'): { width: number; height: number } {
  const [w, h] = orientation === 'portrait' ? [595.28, 841.89] : [841.89, 595.28];
  return { width: w - 72, height: h - 72 * 1.3 };
}

/** Width in Excel characters: the widest text or amount in the column, CJK counted double. */
function columnWidth(
  layout: TableLayout,
  j: number,
  kind: 'fixed' | 'classification',
  wb: Workbook,
  table: TableModel,
): number {
  const column = layout.columns[j];
  if (column?.kind === 'codeLevel') return 5;
  if (column?.kind === 'lineNo') return 6;
  let widest = 6;
  for (const h of layout.header)
    if (h.col === j && h.colSpan === 1) widest = Math.max(widest, Math.min(textWidth(h.text), 14));
  for (const r of layout.body) {
    const c = r.cells[j];
    if (!c) continue;
    if (c.kind === 'text' && c.colSpan === 1) widest = Math.max(widest, textWidth(c.text));
    if (c.kind === 'value') {
      const v = wb.cell(table.id, c.row, c.col)?.value;
      if (v) widest = Math.max(widest, v.toFixed(2).length + Math.floor(v.abs().toFixed(0).length / 3) + 1);
    }
  }
  const cap = column?.kind === 'label' || column?.kind === 'name' ? (kind === 'fixed' ? 34 : 40) : 18;
  return Math.min(cap, widest + 2);
}

function totalWidth(layout: TableLayout, kind: 'fixed' | 'classification'): number {
  return layout.columns.length * (kind === 'fixed' ? 12 : 10);
}

function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\uffff]/.test(ch) ? 2 : 1;
  return w;
}

/** A sheet 图表 with each chart image and its 图N caption under it, one after another. */
function writeChartSheet(book: ExcelJS.Workbook, charts: NonNullable<XlsxExportOptions['charts']>): void {
  const ws = book.addWorksheet('图表', {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.getColumn(1).width = 90;
  let row = 1;
  for (const c of charts) {
    const id = book.addImage({ buffer: c.png as unknown as ExcelJS.Buffer, extension: 'png' });
    // Rows are 20 px high by default: leave room for the picture, then the caption.
    const rows = Math.ceil(c.height / 20) + 1;
    ws.addImage(id, { tl: { col: 0, row: row - 1 }, ext: { width: c.width, height: c.height } });
    const caption = ws.getCell(row + rows - 1, 1);
    caption.value = c.title;
    caption.font = { name: FONT, size: 10 };
    caption.alignment = { horizontal: 'left' };
    row += rows + 2;
  }
}
