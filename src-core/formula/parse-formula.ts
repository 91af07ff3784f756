import {
  NodeKind,
  type CellRefNode,
  type EquationNode,
  type Level,
  type RowSelector,
  type SigmaNode,
  type SumNode,
  type Term,
} from './ast';
import { FormulaSyntaxError, tokenize, type Token } from './tokenize';

/**
 * Parses a formula as printed under a form, possibly several equations separated by `；`:
 *
 *   27行=（1+2+3+4+5+6+7+8）行      58行=（32+33+…+57）行      1栏各行=（2+3+4+5+6+7）栏各行
 *   6栏各行=（1+2-3）栏各行          1栏=（2+3+6）栏
 *
 * and the extension the implied and inter-table rules use, in the same spirit:
 *
 *   31行=62行                        a row (its value column) equals another
 *   [人员经费合计]=[301]+[303]       rows by key (科目编码 or a fixed label)
 *   [合计]=Σ类；类=Σ款；款=Σ项        a total equals the sum of the rows one level below
 *   [301]=Σ[301xx]                   … of the rows whose code matches (x = any digit)
 *   公开01表{类}=公开03表{类}1栏      for each 类 code, a row of one table equals the matching row of another
 *   公开05表[合计]2栏=公开06表[人员经费合计]+公开06表[公用经费合计]
 *
 * Throws FormulaSyntaxError (Chinese message) on anything else.
 */
export function parseFormula(text: string): EquationNode[] {
  const pieces = text
    .split(/[；;]/)
    .map((p) =>
      p
        .trim()
        .replace(/[。.]$/, '')
        .trim(),
    )
    .filter((p) => p !== '');
  if (pieces.length === 0) throw new FormulaSyntaxError('公式是空的', 0);
  return pieces.map(parseEquation);
}

/**
 * Parses one reference in the same notation — `公开01表31行`, `公开03表[合计]2栏`, `公开06表[人员经费合计]`, `公开09表7栏` —
 * as the publication's named quantities are written. Throws FormulaSyntaxError.
 */
export function parseReference(text: string): CellRefNode {
  const p = new Parser(tokenize(text), text);
  const side = p.parseSide();
  p.expectEnd();
  const only = side.terms[0];
  if (side.terms.length !== 1 || !only || only.sign !== 1 || only.node.kind !== NodeKind.CellRef) {
    throw new FormulaSyntaxError(`应是一个单元格引用：${text}`, 0);
  }
  return only.node;
}

function parseEquation(text: string): EquationNode {
  const p = new Parser(tokenize(text), text);
  const left = p.parseSide();
  p.expect('=', '缺少“=”');
  const right = p.parseSide();
  p.expectEnd();
  if (left.terms.length !== 1 || left.terms[0]?.sign !== 1 || left.terms[0].node.kind !== NodeKind.CellRef) {
    throw new FormulaSyntaxError(`“=”左边应是一个单元格或一行/一栏：${text}`, 0);
  }
  return { kind: NodeKind.Equation, text, left: left.terms[0].node, right };
}

