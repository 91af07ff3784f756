import { textWidthEm } from './print-columns';

/**
 * The one rule for whether a table prints on one page, shared by the PDF (print-html.ts shrinks the table's font)
 * and the Excel export (its print setup says fit to one page, or fit to width only): a table that fits on one page
 * at MIN_ONE_PAGE_SCALE of its natural size or more is printed on one page; a longer one keeps its size and runs
 * over as many pages as it needs, its header repeated — shrunk further it would no longer be legible. (10 pt
 * × 0.65 is the 6.5 pt the column fitting already allows for the widest tables.)
 */
export const MIN_ONE_PAGE_SCALE = 0.65;

/**
 * The scale (≤ 1) at which content of the natural size fits the page, or null when that would be below
 * `minScale` (MIN_ONE_PAGE_SCALE unless the 页面设置 asks for one page at any size; then the content is printed at
 * full width over several pages).
 */
export function onePageScale(
  natural: { readonly width: number; readonly height: number },
  page: { readonly width: number; readonly height: number },
  minScale = MIN_ONE_PAGE_SCALE,
): number | null {
  const scale = Math.min(1, page.width / natural.width, page.height / natural.height);
  return scale >= minScale ? scale : null;
}

/** A cell as the height estimate sees it: its text, where it stands and how many columns and rows it spans. */
export interface SizedCell {
  readonly text: string;
  readonly col: number;
  readonly colSpan: number;
}

/** The parts of a printed table page, for estimateTableHeight (sizes in pt). */
export interface TablePageContent {
  readonly header: readonly (SizedCell & { readonly row: number; readonly rowSpan: number })[];
  readonly headerRows: number;
  readonly body: readonly (readonly SizedCell[])[];
  /** Each column's share of the table width (percent). */
  readonly percents: readonly number[];
  readonly widthPt: number;
  /** Lines under the table at NOTE_PT (注) and EXPLANATION_PT (the table's 说明). */
  readonly notes: readonly string[];
  readonly explanation: readonly string[];
  readonly title: string;
  /** A line printed above the title (上海: 上海市XX局2024年度部门决算表), at HEADING_PT. */
  readonly heading?: string;
}

// Keep these in step with TABLE_CSS in print-html.ts.
const LINE = 1.25;
const CELL_PAD_V = 0.2;
const CELL_PAD_H = 0.8;
const BORDER_PT = 0.6;
const BODY_MIN_EM = 1.55;
/** A compact table's rows are as tall as their text (TABLE_CSS: table.form.compact td). */
const COMPACT_MIN_EM = LINE + CELL_PAD_V;
const TITLE_PT = 18;
const META_PT = 10.5;
const HEADING_PT = 12;
const NOTE_PT = 9.5;
const EXPLANATION_PT = 10.5;
const MM = 72 / 25.4;

/**
 * How tall the table page is with the table's text at `fontPt` (pt): title block, header rows, body rows (names
 * wrapped in their columns), 注 and 说明. An estimate from the characters — there is no layout engine here — so
 * callers keep a reserve; the PDF test checks the tables it shrinks really print on one page.
 */
export function estimateTableHeight(content: TablePageContent, fontPt: number, compact = false): number {
  const colPt = (col: number, span: number) =>
    content.percents.slice(col, col + span).reduce((s, p) => s + p, 0) * (content.widthPt / 100);
  const lines = (text: string, widthPt: number, pt: number, indentEm = 0) => {
    if (text === '') return 1;
    const room = Math.max(1, widthPt / pt);
    return Math.max(1, Math.ceil((textWidthEm(text) + indentEm) / room));
  };
  const cellLines = (c: SizedCell) => lines(c.text, colPt(c.col, c.colSpan) - CELL_PAD_H * fontPt, fontPt);
  // The code line and the 部门/金额单位 line; a heading above the title takes its own lines.
  const titleBlock =
    (content.heading ? lines(content.heading, content.widthPt, HEADING_PT) * HEADING_PT * 1.5 : 0) +
    lines(content.title, content.widthPt, TITLE_PT) * TITLE_PT * 1.3 +
    2 * MM +
    2 * META_PT * 1.5 +
    1 * MM;

  // Header: each row as tall as its one-row cells need, then rows stretched for cells spanning several.
  const headerRow = Array.from({ length: content.headerRows }, () => (LINE + CELL_PAD_V) * fontPt);
  for (const h of content.header)
    if (h.rowSpan === 1)
      headerRow[h.row] = Math.max(headerRow[h.row] ?? 0, (cellLines(h) * LINE + CELL_PAD_V) * fontPt);
  for (const h of content.header) {
    if (h.rowSpan === 1) continue;
    const need = (cellLines(h) * LINE + CELL_PAD_V) * fontPt;
    const rows = headerRow.slice(h.row, h.row + h.rowSpan);
    const have = rows.reduce((s, r) => s + r, 0);
    const last = h.row + h.rowSpan - 1;
    if (need > have) headerRow[last] = (headerRow[last] ?? 0) + need - have;
  }
  const header = headerRow.reduce((s, r) => s + r + BORDER_PT, 0);

  let body = 0;
  for (const row of content.body) {
    const tallest = Math.max(1, ...row.map(cellLines));
    body +=
      Math.max(compact ? COMPACT_MIN_EM : BODY_MIN_EM, tallest * LINE + CELL_PAD_V) * fontPt + BORDER_PT;
  }

  const notes =
    content.notes.length === 0
      ? 0
      : 2 * MM + content.notes.reduce((s, n) => s + lines(n, content.widthPt, NOTE_PT), 0) * NOTE_PT * 1.5;
  const explanation =
    content.explanation.length === 0
      ? 0
      : 3 * MM +
        content.explanation.reduce((s, p) => s + lines(p, content.widthPt, EXPLANATION_PT, 2), 0) *
          EXPLANATION_PT *
          1.6;
  return titleBlock + header + body + notes + explanation;
}

/**
 * How to print a table so that its page is at most `availablePt` tall: as it is when it fits; else with compact
 * rows (as tall as their text) and the largest table font, in 0.1 pt steps down to `minScale` of `fontPt`, whose estimate (with a 4% reserve) fits; else as it is — the table runs over several pages. `onePage` says which: a
 * table on one page declares so to the 目录's numbering (toc-pages.ts declaredTocPages).
 */
export function onePageFit(
  content: TablePageContent,
  fontPt: number,
  availablePt: number,
  minScale = MIN_ONE_PAGE_SCALE,
): { readonly fontPt: number; readonly compact: boolean; readonly onePage: boolean } {
  const fits = (pt: number, compact: boolean) =>
    estimateTableHeight(content, pt, compact) * 1.04 <= availablePt;
  if (fits(fontPt, false)) return { fontPt, compact: false, onePage: true };
  const natural = estimateTableHeight(content, fontPt, true) * 1.04;
  const page = { width: content.widthPt, height: availablePt };
  if (onePageScale({ width: content.widthPt, height: natural }, page, minScale) !== null) {
    const lowest = Math.ceil(fontPt * minScale * 10);
    for (let tenths = Math.floor(fontPt * 10); tenths >= lowest; tenths--)
      if (fits(tenths / 10, true)) return { fontPt: tenths / 10, compact: true, onePage: true };
  }
  return { fontPt, compact: false, onePage: false };
}
