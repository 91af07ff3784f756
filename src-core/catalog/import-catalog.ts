import type { CatalogEntry } from './catalog';
import { levelOfCode } from './catalog';

export type CatalogImport =
  | {
      readonly ok: true;
      readonly entries: readonly CatalogEntry[];
      /** Lines that were not read, with why (in Chinese). */
      readonly skipped: readonly string[];
    }
  | { readonly ok: false; readonly message: string };

/**
 * Reads a two-column catalog (编码, 名称) from rows as a spreadsheet or CSV gives them. A header row is
 * recognised and skipped; codes keep their leading digits (a code stored as a number reads the same).
 */
export function parseCatalogRows(rows: readonly (readonly unknown[])[]): CatalogImport {
  const entries = new Map<string, string>();
  const skipped: string[] = [];
  rows.forEach((row, i) => {
    const line = i + 1;
    const code = cellText(row[0]).replace(/\s/g, '');
    const name = cellText(row[1]).trim();
    if (code === '' && name === '') return;
    if (i === 0 && /编码|代码|code/i.test(code)) return;
    if (levelOfCode(code) === undefined) {
      skipped.push(`第 ${line} 行：“${code}”不是 3、5 或 7 位的科目编码`);
      return;
    }
    if (name === '') {
      skipped.push(`第 ${line} 行：科目 ${code} 没有名称`);
      return;
    }
    if (entries.has(code) && entries.get(code) !== name)
      skipped.push(`第 ${line} 行：科目 ${code} 重复，采用后出现的名称“${name}”`);
    entries.set(code, name);
  });
  if (entries.size === 0) {
    return {
      ok: false,
      message: '文件里没有读到科目：应有两列，第一列是科目编码（3、5 或 7 位数字），第二列是科目名称。',
    };
  }
  return {
    ok: true,
    entries: [...entries].map(([code, name]) => ({ code, name })).sort((a, b) => (a.code < b.code ? -1 : 1)),
    skipped,
  };
}

/** Splits CSV text (comma or tab separated, quotes allowed, optional BOM) into rows. */
export function parseCsv(text: string): string[][] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const first = src.split('\n', 1)[0] ?? '';
  return parseDelimited(src, first.includes('\t') && !first.includes(',') ? '\t' : ',');
}

/**
 * Splits delimited text as spreadsheets write it — CSV files, or the tab-separated block Excel and WPS put on the
 * clipboard: quoted fields with doubled quotes, CR LF or LF line ends, a trailing line end ignored.
 */
export function parseDelimited(text: string, sep: ',' | '\t'): string[][] {
  const src = text.replace(/\r\n?/g, '\n');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i] as string;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === sep) {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : '';
  if (typeof v === 'string')
    return v.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (typeof v === 'object' && 'text' in v) return cellText((v as { text: unknown }).text);
  if (typeof v === 'object' && 'richText' in v) {
    return ((v as { richText: { text: string }[] }).richText ?? []).map((r) => r.text).join('');
  }
  return String(v);
}
