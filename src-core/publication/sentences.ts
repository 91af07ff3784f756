/**
 * The 情况说明's text cut into what the statement check reads: a paragraph normalised (spaces and line breaks
 * dropped, half-width punctuation made full-width) with a map back to the original offsets, its sentences, their
 * clauses, and the numbers stated in them.
 */

/** A paragraph as the checker reads it, with `at[i]` the original offset of character i. */
export interface Normalised {
  readonly text: string;
  readonly at: readonly number[];
  /** Length of the original paragraph (the end offset of a span reaching the last character). */
  readonly length: number;
}

const FULL_WIDTH: Readonly<Record<string, string>> = {
  '(': '（',
  ')': '）',
  ':': '：',
  ';': '；',
  '?': '？',
  '!': '！',
  '％': '%',
};

/** Drops whitespace (PDF copies break lines mid-word: “决算\n为”) and unifies punctuation, keeping offsets. */
export function normalise(paragraph: string): Normalised {
  let text = '';
  const at: number[] = [];
  for (let i = 0; i < paragraph.length; i++) {
    let ch = paragraph[i] as string;
    if (/[\s\u3000]/.test(ch)) continue;
    const code = ch.charCodeAt(0);
    // Full-width digits and the full-width full stop inside numbers (１４５５．４１).
    if (code >= 0xff10 && code <= 0xff19) ch = String.fromCharCode(code - 0xfee0);
    else if (ch === '．' && /\d/.test(text.slice(-1))) ch = '.';
    else ch = FULL_WIDTH[ch] ?? ch;
    // A comma between numbers is a list (“4125.49,4143.91”); one in a number (1,511.89) is kept as is.
    if (ch === ',' && !(/\d$/.test(text) && /^\d{3}(?!\d)/.test(paragraph.slice(i + 1)))) ch = '，';
    text += ch;
    at.push(i);
  }
  return { text, at, length: paragraph.length };
}

/** The original span of normalised characters [start, end). */
export function originalSpan(n: Normalised, start: number, end: number): { start: number; end: number } {
  const s = n.at[start] ?? n.length;
  const e = end > 0 ? (n.at[end - 1] ?? n.length - 1) + 1 : s;
  return { start: s, end: e };
}

export interface Clause {
  readonly start: number;
  readonly end: number;
}

export interface Sentence {
  readonly start: number;
  readonly end: number;
  readonly clauses: readonly Clause[];
}

/**
 * Sentences end at 。！？ (and the paragraph's end); clauses at ，；：、 inside them — except a 、 inside one of the
 * `names` (收、支总计 is one name).
 */
export function sentences(text: string, names: readonly string[] = []): Sentence[] {
  const kept = new Set<number>();
  for (const name of names) {
    const inner = name.indexOf('、');
    if (inner < 0) continue;
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) kept.add(at + inner);
  }
  const out: Sentence[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const ch = text[i];
    if (i === text.length || ch === '。' || ch === '！' || ch === '？') {
      if (i > start) out.push({ start, end: i, clauses: clausesOf(text, start, i, kept) });
      start = i + 1;
    }
  }
  return out;
}

function clausesOf(text: string, from: number, to: number, kept: ReadonlySet<number>): Clause[] {
  const out: Clause[] = [];
  let start = from;
  for (let i = from; i <= to; i++) {
    if (i === to || (/[，；：、]/.test(text[i] as string) && !kept.has(i))) {
      if (i > start) out.push({ start, end: i });
      start = i + 1;
    }
  }
  return out;
}

/** A number stated in the text, with the unit written after it. */
export interface StatedNumber {
  readonly start: number;
  readonly end: number;
  /** The digits as written (1,511.89), and their value's text without separators. */
  readonly digits: string;
  readonly value: string;
  /** 万元 (also for a bare 万), 元, 亿元, %, a count word (个 辆 台 …), or '' when none follows. */
  readonly unit: string;
}

const NUMBER = /\d+(?:,\d{3})*(?:\.\d+)?/g;
const UNITS = [
  '万元',
  '亿元',
  '万',
  '元',
  '%',
  '台（套）',
  '个',
  '辆',
  '台',
  '套',
  '项',
  '人',
  '次',
  '条',
  '批',
  '期',
  '篇',
];

/**
 * Every number of a normalised paragraph that states something: not a year or date (2023年, 12月31日), a list
 * marker (1、 1. （1）), an ordinal (第3), a figure or table label (图1, 公开05表) or a 科目编码 in a list.
 */
export function statedNumbers(text: string): StatedNumber[] {
  const out: StatedNumber[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const start = m.index ?? 0;
    const digits = m[0];
    let end = start + digits.length;
    const before = text.slice(Math.max(0, start - 1), start);
    const after = text.slice(end, end + 1);
    if (/^[年月日号]/.test(after) || /[第图表附]$/.test(before)) continue;
    // Inside a title (《2023汉阳街力赛》) a number is part of a name.
    if (text.lastIndexOf('《', start) > text.lastIndexOf('》', start)) continue;
    // List markers: 1、 1. （1） at a paragraph or sentence start.
    const atStart = start === 0 || /[。；：！？\n]$/.test(before);
    if (atStart && /^[、.．]/.test(after) && !/^\.\d/.test(text.slice(end))) continue;
    if (before === '（' && after === '）' && /(^|[。；：])$/.test(text.slice(0, start - 1))) continue;
    // 784余条, 20多人: an approximate count keeps its unit.
    const approx = /^[余多]/.test(text.slice(end)) ? 1 : 0;
    const unit = UNITS.find((u) => text.startsWith(u, end + approx)) ?? '';
    if (unit) end += approx + unit.length;
    out.push({
      start,
      end,
      digits,
      value: digits.replace(/,/g, ''),
      unit: unit === '万' ? '万元' : unit === '台（套）' || unit === '套' ? '台' : unit,
    });
  }
  return out;
}
