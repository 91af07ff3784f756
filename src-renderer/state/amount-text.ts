import { Decimal, formatAmount } from '../../src-core';

/** A finding's amount (kept as canonical text) as the grid shows amounts: 1,455.41; '' when there is none. */
export function amount(text: string | undefined): string {
  return text === undefined ? '' : formatAmount(new Decimal(text));
}
