import { latin1 } from './pdf-destinations';

/**
 * Chromium (156) sometimes writes a heading twice into the PDF's bookmarks — “2023年度收入决算表2023年度收入决算表” —
 * when the heading is laid out again at a page break. The bookmark titles are UTF-16 hex strings in plain
 * dictionaries, so the doubled ones are rewritten in place, padded with spaces to the same length: no object moves
 * and the cross-reference table stays valid.
 *
 * @returns the same bytes when nothing needed fixing, otherwise a corrected copy.
 */
export function tidyPdfOutline(bytes: Uint8Array): Uint8Array {
  let out: Uint8Array | null = null;
  const text = latin1(bytes);
  for (const m of text.matchAll(/\/Title\s*<FEFF((?:[0-9A-Fa-f]{4})+)>/g)) {
    const hex = m[1] as string;
    const half = hex.length / 2;
    // At least two characters each half, and both halves the same text.
    if (
      hex.length % 8 !== 0 ||
      half < 8 ||
      hex.slice(0, half).toUpperCase() !== hex.slice(half).toUpperCase()
    )
      continue;
    out ??= bytes.slice();
    const start = (m.index as number) + m[0].indexOf('<FEFF') + 5 + half;
    // …<FEFF + first half> then the rest as spaces: “>” moves to the first freed byte.
    out[start] = 0x3e; // >
    out.fill(0x20, start + 1, start + half + 1);
  }
  return out ?? bytes;
}
