import { pdfDestinationPages } from './pdf-destinations';
import { tidyPdfOutline } from './pdf-outline';

/**
 * Page numbers in the 目录. Chromium has no target-counter(), so a printed 目录 learns its numbers from a first print:
 * every entry links to its part, section or table and holds an empty, fixed-width number slot; the first PDF's named
 * destinations say where each target landed; the slots are filled and the page printed again. The slot's width does
 * not depend on its digits, so filling it moves nothing and the second print has the same pages as the first.
 */

const SLOT = /<span class="toc-page" data-toc-page="([^"]*)"><\/span>/g;

/** The element id a 目录 entry links to; ids are built from template keys, kept to characters safe in a PDF name. */
export function tocTargetId(kind: 'part' | 'section' | 'table', key: string): string {
  return `gk-${kind}-${key.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.codePointAt(0)?.toString(16)}`)}`;
}

/**
 * One 目录 line: the entry's (escaped) text, a dotted leader and the number slot, all one link to `targetId` so the
 * PDF's 目录 is also clickable.
 */
export function tocEntryHtml(textHtml: string, targetId: string, className: string): string {
  return (
    `<li class="${className}"><a class="toc-link" href="#${targetId}">` +
    `<span class="toc-text">${textHtml}</span><span class="toc-leader"></span>` +
    `<span class="toc-page" data-toc-page="${targetId}"></span></a></li>`
  );
}

/** Rules for tocEntryHtml's lines (the page's font and size are the caller's). */
export const TOC_ENTRY_CSS = `
.toc-link { display: flex; align-items: last baseline; color: inherit; text-decoration: none; }
.toc-text { flex: 0 1 auto; text-wrap: pretty; }
/* The leader and the number stand on an entry's last line, as in a word processor's 目录. */
.toc-leader { flex: 1 1 1em; margin: 0 0.2em; border-bottom: 1.5pt dotted #000; align-self: last baseline; }
/* As a word processor's right tab with a leader: the dots run up to the number, whose width is its own (a fixed slot
   left a gap before short numbers, and a three-digit number of a department publication overflowed it, which made
   Chromium shrink the whole print and move the very pages the 目录 names). */
.toc-page { flex: none; text-align: right; letter-spacing: 0; }
/* Until the numbers are known (a browser's own print) no leader points at an empty slot. */
.toc-page:empty, .toc-link:has(.toc-page:empty) .toc-leader { visibility: hidden; }
`;

/** Whether the HTML has a 目录 built by tocEntryHtml (its numbers filled in or not). */
export function hasToc(html: string): boolean {
  return html.includes(' data-toc-page="');
}

/** Whether the HTML has 目录 number slots still to fill. */
export function hasTocSlots(html: string): boolean {
  // Not SLOT.test: on a global RegExp it moves lastIndex, which the next matchAll(SLOT) copies and starts from,
  // so tocSlotIds found no slots and the page went to the printer without its 目录 numbers.
  return tocSlotIds(html).length > 0;
}

/** The HTML with each slot holding its target's page; a target not found keeps its empty slot. */
export function fillTocPages(html: string, pages: ReadonlyMap<string, number>): string {
  return html.replace(SLOT, (slot, id: string) => {
    const page = pages.get(id);
    return page === undefined ? slot : `<span class="toc-page" data-toc-page="${id}">${page}</span>`;
  });
}

/** The targets of the 目录's number slots still to fill, in the 目录's order. */
export function tocSlotIds(html: string): string[] {
  return [...html.matchAll(SLOT)].map((m) => m[1] as string);
}

/**
 * Prints `html` to PDF with the 目录's page numbers filled in (see above): one print when there is no 目录. With a
 * 目录, the pages come from `guess` when it names every target (the last print of the same 目录), else from a first
 * print (`draft` when given: a cheaper print with the same pages); the slots are filled and the page printed. The
 * PDF's own destinations then check the numbers it shows, and a target that moved after all means one more print
 * (two at most).
 *
 * @returns the PDF (its bookmark titles tidied, see tidyPdfOutline), the HTML it was printed from (the one to send
 *   to a printer), the pages its targets are on, and how many prints it took.
 */
export async function printWithTocPages(
  html: string,
  toPdf: (html: string) => Promise<Uint8Array>,
  options: {
    readonly guess?: ReadonlyMap<string, number>;
    readonly draft?: (html: string) => Promise<Uint8Array>;
  } = {},
): Promise<{
  readonly pdf: Uint8Array;
  readonly html: string;
  readonly pages: ReadonlyMap<string, number>;
  readonly prints: number;
}> {
  const ids = tocSlotIds(html);
  if (ids.length === 0) {
    const pdf = await toPdf(html);
    return { pdf: tidyPdfOutline(pdf), html, pages: new Map(), prints: 1 };
  }
  let prints = 0;
  let pdf: Uint8Array | null = null;
  let pages: ReadonlyMap<string, number>;
  const { guess } = options;
  if (guess && ids.every((id) => guess.has(id))) pages = guess;
  else {
    const first = await (options.draft ?? toPdf)(html);
    prints++;
    if (!options.draft) pdf = first;
    pages = pdfDestinationPages(first);
  }
  if (pages.size === 0) {
    // No destinations to read: the 目录 goes without numbers rather than with wrong ones.
    if (!pdf) {
      pdf = await toPdf(html);
      prints++;
    }
    return { pdf: tidyPdfOutline(pdf), html, pages, prints };
  }
  for (;;) {
    const printed = fillTocPages(html, pages);
    const final = await toPdf(printed);
    prints++;
    const now = pdfDestinationPages(final);
    if (samePages(pages, now) || now.size === 0 || prints >= 3)
      return { pdf: tidyPdfOutline(final), html: printed, pages, prints };
    pages = now;
  }
}

function samePages(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}

/** `data-pages="N"` on a print section: it prints on exactly N pages (see declaredTocPages). */
export function pagesAttr(pages: number | undefined): string {
  return pages === undefined ? '' : ` data-pages="${pages}"`;
}

/**
 * The 目录's pages as the HTML itself declares them, so that the first print of a document can be its only one:
 * when every `<section>` says how many pages it prints on (`data-pages`, written where that is known — a cover, a
 * 目录 short enough for its page, a table page-fit.ts put on one page), each starts a new page (the print CSS breaks
 * before every section but the first), so a section's first page is the sum of those before it. Undefined when a
 * section does not say, or a target of the 目录 is not a section. A declaration is only a guess: the print checks
 * it (printWithTocPages) and is redone if a table ran over after all.
 */
export function declaredTocPages(html: string): ReadonlyMap<string, number> | undefined {
  const ids = tocSlotIds(html);
  if (ids.length === 0) return undefined;
  const pages = new Map<string, number>();
  let page = 1;
  for (const m of html.matchAll(/<section\b([^>]*)>/g)) {
    const attrs = m[1] as string;
    const count = /\sdata-pages="(\d+)"/.exec(attrs);
    if (!count) return undefined;
    const id = /\sid="([^"]*)"/.exec(attrs)?.[1];
    if (id !== undefined) pages.set(id, page);
    page += Number(count[1]);
  }
  return ids.every((id) => pages.has(id)) ? pages : undefined;
}
