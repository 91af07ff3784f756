// The reliability fuzzer's cases: each takes a seed, builds one hostile input, runs it through the code a user's file
// goes through, and says whether the outcome is acceptable. `npm run fuzz` runs them in a child process (so a hang
// or a stack overflow is caught and counted); test/unit/fuzz.test.ts runs a few of each in-process.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync, strToU8 } from 'fflate';
import { MAX_SHEET_CELLS, MAX_SHEET_ROWS } from '../../src-core/export/sheet-count';
import {
  builtinFormSet,
  decodeDocumentBytes,
  exportXlsx,
  formatAmount,
  formSetFor,
  importXlsx,
  parseAmount,
  readDocument,
  Workbook,
  writeDocument,
  type GongkaiDocument,
} from '../../src-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SAMPLE_FILE = path.join(root, 'samples/hanyang-media-center-2023.gongkai.json');

/** What one case came to: fine, or a fault of one kind with what went wrong. */
export type Verdict =
  { readonly ok: true } | { readonly ok: false; readonly kind: 'crash' | 'lost'; readonly detail: string };

/** A small deterministic PRNG (mulberry32), so a failing seed can be replayed. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;

/** Text a user must never see: English internals, stack frames, stringified objects or functions. */
export function internalsIn(message: string): string | null {
  const bad = [
    /\[object \w+\]/,
    /function \w*\(/,
    /\bat .+:\d+:\d+/,
    /\b(Error|TypeError|RangeError|SyntaxError):/,
    /\b(ENOENT|EACCES|EPERM|EROFS|EISDIR|ENOSPC|ENAMETOOLONG|EEXIST)\b/,
    /\.tmp\b/,
    /undefined|NaN/,
  ];
  for (const re of bad)
    if (re.test(message)) return `message shows internals (${re.source}): ${message.slice(0, 200)}`;
  if (!/[\u4e00-\u9fa5]/.test(message)) return `message not in Chinese: ${message.slice(0, 200)}`;
  return null;
}

let sampleText: string | undefined;
function sample(): GongkaiDocument {
  sampleText ??= fs.readFileSync(SAMPLE_FILE, 'utf8');
  return JSON.parse(sampleText) as GongkaiDocument;
}

const HOSTILE_KEYS = ['toString', '__proto__', 'constructor', 'hasOwnProperty', 'valueOf', '', '01', '合计'];

function hostileAmount(rnd: () => number): string {
  const digits = (n: number) => '9'.repeat(n);
  return pick(rnd, [
    () => digits(1 + Math.floor(rnd() * 40)),
    () => digits(1000 + Math.floor(rnd() * 100_000)),
    () => `${digits(20)}.${digits(1 + Math.floor(rnd() * 5000))}`,
    () => `-${digits(Math.floor(rnd() * 30) + 1)}.5`,
    () => '1e999999',
    () => 'Infinity',
    () => '0x1F',
    () => `${'1,'.repeat(Math.floor(rnd() * 20_000))}000`,
    () => ' '.repeat(Math.floor(rnd() * 10_000)),
    () => '（１２３．４）',
    () => `<script>alert(1)</script>`,
    () => '=1+2',
    () => String.fromCharCode(...Array.from({ length: 12 }, () => Math.floor(rnd() * 0xffff))),
  ])();
}

/** A mutated copy of the sample document, as the bytes of a file. */
function mutatedDocumentBytes(rnd: () => number): Uint8Array {
  const doc = sample() as unknown as Record<string, unknown> & GongkaiDocument;
  const tables = doc.tables as Record<string, { values: Record<string, Record<string, string>> }>;
  const tableIds = Object.keys(tables);
  const mutations = 1 + Math.floor(rnd() * 3);
  for (let m = 0; m < mutations; m++) {
    const table = tables[pick(rnd, tableIds)] as { values: Record<string, Record<string, string>> };
    const rowKeys = Object.keys(table.values);
    const row = rowKeys.length > 0 ? (table.values[pick(rnd, rowKeys)] as Record<string, string>) : {};
    const colKeys = Object.keys(row);
    switch (Math.floor(rnd() * 6)) {
      case 0:
      case 1:
        if (colKeys.length > 0) row[pick(rnd, colKeys)] = hostileAmount(rnd);
        break;
      case 2:
        // A field name that is also a property of every object.
        (doc as Record<string, unknown>)[pick(rnd, HOSTILE_KEYS)] = pick(rnd, [1, 'x', null, {}, []]);
        (doc.unit as unknown as Record<string, unknown>)[pick(rnd, HOSTILE_KEYS)] = 1;
        break;
      case 3:
        table.values[pick(rnd, HOSTILE_KEYS)] = { [pick(rnd, HOSTILE_KEYS)]: hostileAmount(rnd) };
        break;
      case 4:
        (doc.unit as unknown as Record<string, unknown>)[pick(rnd, ['name', 'year', 'moneyUnit', 'phone'])] =
          pick(rnd, [null, 12, 'x', {}, [], -1]);
        break;
      default:
        (doc as Record<string, unknown>).settings = { tolerance: hostileAmount(rnd) };
    }
  }
  const text = writeDocument(doc);
  switch (Math.floor(rnd() * 8)) {
    case 0:
      return strToU8(text.slice(0, Math.floor(rnd() * text.length)));
    case 1: {
      const bytes = strToU8(text);
      for (let i = 0; i < 5; i++) bytes[Math.floor(rnd() * bytes.length)] = Math.floor(rnd() * 256);
      return bytes;
    }
    case 2:
      return utf16(text, rnd() < 0.5);
    case 3:
      return gbk(text);
    default:
      return strToU8(text);
  }
}

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + i * 2] = bigEndian ? c >> 8 : c & 0xff;
    out[3 + i * 2] = bigEndian ? c & 0xff : c >> 8;
  }
  return out;
}

