import { describe, expect, it } from 'vitest';
import { parseAmount, parseTolerance, formatAmount, Decimal } from '../index';

function valueOf(raw: string): string | null {
  const r = parseAmount(raw);
  if (!r.ok) throw new Error(`rejected ${raw}: ${r.message}`);
  return r.value === null ? null : r.value.toFixed();
}

describe('parseAmount accepts what finance staff type or paste', () => {
  it.each([
    ['1455.41', '1455.41'],
    ['1,455.41', '1455.41'],
    ['1, 455. 41', '1455.41'],
    ['１，４５５．４１', '1455.41'],
    ['  1455.41  ', '1455.41'],
    ['-12.3', '-12.3'],
    ['(12.3)', '-12.3'],
    ['（12.3）', '-12.3'],
    ['－12.3', '-12.3'],
    ['0', '0'],
    ['0.89', '0.89'],
    ['1,234,567.891', '1234567.891'],
    ['+5', '5'],
    ['.5', '0.5'],
  ])('%s → %s', (raw, expected) => {
    expect(valueOf(raw)).toBe(expected);
  });

  it('treats blank as empty, not zero', () => {
    expect(valueOf('')).toBeNull();
    expect(valueOf('   ')).toBeNull();
    expect(valueOf('　')).toBeNull();
  });

  it('keeps exact decimals (no float drift)', () => {
    const a = parseAmount('0.1');
    const b = parseAmount('0.2');
    if (!a.ok || !b.ok || !a.value || !b.value) throw new Error('parse');
    expect(a.value.plus(b.value).toFixed()).toBe('0.3');
  });
});

describe('parseAmount refuses anything else with a Chinese message', () => {
  it.each([
    ['12a', '含有数字以外的字符'],
    ['1.2.3', '小数点多于一个'],
    ['--', '正负号重复'],
    ['１２万', '不要带单位'],
    ['12万元', '不要带单位'],
    ['1,23', '千分位'],
    ['12,3456.7', '千分位'],
    ['(12.3', '括号不成对'],
    ['-(12)', '括号'],
    ['12 34', '空格'],
    ['-', '只有符号'],
    ['5%', '百分数'],
    ['abc', '含有数字以外的字符'],
  ])('%s is rejected (%s)', (raw, why) => {
    const r = parseAmount(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain(why);
      expect(r.message).toContain(raw.trim());
    }
  });
});

describe('formatAmount', () => {
  it('shows two decimals with thousands separators', () => {
    expect(formatAmount(new Decimal('1455.41'))).toBe('1,455.41');
    expect(formatAmount(new Decimal('5'))).toBe('5.00');
    expect(formatAmount(new Decimal('-1234567.005'))).toBe('-1,234,567.01');
    expect(formatAmount(new Decimal('0.005'))).toBe('0.01');
    expect(formatAmount(null)).toBe('');
    expect(formatAmount(new Decimal('1455.41'), { thousands: false })).toBe('1455.41');
  });
});

describe('parseTolerance', () => {
  it('takes what parseAmount takes, not below 0, and says why otherwise', () => {
    expect(parseTolerance('０．０２')).toEqual({ ok: true, value: '0.02' });
    expect(parseTolerance('0')).toEqual({ ok: true, value: '0' });
    for (const bad of ['-0.01', '', 'abc', '(1)'])
      expect(parseTolerance(bad)).toEqual({ ok: false, message: expect.stringContaining('不小于 0 的数字') });
  });
});
