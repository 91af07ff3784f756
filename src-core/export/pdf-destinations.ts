/**
 * Reads where a printed PDF put its link targets: the named destinations Chromium writes for every element an
 * internal `<a href="#id">` points at. The 目录 links to each part, section and table, so this tells which page each
 * of them landed on without measuring any layout ourselves.
 *
 * Only what Chromium's PDF writer (Skia) produces is needed: a classic cross-reference table, uncompressed
 * dictionaries for the catalog, the page tree and the destinations (either the catalog's /Dests dictionary or a
 * /Names /Dests name tree). Anything else gives an empty map — the 目录 then goes without numbers rather than with
 * wrong ones.
 */

/** Each named destination's page, counted from 1 as the footer's counter(page) counts. */
export function pdfDestinationPages(bytes: Uint8Array): Map<string, number> {
  try {
    return readDestinations(new PdfObjects(latin1(bytes)));
  } catch {
    return new Map();
  }
}

function readDestinations(pdf: PdfObjects): Map<string, number> {
  const catalog = pdf.trailerRef('Root');
  const catalogDict = pdf.object(catalog);
  const pagesRef = refIn(catalogDict, 'Pages');
  if (pagesRef === null) return new Map();
  const pageNumber = new Map<number, number>();
  pdf.pageOrder(pagesRef).forEach((obj, i) => pageNumber.set(obj, i + 1));

  const result = new Map<string, number>();
  const add = (name: string, target: string) => {
    // A destination is [page 0 R /XYZ …] itself, or a dictionary with /D [page 0 R …].
    const array = /^\s*\[/.test(target) ? target : (/\/D\s*(\[[^\]]*\])/.exec(target)?.[1] ?? '');
    const page = /^\s*\[\s*(\d+)\s+\d+\s+R/.exec(array);
    const n = page ? pageNumber.get(Number(page[1])) : undefined;
    if (n !== undefined) result.set(name, n);
  };
  const resolve = (value: string): string => {
    const ref = /^\s*(\d+)\s+\d+\s+R/.exec(value);
    return ref ? pdf.object(Number(ref[1])) : value;
  };

  // PDF 1.1: /Dests << /name [dest] … >> in the catalog.
  const destsRef = refIn(catalogDict, 'Dests');
  if (destsRef !== null) {
    const dict = pdf.object(destsRef);
    for (const m of dict.matchAll(/\/([^\s/[\]<>()]+)\s*(\[[^\]]*\]|<<[\s\S]*?>>|\d+\s+\d+\s+R)/g))
      add(decodeName(m[1] as string), resolve(m[2] as string));
  }
  // PDF 1.2+: /Names << /Dests name-tree >>.
  const names = /\/Names\s*(<<[\s\S]*?>>|\d+\s+\d+\s+R)/.exec(catalogDict);
  const namesDict = names ? resolve(names[1] as string) : '';
  const treeRef = refIn(namesDict, 'Dests');
  if (treeRef !== null) {
    const visit = (obj: number, depth: number) => {
      if (depth > 32) return;
      const node = pdf.object(obj);
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(node);
      if (kids) for (const k of refs(kids[1] as string)) visit(k, depth + 1);
      const pairs = /\/Names\s*\[([\s\S]*)\]/.exec(node);
      if (!pairs) return;
      for (const m of (pairs[1] as string).matchAll(
        /\(((?:\\.|[^\\)])*)\)\s*(\[[^\]]*\]|<<[\s\S]*?>>|\d+\s+\d+\s+R)/g,
      ))
        add(unescapeString(m[1] as string), resolve(m[2] as string));
    };
    visit(treeRef, 0);
  }
  return result;
}

/** The objects of a PDF found through its cross-reference table (not by scanning, which binary streams would fool). */
class PdfObjects {
  private readonly offsets = new Map<number, number>();
  private readonly seen = new Set<number>();
  private readonly trailer: string;