let gbkTable: Map<string, number> | undefined;
function gbk(text: string): Uint8Array {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gbk');
    for (let hi = 0x81; hi <= 0xfe; hi++)
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        const ch = decoder.decode(new Uint8Array([hi, lo]));
        if (ch.length === 1 && !gbkTable.has(ch)) gbkTable.set(ch, (hi << 8) | lo);
      }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) out.push(code);
    else {
      const g = gbkTable.get(ch) ?? 0x3f;
      if (g > 0xff) out.push(g >> 8, g & 0xff);
      else out.push(g);
    }
  }
  return new Uint8Array(out);
}

/**
 * A mutated document goes through what opening and checking it does: read (with the encoding sniffed as the app
 * does), then the engine, every finding and every amount formatted. A refusal must be a Chinese message without
 * internals; an accepted document must survive save → reopen unchanged.
 */
export function documentCase(seed: number): Verdict {
  const rnd = random(seed);
  const bytes = mutatedDocumentBytes(rnd);
  try {
    const decoded = decodeDocumentBytes(bytes, 'fuzz.gongkai.json');
    if (!decoded.ok) return messageVerdict(decoded.message);
    const read = readDocument(decoded.text, formSetFor);
    if (!read.ok) return messageVerdict(read.message);
    const formSet = formSetFor(read.document.formYear);
    if (!formSet) return { ok: false, kind: 'crash', detail: 'accepted a year with no forms' };
    const wb = new Workbook(formSet, read.document);
    for (const f of wb.findings()) {
      const bad = internalsIn(f.message);
      if (bad) return { ok: false, kind: 'crash', detail: `finding: ${bad}` };
    }
    for (const table of Object.values(read.document.tables))
      for (const row of Object.values(table.values))
        for (const raw of Object.values(row)) {
          const p = parseAmount(raw);
          if (p.ok) formatAmount(p.value);
          else if (internalsIn(p.message))
            return { ok: false, kind: 'crash', detail: p.message.slice(0, 200) };
        }
    const again = readDocument(writeDocument(read.document), formSetFor);
    if (!again.ok || writeDocument(again.document) !== writeDocument(read.document))
      return { ok: false, kind: 'lost', detail: 'an accepted document did not survive save and reopen' };
    return { ok: true };
  } catch (e) {
    return { ok: false, kind: 'crash', detail: `threw ${String((e as Error).stack ?? e).slice(0, 300)}` };
  }
}

function messageVerdict(message: string): Verdict {
  const bad = internalsIn(message);
  return bad ? { ok: false, kind: 'crash', detail: bad } : { ok: true };
}

