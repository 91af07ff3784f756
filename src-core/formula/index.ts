export * from './ast';
export { parseFormula, parseReference } from './parse-formula';
export { FormulaSyntaxError, tokenize, type Token } from './tokenize';
