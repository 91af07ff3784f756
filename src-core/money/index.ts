export { Decimal, ZERO } from './decimal';
export { parseAmount, type ParsedAmount } from './parse-amount';
export { formatAmount, canonicalAmount } from './format-amount';
