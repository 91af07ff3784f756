import { Decimal } from './decimal';

/** What a typed or pasted amount turned out to be. */
export type ParsedAmount =
  { readonly ok: true; readonly value: Decimal | null } | { readonly ok: false; readonly message: string };

const FULL_WIDTH: Record<string, string> = {
  '０': '0',
  '１': '1',
  '２': '2',
  '３': '3',
  '４': '4',
  '５': '5',
  '６': '6',
  '７': '7',
  '８': '8',
  '９': '9',
  '，': ',',
  '．': '.',
  '。': '.',
  '－': '-',
  '−': '-',
  '—': '-',
  '＋': '+',
  '（': '(',
  '）': ')',
  '　': ' ',
  '\u00a0': ' ',
};

/**
 * The longest figure a 决算 table can hold: 15 integer digits is 千万亿 (a whole national budget in 元 fits), and 8
 * decimals leave room for 万元 converted from 元 with its tail. Anything longer is a paste gone wrong, and refusing it
 * early keeps every later step (grouping, the engine, formatting) bounded.
 */
export const MAX_INTEGER_DIGITS = 15;
export const MAX_FRACTION_DIGITS = 8;
/** Longer than any bounded amount could be written, even with separators, spaces and brackets. */
const MAX_TEXT_LENGTH = 64;

/** A plain amount within the bounds, as the file stores it. */
const CANONICAL = /^-?\d{1,15}(\.\d{1,8})?$/;
const PLAIN = /^\d+(\.\d+)?$|^\.\d+$/;
const GROUPED = /^\d{1,3}(,\d{3})+(\.\d+)?$/;

function normaliseWidth(raw: string): string {
  let out = '';
  for (const ch of raw) out += FULL_WIDTH[ch] ?? ch;
  return out;
}

/**
 * Reads an amount the way finance staff type or paste it: `1455.41`, `1,455.41`, `1, 455. 41` (copied from a
 * PDF), full-width `１，４５５．４１`, `-12.3` or `(12.3)` for negatives; blank means empty. Anything else is
 * refused with a Chinese message — it is never turned into 0.
 */
export function parseAmount(raw: string): ParsedAmount {
  // What files and the engine mostly hold (`1455.41`, `-3`): the general path below gives the same value, slower.
  if (CANONICAL.test(raw)) {
    const negative = raw.charCodeAt(0) === 0x2d;
    const value = new Decimal(negative ? raw.slice(1) : raw);
    return { ok: true, value: negative && !value.isZero() ? value.negated() : value };
  }
  const shown = raw.trim();
  if (shown.length > MAX_TEXT_LENGTH) return fail(shown, `太长（${shown.length} 个字符），不是一个金额`);
  let s = normaliseWidth(raw).trim();
  if (s === '') return { ok: true, value: null };

  // PDF text extraction puts spaces after separators ("1, 455. 41"); spaces elsewhere are a typo.
  s = s.replace(/\s*([,.])\s*/g, '$1');
  if (/\s/.test(s)) return fail(shown, '数字中间有空格');

  let negative = false;
  if (s.startsWith('(') || s.endsWith(')')) {
    if (!(s.startsWith('(') && s.endsWith(')'))) return fail(shown, '括号不成对');
    s = s.slice(1, -1).trim();
    negative = true;
  }
  if (s.startsWith('-') || s.startsWith('+')) {
    if (negative) return fail(shown, '括号负数里不能再写正负号');
    negative = s.startsWith('-');
    s = s.slice(1);
    if (s.startsWith('-') || s.startsWith('+')) return fail(shown, '正负号重复');
  }
  if (s === '') return fail(shown, '只有符号，没有数字');
  if (/万|元|亿|千|百/.test(s)) return fail(shown, '不要带单位，金额单位由表头决定（如万元），只填数字');
  if (/%/.test(s)) return fail(shown, '金额不能是百分数');
  if (/[^0-9,.]/.test(s)) return fail(shown, '含有数字以外的字符');
  if ((s.match(/\./g) ?? []).length > 1) return fail(shown, '小数点多于一个');
  if (s.includes(',') && !GROUPED.test(s)) return fail(shown, '千分位逗号的位置不对');
  if (!s.includes(',') && !PLAIN.test(s)) return fail(shown, '不是有效的数字');
  const [int = '', frac = ''] = s.replace(/,/g, '').split('.');
  if (int.replace(/^0+(?=\d)/, '').length > MAX_INTEGER_DIGITS)
    return fail(shown, `整数部分最多 ${MAX_INTEGER_DIGITS} 位`);
  if (frac.length > MAX_FRACTION_DIGITS) return fail(shown, `小数最多 ${MAX_FRACTION_DIGITS} 位`);

  const value = new Decimal(s.replace(/,/g, ''));
  return { ok: true, value: negative && !value.isZero() ? value.negated() : value };
}

function fail(shown: string, why: string): ParsedAmount {
  // A pasted page of digits is quoted by its start only: the message is for reading.
  const quoted = shown.length > 24 ? `${shown.slice(0, 20)}…` : shown;
  return { ok: false, message: `无法识别的金额“${quoted}”：${why}。` };
}
