// The hidden 文件信息 sheet as the exceljs export wrote it (before src-core's own writer), for test/reference.
import type ExcelJS from 'exceljs';
import type { GongkaiDocument } from '../../src-core/document/types';

/** The hidden sheet carrying what the tables do not show: 公开日期, 联系电话, tolerance, the user's own 科目. */
export const INFO_SHEET = '文件信息';

const FIELDS: readonly [string, (doc: GongkaiDocument) => string][] = [
  ['单位名称', (d) => d.unit.name],
  ['年度', (d) => String(d.unit.year)],
  ['金额单位', (d) => d.unit.moneyUnit],
  ['公开日期', (d) => d.unit.publishDate],
  ['联系电话', (d) => d.unit.phone],
  ['尾数容差', (d) => d.settings.tolerance],
  ['报表年度', (d) => String(d.formYear)],
  // `shanghai@2024`; national documents write none, as before profiles.
  ['表样', (d) => (d.profile ? `${d.profile.id}@${d.profile.year}` : '')],
];

export function writeInfoSheet(book: ExcelJS.Workbook, doc: GongkaiDocument): void {
  const ws = book.addWorksheet(INFO_SHEET, { state: 'hidden' });
  ws.addRow(['项目', '内容']);
  for (const [k, get] of FIELDS) ws.addRow([k, get(doc)]);
  if (doc.settings.ruleTolerance) ws.addRow(['规则容差', JSON.stringify(doc.settings.ruleTolerance)]);
  // One row per 科目: a whole catalog in one cell would pass Excel's 32,767-character limit.
  if (doc.catalog) {
    ws.addRow(['自定义科目方式', doc.catalog.replace ? '替换' : '追加']);
    for (const e of doc.catalog.entries) ws.addRow([`科目:${e.code}`, e.name]);
  }
  for (const [id, t] of Object.entries(doc.tables)) if (t.note) ws.addRow([`说明:${id}`, t.note]);
  // The text, the facts and the 绩效自评表 can each pass Excel's 32,767 characters per cell (Excel and WPS would cut
  // them): each is continued over rows 文字部分, 文字部分:2 …
  for (const [key, value] of [
    [SECTIONS, doc.sections],
    [FACTS, doc.facts],
    [PERFORMANCE, doc.performance],
  ] as const)
    if (value)
      cellChunks(JSON.stringify(value)).forEach((c, i) => ws.addRow([i === 0 ? key : `${key}:${i + 1}`, c]));
  ws.eachRow((row) => row.eachCell((c) => (c.numFmt = '@')));
}

const SECTIONS = '文字部分';
const FACTS = '补充数据';
const PERFORMANCE = '绩效自评表';
const CELL_CHARS = 30_000;

/** Text cut into pieces that fit a cell, never between the two halves of a surrogate pair. */
function cellChunks(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length;) {
    let end = Math.min(text.length, i + CELL_CHARS);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    out.push(text.slice(i, end));
    i = end;
  }
  return out;
}
