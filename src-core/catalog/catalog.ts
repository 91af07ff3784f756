/** One 科目 of the 功能分类 catalog. */
export interface CatalogEntry {
  readonly code: string;
  readonly name: string;
}

/** How a user's own entries combine with the built-in catalog. */
export interface CustomCatalog {
  /** true: the user's entries replace the built-in catalog (an imported local catalog); false: they extend it. */
  readonly replace: boolean;
  readonly entries: readonly CatalogEntry[];
}

/** A code → name lookup over the built-in catalog and the document's own entries (which win). */
export class Catalog {
  private readonly byCode: Map<string, string>;

  constructor(
    readonly name: string,
    readonly year: number,
    entries: readonly CatalogEntry[],
  ) {
    this.byCode = new Map(entries.map((e) => [e.code, e.name]));
  }

  /** The name of a code, if known. */
  nameOf(code: string): string | undefined {
    return this.byCode.get(code);
  }

  has(code: string): boolean {
    return this.byCode.has(code);
  }

  /** All entries in code order. */
  entries(): CatalogEntry[] {
    return [...this.byCode]
      .map(([code, name]) => ({ code, name }))
      .sort((a, b) => compareCodes(a.code, b.code));
  }

  /** Entries whose code or name contains the text — for the "add a row by code" picker. */
  search(text: string, limit = 50): CatalogEntry[] {
    const q = text.trim();
    if (q === '') return [];
    const out: CatalogEntry[] = [];
    for (const [code, name] of this.byCode) {
      if (code.startsWith(q) || name.includes(q)) out.push({ code, name });
    }
    return out.sort((a, b) => compareCodes(a.code, b.code)).slice(0, limit);
  }

  /** This catalog combined with a document's own entries. */
  withCustom(custom: CustomCatalog | undefined): Catalog {
    if (!custom || (custom.entries.length === 0 && !custom.replace)) return this;
    const base = custom.replace ? [] : this.entries();
    return new Catalog(this.name, this.year, [...base, ...custom.entries]);
  }
}

/** Code order as the forms list rows: 201, 20101, 2010101, 2010102, 20102, … (plain string order). */
export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** 类 (3 digits), 款 (5) or 项 (7); undefined for anything else. */
export function levelOfCode(code: string): 0 | 1 | 2 | undefined {
  if (!/^\d+$/.test(code)) return undefined;
  return code.length === 3 ? 0 : code.length === 5 ? 1 : code.length === 7 ? 2 : undefined;
}

/** The codes above a code: 2013350 → [201, 20133]. */
export function ancestorCodes(code: string): string[] {
  const out: string[] = [];
  for (let len = 3; len < code.length; len += 2) out.push(code.slice(0, len));
  return out;
}
