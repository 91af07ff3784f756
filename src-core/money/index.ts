export { Decimal, ZERO } from './decimal';
export { parseAmount, type ParsedAmount } from './parse-amount';
export { formatAmount, formatExact, canonicalAmount } from './format-amount';
export { parseTolerance } from './parse-tolerance';
