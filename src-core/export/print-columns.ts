/**
 * Column widths for the printed forms. Chromium lays a `table-layout: fixed` table out from the widths we give it
 * and never looks at the content, so the widths must come from the content: amounts must fit on one line (a
 * wrapped amount is misread), names may wrap but not one character a line. There is no DOM here to measure text,
 * so widths are estimated in em from the characters; the PDF test checks the estimate against real layout.
 */

/**
 * Estimated width of a text in em, the wider of the two fonts the pages are printed in: CJK and full-width
 * characters 1em; digits 0.55em in Noto Serif CJK (0.5em in SimSun); SimSun's half-width comma, point and space
 * are 0.5em where Noto's are a third, so an amount's separators count 0.5em.
 */
export function textWidthEm(text: string): number {
  let w = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0x2e80) w += 1;
    else if (ch >= '0' && ch <= '9') w += 0.56;
    else if (ch === ',' || ch === '.' || ch === ' ' || ch === '-') w += 0.5;
    else w += 0.66;
  }
  return w;
}

/**
 * What one display column needs, in em of the table's font: `min` it cannot go below (amounts, codes; names at a
 * few characters a line), `fit` shows its content on one line (names up to a cap), `want` adds air around figures.
 */
export interface ColumnNeed {
  min: number;
  fit: number;
  want: number;
}

/** Room for the cell's horizontal padding and border, in em (see .form td in print-html.ts). */
export const CELL_PADDING_EM = 0.9;

/**
 * Fits the columns into the page width. Returns the font size to use (pt) and each column's share of the table
 * width (percent). The room is handed out in tiers, so that what matters most is given up last: first everything
 * at its minimum, then names on one line, then air around the figures; whatever is left over widens all columns
 * in proportion. No room even for the minimums: the font shrinks (down to `minFontPt`) rather than anything being
 * clipped.
 */
export function fitColumns(
  needs: readonly ColumnNeed[],
  pageWidthPt: number,
  fontPt: number,
  minFontPt: number,
): { fontPt: number; percents: number[] } {
  const levels = needs.map((n) => {
    const fit = Math.max(n.fit, n.min);
    return [n.min, fit, Math.max(n.want, fit)] as const;
  });
  const sum = (k: 0 | 1 | 2) => levels.reduce((s, l) => s + l[k], 0);
  // A 2% reserve absorbs the error of the character-width estimate and the collapsed borders.
  const usable = pageWidthPt * 0.98;
  let font = fontPt;
  if (sum(0) * font > usable) font = Math.max(minFontPt, Math.floor((usable / sum(0)) * 10) / 10);
  const avail = usable / font;
  let widths: number[];
  if (sum(2) <= avail) widths = levels.map((l) => l[2]);
  else {
    const k = sum(1) <= avail ? 1 : 0;
    const base = sum(k);
    const extra = Math.max(0, avail - base);
    const wanting = sum((k + 1) as 1 | 2) - base;
    widths = levels.map(
      (l) => l[k] + (wanting > 0 ? ((l[k + 1] as number) - l[k]) * Math.min(1, extra / wanting) : 0),
    );
  }
  const total = widths.reduce((s, w) => s + w, 0);
  return { fontPt: font, percents: widths.map((w) => (w / total) * 100) };
}