  constructor(private readonly text: string) {
    const start = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text.slice(-1024));
    if (!start) throw new Error('no startxref');
    let at = Number(start[1]);
    const trailers: string[] = [];
    // Follow /Prev so an incrementally updated file reads too; the newest entry of an object wins.
    for (let guard = 0; guard < 16; guard++) {
      const section = /^xref\s+([\s\S]*?)trailer\s*(<<[\s\S]*?>>)\s*startxref/.exec(text.slice(at));
      if (!section) throw new Error('no classic xref table');
      this.readTable(section[1] as string);
      trailers.push(section[2] as string);
      const prev = /\/Prev\s+(\d+)/.exec(section[2] as string);
      if (!prev) break;
      at = Number(prev[1]);
    }
    this.trailer = trailers[0] as string;
  }

  private readTable(table: string): void {
    const lines = table.split(/\r\n|\r|\n/);
    let next = 0;
    for (const line of lines) {
      const head = /^(\d+)\s+(\d+)\s*$/.exec(line);
      if (head) {
        next = Number(head[1]);
        continue;
      }
      const entry = /^(\d{10})\s+(\d{5})\s+([nf])/.exec(line);
      if (!entry) continue;
      // The newest section comes first: an object it frees stays freed whatever older sections say.
      if (!this.seen.has(next)) {
        this.seen.add(next);
        if (entry[3] === 'n') this.offsets.set(next, Number(entry[1]));
      }
      next++;
    }
  }

  trailerRef(key: string): number {
    const ref = refIn(this.trailer, key);
    if (ref === null) throw new Error(`no /${key}`);
    return ref;
  }

  /** The object's text up to its stream or endobj. */
  object(n: number): string {
    const at = this.offsets.get(n);
    if (at === undefined) throw new Error(`object ${n} missing`);
    const head = new RegExp(`^\\s*${n}\\s+\\d+\\s+obj`).exec(this.text.slice(at, at + 32));
    if (!head) throw new Error(`object ${n} not at its offset`);
    const body = this.text.slice(at + head[0].length);
    const end = /\bstream\r?\n|\bendobj\b/.exec(body);
    return end ? body.slice(0, end.index) : body;
  }

  /** The page objects in reading order, walking the page tree depth first. */
  pageOrder(root: number): number[] {
    const pages: number[] = [];
    const seen = new Set<number>();
    const walk = (n: number) => {
      if (seen.has(n)) return;
      seen.add(n);
      const node = this.object(n);
      if (/\/Type\s*\/Page\b(?!s)/.test(node)) {
        pages.push(n);
        return;
      }
      // A /Pages node whose /Kids is not written inline (an indirect array) is not read: no numbers, not wrong ones.
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(node);
      if (!kids) throw new Error(`page tree node ${n} without an inline /Kids`);
      for (const k of refs(kids[1] as string)) walk(k);
    };
    walk(root);
    const count = /\/Count\s+(\d+)/.exec(this.object(root));
    if (count && Number(count[1]) !== pages.length) throw new Error('page count does not match the tree');
    return pages;
  }
}

function refIn(dict: string, key: string): number | null {
  const m = new RegExp(`/${key}\\s+(\\d+)\\s+\\d+\\s+R`).exec(dict);
  return m ? Number(m[1]) : null;
}

function refs(list: string): number[] {
  return [...list.matchAll(/(\d+)\s+\d+\s+R/g)].map((m) => Number(m[1]));
}

/** PDF names escape bytes as #xx. */
function decodeName(name: string): string {
  return name.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

function unescapeString(s: string): string {
  return s.replace(/\\([()\\])/g, '$1');
}

/**
 * The bytes as a string of one character per byte, so that string offsets are byte offsets. TextDecoder does it in
 * native code: for a 2 MB publication PDF about 10–40 ms, where String.fromCharCode over chunks took 150–200 ms — and
 * each print reads its PDF three times (destinations, bookmarks, text layer). Its 'latin1' is windows-1252 by the
 * Encoding standard, so a byte 0x80–0x9F may come out as another character (€ for 0x80), still one UTF-16 unit: what
 * is read from the string (keywords, numbers, names, hex strings) is ASCII, and bytes are always cut from `bytes`.
 */
export function latin1(bytes: Uint8Array): string {
  return LATIN1.decode(bytes);
}

const LATIN1 = new TextDecoder('latin1');
