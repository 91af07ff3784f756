import type { GongkaiDocument, PageFit, PageMargins, PageSetup } from '../document/types';
import type { FormSet, TableTemplate } from '../template';

/** The forms' own page margins (mm): what a document without a 页面设置 prints with. */
export const DEFAULT_PAGE_MARGINS_MM: PageMargins = { top: 15, bottom: 16, side: 15 };

/**
 * A document's 页面设置 with every default filled in from the profile's layout: what the print HTML and the xlsx
 * print setup both follow, so that the PDF, the 打印预览 and the spreadsheet cannot disagree.
 */
export interface ResolvedPageSetup {
  /** The orientation a table prints in: the setup's, else its form's. */
  readonly orientationOf: (template: TableTemplate) => 'portrait' | 'landscape';
  readonly fit: PageFit;
  /** Percent; 100 unless fit is 'scale'. */
  readonly scale: number;
  readonly margins: PageMargins;
  /** Table ids to print; undefined: every table. */
  readonly tables: readonly string[] | undefined;
  readonly cover: boolean;
  readonly toc: boolean;
  readonly repeatHeader: boolean;
}

/**
 * The 页面设置 a document prints with: its own settings where it has them, the profile's layout elsewhere. Ids the
 * forms do not have were already dropped when the document was read (readDocument).
 */
export function resolvePageSetup(doc: Pick<GongkaiDocument, 'pageSetup'>): ResolvedPageSetup {
  const setup: PageSetup = doc.pageSetup ?? {};
  const fit = setup.fit ?? 'auto';
  return {
    orientationOf: (template) => setup.orientation?.[template.id] ?? template.orientation,
    fit,
    scale: fit === 'scale' ? (setup.scale ?? 100) : 100,
    margins: setup.margins ?? DEFAULT_PAGE_MARGINS_MM,
    tables: setup.tables,
    cover: setup.cover ?? false,
    toc: setup.toc ?? false,
    repeatHeader: setup.repeatHeader ?? true,
  };
}

/**
 * The setup as a file should store it: entries equal to the profile's layout are left out (an orientation the form
 * has anyway, every table selected, the default margins …), so that a document whose setup says nothing new has none
 * and a changed profile default reaches it. Returns null when nothing is left.
 */
export function normalisePageSetup(formSet: FormSet, setup: PageSetup): PageSetup | null {
  const out: { -readonly [K in keyof PageSetup]: PageSetup[K] } = {};
  const orientation = Object.entries(setup.orientation ?? {}).filter(
    ([id, o]) => formSet.tableById.get(id)?.orientation !== o,
  );
  if (orientation.length > 0) out.orientation = Object.fromEntries(orientation);
  if (setup.fit !== undefined && setup.fit !== 'auto') out.fit = setup.fit;
  if (setup.fit === 'scale') out.scale = setup.scale ?? 100;
  const m = setup.margins;
  const d = DEFAULT_PAGE_MARGINS_MM;
  if (m && (m.top !== d.top || m.bottom !== d.bottom || m.side !== d.side)) out.margins = m;
  if (setup.tables !== undefined) {
    const wanted = new Set(setup.tables);
    // In the forms' order, once each; every table is the same as none named.
    const ordered = formSet.tables.filter((t) => wanted.has(t.id)).map((t) => t.id);
    if (ordered.length < formSet.tables.length) out.tables = ordered;
  }
  if (setup.cover) out.cover = true;
  if (setup.toc) out.toc = true;
  if (setup.repeatHeader === false) out.repeatHeader = false;
  return Object.keys(out).length > 0 ? out : null;
}
