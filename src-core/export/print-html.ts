import type { GongkaiDocument } from '../document/types';
import { Workbook } from '../engine/workbook';
import type { TableModel } from '../engine/table-model';
import { tableLayout, type LayoutCell, type TableLayout } from '../layout';
import { formatAmount } from '../money';
import { titleBlockOf, type FormSet, type TableTemplate } from '../template';
import type { PageMargins } from '../document/types';
import { PAGE_SCALE_MIN } from '../document/types';
import { MIN_ONE_PAGE_SCALE, onePageFit, type SizedCell } from './page-fit';
import { DEFAULT_PAGE_MARGINS_MM, resolvePageSetup, type ResolvedPageSetup } from './page-setup';
import { CELL_PADDING_EM, fitColumns, textWidthEm, type ColumnNeed } from './print-columns';
import { pagesAttr, TOC_ENTRY_CSS, tocEntryHtml, tocTargetId } from './toc-pages';

/**
 * What to print. Whatever is not given here follows the document's 页面设置 (document.pageSetup), and where that says
 * nothing, the profile's layout.
 */
export interface PrintOptions {
  /** Table ids to print (e.g. ['01', '05']); printed in the form set's order. Default: all tables. */
  readonly tables?: readonly string[];
  /** A cover page: 单位名称, “{年度}年度部门决算公开”, 公开日期. */
  readonly cover?: boolean;
  /**
   * A table of contents listing the printed tables (一、收入支出决算总表 …). Without page numbers: Chromium cannot
   * resolve target-counter(), and a pure function cannot know where Chromium breaks the pages.
   */
  readonly toc?: boolean;
}

// Page geometry (mm). The content box feeds the column fitting and the one-page rule; @page (pageStyle) prints with
// the same margins.
const contentWidthMm = (o: 'portrait' | 'landscape', m: PageMargins) =>
  (o === 'portrait' ? 210 : 297) - 2 * m.side;
const contentHeightMm = (o: 'portrait' | 'landscape', m: PageMargins) =>
  (o === 'portrait' ? 297 : 210) - m.top - m.bottom;
const PT_PER_MM = 72 / 25.4;
/** Table text size (pt): 10pt reads like the published tables; only extreme amounts (in 元, say) push it lower. */
const TABLE_FONT_PT = 10;
const MIN_TABLE_FONT_PT = 6.5;
/**
 * Names wrap beyond this many em (when the page is wide enough for that); below the minimum a name would break
 * every character or two.
 */
const TEXT_FIT_EM = 18;
const TEXT_MIN_EM = 5;

const FONT_STACK = `'宋体', SimSun, 'Noto Serif CJK SC', 'Noto Sans CJK SC', serif`;

/** The fonts of the table pages (宋体), for documents that embed them. */
export const TABLE_FONT_STACK = FONT_STACK;
/**
 * The page margins (mm) the table pages' column widths are fitted to when no 页面设置 changes them; a document
 * embedding them (the whole publication) keeps these.
 */
export const TABLE_PAGE_MARGIN_MM = DEFAULT_PAGE_MARGINS_MM;

/**
 * Builds the print document of a 决算公开: one HTML page that Chromium (Electron's printToPDF, or Playwright for
 * the CLI and tests) prints as the official A4 pages — each table on its own page(s) in its form's orientation,
 * with the title block, the full multi-row header repeated on every page, the rows as the form lays them out, the
 * 注 lines and the table's 说明 underneath, and “— n —” page numbers in the footer.
 *
 * Pure and headless: the text is escaped here, nothing is fetched, no script is needed to lay the pages out (the
 * Electron print window runs none).
 *
 * @throws Error when `options.tables` is empty or names a table the form set does not have.
 */
export function buildPrintHtml(formSet: FormSet, doc: GongkaiDocument, options: PrintOptions = {}): string {
  const setup = resolvePageSetup(doc);
  const ids = options.tables ?? setup.tables;
  const templates = selectTables(formSet, ids);
  const parts: string[] = [];
  if (options.cover ?? setup.cover) parts.push(coverHtml(doc));
  if (options.toc ?? setup.toc) parts.push(tocHtml(doc, templates));
  parts.push(...tableSectionsHtml(formSet, doc, ids, 'h1', setup));
  return printDocument(doc, [`${pageStyle(setup.margins)}${TABLE_CSS}${screenStyle(setup.margins)}`], parts);
}

/**
 * The HTML page around a print's sections: zh-CN, UTF-8, the publication's title (单位 年度部门决算公开) and the
 * given style sheets (a `</style` inside one is neutralised, so a sheet cannot end its element early).
 */
