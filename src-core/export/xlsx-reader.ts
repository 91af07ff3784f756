import { unzipSync } from 'fflate';
import { attributes, decodeOoxmlString, decodeXml } from './xlsx-xml';

/** One cell as read: its text as shown without number formatting, and what kind of value it holds. */
export interface XlsxCellRead {
  /** The text; a number's shortest decimal form; an error's code (#REF!); a date as YYYY-MM-DD. */
  readonly text: string;
  /** The value when the cell holds a number (or a formula with a numeric result). */
  readonly number?: number;
  /** The cell holds a formula (its cached result is what the other fields show). */
  readonly formula?: boolean;
  /** A formula whose result was never computed (nothing cached in the file). */
  readonly formulaWithoutResult?: boolean;
  /** An Excel error value (#REF!, #DIV/0! …). */
  readonly error?: boolean;
}

/** A merged range, 0-based and inclusive. */
export interface XlsxRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** One worksheet as read: its cells by 0-based row and column (holes where nothing is written) and its merges. */
export interface XlsxSheetRead {
  readonly name: string;
  readonly hidden: boolean;
  readonly rows: (XlsxCellRead | undefined)[][];
  /** Columns used: one past the rightmost cell written or merged. */
  readonly width: number;
  readonly merges: readonly XlsxRange[];
}

/**
 * Reads every worksheet of an .xlsx straight from its XML parts, in one pass over each (shared strings, styles for
 * dates, cells, merges) — no workbook model, linear in the file. Throws on a file that is not a readable workbook;
 * callers run the zip guard first (zip-guard.ts) and turn a throw into their own message.
 */
export function readXlsxSheets(bytes: Uint8Array): XlsxSheetRead[] {
  const files = unzipSync(bytes, { filter: (f) => /\.(xml|rels)$/i.test(f.name) });
  const decoder = new TextDecoder();
  const text = (path: string): string | undefined => {
    const data =
      files[path] ?? files[Object.keys(files).find((k) => k.toLowerCase() === path.toLowerCase()) ?? ''];
    return data ? decoder.decode(data) : undefined;
  };
  const workbookPath =
    relationships(text('_rels/.rels') ?? '', '').find((r) => r.type.endsWith('/officeDocument'))?.target ??
    'xl/workbook.xml';
  const workbook = text(workbookPath);
  if (workbook === undefined) throw new Error('no workbook part');
  const base = workbookPath.slice(0, workbookPath.lastIndexOf('/') + 1);
  const rels = relationships(text(`${base}_rels/${workbookPath.slice(base.length)}.rels`) ?? '', base);
  const target = (type: string) => rels.find((r) => r.type.endsWith(`/${type}`))?.target;
  const sharedPath = target('sharedStrings');
  const strings = sharedStrings((sharedPath && text(sharedPath)) || '');
  const stylesPath = target('styles');
  const dates = dateStyles((stylesPath && text(stylesPath)) || '');
  const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904\s*=\s*["'](?:1|true)["']/.test(workbook);
  const out: XlsxSheetRead[] = [];
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b([^>]*?)\/?>/g)) {
    const a = attributes(m[1] as string);
    const path = rels.find((r) => r.id === a.get('r:id') || r.id === a.get('id'))?.target;
    const xml = path === undefined ? undefined : text(path);
    if (xml === undefined) continue; // a chart sheet or a dangling reference: no cells to read
    const state = a.get('state');
    out.push({
      name: a.get('name') ?? '',
      hidden: state === 'hidden' || state === 'veryHidden',
      ...sheetCells(xml, strings, dates, date1904),
    });
  }
  return out;
}

interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
}

/** A rels part's relationships, targets resolved against the folder of the part they belong to. */
function relationships(xml: string, base: string): Relationship[] {
  return [...xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*?)\/?>/g)].map((m) => {
    const a = attributes(m[1] as string);
    const raw = a.get('Target') ?? '';
    return { id: a.get('Id') ?? '', type: a.get('Type') ?? '', target: resolve(base, raw) };
  });
}

function resolve(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = `${base}${target}`.split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

const TEXT_RUN = /<(?:\w+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g;
const PHONETIC = /<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g;

/** The text of a string item (<si> or <is>): its runs joined, phonetic guides left out. */
function itemText(inner: string): string {
  let s = '';
  for (const m of inner.replace(PHONETIC, '').matchAll(TEXT_RUN)) s += m[1] ?? '';
  return decodeOoxmlString(decodeXml(s));
}

function sharedStrings(xml: string): string[] {
  return [...xml.matchAll(/<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g)].map((m) =>
    itemText(m[1] ?? ''),
  );
}

/** Built-in number formats that show a date or time (Excel's ids, including the CJK ones 27–36 and 50–58). */
const BUILTIN_DATES = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

/** Whether a format code shows a date: y m d h s outside quotes and [brackets] (as Excel and exceljs decide). */
function isDateFormat(code: string): boolean {
  return /[ymdhsb]/i.test(
    code
      .replace(/\[[^\]]*]/g, '')
      .replace(/"[^"]*"/g, '')
      .replace(/\\./g, ''),
  );
}

/** For each cell style index, whether its number format is a date. */
function dateStyles(xml: string): boolean[] {
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?numFmt\b([^>]*?)\/?>/g)) {
    const a = attributes(m[1] as string);
    custom.set(Number(a.get('numFmtId')), a.get('formatCode') ?? '');
  }
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml)?.[1] ?? '';
  return [...xfs.matchAll(/<(?:\w+:)?xf\b([^>]*?)\/?>/g)].map((m) => {
    const id = Number(attributes(m[1] as string).get('numFmtId') ?? 0);
    const code = custom.get(id);
    return code !== undefined ? isDateFormat(code) : BUILTIN_DATES.has(id);
  });
}

