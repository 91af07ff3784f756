import type { GongkaiDocument } from '../document/types';
import { Workbook, type TableModel } from '../engine';
import { cellKey } from '../engine/cell-index';
import { tableLayout, type TableLayout } from '../layout';
import { titleBlockOf, type FormSet } from '../template';
import { derivedFormulas } from './excel-formulas';
import type { PageMargins } from '../document/types';
import { PAGE_SCALE_MIN } from '../document/types';
import { MIN_ONE_PAGE_SCALE, onePageScale } from './page-fit';
import { resolvePageSetup, type ResolvedPageSetup } from './page-setup';
import { sheetGeometry, type SheetGeometry } from './sheet-geometry';
import { writeInfoSheet } from './xlsx-info-sheet';
import type { XlsxPageSetup, XlsxSheet } from './xlsx-sheet-writer';
import type { XlsxStyle } from './xlsx-styles';
import { XlsxWriter } from './xlsx-writer';

const FONT = '宋体';
/** A4, fit to one page wide, centred, the margins of the printed forms (inches). */
const TABLE_PAGE = {
  paperSize: 9,
  fitToWidth: 1,
  fitToHeight: 0,
  horizontalCentered: true,
  margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
} as const;
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
 * own value keeps it); print setup per sheet. Returns the .xlsx bytes. Written by the own SpreadsheetML writer
 * (xlsx-writer.ts) in time linear in the cells: a department's 决算 in a fraction of a second.
 */
export async function exportXlsx(
  formSet: FormSet,
  doc: GongkaiDocument,
  options: XlsxExportOptions = {},
): Promise<Uint8Array> {
  const wb = new Workbook(formSet, doc);
  const book = new XlsxWriter({
    creator: '决算公开表编辑器',
    title: `${doc.unit.name}${doc.unit.year}年度部门决算公开表`,
  });
  const selected = formSet.tables.filter((t) => !options.tables || options.tables.includes(t.id));
  // The print setup follows the document's 页面设置, as the PDF does (which tables go in is the caller's choice:
  // the workbook is the official template, every table unless asked otherwise).
  const setup = resolvePageSetup(doc);
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
    writeSheet(book, wb, wb.tables.get(t.id) as TableModel, layout, geometry, doc, formulas, setup);
  }
  writeUnitSheet(book, formSet, doc);
  if (options.charts && options.charts.length > 0) writeChartSheet(book, options.charts);
  writeInfoSheet(book, doc);
  return book.toBytes();
}

