import { parseDelimited } from '../../src-core';

/** Splits tab-separated text as Excel and WPS put it on the clipboard (quoted fields, CRLF, trailing newline). */
export function parseTsv(text: string): string[][] {
  return parseDelimited(text, '\t');
}

/** Joins a block as tab-separated text, quoting fields that need it. */
export function toTsv(rows: readonly (readonly string[])[]): string {
  const q = (s: string) => (/[\t\n"]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return rows.map((r) => r.map(q).join('\t')).join('\r\n');
}
