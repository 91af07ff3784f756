import type { FormSet } from '../template';
import { decodeDocumentBytes } from './decode-document';
import { readDocument, type ReadResult } from './read-document';

/** The top-level fields a 汇总 reads of a member; its text, 补充数据 and 绩效自评表 are not summed. */
const FIGURE_KEYS = new Set([
  'format',
  'version',
  'formYear',
  'profile',
  'unit',
  'settings',
  'tables',
  'catalog',
  'consolidation',
]);

/**
 * Reads the figures of a `*.gongkai.json` file's bytes (a 汇总 reading its members): the same result as decoding the
 * file and `readDocument(…, { figuresOnly: true })`, but the text parts — most of a unit's file, and mostly CJK — are
 * only checked to be well-formed JSON, not decoded or parsed, so a thousand members read in a fraction of the time.
 * Anything unusual (not UTF-8, malformed JSON, not an object) is read the ordinary way, so every message is the one
 * opening the file would give.
 */
export function readDocumentFigures(
  bytes: Uint8Array,
  fileName: string,
  formSetFor: (year: number, profileId?: string) => FormSet | undefined,
): ReadResult {
  const text = figuresJson(bytes);
  if (text !== undefined) return readDocument(text, formSetFor, { figuresOnly: true });
  const decoded = decodeDocumentBytes(bytes, fileName);
  if (!decoded.ok) return decoded;
  return readDocument(decoded.text, formSetFor, { figuresOnly: true });
}

const fatal = new TextDecoder('utf-8', { fatal: true });

/**
 * The JSON text of the top-level object with only FIGURE_KEYS kept (the last of a repeated key, as JSON.parse
 * does), or undefined when the bytes are not one well-formed JSON object in UTF-8.
 */
export function figuresJson(bytes: Uint8Array): string | undefined {
  try {
    const scan = new Scanner(bytes);
    return scan.figures();
  } catch {
    // Malformed (or nested beyond the stack): the ordinary reader says where.
    return undefined;
  }
}

class Malformed extends Error {}

const B = {
  Quote: 0x22,
  Backslash: 0x5c,
  Comma: 0x2c,
  Colon: 0x3a,
  OpenBrace: 0x7b,
  CloseBrace: 0x7d,
  OpenBracket: 0x5b,
  CloseBracket: 0x5d,
  Minus: 0x2d,
  Plus: 0x2b,
  Dot: 0x2e,
  Zero: 0x30,
  Nine: 0x39,
} as const;

class Scanner {
  private pos = 0;
  /** Position of the next backslash at or after where strings were last searched; -1 when there is none. */
  private slash = 0;

  constructor(private readonly b: Uint8Array) {}

