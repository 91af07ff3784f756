/**
 * The formula AST: a union keyed by a string enum (as HyperFormula does), produced from the official notation
 * printed under each form (27行=（1+2+…+8）行, 1栏各行=（2+3）栏各行, 1栏=（2+3+6）栏) and from the small
 * extension the implied and inter-table rules are written in (see parse-formula.ts).
 */
export enum NodeKind {
  Equation = 'Equation',
  Sum = 'Sum',
  CellRef = 'CellRef',
  Sigma = 'Sigma',
}

/** 类 / 款 / 项 — the levels of a 功能分类科目编码 (3, 5 and 7 digits). */
export type Level = '类' | '款' | '项';

export type RowSelector =
  /** `27行` — a row by its printed 行次. */
  | { readonly by: 'lineNo'; readonly lineNo: number }
  /** `[301]`, `[合计]` — a row by its key (a 科目编码 or a fixed label). */
  | { readonly by: 'key'; readonly key: string }
  /** `各行` — every row, and on the right-hand side "the same row". */
  | { readonly by: 'each' }
  /** `类` on the left of `类=Σ款` — every row of that level. */
  | { readonly by: 'level'; readonly level: Level }
  /** `{类}` — the rows of that level matched by 科目编码 across tables. */
  | { readonly by: 'matchCode'; readonly level: Level };

export interface CellRefNode {
  readonly kind: NodeKind.CellRef;
  /** Table id ("01" … "09") when the reference names another table (`公开05表…`); null = the rule's own table. */
  readonly table: string | null;
  /** null: no row given (`11栏`), meaning the current row. */
  readonly row: RowSelector | null;
  /** 栏次 key; null: every value column of the row, paired with the left-hand side's. */
  readonly col: string | null;
}

export type SigmaSelector =
  /** `Σ款` — the rows of that level below the current row (or all of them under a total row). */
  | { readonly by: 'level'; readonly level: Level }
  /** `Σ[301xx]` — the rows whose code matches, x standing for any digit. */
  | { readonly by: 'pattern'; readonly pattern: string };

export interface SigmaNode {
  readonly kind: NodeKind.Sigma;
  readonly table: string | null;
  readonly of: SigmaSelector;
}

export interface Term {
  readonly sign: 1 | -1;
  readonly node: CellRefNode | SigmaNode;
}

export interface SumNode {
  readonly kind: NodeKind.Sum;
  readonly terms: readonly Term[];
}

export interface EquationNode {
  readonly kind: NodeKind.Equation;
  /** The equation exactly as written (one equation of a `；`-separated formula). */
  readonly text: string;
  readonly left: CellRefNode;
  readonly right: SumNode;
}

export type FormulaNode = EquationNode | SumNode | CellRefNode | SigmaNode;
