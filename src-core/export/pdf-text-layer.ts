import { RADICAL_EQUIVALENTS } from './cjk-radical-equivalents';
import { latin1 } from './pdf-destinations';

/**
 * Chromium's PDF writer (Skia) builds each font's ToUnicode map by inverting the font's cmap, glyph → first code
 * point. CJK fonts such as Noto CJK / Source Han map a radical and its ideograph to one glyph (U+2ED4 ⻔ and U+95E8 门
 * are the same drawing), and the radical's code point is the lower one — so the PDF's text layer says ⻔ where the
 * page says 门, and “收入支出决算总表” cannot be found, copied or read aloud. (`pdftotext` happens to fold them back;
 * pdf.js, MuPDF, Acrobat and screen readers do not.)
 *
 * This rewrites the ToUnicode maps of a printed PDF: an entry naming a radical that the printed text never contains
 * is pointed at the ideograph of the text that the radical stands for (RADICAL_EQUIVALENTS: what the fonts draw with
 * the same glyph). A radical the text really contains is left alone. The corrected maps are appended as an
 * incremental update (new versions of those objects, a cross-reference section and a trailer pointing back at the
 * original one) — the standard way to change a PDF without moving any of its objects.
 */

/** The compression a PDF's FlateDecode streams use (zlib), given by the host: src-core has no Node. */
export interface Flate {
  inflate(data: Uint8Array): Uint8Array;
  deflate(data: Uint8Array): Uint8Array;
}

/** What fixPdfTextLayer changed: how many ToUnicode entries now name an ideograph instead of a radical. */
export interface TextLayerFix {
  readonly pdf: Uint8Array;
  readonly entriesFixed: number;
}

/**
 * Points the radicals of `bytes`' ToUnicode maps at the ideographs of `printedText` (the HTML it was printed from).
 * Returns the bytes unchanged when no map names a radical, or when the file is not laid out as Skia writes it
 * (then nothing is rewritten rather than something guessed).
 */
export function fixPdfTextLayer(bytes: Uint8Array, printedText: string, flate: Flate): TextLayerFix {
  const text = latin1(bytes);
  const trailer = lastTrailer(text);
  if (trailer === null) return { pdf: bytes, entriesFixed: 0 };
  const printed = new Set<string>(printedText);
  const objects = objectOffsets(text);

  const replaced: { readonly num: number; readonly body: Uint8Array }[] = [];
  let entriesFixed = 0;
  const seen = new Set<number>();
  for (const m of text.matchAll(/\/ToUnicode\s+(\d+)\s+0\s+R/g)) {
    const num = Number(m[1]);
    if (seen.has(num)) continue;
    seen.add(num);
    const offset = objects.get(num);
    if (offset === undefined) continue;
    const stream = readStream(bytes, text, offset);
    if (stream === null) continue;
    let cmap: string;
    try {
      cmap = latin1(stream.flate ? flate.inflate(stream.data) : stream.data);
    } catch {
      continue;
    }
    const fixed = fixCmap(cmap, printed);
    if (fixed === null) continue;
    entriesFixed += fixed.count;
    const data = flate.deflate(asciiBytes(fixed.cmap));
    const head = asciiBytes(`${num} 0 obj\n<</Filter /FlateDecode\n/Length ${data.length}>> stream\n`);
    replaced.push({ num, body: concat([head, data, asciiBytes('\nendstream\nendobj\n')]) });
  }
  if (replaced.length === 0) return { pdf: bytes, entriesFixed: 0 };
  return { pdf: appendUpdate(bytes, trailer, replaced), entriesFixed };
}

interface Trailer {
  /** The trailer dictionary's entries, without any /Prev. */
  readonly entries: string;
  readonly startxref: number;
}

function lastTrailer(text: string): Trailer | null {
  const start = [...text.matchAll(/startxref\s+(\d+)\s+%%EOF\s*$/g)].at(-1);
  const dict = [...text.matchAll(/trailer\s*<<([\s\S]*?)>>\s*startxref/g)].at(-1);
  if (!start || !dict) return null;
  const entries = (dict[1] as string).replace(/\/Prev\s+\d+/, '').trim();
  if (!/\/Root\s+\d+\s+0\s+R/.test(entries) || !/\/Size\s+\d+/.test(entries)) return null;
  return { entries, startxref: Number(start[1]) };
}

/** Where each object's (latest) definition starts. */
function objectOffsets(text: string): Map<number, number> {
  const offsets = new Map<number, number>();
  for (const m of text.matchAll(/(?<=^|[\r\n])(\d+) 0 obj\b/g)) offsets.set(Number(m[1]), m.index);
  return offsets;
}