  figures(): string {
    const b = this.b;
    if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) this.pos = 3;
    this.ws();
    this.expect(B.OpenBrace);
    const kept = new Map<string, [number, number]>();
    this.ws();
    if (b[this.pos] === B.CloseBrace) this.pos++;
    else {
      for (;;) {
        this.ws();
        const keyStart = this.pos;
        this.string();
        const key = JSON.parse(fatal.decode(b.subarray(keyStart, this.pos))) as string;
        this.ws();
        this.expect(B.Colon);
        this.ws();
        const start = this.pos;
        this.value();
        if (FIGURE_KEYS.has(key)) kept.set(key, [start, this.pos]);
        this.ws();
        if (b[this.pos] === B.Comma) {
          this.pos++;
          continue;
        }
        this.expect(B.CloseBrace);
        break;
      }
    }
    this.ws();
    if (this.pos !== b.length) throw new Malformed();
    const parts: string[] = [];
    for (const [key, [s, e]] of kept) parts.push(`${JSON.stringify(key)}:${fatal.decode(b.subarray(s, e))}`);
    return `{${parts.join(',')}}`;
  }

  private expect(byte: number): void {
    if (this.b[this.pos] !== byte) throw new Malformed();
    this.pos++;
  }

  private ws(): void {
    const b = this.b;
    for (;;) {
      const c = b[this.pos];
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) this.pos++;
      else return;
    }
  }

  private value(): void {
    const c = this.b[this.pos];
    if (c === B.Quote) this.string();
    else if (c === B.OpenBrace) this.object();
    else if (c === B.OpenBracket) this.array();
    else if (c === B.Minus || (c !== undefined && c >= B.Zero && c <= B.Nine)) this.number();
    else if (c === 0x74) this.literal('true');
    else if (c === 0x66) this.literal('false');
    else if (c === 0x6e) this.literal('null');
    else throw new Malformed();
  }

  private object(): void {
    const b = this.b;
    this.pos++;
    this.ws();
    if (b[this.pos] === B.CloseBrace) {
      this.pos++;
      return;
    }
    for (;;) {
      this.ws();
      this.string();
      this.ws();
      this.expect(B.Colon);
      this.ws();
      this.value();
      this.ws();
      if (b[this.pos] === B.Comma) this.pos++;
      else return this.expect(B.CloseBrace);
    }
  }

  private array(): void {
    const b = this.b;
    this.pos++;
    this.ws();
    if (b[this.pos] === B.CloseBracket) {
      this.pos++;
      return;
    }
    for (;;) {
      this.ws();
      this.value();
      this.ws();
      if (b[this.pos] === B.Comma) this.pos++;
      else return this.expect(B.CloseBracket);
    }
  }

  /**
   * A string. Escapes are checked; a raw control character inside a string is not looked for (the parts kept are
   * parsed by JSON.parse, which refuses one; in the text parts skipped it does no harm). Quotes and backslashes are
   * found with the native indexOf: most of a unit's file is its text, so this is where the time goes.
   */
  private string(): void {
    const b = this.b;
    this.expect(B.Quote);
    let p = this.pos;
    for (;;) {
      const quote = b.indexOf(B.Quote, p);
      if (quote < 0) throw new Malformed();
      // The next backslash is remembered: looking for it from every string would scan to the end each time.
      if (this.slash >= 0 && this.slash < p) this.slash = b.indexOf(B.Backslash, p);
      const slash = this.slash;
      if (slash < 0 || slash > quote) {
        this.pos = quote + 1;
        return;
      }
      const e = b[slash + 1];
      p = slash + 2;
      if (e === 0x75) {
        for (let k = 0; k < 4; k++) if (!isHex(b[p++])) throw new Malformed();
      } else if (
        e !== B.Quote &&
        e !== B.Backslash &&
        e !== 0x2f &&
        e !== 0x62 &&
        e !== 0x66 &&
        e !== 0x6e &&
        e !== 0x72 &&
        e !== 0x74
      )
        throw new Malformed();
    }
  }

  private number(): void {
    const b = this.b;
    if (b[this.pos] === B.Minus) this.pos++;
    if (b[this.pos] === B.Zero) this.pos++;
    else if (!this.digits()) throw new Malformed();
    if (b[this.pos] === B.Dot) {
      this.pos++;
      if (!this.digits()) throw new Malformed();
    }
    if (b[this.pos] === 0x65 || b[this.pos] === 0x45) {
      this.pos++;
      if (b[this.pos] === B.Plus || b[this.pos] === B.Minus) this.pos++;
      if (!this.digits()) throw new Malformed();
    }
  }

  private digits(): boolean {
    const b = this.b;
    const start = this.pos;
    while ((b[this.pos] ?? 0) >= B.Zero && (b[this.pos] ?? 0x3a) <= B.Nine) this.pos++;
    return this.pos > start;
  }

  private literal(word: string): void {
    for (let k = 0; k < word.length; k++)
      if (this.b[this.pos++] !== word.charCodeAt(k)) throw new Malformed();
  }
}

function isHex(c: number | undefined): boolean {
  return (
    c !== undefined && ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66))
  );
}