let sampleXlsx: Uint8Array | undefined;
async function exportedSample(): Promise<Uint8Array> {
  sampleXlsx ??= await exportXlsx(builtinFormSet(), sample(), {});
  return sampleXlsx;
}

/** A minimal workbook with one sheet of the given XML, zipped at the given level. */
export function xlsxWithSheet(sheetXml: string, level: 0 | 6 | 9 = 6): Uint8Array {
  return zipSync(
    {
      '[Content_Types].xml': strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      ),
      '_rels/.rels': strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      ),
      'xl/workbook.xml': strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="公开01表" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
      'xl/_rels/workbook.xml.rels': strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
      'xl/worksheets/sheet1.xml': strToU8(sheetXml),
    },
    { level },
  );
}

/** A sheet of `rows` rows with `cols` numeric cells each, with or without a <dimension> that says so. */
export function bigSheetXml(rows: number, cols: number, dimension: string | null): string {
  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
  ];
  if (dimension !== null) parts.push(`<dimension ref="${dimension}"/>`);
  parts.push('<sheetData>');
  const letters = (n: number) => {
    let s = '';
    for (let c = n + 1; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
    return s;
  };
  for (let r = 1; r <= rows; r++) {
    let row = `<row r="${r}">`;
    for (let c = 0; c < cols; c++) row += `<c r="${letters(c)}${r}"><v>${r}</v></c>`;
    parts.push(`${row}</row>`);
  }
  parts.push('</sheetData></worksheet>');
  return parts.join('');
}

/**
 * A hostile .xlsx: the app's own export with bytes flipped or cut, or a workbook far larger than any 决算 table. The
 * import must answer with a workbook or a Chinese message, never throw or print to the console.
 */
export async function xlsxCase(seed: number, big: boolean): Promise<Verdict> {
  const { bytes, huge } = await xlsxInput(seed, big);
  return xlsxVerdict(bytes, huge);
}

/** The hostile .xlsx of a seed; `huge` says it is far beyond any 决算 table (so it must be refused). */
export async function xlsxInput(seed: number, big: boolean): Promise<{ bytes: Uint8Array; huge: boolean }> {
  const rnd = random(seed);
  let bytes: Uint8Array;
  const family = big ? 3 + Math.floor(rnd() * 2) : Math.floor(rnd() * 3);
  if (family <= 2) {
    bytes = (await exportedSample()).slice();
    if (family === 0) bytes = bytes.slice(0, Math.floor(rnd() * bytes.length));
    else
      for (let i = 0; i < 1 + Math.floor(rnd() * 20); i++)
        bytes[Math.floor(rnd() * bytes.length)] = Math.floor(rnd() * 256);
  } else if (family === 3) {
    bytes = xlsxWithSheet(
      bigSheetXml(MAX_SHEET_ROWS + 1 + Math.floor(rnd() * 10_000), 1, pick(rnd, [null, 'A1:B2', 'A1'])),
    );
  } else {
    bytes = xlsxWithSheet(bigSheetXml(50, MAX_SHEET_CELLS / 50 + 1 + Math.floor(rnd() * 5000), null));
  }
  return { bytes, huge: family >= 3 };
}

/** Imports a hostile .xlsx: a workbook (never for a huge one) or a Chinese message, nothing printed or thrown. */
export async function xlsxVerdict(bytes: Uint8Array, huge: boolean): Promise<Verdict> {
  const printed: string[] = [];
  const original = { warn: console.warn, error: console.error, log: console.log };
  console.warn =
    console.error =
    console.log =
      (...args: unknown[]) => void printed.push(args.map(String).join(' '));
  try {
    const result = await importXlsx(builtinFormSet(), bytes);
    if (printed.length > 0)
      return { ok: false, kind: 'crash', detail: `printed: ${printed[0]?.slice(0, 200)}` };
    if (!result.ok) return messageVerdict(result.message);
    if (huge) return { ok: false, kind: 'crash', detail: 'a sheet far beyond any 决算 table was accepted' };
    return { ok: true };
  } catch (e) {
    return { ok: false, kind: 'crash', detail: `threw ${String((e as Error).stack ?? e).slice(0, 300)}` };
  } finally {
    Object.assign(console, original);
  }
}
