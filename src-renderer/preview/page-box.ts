/**
 * The page boxes a print document asks for: its `@page` rules (the default one and the named ones, such as the
 * publication's `cover`, `text`, `table-portrait`, `table-landscape`) read as sizes and margins in CSS px, so the
 * preview lays each section out on exactly the page Chromium prints it on — whatever the HTML's style says,
 * nothing assumed about its names.
 */

/**
 * One page box: the sheet's size and its four margins, in whole CSS px — as Chromium's print uses them: it rounds
 * the sheet and each margin to the pixel (measured: an A4 page with 37/35 mm margins takes a block of 851 px,
 * 1123 − 140 − 132, not 850.39; 590 px of width, 794 − 106 − 98), and a line on the edge fits or not by that.
 */
export interface PageBox {
  readonly width: number;
  readonly height: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

/** An `@page` rule as the CSSOM gives it: its page name ('' for the default rule) and the declarations used here. */
export interface PageRuleText {
  readonly name: string;
  readonly size: string;
  readonly marginTop: string;
  readonly marginRight: string;
  readonly marginBottom: string;
  readonly marginLeft: string;
}

const PX_PER_UNIT: Readonly<Record<string, number>> = {
  px: 1,
  mm: 96 / 25.4,
  cm: 96 / 2.54,
  in: 96,
  pt: 96 / 72,
  pc: 16,
  q: 96 / 25.4 / 4,
};

/** A CSS length (`37mm`, `10.5pt`, `0`) in px; null when it is not an absolute length. */
export function cssLengthPx(text: string): number | null {
  const m = /^\s*(-?\d*\.?\d+)\s*([a-z]*)\s*$/i.exec(text);
  if (!m) return null;
  const n = Number(m[1]);
  const unit = (m[2] ?? '').toLowerCase();
  if (unit === '') return n === 0 ? 0 : null;
  const factor = PX_PER_UNIT[unit];
  return factor === undefined ? null : n * factor;
}

/** ISO and North-American sheet sizes `size:` may name, portrait, in mm. */
const SHEETS_MM: Readonly<Record<string, readonly [number, number]>> = {
  a5: [148, 210],
  a4: [210, 297],
  a3: [297, 420],
  b5: [176, 250],
  b4: [250, 353],
  letter: [215.9, 279.4],
  legal: [215.9, 355.6],
  ledger: [279.4, 431.8],
};

/** The sheet `size:` names (`A4 landscape`, `210mm 297mm`, `landscape`) in px; null for `auto` or nothing. */
export function pageSizePx(size: string): { width: number; height: number } | null {
  const words = size.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.includes('auto')) return null;
  let w: number;
  let h: number;
  const lengths = words.map(cssLengthPx).filter((n): n is number => n !== null);
  const sheet = words.map((x) => SHEETS_MM[x]).find((s) => s !== undefined);
  if (sheet) [w, h] = [sheet[0] * PX_PER_UNIT.mm!, sheet[1] * PX_PER_UNIT.mm!];
  else if (lengths.length > 0) [w, h] = [lengths[0]!, lengths[1] ?? lengths[0]!];
  else [w, h] = [210 * PX_PER_UNIT.mm!, 297 * PX_PER_UNIT.mm!];
  const landscape = words.includes('landscape');
  const portrait = words.includes('portrait');
  if ((landscape && w < h) || (portrait && w > h)) [w, h] = [h, w];
  return { width: w, height: h };
}

/** When no rule says: A4 (the paper these documents are printed on) with Chromium's default 1 cm margins. */
const DEFAULT_BOX: PageBox = {
  width: 210 * (96 / 25.4),
  height: 297 * (96 / 25.4),
  top: 96 / 2.54,
  right: 96 / 2.54,
  bottom: 96 / 2.54,
  left: 96 / 2.54,
};

/**
 * The box of pages named `name` (a section's computed `page`; `auto` or '' for the default): the default `@page`
 * rule's declarations, then the named rule's over them, as the cascade of page contexts does. Rules later in the
 * sheet win. Pseudo-class rules (`:left`, `:right`, `:first`) are not page names and are left out by the caller.
 */
export function resolvePageBox(rules: readonly PageRuleText[], name: string): PageBox {
  const wanted = name === 'auto' ? '' : name;
  let box: PageBox = DEFAULT_BOX;
  const apply = (r: PageRuleText) => {
    const size = pageSizePx(r.size);
    box = {
      width: size?.width ?? box.width,
      height: size?.height ?? box.height,
      top: cssLengthPx(r.marginTop) ?? box.top,
      right: cssLengthPx(r.marginRight) ?? box.right,
      bottom: cssLengthPx(r.marginBottom) ?? box.bottom,
      left: cssLengthPx(r.marginLeft) ?? box.left,
    };
  };
  for (const r of rules) if (r.name === '') apply(r);
  if (wanted !== '') for (const r of rules) if (r.name === wanted) apply(r);
  const b: PageBox = box;
  return {
    width: Math.round(b.width),
    height: Math.round(b.height),
    top: Math.round(b.top),
    right: Math.round(b.right),
    bottom: Math.round(b.bottom),
    left: Math.round(b.left),
  };
}

/** The document's `@page` rules (default and named; not the pseudo-class ones) as resolvePageBox reads them. */
export function documentPageRules(doc: Document): PageRuleText[] {
  const rules: PageRuleText[] = [];
  for (const sheet of doc.styleSheets) {
    for (const rule of sheet.cssRules) {
      // Not `instanceof CSSPageRule`: the frame's rules are of the frame's window.
      if (rule.type !== 6) continue;
      const page = rule as CSSPageRule;
      const name = page.selectorText.trim();
      if (name.includes(':')) continue;
      const s = page.style;
      rules.push({
        name,
        size: s.getPropertyValue('size'),
        marginTop: s.getPropertyValue('margin-top'),
        marginRight: s.getPropertyValue('margin-right'),
        marginBottom: s.getPropertyValue('margin-bottom'),
        marginLeft: s.getPropertyValue('margin-left'),
      });
    }
  }
  return rules;
}