function writeSheet(
  book: XlsxWriter,
  wb: Workbook,
  table: TableModel,
  layout: TableLayout,
  g: SheetGeometry,
  doc: GongkaiDocument,
  formulas: ReadonlyMap<string, string>,
  setup: ResolvedPageSetup,
): void {
  const t = table.template;
  const orientation = setup.orientationOf(t);
  const margins = doc.pageSetup?.margins ? inches(setup.margins) : TABLE_PAGE.margins;
  const ws = book.addSheet(t.code, {
    pageSetup: { ...TABLE_PAGE, margins, orientation },
    footer: '&C&"宋体"— &P —',
    frozenRows: g.dataStart - 1,
  });
  const last = g.lastColumn;
  const font = (size = 10, bold = false) => ({ name: FONT, size, bold });
  // One style object per look, so the writer finds each by identity (a department has some 20,000 cells).
  const looks = new Map<string, XlsxStyle>();
  const look = (key: string, make: () => XlsxStyle) => {
    let style = looks.get(key);
    if (!style) looks.set(key, (style = make()));
    return style;
  };

  // Title block: the form's lines above the table (national: title, 公开NN表, 部门 / 金额单位; 上海: the
  // “上海市XX局2024年度部门决算表” line, the title, 单位). Three rows either way, so the header starts on row 4.
  const block = titleBlockOf(t, doc.unit);
  const [first, second] = block.heading ? [block.heading, block.title] : [block.title, block.code ?? ''];
  ws.merge(g.titleRow, 1, g.titleRow, last);
  ws.set(g.titleRow, 1, first, {
    font: font(block.heading ? 14 : 16, true),
    alignment: { horizontal: 'center', vertical: 'center' },
  });
  ws.setHeight(g.titleRow, block.heading ? 24 : 30);
  ws.merge(g.codeRow, 1, g.codeRow, last);
  ws.set(
    g.codeRow,
    1,
    second,
    block.heading
      ? { font: font(16, true), alignment: { horizontal: 'center', vertical: 'center' } }
      : { font: font(10), alignment: { horizontal: 'right' } },
  );
  if (block.heading) ws.setHeight(g.codeRow, 30);
  const half = Math.max(1, Math.floor(g.lastColumn / 2));
  ws.merge(g.unitRow, 1, g.unitRow, half);
  ws.set(g.unitRow, 1, block.department ?? '', { font: font(10) });
  if (half < g.lastColumn) {
    ws.merge(g.unitRow, half + 1, g.unitRow, last);
    ws.set(g.unitRow, half + 1, block.moneyUnit, {
      font: font(10),
      alignment: { horizontal: 'right' },
    });
  }

  // The header exactly as placed on the form.
  const headerStyle: XlsxStyle = {
    font: font(10, true),
    border: true,
    alignment: { horizontal: 'center', vertical: 'center', wrapText: true },
  };
  for (let r = 0; r < layout.headerRows; r++) {
    const columnNos = r === layout.columnNoRow;
    const style = columnNos ? { ...headerStyle, font: font(9) } : headerStyle;
    for (let c = 1; c <= g.lastColumn; c++) ws.style(g.headerStart + r, c, style);
  }
  for (const h of layout.header) {
    const row = g.headerStart + h.row;
    const col = h.col + 1;
    if (h.colSpan > 1 || h.rowSpan > 1) ws.merge(row, col, row + h.rowSpan - 1, col + h.colSpan - 1);
    ws.set(row, col, h.text);
  }

  // The body; the width each column's amounts need (digits, separators, sign) is noted on the way.
  const amountWidths: number[] = [];
  layout.body.forEach((r, i) => {
    const rowNo = g.dataStart + i;
    const bold = r.kind !== 'body';
    r.cells.forEach((c, j) => {
      const col = j + 1;
      if (c.kind !== 'covered' && c.colSpan > 1) ws.merge(rowNo, col, rowNo, j + c.colSpan);
      if (c.kind === 'covered' || c.kind === 'empty') {
        ws.style(
          rowNo,
          col,
          look(`plain|${bold}`, () => ({ font: font(10, bold), border: true })),
        );
        return;
      }
      if (c.kind === 'text') {
        // Codes and labels are text, never numbers or formulas (a label starting with = stays text).
        const indent = c.indent ? Math.min(c.indent, 3) : undefined;
        ws.set(
          rowNo,
          col,
          c.text,
          look(`text|${bold}|${c.role}|${indent}`, () => ({
            font: font(10, bold),
            border: true,
            numFmt: '@',
            alignment: {
              horizontal: c.role === 'lineNo' ? 'center' : 'left',
              vertical: 'center',
              wrapText: c.role === 'label' || c.role === 'name',
              indent,
            },
          })),
        );
        return;
      }
      const amount = (numFmt: string) =>
        look(`amount|${bold}|${numFmt}`, () => ({
          font: font(10, bold),
          border: true,
          numFmt,
          alignment: { horizontal: 'right', vertical: 'center' },
        }));
      const state = wb.cell(table.id, c.row, c.col);
      if (!state) {
        ws.style(rowNo, col, amount(AMOUNT_FORMAT));
        return;
      }
      if (state.invalidText !== undefined) {
        ws.set(rowNo, col, state.invalidText, amount('@'));
        return;
      }
      const number = state.value === null ? null : Number(state.value.toFixed());
      if (state.value !== null) {
        const w = state.value.toFixed(2).length + Math.floor(state.value.abs().toFixed(0).length / 3) + 1;
        if (w > (amountWidths[j] ?? 0)) amountWidths[j] = w;
      }
      const formula = formulas.get(cellKey(table.id, c.row, c.col));
      // An empty total caches 0 (the number format shows it blank); one whose value cannot be known (invalid input
      // below it) is written without a cached result, so the spreadsheet computes it and shows the error there.
      if (formula && !state.entered)
        ws.set(
          rowNo,
          col,
          state.unknown ? { formula } : { formula, result: number ?? 0 },
          amount(AMOUNT_FORMAT),
        );
      else ws.set(rowNo, col, number ?? undefined, amount(AMOUNT_FORMAT));
    });
  });

  // The 注 lines and the 说明 of an empty table.
  let noteRow = g.dataStart + layout.body.length;
  const notes = [...t.notes, ...(doc.tables[t.id]?.note ? [doc.tables[t.id]?.note as string] : [])];
  for (const n of notes) {
    noteRow++;
    ws.merge(noteRow, 1, noteRow, last);
    ws.set(noteRow, 1, n, { font: font(9), alignment: { wrapText: true, vertical: 'top' } });
    ws.setHeight(
      noteRow,
      Math.max(15, Math.ceil(textWidth(n) / Math.max(40, totalWidth(layout, t.kind) * 1.1)) * 13),
    );
  }

  layout.columns.forEach((_, j) => {
    ws.setWidth(j + 1, columnWidth(layout, j, t.kind, amountWidths));
  });
  for (let r = 0; r < layout.headerRows; r++) ws.setHeight(g.headerStart + r, 30);
  // The PDF's rule (page-fit.ts): one page when the sheet fits on one at a legible scale, else fit to width only;
  // 页面设置 may ask for one page at any size, fit to width alone, or a fixed scale (no fitting at all).
  const onePage = () =>
    onePageScale(
      sheetSize(ws, layout, g, noteRow),
      printableArea(orientation, margins),
      setup.fit === 'onePage' ? PAGE_SCALE_MIN / 100 : MIN_ONE_PAGE_SCALE,
    )
      ? 1
      : 0;
  const { fitToWidth: _w, fitToHeight: _h, ...page } = TABLE_PAGE;
  ws.setPageSetup({
    ...page,
    margins,
    orientation,
    ...(setup.repeatHeader ? { printTitleRows: [g.headerStart, g.dataStart - 1] as const } : {}),
    ...(setup.fit === 'scale'
      ? { scale: setup.scale }
      : { fitToWidth: 1, fitToHeight: setup.fit === 'width' ? 0 : onePage() }),
  });
}