function readStream(
  bytes: Uint8Array,
  text: string,
  offset: number,
): { readonly data: Uint8Array; readonly flate: boolean } | null {
  const head = /^\d+ 0 obj\s*<<([\s\S]*?)>>\s*stream(\r\n|\n)/.exec(text.slice(offset, offset + 400));
  if (!head) return null;
  const dict = head[1] as string;
  const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict);
  if (!length) return null;
  const filter = /\/Filter\s*(\/\w+|\[[^\]]*\])/.exec(dict)?.[1];
  if (filter !== undefined && filter.replace(/[[\]\s]/g, '') !== '/FlateDecode') return null;
  const start = offset + head[0].length;
  const end = start + Number(length[1]);
  if (end > bytes.length) return null;
  return { data: bytes.subarray(start, end), flate: filter !== undefined };
}

interface CmapEntry {
  /** The source code as written (its width is the code's byte length). */
  readonly code: string;
  /** The text it maps to, as UTF-16 code units in hex. */
  dst: string;
}

/**
 * The CMap with its radicals replaced, written back as bfchar entries in the original header and footer; null
 * when it names no radical to replace.
 */
export function fixCmap(
  cmap: string,
  printed: ReadonlySet<string>,
): { readonly cmap: string; readonly count: number } | null {
  const blocks = [...cmap.matchAll(/\d+\s+begin(bfchar|bfrange)([\s\S]*?)endbf(?:char|range)/g)];
  if (blocks.length === 0) return null;
  const entries: CmapEntry[] = [];
  for (const block of blocks) {
    const body = block[2] as string;
    if (block[1] === 'bfchar') {
      for (const m of body.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>/g))
        entries.push({ code: m[1] as string, dst: (m[2] as string).toUpperCase() });
    } else {
      for (const m of body.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]*>|\[[^\]]*\])/g)) {
        const lo = parseInt(m[1] as string, 16);
        const hi = parseInt(m[2] as string, 16);
        const width = (m[1] as string).length;
        const dst = m[3] as string;
        const list = dst.startsWith('[')
          ? [...dst.matchAll(/<([0-9A-Fa-f]*)>/g)].map((d) => d[1] as string)
          : null;
        for (let c = lo; c <= hi; c++) {
          const code = c.toString(16).toUpperCase().padStart(width, '0');
          const i = c - lo;
          const target = list ? list[i] : incrementLast(dst.slice(1, -1), i);
          if (target !== undefined) entries.push({ code, dst: target.toUpperCase() });
        }
      }
    }
  }

  const mapped = new Set(entries.map((e) => decodeUtf16(e.dst)));
  let count = 0;
  for (const e of entries) {
    const radical = decodeUtf16(e.dst);
    const candidates = RADICAL_EQUIVALENTS[radical];
    if (candidates === undefined || printed.has(radical)) continue;
    const inText = [...candidates].filter((c) => printed.has(c));
    // A candidate with no glyph of its own in this font is the one the glyph was drawn for.
    const ideograph = inText.find((c) => !mapped.has(c)) ?? inText[0];
    if (ideograph === undefined) continue;
    e.dst = encodeUtf16(ideograph);
    count++;
  }
  if (count === 0) return null;

  const first = blocks[0] as RegExpExecArray;
  const last = blocks.at(-1) as RegExpExecArray;
  const header = cmap.slice(0, first.index);
  const footer = cmap.slice(last.index + last[0].length);
  const chunks: string[] = [];
  for (let i = 0; i < entries.length; i += 100) {
    const chunk = entries.slice(i, i + 100);
    chunks.push(
      `${chunk.length} beginbfchar\n${chunk.map((e) => `<${e.code}> <${e.dst}>`).join('\n')}\nendbfchar`,
    );
  }
  return { cmap: `${header}${chunks.join('\n')}${footer}`, count };
}

function incrementLast(hex: string, by: number): string {
  if (by === 0 || hex.length < 4) return hex;
  const lastUnit = parseInt(hex.slice(-4), 16) + by;
  return hex.slice(0, -4) + (lastUnit & 0xffff).toString(16).toUpperCase().padStart(4, '0');
}

function decodeUtf16(hex: string): string {
  const units: number[] = [];
  for (let i = 0; i + 4 <= hex.length; i += 4) units.push(parseInt(hex.slice(i, i + 4), 16));
  return String.fromCharCode(...units);
}

function encodeUtf16(s: string): string {
  let hex = '';
  for (let i = 0; i < s.length; i++) hex += s.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return hex;
}

function appendUpdate(
  bytes: Uint8Array,
  trailer: Trailer,
  objects: readonly { readonly num: number; readonly body: Uint8Array }[],
): Uint8Array {
  const parts: Uint8Array[] = [bytes];
  let offset = bytes.length;
  if (bytes[bytes.length - 1] !== 0x0a) {
    parts.push(asciiBytes('\n'));
    offset++;
  }
  const xref: string[] = ['xref'];
  for (const o of [...objects].sort((a, b) => a.num - b.num)) {
    xref.push(`${o.num} 1`, `${String(offset).padStart(10, '0')} 00000 n `);
    parts.push(o.body);
    offset += o.body.length;
  }
  parts.push(
    asciiBytes(
      `${xref.join('\n')}\ntrailer\n<<${trailer.entries}\n/Prev ${trailer.startxref}>>\nstartxref\n${offset}\n%%EOF\n`,
    ),
  );
  return concat(parts);
}

function asciiBytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