export function printDocument(
  doc: GongkaiDocument,
  styles: readonly string[],
  body: readonly string[],
): string {
  const title = `${doc.unit.name}${doc.unit.year}年度部门决算公开`;
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${esc(title)}</title>`,
    ...styles.map((css) => `<style>${css.replace(/<\/style/gi, '<\\/style')}</style>`),
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * The table pages alone, for documents that embed them (the whole publication): one
 * `<section class="sheet portrait|landscape" data-table="01">` per table, in the form set's order, each sized for
 * a page with TABLE_PAGE_MARGIN_MM margins. Style them with TABLE_CSS, in TABLE_FONT_STACK at 10.5pt.
 *
 * `titleTag`: the table titles' heading level — h2 where they stand under a part title (the PDF's bookmarks nest
 * them under 第二部分), h1 on their own. `setup`: orientation, fit, scale, margins and repeated headers (default: the
 * document's 页面设置).
 *
 * @throws Error when `ids` is empty or names a table the form set does not have.
 */
export function tableSectionsHtml(
  formSet: FormSet,
  doc: GongkaiDocument,
  ids?: readonly string[],
  titleTag: 'h1' | 'h2' = 'h1',
  setup: ResolvedPageSetup = resolvePageSetup(doc),
): string[] {
  const templates = selectTables(formSet, ids);
  const wb = new Workbook(formSet, doc);
  return templates.map((template) =>
    tableSectionHtml(template, wb.tables.get(template.id) as TableModel, wb, doc, titleTag, setup),
  );
}

function selectTables(formSet: FormSet, ids: readonly string[] | undefined): TableTemplate[] {
  if (ids === undefined) return [...formSet.tables];
  if (ids.length === 0) throw new Error('没有选择要打印的表。');
  const unknown = ids.filter((id) => !formSet.tableById.has(id));
  if (unknown.length > 0) throw new Error(`没有这些表：${unknown.join('、')}。`);
  const wanted = new Set(ids);
  // The official order, whatever order the caller listed them in: the publication numbers them 一、二、….
  return formSet.tables.filter((t) => wanted.has(t.id));
}

/** The cover: 单位名称, “{年度}年度部门决算公开”, 公开日期. */
export function coverHtml(doc: GongkaiDocument): string {
  const date = publishDateText(doc.unit.publishDate);
  return [
    `<section class="cover"${pagesAttr(1)}>`,
    `<div class="cover-unit">${esc(doc.unit.name)}</div>`,
    `<div class="cover-title">${doc.unit.year}年度部门决算公开</div>`,
    date ? `<div class="cover-date">${esc(date)}</div>` : '',
    '</section>',
  ]
    .filter((part) => part !== '')
    .join('\n');
}

/** 2024-10-21 → 2024年10月21日; anything else is printed as the user wrote it. */
export function publishDateText(date: string): string {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(date.trim());
  if (!m) return date.trim();
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/**
 * The 目录's lines at 14pt and line-height 2.1 (STYLE) take 29.4pt each: 15 of them under its heading use less than
 * two-thirds of the page even with wide margins. An entry's text wraps beyond about 30 em (180 mm less its indent).
 */
const TOC_ONE_PAGE_LINES = 15;
const TOC_LINE_EM = 30;

function tocHtml(doc: GongkaiDocument, templates: readonly TableTemplate[]): string {
  const items = templates.map((t, i) =>
    tocEntryHtml(`${chineseNumber(i + 1)}、${esc(t.title)}`, tocTargetId('table', t.id), 'toc-entry'),
  );
  // Up to TOC_ONE_PAGE_LINES lines (a title longer than a line counts twice) the 目录 is sure of its one page.
  const lines = templates.reduce((n, t) => n + (textWidthEm(t.title) + 3 > TOC_LINE_EM ? 2 : 1), 0);
  return [
    `<section class="toc"${pagesAttr(lines <= TOC_ONE_PAGE_LINES ? 1 : undefined)}>`,
    '<h2>目\u3000录</h2>',
    `<p class="toc-part">${esc(doc.unit.name)}${doc.unit.year}年度部门决算表</p>`,
    '<ol>',
    ...items,
    '</ol>',
    '</section>',
  ].join('\n');
}

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十 (the numbering of the publication's lists; up to 99). */
export function chineseNumber(n: number): string {
  const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return digits[n] as string;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : digits[tens]}十${ones === 0 ? '' : digits[ones]}`;
}

