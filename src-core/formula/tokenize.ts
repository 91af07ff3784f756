/** Tokens of the official formula notation. Full-width and ASCII punctuation are both accepted. */
export type Token =
  | { readonly t: 'num'; readonly v: number; readonly at: number }
  | { readonly t: 'key'; readonly v: string; readonly at: number }
  | { readonly t: 'match'; readonly v: string; readonly at: number }
  | { readonly t: 'table'; readonly v: string; readonly at: number }
  | { readonly t: 'level'; readonly v: '类' | '款' | '项'; readonly at: number }
  | {
      readonly t: '(' | ')' | '+' | '-' | '=' | '…' | 'Σ' | '行' | '栏' | '各行';
      readonly at: number;
    };

export class FormulaSyntaxError extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

const SINGLE: Record<string, Token['t']> = {
  '(': '(',
  '（': '(',
  ')': ')',
  '）': ')',
  '+': '+',
  '＋': '+',
  '-': '-',
  '－': '-',
  '−': '-',
  '=': '=',
  '＝': '=',
  Σ: 'Σ',
  '∑': 'Σ',
  行: '行',
  栏: '栏',
};

/** Splits one equation's text into tokens; spaces are ignored. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (/[0-9０-９]/.test(ch)) {
      let j = i;
      let digits = '';
      while (j < text.length && /[0-9０-９]/.test(text[j] as string)) {
        const d = text[j] as string;
        digits += d >= '０' && d <= '９' ? String.fromCharCode(d.charCodeAt(0) - 0xfee0) : d;
        j++;
      }
      out.push({ t: 'num', v: Number(digits), at: i });
      i = j;
      continue;
    }
    if (text.startsWith('……', i) || text.startsWith('...', i)) {
      out.push({ t: '…', at: i });
      i += text.startsWith('……', i) ? 2 : 3;
      continue;
    }
    if (ch === '…' || ch === '⋯') {
      out.push({ t: '…', at: i });
      i++;
      continue;
    }
    if (text.startsWith('各行', i)) {
      out.push({ t: '各行', at: i });
      i += 2;
      continue;
    }
    const table = /^公开(\d{2})表/.exec(text.slice(i));
    if (table) {
      out.push({ t: 'table', v: table[1] as string, at: i });
      i += table[0].length;
      continue;
    }
    if (ch === '[' || ch === '【' || ch === '{' || ch === '｛') {
      const close = ch === '[' ? ']' : ch === '【' ? '】' : ch === '{' ? '}' : '｝';
      const end = text.indexOf(close, i + 1);
      if (end < 0) throw new FormulaSyntaxError(`“${ch}”没有对应的“${close}”`, i);
      const inner = text.slice(i + 1, end).trim();
      if (inner === '') throw new FormulaSyntaxError('括号里是空的', i);
      if (ch === '[' || ch === '【') out.push({ t: 'key', v: inner, at: i });
      else {
        if (inner !== '类' && inner !== '款' && inner !== '项') {
          throw new FormulaSyntaxError(`{…} 里只能写 类、款 或 项，而不是“${inner}”`, i);
        }
        out.push({ t: 'match', v: inner, at: i });
      }
      i = end + 1;
      continue;
    }
    if (ch === '类' || ch === '款' || ch === '项') {
      out.push({ t: 'level', v: ch, at: i });
      i++;
      continue;
    }
    const single = SINGLE[ch];
    if (single) {
      out.push({ t: single, at: i } as Token);
      i++;
      continue;
    }
    throw new FormulaSyntaxError(`不认识的字符“${ch}”`, i);
  }
  return out;
}