/** 页面设置 margins (mm) as the sheet's page margins (inches), header and footer as the forms have them. */
function inches(m: PageMargins): NonNullable<XlsxPageSetup['margins']> {
  const inch = (mm: number) => Math.round((mm / 25.4) * 100) / 100;
  return {
    left: inch(m.side),
    right: inch(m.side),
    top: inch(m.top),
    bottom: inch(m.bottom),
    header: 0.3,
    footer: 0.3,
  };
}

/** Excel's default row height (pt), which a spreadsheet gives each line of a row without a height of its own. */
const LINE_PT = 15;
/** Points per unit of column width (7 px per character of the default font, at 96 dpi) and a cell's padding. */
const COLUMN_UNIT_PT = 0.75 * 7;
const COLUMN_PAD_PT = 0.75 * 5;

/** The sheet's printed size (pt) at 100%: its columns' widths, its rows' heights (wrapped names give more lines). */
function sheetSize(
  ws: XlsxSheet,
  layout: TableLayout,
  g: SheetGeometry,
  lastRow: number,
): { width: number; height: number } {
  const widths = layout.columns.map((_, j) => ws.widthOf(j + 1) ?? 9);
  const width = widths.reduce((s, w) => s + w * COLUMN_UNIT_PT + COLUMN_PAD_PT, 0);
  let height = 0;
  for (let r = 1; r <= lastRow; r++) {
    const set = ws.heightOf(r);
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

/** A4 (pt) inside the sheet's page margins (inches). */
function printableArea(
  orientation: 'portrait' | 'landscape',
  m: NonNullable<XlsxPageSetup['margins']>,
): { width: number; height: number } {
  const [w, h] = orientation === 'portrait' ? [595.28, 841.89] : [841.89, 595.28];
  return { width: w - 72 * (m.left + m.right), height: h - 72 * (m.top + m.bottom) };
}

/** Width in Excel characters: the widest text or amount in the column, CJK counted double. */
function columnWidth(
  layout: TableLayout,
  j: number,
  kind: 'fixed' | 'classification',
  amountWidths: readonly number[],
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
  }
  widest = Math.max(widest, amountWidths[j] ?? 0);
  const cap = column?.kind === 'label' || column?.kind === 'name' ? (kind === 'fixed' ? 34 : 40) : 18;
  return Math.min(cap, widest + 2);
}

function totalWidth(layout: TableLayout, kind: 'fixed' | 'classification'): number {
  return layout.columns.length * (kind === 'fixed' ? 12 : 10);
}

/** Width in Latin characters: CJK and anything from U+2E80 up count double. */
function textWidth(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code >= 0xdc00 && code <= 0xdfff) continue; // the second half of a pair was counted with the first
    w += code >= 0x2e80 ? 2 : 1;
  }
  return w;
}