/** A rendered body cell: its text, how to align it, what width it needs. */
interface PrintCell {
  readonly html: string;
  readonly cls: string;
  readonly colSpan: number;
  readonly text: string;
  /** amount/code: never wraps; name: may wrap. */
  readonly fit: 'fixed' | 'wrap';
}

function tableSectionHtml(
  template: TableTemplate,
  model: TableModel,
  wb: Workbook,
  doc: GongkaiDocument,
  titleTag: 'h1' | 'h2',
  setup: ResolvedPageSetup,
): string {
  const year = doc.unit.year;
  const orientation = setup.orientationOf(template);
  const layout = tableLayout(model);
  const rows = layout.body.map((r) => ({
    kind: r.kind,
    cells: r.cells.flatMap((c) => (c.kind === 'covered' ? [] : [printCell(c, template.id, wb)])),
  }));
  const widthPt = contentWidthMm(orientation, setup.margins) * PT_PER_MM;
  // A fixed scale sizes the table's text; the columns still fill the width.
  const k = setup.scale / 100;
  const fitted = fitColumns(columnNeeds(layout, rows), widthPt, TABLE_FONT_PT * k, MIN_TABLE_FONT_PT * k);
  const { percents } = fitted;
  const note = doc.tables[template.id]?.note?.trim();
  const block = titleBlockOf(template, { ...doc.unit, year });
  // A table that fits on one page at a legible size is printed on one page (the rule in page-fit.ts, which the
  // Excel export's print setup follows too); 页面设置 may ask for one page at any size, or for none of this.
  const content = {
    title: block.title,
    ...(block.heading ? { heading: block.heading } : {}),
    header: layout.header,
    headerRows: layout.headerRows,
    body: rows.map((r) => placed(r.cells)),
    percents,
    widthPt,
    notes: template.notes,
    explanation: note ? note.split(/\r?\n/) : [],
  };
  const { fontPt, compact, onePage } =
    setup.fit === 'auto' || setup.fit === 'onePage'
      ? onePageFit(
          content,
          fitted.fontPt,
          contentHeightMm(orientation, setup.margins) * PT_PER_MM,
          setup.fit === 'onePage' ? PAGE_SCALE_MIN / 100 : MIN_ONE_PAGE_SCALE,
        )
      : { fontPt: fitted.fontPt, compact: false, onePage: false };
  const colgroup = percents.map((p) => `<col style="width:${p.toFixed(3)}%">`).join('');
  const headerRows: string[] = [];
  for (let r = 0; r < layout.headerRows; r++) {
    const cells = layout.header
      .filter((h) => h.row === r)
      .sort((a, b) => a.col - b.col)
      .map((h) => `<th${spanAttrs(h.colSpan, h.rowSpan)}>${esc(h.text)}</th>`);
    headerRows.push(`<tr${r === layout.columnNoRow ? ' class="colno"' : ''}>${cells.join('')}</tr>`);
  }
  const bodyRows = rows.map(
    (r) =>
      `<tr${r.kind === 'body' ? '' : ` class="${r.kind}"`}>${r.cells
        .map((c) => `<td${c.cls ? ` class="${c.cls}"` : ''}${spanAttrs(c.colSpan, 1)}>${c.html}</td>`)
        .join('')}</tr>`,
  );
  return [
    `<section class="sheet ${orientation}" id="${tocTargetId('table', template.id)}" data-table="${esc(template.id)}"${pagesAttr(onePage ? 1 : undefined)}>`,
    '<div class="title-block">',
    block.heading ? `<div class="heading">${esc(block.heading)}</div>` : '',
    `<${titleTag}>${esc(block.title)}</${titleTag}>`,
    block.code !== undefined ? `<div class="code">${esc(block.code)}</div>` : '',
    `<div class="meta"><span>${esc(block.department ?? '')}</span><span>${esc(block.moneyUnit)}</span></div>`,
    '</div>',
    `<table class="form${compact ? ' compact' : ''}${setup.repeatHeader ? '' : ' no-repeat'}" style="font-size:${fontPt}pt">`,
    `<colgroup>${colgroup}</colgroup>`,
    `<thead>${headerRows.join('')}</thead>`,
    `<tbody>${bodyRows.join('\n')}</tbody>`,
    '</table>',
    template.notes.length > 0
      ? `<div class="notes">${template.notes.map((n) => `<p>${esc(n)}</p>`).join('')}</div>`
      : '',
    note
      ? `<div class="explanation">${note
          .split(/\r?\n/)
          .map((p) => `<p>${esc(p)}</p>`)
          .join('')}</div>`
      : '',
    '</section>',
  ]
    .filter((part) => part !== '')
    .join('\n');
}

