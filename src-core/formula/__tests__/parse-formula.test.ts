import { describe, expect, it } from 'vitest';
import { FormulaSyntaxError, NodeKind, parseFormula, type CellRefNode } from '../index';

function refs(text: string) {
  const [eq] = parseFormula(text);
  if (!eq) throw new Error('no equation');
  return {
    left: eq.left,
    right: eq.right.terms.map((t) => ({ sign: t.sign, node: t.node })),
  };
}

describe('parseFormula reads the notation printed under the forms', () => {
  it('27行=（1+2+3+4+5+6+7+8）行', () => {
    const { left, right } = refs('27行=（1+2+3+4+5+6+7+8）行');
    expect(left).toEqual({
      kind: NodeKind.CellRef,
      table: null,
      row: { by: 'lineNo', lineNo: 27 },
      col: null,
    });
    expect(right.map((t) => (t.node as CellRefNode).row)).toEqual(
      [1, 2, 3, 4, 5, 6, 7, 8].map((n) => ({ by: 'lineNo', lineNo: n })),
    );
  });

  it('58行=（32+33+…+57）行 expands the range', () => {
    const { right } = refs('58行=（32+33+…+57）行');
    expect(right).toHaveLength(26);
    expect((right[25]?.node as CellRefNode).row).toEqual({ by: 'lineNo', lineNo: 57 });
    expect(right.every((t) => t.sign === 1)).toBe(true);
  });

  it('1栏各行=（2+3+4+5+6+7）栏各行', () => {
    const { left, right } = refs('1栏各行=（2+3+4+5+6+7）栏各行');
    expect(left).toEqual({ kind: NodeKind.CellRef, table: null, row: { by: 'each' }, col: '1' });
    expect(right.map((t) => (t.node as CellRefNode).col)).toEqual(['2', '3', '4', '5', '6', '7']);
  });

  it('6栏各行=（1+2-3）栏各行 keeps the minus', () => {
    const { right } = refs('6栏各行=（1+2-3）栏各行');
    expect(right.map((t) => t.sign)).toEqual([1, 1, -1]);
  });

  it('1栏=（2+3+6）栏 (a one-row table)', () => {
    const { left, right } = refs('1栏=（2+3+6）栏');
    expect(left.row).toBeNull();
    expect(right.map((t) => (t.node as CellRefNode).col)).toEqual(['2', '3', '6']);
  });

  it('splits several equations and ignores the closing 。', () => {
    const eqs = parseFormula('27行=（1+2+3）行；28行=（29+30+31）行；32行=（27+28）行。');
    expect(eqs.map((e) => e.text)).toEqual(['27行=（1+2+3）行', '28行=（29+30+31）行', '32行=（27+28）行']);
  });

  it('accepts ASCII punctuation too', () => {
    expect(parseFormula('58行=(32+33+...+57)行')[0]?.right.terms).toHaveLength(26);
  });
});

describe('parseFormula reads the extension used by implied and inter-table rules', () => {
  it('rows by key and Σ', () => {
    const [a, b] = parseFormula('[合计]=Σ类；类=Σ款');
    expect(a?.left.row).toEqual({ by: 'key', key: '合计' });
    expect(a?.right.terms[0]?.node).toEqual({
      kind: NodeKind.Sigma,
      table: null,
      of: { by: 'level', level: '类' },
    });
    expect(b?.left.row).toEqual({ by: 'level', level: '类' });
  });

  it('code patterns', () => {
    const [eq] = parseFormula('[301]=Σ[301xx]');
    expect(eq?.right.terms[0]?.node).toEqual({
      kind: NodeKind.Sigma,
      table: null,
      of: { by: 'pattern', pattern: '301xx' },
    });
  });

  it('cross-table references with 栏', () => {
    const { left, right } = refs('公开05表[合计]2栏=公开06表[人员经费合计]+公开06表[公用经费合计]');
    expect(left).toEqual({ kind: NodeKind.CellRef, table: '05', row: { by: 'key', key: '合计' }, col: '2' });
    expect(right.map((t) => (t.node as CellRefNode).table)).toEqual(['06', '06']);
  });

  it('matched codes', () => {
    const { left, right } = refs('公开01表{类}=公开03表{类}1栏');
    expect(left.row).toEqual({ by: 'matchCode', level: '类' });
    expect((right[0]?.node as CellRefNode).col).toBe('1');
  });

  it('a row and its column', () => {
    expect(refs('32行1栏=64行2栏').left).toEqual({
      kind: NodeKind.CellRef,
      table: null,
      row: { by: 'lineNo', lineNo: 32 },
      col: '1',
    });
  });
});

describe('parseFormula refuses malformed formulas with a Chinese message', () => {
  it.each([
    ['27行（1+2）行', '缺少“=”'],
    ['27行=（1+2行', '括号'],
    ['27行=（1+2）', '公式不完整'],
    ['27行=（5+…+3）行', '区间'],
    ['27行=（1+2）列', '不认识的字符'],
    ['=（1+2）行', '这里应是'],
    ['27行+28行=（1+2）行', '左边'],
    ['', '公式是空的'],
  ])('%s', (text, message) => {
    expect(() => parseFormula(text)).toThrow(FormulaSyntaxError);
    expect(() => parseFormula(text)).toThrow(message);
  });
});

describe('a table name before a group applies to every item', () => {
  it('公开02表[合计]2栏=公开01表（1+2+3）行', () => {
    const [eq] = parseFormula('公开02表[合计]2栏=公开01表（1+2+3）行');
    expect(eq?.right.terms.map((t) => (t.node as CellRefNode).table)).toEqual(['01', '01', '01']);
  });
});
