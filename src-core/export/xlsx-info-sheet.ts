import type { GongkaiDocument, UnitInfo } from '../document/types';
import type { XlsxSheetRead } from './xlsx-reader';
import type { XlsxWriter } from './xlsx-writer';

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

/** Adds the hidden 文件信息 sheet: one 项目 | 内容 row per field, all text. */
export function writeInfoSheet(book: XlsxWriter, doc: GongkaiDocument): void {
  const ws = book.addSheet(INFO_SHEET, { hidden: true });
  let row = 0;
  const addRow = (key: string, value: string) => {
    row++;
    ws.set(row, 1, key, TEXT);
    ws.set(row, 2, value, TEXT);
  };
  addRow('项目', '内容');
  for (const [k, get] of FIELDS) addRow(k, get(doc));
  if (doc.settings.ruleTolerance) addRow('规则容差', JSON.stringify(doc.settings.ruleTolerance));
  // One row per 科目: a whole catalog in one cell would pass Excel's 32,767-character limit.
  if (doc.catalog) {
    addRow('自定义科目方式', doc.catalog.replace ? '替换' : '追加');
    for (const e of doc.catalog.entries) addRow(`科目:${e.code}`, e.name);
  }
  for (const [id, t] of Object.entries(doc.tables)) if (t.note) addRow(`说明:${id}`, t.note);
  // The text, the facts and the 绩效自评表 can each pass Excel's 32,767 characters per cell (Excel and WPS would cut
  // them): each is continued over rows 文字部分, 文字部分:2 …
  for (const [key, value] of [
    [SECTIONS, doc.sections],
    [FACTS, doc.facts],
    [PERFORMANCE, doc.performance],
  ] as const)
    if (value)
      cellChunks(JSON.stringify(value)).forEach((c, i) => addRow(i === 0 ? key : `${key}:${i + 1}`, c));
}

const TEXT = { numFmt: '@' } as const;
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

/** What the hidden sheet says, if the workbook has one (our own export). */
export interface InfoSheet {
  /** Rows whose content could not be read (edited by hand or cut by another program), by name: 文字部分 … */
  readonly damaged: readonly string[];
  readonly unit: Partial<UnitInfo>;
  readonly tolerance?: string;
  readonly ruleTolerance?: Record<string, string>;
  readonly catalog?: unknown;
  readonly notes: Record<string, string>;
  readonly formYear?: number;
  /** The profile the file was exported from (files without 表样: the national forms of 报表年度). */
  readonly profile?: { readonly id: string; readonly year: number };
  readonly sections?: unknown;
  readonly facts?: unknown;
  readonly performance?: unknown;
}

export function readInfoSheet(sheets: readonly XlsxSheetRead[]): InfoSheet | null {
  const ws = sheets.find((s) => s.name === INFO_SHEET);
  if (!ws) return null;
  const map = new Map<string, string>();
  for (const row of ws.rows) if (row) map.set(row[0]?.text ?? '', row[1]?.text ?? '');
  const damaged: string[] = [];
  const json = (k: string, s = map.get(k)) => {
    if (!s) return undefined;
    try {
      return JSON.parse(s) as unknown;
    } catch {
      damaged.push(k);
      return undefined;
    }
  };
  const year = Number(map.get('年度'));
  const formYear = Number(map.get('报表年度'));
  const named = /^([a-z][a-z0-9-]*)@(\d{4})$/.exec(map.get('表样') ?? '');
  const profile = named
    ? { id: named[1] as string, year: Number(named[2]) }
    : Number.isInteger(formYear) && formYear > 0
      ? { id: 'national', year: formYear }
      : undefined;
  const notes: Record<string, string> = {};
  for (const [k, v] of map) if (k.startsWith('说明:') && v) notes[k.slice(3)] = v;
  const sections = json(SECTIONS, continued(map, SECTIONS));
  const facts = json(FACTS, continued(map, FACTS));
  const performance = json(PERFORMANCE, continued(map, PERFORMANCE));
  return {
    damaged,
    unit: {
      name: map.get('单位名称'),
      year: Number.isInteger(year) ? year : undefined,
      moneyUnit: map.get('金额单位') === '元' ? '元' : map.has('金额单位') ? '万元' : undefined,
      publishDate: map.get('公开日期'),
      phone: map.get('联系电话'),
    },
    tolerance: map.get('尾数容差') || undefined,
    ruleTolerance: json('规则容差') as Record<string, string> | undefined,
    catalog: map.has('自定义科目方式')
      ? {
          replace: map.get('自定义科目方式') === '替换',
          entries: [...map]
            .filter(([k]) => k.startsWith('科目:'))
            .map(([k, name]) => ({ code: k.slice(3), name })),
        }
      : undefined,
    notes,
    formYear: Number.isInteger(formYear) && formYear > 0 ? formYear : undefined,
    profile,
    sections,
    facts,
    performance,
  };
}

/** A value written over rows `key`, `key:2`, `key:3` … joined again. */
function continued(map: ReadonlyMap<string, string>, key: string): string {
  let text = map.get(key) ?? '';
  for (let n = 2; map.has(`${key}:${n}`); n++) text += map.get(`${key}:${n}`);
  return text;
}