/** The cells of a body row with the display column each starts in. */
function placed(cells: readonly PrintCell[]): SizedCell[] {
  let col = 0;
  return cells.map((c) => {
    const cell = { text: c.text, col, colSpan: c.colSpan };
    col += c.colSpan;
    return cell;
  });
}

function printCell(c: Exclude<LayoutCell, { kind: 'covered' }>, table: string, wb: Workbook): PrintCell {
  if (c.kind === 'empty') return { html: '', cls: '', colSpan: c.colSpan, text: '', fit: 'wrap' };
  if (c.kind === 'value') {
    const s = wb.cell(table, c.row, c.col);
    // A value the user typed that is not an amount is printed as typed rather than silently dropped.
    const text = s?.invalidText ?? formatAmount(s?.value ?? null);
    return { html: esc(text), cls: 'amt', colSpan: c.colSpan, text, fit: 'fixed' };
  }
  const indent = c.role === 'label' ? (c.indent ?? 0) : 0;
  const cls = { label: 'lbl', name: 'lbl', lineNo: 'no', code: 'code', footer: 'foot' }[c.role];
  const html = indent > 0 ? `<span style="padding-left:${indent * 2}em">${esc(c.text)}</span>` : esc(c.text);
  // The indent counts as text width so that the estimate below reserves room for it.
  const text = `${'\u3000\u3000'.repeat(indent)}${c.text}`;
  return {
    html,
    cls,
    colSpan: c.colSpan,
    text,
    fit: c.role === 'lineNo' || c.role === 'code' ? 'fixed' : 'wrap',
  };
}

/**
 * What each display column needs: amounts, 行次 and codes on one line; names up to TEXT_FIT_EM before they wrap;
 * header texts wrapped over two or three lines as the forms print them (本年支出 / 合计). A cell spanning several
 * columns shares its need among them.
 */
function columnNeeds(layout: TableLayout, rows: readonly { cells: readonly PrintCell[] }[]): ColumnNeed[] {
  const floor = CELL_PADDING_EM + 1;
  const needs: ColumnNeed[] = layout.columns.map(() => ({ min: floor, fit: floor, want: floor }));
  const keys = ['min', 'fit', 'want'] as const;
  const apply = (col: number, span: number, need: ColumnNeed) => {
    const cols = needs.slice(col, col + span);
    for (const key of keys) {
      const have = cols.reduce((s, n) => s + n[key], 0);
      if (need[key] > have) for (const n of cols) n[key] += (need[key] - have) / cols.length;
    }
  };
  // Single-column cells first, so that spanning cells only add what their columns still lack.
  const spanning: { col: number; span: number; need: ColumnNeed }[] = [];
  const add = (col: number, span: number, need: ColumnNeed) => {
    if (span === 1) apply(col, 1, need);
    else spanning.push({ col, span, need });
  };
  for (const h of layout.header) {
    // Header texts wrap as the printed forms wrap them: up to 6 characters on one line, longer ones over two
    // balanced lines (功能分类 / 科目编码), never narrower than four lines.
    const w = textWidthEm(h.text);
    const fit = (w <= 6 ? w : Math.min(Math.ceil(w / 2), 8)) + CELL_PADDING_EM;
    add(h.col, h.colSpan, {
      min: Math.min(w, Math.max(2, Math.ceil(w / 4))) + CELL_PADDING_EM,
      fit,
      want: fit,
    });
  }
  for (const r of rows) {
    let col = 0;
    for (const c of r.cells) {
      if (c.text !== '') {
        const w = textWidthEm(c.text) + CELL_PADDING_EM;
        // Amounts and codes never wrap, and get some air: figures packed wall to wall are hard to read.
        if (c.fit === 'fixed') add(col, c.colSpan, { min: w, fit: w, want: w + (c.cls === 'no' ? 0 : 1.5) });
        else {
          const fit = Math.min(w, TEXT_FIT_EM + CELL_PADDING_EM);
          add(col, c.colSpan, { min: Math.min(w, TEXT_MIN_EM + CELL_PADDING_EM), fit, want: fit });
        }
      }
      col += c.colSpan;
    }
  }
  for (const s of spanning) apply(s.col, s.span, s.need);
  return needs;
}

/** colspan/rowspan attributes for a table cell, only where they are more than 1. */
export function spanAttrs(colSpan: number, rowSpan: number): string {
  return `${colSpan > 1 ? ` colspan="${colSpan}"` : ''}${rowSpan > 1 ? ` rowspan="${rowSpan}"` : ''}`;
}