class Parser {
  private i = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly text: string,
  ) {}

  private peek(offset = 0): Token | undefined {
    return this.tokens[this.i + offset];
  }

  private next(): Token {
    const tok = this.tokens[this.i++];
    if (!tok) throw new FormulaSyntaxError(`公式不完整：${this.text}`, this.text.length);
    return tok;
  }

  expect(t: Token['t'], message: string): Token {
    const tok = this.peek();
    if (!tok || tok.t !== t)
      throw new FormulaSyntaxError(`${message}：${this.text}`, tok?.at ?? this.text.length);
    this.i++;
    return tok;
  }

  expectEnd(): void {
    const tok = this.peek();
    if (tok) throw new FormulaSyntaxError(`多余的内容：${this.text.slice(tok.at)}`, tok.at);
  }

  parseSide(): SumNode {
    const terms: Term[] = [];
    let sign: 1 | -1 = 1;
    const first = this.peek();
    if (first?.t === '-') {
      sign = -1;
      this.i++;
    }
    for (;;) {
      for (const term of this.parseTerm())
        terms.push({ sign: (term.sign * sign) as 1 | -1, node: term.node });
      const op = this.peek();
      if (op?.t === '+' || op?.t === '-') {
        this.i++;
        sign = op.t === '+' ? 1 : -1;
        continue;
      }
      break;
    }
    return { kind: NodeKind.Sum, terms };
  }

  /** One term; a parenthesised official group expands into several. */
  private parseTerm(): Term[] {
    const tok = this.peek();
    if (!tok) throw new FormulaSyntaxError(`公式不完整：${this.text}`, this.text.length);
    if (tok.t === '(') return this.parseGroup(null);
    if (tok.t === 'table' && this.peek(1)?.t === '(') {
      this.i++;
      return this.parseGroup(tok.v);
    }
    if (tok.t === 'Σ') return [{ sign: 1, node: this.parseSigma(null) }];
    if (tok.t === 'table' && this.peek(1)?.t === 'Σ') {
      this.i++;
      return [{ sign: 1, node: this.parseSigma(tok.v) }];
    }
    return [{ sign: 1, node: this.parseRef() }];
  }

  /** `（1+2+…+8）行`, `（2+3-4）栏各行`, `（2+3+6）栏`, optionally after `公开NN表`. */
  private parseGroup(table: string | null): Term[] {
    this.expect('(', '缺少“（”');
    const items: { sign: 1 | -1; n: number }[] = [];
    let sign: 1 | -1 = 1;
    let pendingRange = false;
    for (;;) {
      const tok = this.next();
      if (tok.t === 'num') {
        if (pendingRange) {
          const from = items[items.length - 1];
          if (!from || tok.v <= from.n)
            throw new FormulaSyntaxError(`“…”前后的数不成区间：${this.text}`, tok.at);
          for (let n = from.n + 1; n <= tok.v; n++) items.push({ sign, n });
          pendingRange = false;
        } else items.push({ sign, n: tok.v });
      } else if (tok.t === '…') {
        if (items.length === 0 || sign !== 1)
          throw new FormulaSyntaxError(`“…”用错了位置：${this.text}`, tok.at);
        pendingRange = true;
        // "32+33+…+57": the '+' after '…' belongs to the range.
        if (this.peek()?.t === '+') this.i++;
        continue;
      } else throw new FormulaSyntaxError(`括号里应是行次或栏次：${this.text}`, tok.at);
      const after = this.next();
      if (after.t === ')') break;
      if (after.t === '+' || after.t === '-') {
        sign = after.t === '+' ? 1 : -1;
        continue;
      }
      throw new FormulaSyntaxError(`括号里应是“+”或“-”：${this.text}`, after.at);
    }
    if (pendingRange) throw new FormulaSyntaxError(`“…”后缺少终点：${this.text}`, this.text.length);
    const unit = this.next();
    if (unit.t === '行') {
      return items.map(({ sign: s, n }) => ({
        sign: s,
        node: ref(table, { by: 'lineNo', lineNo: n }, null),
      }));
    }
    if (unit.t === '栏') {
      const each = this.peek()?.t === '各行';
      if (each) this.i++;
      const row: RowSelector | null = each ? { by: 'each' } : null;
      return items.map(({ sign: s, n }) => ({ sign: s, node: ref(table, row, String(n)) }));
    }
    throw new FormulaSyntaxError(`括号后应是“行”或“栏”：${this.text}`, unit.at);
  }

  private parseSigma(table: string | null): SigmaNode {
    this.expect('Σ', '缺少“Σ”');
    const tok = this.next();
    if (tok.t === 'level') return { kind: NodeKind.Sigma, table, of: { by: 'level', level: tok.v } };
    if (tok.t === 'key') {
      if (!/^[0-9x]+$/.test(tok.v))
        throw new FormulaSyntaxError(`Σ[…] 里应是编码模式，如 301xx：${this.text}`, tok.at);
      return { kind: NodeKind.Sigma, table, of: { by: 'pattern', pattern: tok.v } };
    }
    throw new FormulaSyntaxError(`Σ 后应是 类/款/项 或 [编码模式]：${this.text}`, tok.at);
  }

  /** `27行`, `27行1栏`, `1栏各行`, `11栏`, `[301]`, `[合计]2栏`, `{类}1栏`, `类`, each optionally after `公开NN表`. */
  private parseRef(): CellRefNode {
    let table: string | null = null;
    let row: RowSelector | null = null;
    let col: string | null = null;
    let tok = this.next();
    if (tok.t === 'table') {
      table = tok.v;
      tok = this.next();
    }
    if (tok.t === 'num') {
      const unit = this.next();
      if (unit.t === '行') row = { by: 'lineNo', lineNo: tok.v };
      else if (unit.t === '栏') col = String(tok.v);
      else throw new FormulaSyntaxError(`数字后应是“行”或“栏”：${this.text}`, unit.at);
    } else if (tok.t === 'key') row = { by: 'key', key: tok.v };
    else if (tok.t === 'match') row = { by: 'matchCode', level: tok.v as Level };
    else if (tok.t === 'level') row = { by: 'level', level: tok.v };
    else throw new FormulaSyntaxError(`这里应是行次、栏次或[编码]：${this.text}`, tok.at);

    if (col === null && this.peek()?.t === 'num' && this.peek(1)?.t === '栏') {
      col = String((this.next() as { v: number }).v);
      this.i++;
    }
    if (this.peek()?.t === '各行') {
      if (col === null || row !== null)
        throw new FormulaSyntaxError(`“各行”只能跟在“N栏”后：${this.text}`, this.peek()?.at ?? 0);
      this.i++;
      row = { by: 'each' };
    }
    return ref(table, row, col);
  }
}

function ref(table: string | null, row: RowSelector | null, col: string | null): CellRefNode {
  return { kind: NodeKind.CellRef, table, row, col };
}
