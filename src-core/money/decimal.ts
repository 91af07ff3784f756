import DecimalBase from 'decimal.js';

/**
 * The one Decimal class the app uses for money: 40 significant digits and 四舍五入 (half-up) rounding,
 * which is how 财政 reports round. Never mix with JS numbers.
 */
export const Decimal = DecimalBase.clone({ precision: 40, rounding: DecimalBase.ROUND_HALF_UP });
export type Decimal = InstanceType<typeof Decimal>;

/** Zero, shared because sums start from it millions of times. */
export const ZERO: Decimal = new Decimal(0);