/** Escapes text for HTML content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] as string);
}
const esc = escapeHtml;
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** The page rules of a print with the given margins (mm). */
const pageStyle = (m: PageMargins) => `
@page {
  size: A4 portrait;
  margin: ${m.top}mm ${m.side}mm ${m.bottom}mm;
  @bottom-center {
    /* — n — with an ideographic space each side: an ordinary space in CJK fonts is so narrow that the number
       reads as glued to the dashes (text extraction drops it too). */
    content: "\u2014\u3000" counter(page) "\u3000\u2014";
    font-family: ${FONT_STACK};
    font-size: 10.5pt;
    vertical-align: middle;
  }
}
@page portrait { size: A4 portrait; }
@page landscape { size: A4 landscape; }
/* The cover carries no page number, as in the printed publications. */
@page cover { size: A4 portrait; @bottom-center { content: none; } }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: ${FONT_STACK}; font-size: 10.5pt; color: #000; background: #fff; }
section { break-before: page; }
section:first-of-type { break-before: auto; }
.sheet.portrait, .toc { page: portrait; }
.sheet.landscape { page: landscape; }
.cover { page: cover; text-align: center; }
.cover-unit { margin-top: 62mm; font-size: 22pt; font-weight: bold; letter-spacing: 0.05em; }
.cover-title { margin-top: 12mm; font-size: 26pt; font-weight: bold; letter-spacing: 0.1em; }
.cover-date { margin-top: 85mm; font-size: 16pt; }
.toc h2 { margin: 8mm 0 10mm; text-align: center; font-size: 18pt; font-weight: bold; letter-spacing: 0.5em; }
.toc .toc-part { margin: 0 0 4mm; font-size: 14pt; font-weight: bold; }
.toc ol { list-style: none; margin: 0; padding: 0 0 0 2em; }
.toc li { font-size: 14pt; line-height: 2.1; }
${TOC_ENTRY_CSS}
`;

/**
 * The table pages' own rules (title block, form, 注, 说明): no @page, body or section rules, so that a document
 * embedding tableSectionsHtml can use them as they are.
 */
export const TABLE_CSS = `.title-block { break-after: avoid; }
.title-block h1, .title-block h2 { margin: 0 0 2mm; text-align: center; font-size: 18pt; font-weight: bold; line-height: 1.3; }
.title-block .heading { text-align: center; font-size: 12pt; font-weight: bold; line-height: 1.5; }
.title-block .code { text-align: right; font-size: 10.5pt; line-height: 1.5; }
.title-block .meta { display: flex; justify-content: space-between; gap: 2em; font-size: 10.5pt; line-height: 1.5; margin-bottom: 1mm; }
.title-block .meta span:last-child { flex: none; }
table.form { width: 100%; table-layout: fixed; border-collapse: collapse; line-height: 1.25; }
table.form thead { display: table-header-group; }
/* 页面设置: header rows printed once, at the table's start, not on every page it runs over. */
table.form.no-repeat thead { display: table-row-group; }
table.form tr { break-inside: avoid; }
table.form th, table.form td {
  border: 0.6pt solid #000;
  padding: 0.1em 0.4em;
  overflow-wrap: anywhere;
  vertical-align: middle;
}
/* Balanced lines, as the forms print their headers (功能分类 / 科目编码, not 功能分类科目编 / 码). */
table.form th { font-weight: normal; text-align: center; text-wrap: balance; }
table.form td { height: 1.55em; }
/* Shrunk to fit one page (page-fit.ts): rows as tall as their text. */
table.form.compact td { height: auto; }
table.form td.amt { text-align: right; font-variant-numeric: tabular-nums; }
table.form td.no { text-align: center; }
table.form td.code, table.form td.lbl { text-align: left; }
table.form td.foot, table.form tr.total td.lbl { text-align: center; }
.notes { margin-top: 2mm; font-size: 9.5pt; line-height: 1.5; }
.notes p, .explanation p { margin: 0; }
.explanation { margin-top: 3mm; font-size: 10.5pt; line-height: 1.6; text-indent: 2em; }
`;

const screenStyle = (m: PageMargins) => `@media screen {
  html { background: #888; }
  body { background: transparent; padding: 8mm 0; }
  section { background: #fff; margin: 0 auto 8mm; padding: ${m.top}mm ${m.side}mm ${m.bottom}mm; box-shadow: 0 1px 6px rgba(0,0,0,.4); }
  section.portrait, section.toc, section.cover { width: 210mm; min-height: 297mm; }
  section.landscape { width: 297mm; min-height: 210mm; }
}
`;