/** A1 → [0, 0]: the 0-based row and column of a reference. */
function cellRef(ref: string): [number, number] {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i) & ~32;
    if (code < 65 || code > 90) break;
    col = col * 26 + (code - 64);
  }
  return [Number(ref.slice(i)) - 1, col - 1];
}

const TAG = /<(\w+:)?(row|c|mergeCell)\b([^>]*?)(\/?)>/g;
const CELL_REF = /(?:^|\s)r\s*=\s*["']([^"']*)["']/;
const CELL_STYLE = /(?:^|\s)s\s*=\s*["'](\d+)["']/;
const CELL_TYPE = /(?:^|\s)t\s*=\s*["']([^"']*)["']/;
const VALUE = /<(?:\w+:)?v\b[^>]*?(?:\/>|>([^<]*)<\/(?:\w+:)?v>)/;
const FORMULA = /<(?:\w+:)?f\b/;
const INLINE = /<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/;

/** The cells and merges of one worksheet part. */
function sheetCells(
  xml: string,
  strings: readonly string[],
  dates: readonly boolean[],
  date1904: boolean,
): Pick<XlsxSheetRead, 'rows' | 'width' | 'merges'> {
  const rows: (XlsxCellRead | undefined)[][] = [];
  const merges: XlsxRange[] = [];
  let width = 0;
  let row = -1;
  let col = -1;
  const tag = new RegExp(TAG.source, 'g');
  for (let m = tag.exec(xml); m !== null; m = tag.exec(xml)) {
    const [, prefix = '', name, attrText = '', selfClosing] = m;
    if (name === 'row') {
      const r = /\br\s*=\s*["'](\d+)["']/.exec(attrText);
      row = r ? Number(r[1]) - 1 : row + 1;
      col = -1;
      rows[row] ??= [];
      continue;
    }
    if (name === 'mergeCell') {
      const ref = attributes(attrText).get('ref') ?? '';
      const [from = '', to = from] = ref.split(':');
      const [top, left] = cellRef(from);
      const [bottom, right] = cellRef(to);
      if ([top, left, bottom, right].every((n) => Number.isInteger(n) && n >= 0))
        merges.push({ top, left, bottom, right });
      continue;
    }
    // A cell: its three attributes read directly (a generic attribute map per cell costs more than the rest).
    const ref = CELL_REF.exec(attrText)?.[1];
    const styleIndex = Number(CELL_STYLE.exec(attrText)?.[1] ?? 0);
    const type = CELL_TYPE.exec(attrText)?.[1];
    if (ref) [, col] = cellRef(ref);
    else col++;
    const r = ref ? cellRef(ref)[0] : row;
    if (r < 0 || col < 0) continue;
    let inner = '';
    if (!selfClosing) {
      const close = `</${prefix}c>`;
      const end = xml.indexOf(close, tag.lastIndex);
      inner = xml.slice(tag.lastIndex, end < 0 ? xml.length : end);
      tag.lastIndex = end < 0 ? xml.length : end + close.length;
    }
    const cell = cellValue(inner, type, dates[styleIndex] === true, strings, date1904);
    if (!cell) continue;
    (rows[r] ??= [])[col] = cell;
    if (col + 1 > width) width = col + 1;
  }
  for (const mg of merges) if (mg.right + 1 > width) width = mg.right + 1;
  return { rows, width, merges };
}

function cellValue(
  inner: string,
  type: string | undefined,
  isDate: boolean,
  strings: readonly string[],
  date1904: boolean,
): XlsxCellRead | undefined {
  const v = VALUE.exec(inner);
  const raw = v ? decodeXml(v[1] ?? '') : undefined;
  const formula = FORMULA.test(inner);
  if (type === 'inlineStr') {
    const is = INLINE.exec(inner);
    return { text: is ? itemText(is[1] as string) : '' };
  }
  if (raw === undefined) return formula ? { text: '', formulaWithoutResult: true } : undefined;
  switch (type) {
    case 's':
      return { text: strings[Number(raw)] ?? '' };
    case 'str':
      return { text: decodeOoxmlString(raw) };
    case 'b':
      return { text: raw === '1' || raw === 'true' ? 'TRUE' : 'FALSE' };
    case 'e':
      return { text: raw, error: true };
    case 'd':
      return { text: raw.slice(0, 10) };
    default: {
      const n = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(n)) return { text: raw };
      if (isDate) return { text: serialDate(n, date1904) };
      return formula ? { text: String(n), number: n, formula } : { text: String(n), number: n };
    }
  }
}

/** An Excel date serial as YYYY-MM-DD (1900 system, with its phantom 29 February 1900; or the 1904 system). */
function serialDate(serial: number, date1904: boolean): string {
  const days = date1904 ? serial + 1462 : serial < 60 ? serial + 1 : serial;
  const date = new Date(Math.round((days - 25569) * 86_400_000));
  return Number.isNaN(date.getTime()) ? String(serial) : date.toISOString().slice(0, 10);
}
