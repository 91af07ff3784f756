import type { GongkaiDocument } from '../document/types';
import type { FormSet } from '../template';
import type { ChartKey, ChartOutput } from '../publication/charts';
import { fillUnit } from '../publication/text-format';
import {
  TABLE_CSS,
  TABLE_FONT_STACK,
  TABLE_PAGE_MARGIN_MM,
  chineseNumber,
  coverHtml,
  escapeHtml as esc,
  printDocument,
  tableSectionsHtml,
} from './print-html';
import { resolvePageSetup } from './page-setup';
import { TOC_ENTRY_CSS, tocEntryHtml, tocTargetId } from './toc-pages';

export interface PublicationHtmlOptions {
  /** The figures of 第三部分, by the key its sections name; a section whose figure is absent gets none. */
  readonly charts?: Partial<Record<ChartKey, ChartOutput>>;
  /**
   * The 绩效自评表 as HTML, placed after the text of 第六部分 附件 inside
   * `<div class="performance">` (trusted markup from the app's own builder: inserted as it is, not escaped).
   */
  readonly performanceHtml?: string;
  /**
   * CSS for performanceHtml, placed after the publication's own rules. The forms sit on the GB/T text pages
   * (`page: text`) unless it moves them to the table pages' wider ones: `page: table-portrait` or
   * `page: table-landscape` (15/15/16 mm margins, numbered like every other page).
   */
  readonly performanceCss?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// The outline: the six parts with their titles filled in and the paragraphs each section prints. Shared with the
// Word export so that both say the same thing in the same order.
// ---------------------------------------------------------------------------------------------------------------

export interface OutlineSection {
  readonly key: string;
  /** 一、部门主要职责 …; empty for parts that are one untitled text (重点工作, 名词解释, 附件). */
  readonly heading: string;
  /** The paragraphs as written (leading spaces dropped; empty lines left out); the template's default if none. */
  readonly paragraphs: readonly string[];
  readonly chart?: ChartKey;
  /** 部门决算单位构成, where the profile prints it as a table: the column titles and one row per unit. */
  readonly unitTable?: {
    readonly columns: readonly [string, string, string];
    readonly units: readonly { readonly name: string; readonly note: string }[];
  };
}

export interface OutlinePart {
  readonly key: string;
  /** 第一部分 武汉市汉阳区融媒体中心概况 … */
  readonly title: string;
  /** The text sections (none for the tables part). */
  readonly sections: readonly OutlineSection[];
  /** 第二部分: the nine tables. */
  readonly tables: boolean;
  /** 第六部分: the 绩效自评表 follow the text. */
  readonly performance: boolean;
}

/** The publication's parts in order, with {单位} and {年度} filled in and each section's paragraphs. */
export function publicationOutline(formSet: FormSet, doc: GongkaiDocument): OutlinePart[] {
  return formSet.publication.parts.map((part) => ({
    key: part.key,
    title: fillUnit(part.title, doc.unit),
    tables: part.tables === true,
    performance: part.performance === true,
    sections: (part.sections ?? []).map((s) => {
      const written = doc.sections?.[s.key]?.paragraphs;
      const source = written ?? (s.default ?? []).map((p) => fillUnit(p, doc.unit));
      return {
        key: s.key,
        heading: fillUnit(s.heading, doc.unit).trim(),
        paragraphs: source
          .flatMap((p) => p.split(/\r?\n/))
          .map(trimParagraph)
          .filter((p) => p !== ''),
        ...(s.chart ? { chart: s.chart } : {}),
        ...(s.unitTable
          ? { unitTable: { columns: s.unitTable.columns, units: doc.sections?.[s.key]?.units ?? [] } }
          : {}),
      };
    }),
  }));
}

/** Leading blanks go (the indent is the layout's: people often type two ideographic spaces), trailing ones too. */
function trimParagraph(p: string): string {
  return p.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
}

/**
 * What a paragraph is, by its marker, as official documents number their levels: 一、 (黑体), （一） (楷体),
 * 1. and （1） (仿宋, as body text). A marked paragraph is a heading only when what it heads is heading-like —
 * short, no comma before its first full stop or colon; then `head` is that part and `rest` (possibly empty) the
 * text run on after it in the body font. Otherwise it is an item: body text that keeps its marker.
 */
export interface ParagraphRole {
  readonly kind: 'heading1' | 'heading2' | 'item' | 'body';
  readonly head: string;
  readonly rest: string;
}

const LEVEL1 = /^[一二三四五六七八九十百]+、/;
const LEVEL2 = /^[（(][\s\u3000]*[一二三四五六七八九十百]+[\s\u3000]*[）)]/;
const ITEM = /^(?:\d+[.．、]|[（(][\s\u3000]*\d+[\s\u3000]*[）)])/;
/** A heading longer than this (characters, marker included) is taken for a sentence. */
const MAX_HEADING = 40;

/**
 * The role of every paragraph of one section. Decided per level for the whole section: if one 一、 or （一）
 * paragraph of a section reads as a sentence (the duties of 部门主要职责 are numbered （一）…（八）), all of that
 * level in the section are items, so that a short one among them (（八）承担上级交办的其他工作。) does not turn
 * into a heading.
 */
export function paragraphRoles(paragraphs: readonly string[]): ParagraphRole[] {
  const levelOf = (p: string): 1 | 2 | 0 => (LEVEL1.test(p) ? 1 : LEVEL2.test(p) ? 2 : 0);
  const split = paragraphs.map((p) => splitHead(p));
  const sentenceLevels = new Set<number>();
  paragraphs.forEach((p, i) => {
    const level = levelOf(p);
    if (level !== 0 && split[i] === null) sentenceLevels.add(level);
  });
  return paragraphs.map((p, i): ParagraphRole => {
    const level = levelOf(p);
    const parts = split[i];
    if (level !== 0 && parts && !sentenceLevels.has(level)) {
      return { kind: level === 1 ? 'heading1' : 'heading2', head: parts.head, rest: parts.rest };
    }
    if (level !== 0 || ITEM.test(p)) return { kind: 'item', head: '', rest: p };
    return { kind: 'body', head: '', rest: p };
  });
}

/** The heading part of a marked paragraph and the text after it, or null when it reads as a sentence. */
function splitHead(p: string): { head: string; rest: string } | null {
  const end = /[。：:？！]/.exec(p);
  const head = end ? p.slice(0, end.index + 1) : p;
  if (head.length > MAX_HEADING || /[，,；;]/.test(head)) return null;
  return { head, rest: p.slice(head.length).replace(/^[\s\u3000]+/, '') };
}

// ---------------------------------------------------------------------------------------------------------------
// The HTML.
// ---------------------------------------------------------------------------------------------------------------

/** GB/T 9704-2012 page: A4, 天头 37 mm, 订口 28 mm → 版心 156 × 225 mm. */
const PAGE_MARGIN_MM = { top: 37, bottom: 35, left: 28, right: 26 } as const;
/** 3号 body, 22 lines of 28 characters to the 版心 as the standard sets it. */
const BODY_PT = 16;
const LINE_PT = 28.8;

export const FANGSONG_STACK = `'仿宋_GB2312', FangSong, STFangsong, 'Noto Serif CJK SC', serif`;
export const HEITI_STACK = `'SimHei', '黑体', 'Noto Sans CJK SC', sans-serif`;
export const KAITI_STACK = `'KaiTi', '楷体_GB2312', 'STKaiti', 'Noto Serif CJK SC', serif`;
export const SONGTI_STACK = `'SimSun', '宋体', 'Noto Serif CJK SC', serif`;

/**
 * Builds the whole 决算公开 publication as one HTML document for Chromium to print (Electron's printToPDF or the
 * system Chromium through renderPdf): a cover (单位名称, 年度部门决算公开, 公开日期), the 目录, then the six parts in
 * the template's order. The text parts are laid out on GB/T 9704-2012 pages — A4, margins 37/26/35/28 mm (版心
 * 156 × 225 mm), body in 3号 仿宋 at 22 lines of 28 characters, part titles and 一、 headings in 黑体, （一）
 * headings in 楷体, first lines indented two characters; 第二部分 is the nine tables as buildPrintHtml prints them,
 * each on its own portrait or landscape pages; each figure of 第三部分 stands after its section's text with its
 * 图N caption; 第六部分 ends with the 绩效自评表 the caller passes. Page numbers “— N —” in 4号 宋体 are on the
 * right of odd pages and the left of even ones; the cover has none (it still counts as page 1).
 *
 * Pure and headless: all text is escaped, nothing is fetched (figures are embedded as data: images), no script.
 */
export function buildPublicationHtml(
  formSet: FormSet,
  doc: GongkaiDocument,
  options: PublicationHtmlOptions = {},
): string {
  const outline = publicationOutline(formSet, doc);
  const chartNumbers = chartNumbering(outline);
  const body: string[] = [coverHtml(doc), tocHtml(formSet, doc, outline)];
  for (const part of outline) {
    if (part.tables) {
      body.push(
        `<section class="part-divider" id="${tocTargetId('part', part.key)}" data-part="${esc(part.key)}">\n<h1 class="part-title">${titleHtml(part.title, doc)}</h1>\n</section>`,
        // The document's orientation, fit and repeated headers; the margins stay the forms' (the @page rules below).
        ...tableSectionsHtml(formSet, doc, undefined, 'h2', {
          ...resolvePageSetup(doc),
          margins: TABLE_PAGE_MARGIN_MM,
        }),
      );
      continue;
    }
    const out: string[] = [
      `<section class="part text-part" id="${tocTargetId('part', part.key)}" data-part="${esc(part.key)}">`,
      `<h1 class="part-title">${titleHtml(part.title, doc)}</h1>`,
    ];
    for (const section of part.sections) {
      out.push(`<div class="pub-section" data-section="${esc(section.key)}">`);
      if (section.heading !== '')
        out.push(
          `<h2 class="section-heading" id="${tocTargetId('section', section.key)}">${esc(section.heading)}</h2>`,
        );
      out.push(...paragraphsHtml(section.paragraphs));
      if (section.unitTable) out.push(unitTableHtml(section.unitTable));
      const chart = section.chart ? options.charts?.[section.chart] : undefined;
      if (section.chart && chart)
        out.push(chartHtml(section.chart, chart, chartNumbers.get(section.chart) ?? 0));
      out.push('</div>');
    }
    if (part.performance && options.performanceHtml) {
      out.push(`<div class="performance">\n${options.performanceHtml}\n</div>`);
    }
    out.push('</section>');
    body.push(out.join('\n'));
  }
  return printDocument(doc, options.performanceCss ? [STYLE, options.performanceCss] : [STYLE], body);
}

/**
 * A part title that breaks only where a reader would: after 第X部分, the unit's name or 年度 (第三部分 武汉市汉阳区
 * 融媒体中心 / 2023年度部门决算情况说明, not …融媒 / 体中心…). Words longer than a line still break anywhere.
 */
function titleHtml(title: string, doc: GongkaiDocument): string {
  let html = esc(title);
  for (const mark of [esc(doc.unit.name.trim()), `${doc.unit.year}年度`]) {
    if (mark !== '') html = html.split(mark).join(`${mark}<wbr>`);
  }
  return html.replace(/(?:<wbr>)+$/, '');
}

/** 图N of each figure: its place among the sections that carry one (图1 … 图4 in the 2023 template). */
function chartNumbering(outline: readonly OutlinePart[]): Map<ChartKey, number> {
  const numbers = new Map<ChartKey, number>();
  for (const part of outline)
    for (const s of part.sections)
      if (s.chart && !numbers.has(s.chart)) numbers.set(s.chart, numbers.size + 1);
  return numbers;
}

/**
 * The 目录 as the reference prints it — each part title, and under it its section headings or its tables — with a
 * dotted leader to each entry's page number (filled in by printWithTocPages) and a link to it.
 */
function tocHtml(formSet: FormSet, doc: GongkaiDocument, outline: readonly OutlinePart[]): string {
  const items: string[] = [];
  for (const part of outline) {
    items.push(tocEntryHtml(titleHtml(part.title, doc), tocTargetId('part', part.key), 'toc-part'));
    if (part.tables) {
      formSet.tables.forEach((t, i) =>
        items.push(
          tocEntryHtml(`${chineseNumber(i + 1)}、${esc(t.title)}`, tocTargetId('table', t.id), 'toc-entry'),
        ),
      );
    } else {
      for (const s of part.sections)
        if (s.heading !== '')
          items.push(tocEntryHtml(esc(s.heading), tocTargetId('section', s.key), 'toc-entry'));
    }
  }
  return [
    '<section class="toc">',
    '<h1 class="toc-title">目\u3000录</h1>',
    '<ul>',
    ...items,
    '</ul>',
    '</section>',
  ].join('\n');
}

/** 部门决算单位构成 as the template prints it: 序号, 单位名称, 备注; an empty list says so rather than print nothing. */
function unitTableHtml(table: NonNullable<OutlineSection['unitTable']>): string {
  const [no, name, note] = table.columns;
  const rows =
    table.units.length === 0
      ? `<tr><td colspan="3" class="unit-empty">（尚未填写单位）</td></tr>`
      : table.units
          .map(
            (u, i) =>
              `<tr><td class="unit-no">${i + 1}</td><td>${esc(u.name)}</td><td>${esc(u.note)}</td></tr>`,
          )
          .join('');
  return `<table class="unit-table"><thead><tr><th>${esc(no)}</th><th>${esc(name)}</th><th>${esc(note)}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function paragraphsHtml(paragraphs: readonly string[]): string[] {
  return paragraphRoles(paragraphs).map((role) => {
    switch (role.kind) {
      case 'heading1':
      case 'heading2': {
        const cls = role.kind === 'heading1' ? 'h1' : 'h2';
        if (role.rest === '') return `<p class="${cls}">${esc(role.head)}</p>`;
        return `<p class="run-in"><span class="${cls}">${esc(role.head)}</span>${esc(role.rest)}</p>`;
      }
      case 'item':
        return `<p class="item">${esc(role.rest)}</p>`;
      default:
        return `<p>${esc(role.rest)}</p>`;
    }
  });
}

function chartHtml(key: ChartKey, chart: ChartOutput, n: number): string {
  const caption = /^图\s*\d/.test(chart.title.trim()) ? chart.title.trim() : `图${n}：${chart.title.trim()}`;
  if (chart.svg === null) {
    const why = chart.missing?.trim() || '无法绘制';
    return `<p class="chart-missing" data-chart="${key}">${esc(caption)}（${esc(why)}）</p>`;
  }
  return [
    `<figure class="chart" data-chart="${key}">`,
    inlineSvg(chart.svg, `gk-${key}-`, caption),
    `<figcaption>${esc(caption)}</figcaption>`,
    '</figure>',
  ].join('\n');
}

/**
 * The chart's SVG as part of the page, not as an <img>: Chromium prints an image's SVG text without a Unicode map
 * for its runs of digits, so the figures' own numbers (1455.41, the axis) came out of the PDF as NULs (pdf.js) or
 * U+FFFD (MuPDF) — not searchable, not read aloud. Inline, they are the page's text like any other. The markup is
 * ECharts' own drawing; inlined, it still runs nothing and fetches nothing (scripts, event attributes and any
 * reference outside the SVG are dropped), and its ids get the chart's prefix, so that four charts from one renderer
 * (which reuse their clip-path ids) do not point at each other's.
 */
function inlineSvg(svg: string, idPrefix: string, label: string): string {
  let markup = svg
    .trim()
    .replace(/^<\?xml[^>]*>\s*/, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<script\b[\s\S]*?<\/script\s*>/gi, '')
    .replace(/\s(on[a-z]+)\s*=\s*("[^"]*"|'[^']*')/gi, '')
    // A reference is kept only when it points inside the SVG (#id); anything else is dropped.
    .replace(/\s((?:xlink:)?href)\s*=\s*("(?!#)[^"]*"|'(?!#)[^']*')/gi, '')
    .replace(/\sid="([^"]*)"/g, (_m, id: string) => ` id="${idPrefix}${id}"`)
    .replace(/url\(\s*#([^)\s]+)\s*\)/g, (_m, id: string) => `url(#${idPrefix}${id})`)
    .replace(
      /(\s(?:xlink:)?href\s*=\s*")#([^"]*)"/g,
      (_m, attr: string, id: string) => `${attr}#${idPrefix}${id}"`,
    );
  markup = markup.replace(/<svg\b/, `<svg role="img" aria-label="${esc(label)}"`);
  return markup;
}

/** — N — with an ideographic space each side (an ordinary space in CJK fonts all but vanishes). */
const PAGE_NUMBER = `content: "\\2014\\3000" counter(page) "\\3000\\2014";
    font-family: ${SONGTI_STACK};
    font-size: 14pt;
    letter-spacing: 0;
    vertical-align: top;
    /* The dashes 7 mm under the 版心 (the em box starts half an em above them). */
    padding-top: 4.5mm;`;

const T = TABLE_PAGE_MARGIN_MM;
const GB_MARGIN = `${PAGE_MARGIN_MM.top}mm ${PAGE_MARGIN_MM.right}mm ${PAGE_MARGIN_MM.bottom}mm ${PAGE_MARGIN_MM.left}mm`;

const STYLE = `
@page { size: A4 portrait; margin: ${GB_MARGIN}; }
@page text { size: A4 portrait; margin: ${GB_MARGIN}; }
@page table-portrait { size: A4 portrait; margin: ${T.top}mm ${T.side}mm ${T.bottom}mm; }
@page table-landscape { size: A4 landscape; margin: ${T.top}mm ${T.side}mm ${T.bottom}mm; }
/* GB/T 9704: 单页码居右空一字，双页码居左空一字. Chromium counts the first page as a right-hand one. */
@page :right {
  @bottom-right {
    ${PAGE_NUMBER}
    text-align: right;
    padding-right: 14pt;
  }
}
@page :left {
  @bottom-left {
    ${PAGE_NUMBER}
    text-align: left;
    padding-left: 14pt;
  }
}
/* The cover has no number (a named page outranks :left/:right). */
@page cover { size: A4 portrait; margin: ${GB_MARGIN}; @bottom-right { content: none; } @bottom-left { content: none; } }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: ${FANGSONG_STACK}; font-size: ${BODY_PT}pt; line-height: ${LINE_PT}pt; color: #000; background: #fff; }
body > section { break-before: page; }
body > section:first-of-type { break-before: auto; }

.cover { page: cover; text-align: center; }
.cover-unit { margin-top: 45mm; font-family: ${HEITI_STACK}; font-size: 26pt; line-height: 1.5; letter-spacing: 0.05em; text-wrap: balance; }
.cover-title { margin-top: 14mm; font-family: ${HEITI_STACK}; font-size: 26pt; line-height: 1.5; letter-spacing: 0.1em; }
.cover-date { margin-top: 95mm; font-family: ${FANGSONG_STACK}; font-size: ${BODY_PT}pt; }

.toc, .text-part, .part-divider { page: text; }
.toc-title { margin: 0 0 ${LINE_PT}pt; text-align: center; font-family: ${HEITI_STACK}; font-size: 22pt; font-weight: normal; line-height: 1.5; letter-spacing: 1em; }
.toc ul { list-style: none; margin: 0; padding: 0; }
.toc li { break-inside: avoid; }
.toc-part { font-family: ${HEITI_STACK}; }
.toc-part .toc-text { padding-left: 4.5em; text-indent: -4.5em; word-break: keep-all; overflow-wrap: anywhere; }
.toc-entry { padding-left: 2em; }
${TOC_ENTRY_CSS}

/* Body text: 3号 仿宋, 28 characters to the 156 mm line, first lines indented two characters. */
.text-part { letter-spacing: -0.22pt; orphans: 2; widows: 2; }
.part-title {
  margin: 0 0 ${LINE_PT}pt;
  font-family: ${HEITI_STACK};
  font-size: 22pt;
  font-weight: normal;
  line-height: 1.45;
  text-align: center;
  text-wrap: balance;
  word-break: keep-all;
  overflow-wrap: anywhere;
  letter-spacing: 0;
  break-after: avoid;
}
.part-divider .part-title { margin-top: 60mm; }
.section-heading { margin: 0; font-family: ${HEITI_STACK}; font-size: ${BODY_PT}pt; font-weight: normal; line-height: ${LINE_PT}pt; text-indent: 2em; break-after: avoid; }
.unit-table { border-collapse: collapse; margin: 6pt auto; width: 100%; font-size: 14pt; line-height: 1.4; }
.unit-table th, .unit-table td { border: 0.5pt solid #000; padding: 2pt 6pt; }
.unit-table .unit-no { text-align: center; width: 3em; }
.text-part p { margin: 0; text-indent: 2em; text-align: justify; }
.text-part p.h1, .text-part span.h1 { font-family: ${HEITI_STACK}; }
.text-part p.h2, .text-part span.h2 { font-family: ${KAITI_STACK}; }
.text-part p.h1, .text-part p.h2 { break-after: avoid; }
figure.chart { margin: 6pt 0; text-align: center; text-indent: 0; letter-spacing: 0; break-inside: avoid; }
figure.chart > svg { display: block; margin: 0 auto; max-width: 100%; max-height: 95mm; height: auto; }
figure.chart figcaption { font-family: ${FANGSONG_STACK}; font-size: 14pt; line-height: 1.6; letter-spacing: 0; }
.text-part p.chart-missing { margin: 4pt 0; text-indent: 0; text-align: center; font-size: 10.5pt; line-height: 1.5; color: #888; letter-spacing: 0; }
.performance { margin-top: ${LINE_PT}pt; letter-spacing: 0; text-indent: 0; }

/* 第二部分: the table pages as buildPrintHtml prints them, on their own margins (the column widths assume them). */
.sheet { font-family: ${TABLE_FONT_STACK}; font-size: 10.5pt; line-height: normal; letter-spacing: 0; }
.sheet.portrait { page: table-portrait; }
.sheet.landscape { page: table-landscape; }
${TABLE_CSS}
@media screen {
  html { background: #888; }
  body { background: transparent; padding: 8mm 0; }
  body > section { background: #fff; margin: 0 auto 8mm; box-shadow: 0 1px 6px rgba(0,0,0,.4); }
  .cover, .toc, .text-part, .part-divider { width: 210mm; min-height: 297mm; padding: ${GB_MARGIN}; }
  .sheet { padding: ${T.top}mm ${T.side}mm ${T.bottom}mm; }
  .sheet.portrait { width: 210mm; min-height: 297mm; }
  .sheet.landscape { width: 297mm; min-height: 210mm; }
}
`;