/** A sheet 图表 with each chart image and its 图N caption under it, one after another. */
function writeChartSheet(book: XlsxWriter, charts: NonNullable<XlsxExportOptions['charts']>): void {
  const ws = book.addSheet('图表', {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToWidth: 1, fitToHeight: 0 },
  });
  ws.setWidth(1, 90);
  let row = 1;
  for (const c of charts) {
    // Rows are 20 px high by default: leave room for the picture, then the caption.
    const rows = Math.ceil(c.height / 20) + 1;
    ws.addImage({ png: c.png, row, width: c.width, height: c.height });
    ws.set(row + rows - 1, 1, c.title, { font: { name: FONT, size: 10 }, alignment: { horizontal: 'left' } });
    row += rows + 2;
  }
}

/**
 * 部门决算单位构成 as a sheet of its own, where the profile prints it as a table (`unitTable` on its `unitList`
 * section) and the document lists units: in a 汇总 they are its members (本级 first), so the workbook sent on shows
 * which units its sums cover. The rows are also kept in the hidden 文字部分, which is what an import reads back.
 */
function writeUnitSheet(book: XlsxWriter, formSet: FormSet, doc: GongkaiDocument): void {
  const section = formSet.publication.parts.flatMap((p) => p.sections ?? []).find((s) => s.unitList);
  const units = section ? doc.sections?.[section.key]?.units : undefined;
  if (!section?.unitTable || !units || units.length === 0) return;
  // “二、部门决算单位构成” → “部门决算单位构成”: the heading's own words, its number dropped (a sheet name has no 、).
  const title = section.heading.replace(/^[一二三四五六七八九十]+、\s*/, '').slice(0, 31) || '单位构成';
  const ws = book.addSheet(title.replace(/[[\]:*?/\\]/g, ' '), {
    pageSetup: { ...TABLE_PAGE, orientation: 'portrait' },
    footer: '&C&"宋体"— &P —',
    frozenRows: 3,
  });
  const font = (size = 10, bold = false) => ({ name: FONT, size, bold });
  ws.merge(1, 1, 1, 3);
  ws.set(1, 1, title, { font: font(16, true), alignment: { horizontal: 'center', vertical: 'center' } });
  ws.setHeight(1, 30);
  ws.merge(2, 1, 2, 3);
  ws.set(2, 1, `${doc.unit.name}${doc.unit.year}年度部门决算`, { font: font(10) });
  const header = {
    font: font(10, true),
    border: true,
    alignment: { horizontal: 'center', vertical: 'center' },
  } as const;
  section.unitTable.columns.forEach((c, i) => ws.set(3, i + 1, c, header));
  const cell = {
    font: font(10),
    border: true,
    numFmt: '@',
    alignment: { vertical: 'center', wrapText: true },
  } as const;
  const no = { ...cell, alignment: { horizontal: 'center', vertical: 'center' } } as const;
  units.forEach((u, i) => {
    ws.set(4 + i, 1, String(i + 1), no);
    ws.set(4 + i, 2, u.name, cell);
    ws.set(4 + i, 3, u.note, cell);
  });
  ws.setWidth(1, 8);
  ws.setWidth(2, 44);
  ws.setWidth(3, 28);
}
