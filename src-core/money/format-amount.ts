import type { Decimal } from './decimal';

/**
 * Formats an amount for display and print: two decimals, thousands separators (1,455.41), half-up.
 * Empty stays empty: the forms leave blank what has no amount.
 */
export function formatAmount(
  value: Decimal | null,
  options: { thousands?: boolean; decimals?: number } = {},
): string {
  if (value === null) return '';
  const decimals = options.decimals ?? 2;
  const fixed = value.toFixed(decimals);
  if (options.thousands === false) return fixed;
  const negative = fixed.startsWith('-');
  const body = negative ? fixed.slice(1) : fixed;
  const [int = '0', frac] = body.split('.');
  const grouped = groupThousands(int);
  return `${negative ? '-' : ''}${grouped}${frac === undefined ? '' : `.${frac}`}`;
}

/** The canonical text a document stores for an amount: plain digits, no grouping, no trailing zeros lost. */
export function canonicalAmount(value: Decimal): string {
  return value.toFixed();
}

/** An amount with two decimals, or more when it has them (0.005 stays 0.005, not 0.01): for messages about differences. */
export function formatExact(value: Decimal): string {
  return formatAmount(value, { decimals: Math.max(2, value.decimalPlaces()) });
}

/** 1234567 → 1,234,567 in one pass (a lookahead regex is quadratic in the digits). */
function groupThousands(digits: string): string {
  const head = digits.length % 3 || 3;
  const groups = [digits.slice(0, head)];
  for (let i = head; i < digits.length; i += 3) groups.push(digits.slice(i, i + 3));
  return groups.join(',');
}
