export * from './ast';
export { parseFormula } from './parse-formula';
export { FormulaSyntaxError, tokenize, type Token } from './tokenize';
