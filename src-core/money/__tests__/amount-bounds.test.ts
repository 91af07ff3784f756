import { describe, expect, it } from 'vitest';
import { Decimal, formatAmount, parseAmount } from '..';
import { MAX_FRACTION_DIGITS, MAX_INTEGER_DIGITS } from '../parse-amount';

describe('amount bounds', () => {
  it('takes the longest figure a 决算 can have', () => {
    const r = parseAmount(`${'9'.repeat(MAX_INTEGER_DIGITS)}.${'9'.repeat(MAX_FRACTION_DIGITS)}`);
    expect(r.ok).toBe(true);
  });

  it('refuses more integer digits with a Chinese message that quotes a short part of the input', () => {
    const r = parseAmount('9'.repeat(MAX_INTEGER_DIGITS + 1));
    expect(r).toEqual({
      ok: false,
      message: expect.stringContaining(`整数部分最多 ${MAX_INTEGER_DIGITS} 位`),
    });
    const huge = parseAmount('9'.repeat(100_000));
    expect(huge.ok).toBe(false);
    if (!huge.ok) expect(huge.message.length).toBeLessThan(200);
  });

  it('refuses more decimals, grouped or not', () => {
    for (const raw of [
      `1.${'5'.repeat(MAX_FRACTION_DIGITS + 1)}`,
      `1,234.${'5'.repeat(MAX_FRACTION_DIGITS + 1)}`,
    ]) {
      expect(parseAmount(raw)).toEqual({
        ok: false,
        message: expect.stringContaining(`小数最多 ${MAX_FRACTION_DIGITS} 位`),
      });
    }
  });

  it('answers a 20 MB digit string (no stack overflow) and a 20 MB grouped one', () => {
    expect(parseAmount('1'.repeat(20 * 1024 * 1024)).ok).toBe(false);
    expect(parseAmount(`1${',000'.repeat(5 * 1024 * 1024)}`).ok).toBe(false);
  });
});

describe('formatAmount is linear in the digits', () => {
  it('groups a 200,000-digit value correctly (the old lookahead regex was quadratic)', () => {
    const digits = `1${'0'.repeat(199_999)}`;
    const shown = formatAmount(new Decimal(digits));
    expect(shown.replace(/,/g, '')).toBe(`${digits}.00`);
    expect(shown.startsWith('10,000,000,')).toBe(true);
    expect(/^\d{1,3}(,\d{3})*\.\d\d$/.test(shown)).toBe(true);
  });

  it('still formats ordinary figures', () => {
    expect(formatAmount(new Decimal('-1234567.005'))).toBe('-1,234,567.01');
    expect(formatAmount(new Decimal('123'))).toBe('123.00');
    expect(formatAmount(new Decimal('1234'))).toBe('1,234.00');
    expect(formatAmount(new Decimal('0'))).toBe('0.00');
  });
});
