import { Decimal } from '../money';

/** The marker a draft leaves where only people know what to write. The checker lists what is still open. */
export const TODO_OPEN = '【待填写';
export const TODO = (what: string): string => `【待填写：${what}】`;

/**
 * A template's text with {单位} and {年度} filled in from the unit; `unnamed` stands in while the unit has no name
 * (the editor says 本单位, print leaves it out).
 */
export function fillUnit(
  text: string,
  unit: { readonly name: string; readonly year: number },
  unnamed = '',
): string {
  return text.replace(/\{单位\}/g, unit.name || unnamed).replace(/\{年度\}/g, String(unit.year));
}

/**
 * An amount as published text writes it: two decimals with trailing zeros dropped (1455.41, 5, 63.89), but zero
 * as 0.00 (“预算为0.00万元”); no thousands separators.
 */
export function figure(d: Decimal): string {
  if (d.isZero()) return '0.00';
  return trimZeros(d.toFixed(2));
}

/** a / b as a percentage with two decimals, trailing zeros dropped (23.93, 100, 1.9); '0' when b is 0. */
export function percentOf(a: Decimal, b: Decimal): string {
  if (b.isZero()) return '0';
  return trimZeros(a.div(b).times(100).toFixed(2));
}

function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** The same number at the precision a text wrote it with (“1.9” → 1 decimal, “93” → 0). */
export function roundLike(value: Decimal, written: string): Decimal {
  const decimals = written.includes('.') ? (written.split('.')[1] as string).length : 0;
  return new Decimal(value.toFixed(decimals));
}
