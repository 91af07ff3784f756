import { Decimal, parseAmount } from '../money';
import { sameValue, UNKNOWN, type CellValue } from './cell-value';
import type { Equation } from './expand-rules';
import { RankHeap } from './rank-heap';
import type { RuleGraph } from './rule-graph';

/** One edit of an entered cell: text as typed; undefined or blank clears it. */
export interface InputEdit {
  readonly cell: number;
  readonly text: string | undefined;
}

/** What one batch of edits touched. */
export interface EvaluationChange {
  /** Cells whose shown value changed. */
  readonly changed: ReadonlySet<number>;
  /** Equations whose two sides (or whose target's entered state) may have changed: check them again. */
  readonly affected: ReadonlySet<number>;
}

/**
 * The values over a rule graph, kept up to date incrementally: what the user entered, each derived cell's computed
 * value, and each equation's right-hand side as a running sum (Σ of known terms, known count, unknown count), so an
 * edit costs the equations it takes part in and the derived cells downstream, never a full pass.
 */
export class Evaluator {
  private readonly entered: (CellValue | undefined)[];
  private readonly rawText: (string | undefined)[];
  private readonly invalidMessage: (string | undefined)[];
  private readonly computed: CellValue[];
  private readonly eqSum: Decimal[];
  private readonly eqKnown: Int32Array;
  private readonly eqUnknown: Int32Array;

  constructor(
    private readonly graph: RuleGraph,
    inputs: Iterable<InputEdit>,
  ) {
    const n = graph.cells.size;
    const m = graph.equations.length;
    this.entered = new Array<CellValue | undefined>(n);
    this.rawText = new Array<string | undefined>(n);
    this.invalidMessage = new Array<string | undefined>(n);
    this.computed = new Array<CellValue>(n).fill(null);
    for (const { cell, text } of inputs) this.writeInput(cell, text);
    this.eqSum = new Array<Decimal>(m);
    this.eqKnown = new Int32Array(m);
    this.eqUnknown = new Int32Array(m);
    // Each derived cell from its defining equation's sum, in dependency order; then the sums of the other equations.
    const summed = new Uint8Array(m);
    for (const c of graph.order) {
      const d = graph.definingEquation[c] as number;
      this.initSum(d);
      summed[d] = 1;
      this.computed[c] = this.rhs(d);
    }
    for (let e = 0; e < m; e++) if (!summed[e]) this.initSum(e);
  }

  /** The value shown: unknown on a cycle, else the cell's own if it has one, else the computed one. */
  value(c: number): CellValue {
    if (this.graph.onCycle[c]) return UNKNOWN;
    const own = this.entered[c];
    if (own !== undefined) return own;
    return this.graph.isDerived(c) ? (this.computed[c] as CellValue) : null;
  }

  /** The user (or an import) filled this cell, validly or not. */
  isEntered(c: number): boolean {
    return this.entered[c] !== undefined;
  }

  /** A derived cell's computed value (also when an entered value overrides it). */
  computedValue(c: number): CellValue {
    return this.computed[c] as CellValue;
  }

  /** The text and the reason, when the cell holds text that is not an amount. */
  invalidInput(c: number): { readonly text: string; readonly message: string } | undefined {
    const message = this.invalidMessage[c];
    return message === undefined ? undefined : { text: this.rawText[c] as string, message };
  }

  /** An equation's right-hand side from its running sum (O(1)). */
  rhs(e: number): CellValue {
    if ((this.eqUnknown[e] as number) > 0) return UNKNOWN;
    return this.eqKnown[e] === 0 ? null : (this.eqSum[e] as Decimal);
  }

  /** Applies edits and re-evaluates only what depends on them: derived cells downstream, in dependency order. */
  setInputs(edits: readonly InputEdit[]): EvaluationChange {
    const g = this.graph;
    const changed = new Set<number>();
    const toggled: number[] = [];
    for (const { cell, text } of edits) {
      const before = this.value(cell);
      const wasEntered = this.isEntered(cell);
      this.writeInput(cell, text);
      if (wasEntered !== this.isEntered(cell)) toggled.push(cell);
      const after = this.value(cell);
      if (!sameValue(before, after)) {
        this.propagate(cell, before, after);
        changed.add(cell);
      }
    }
    const affected = new Set<number>();
    const heap = new RankHeap(g.rank);
    const schedule = (c: number) => {
      for (const e of g.usedBy[c] as number[]) {
        const t = (g.equations[e] as Equation).target;
        if (t >= 0 && g.definingEquation[t] === e) heap.push(t);
      }
    };
    for (const c of changed) schedule(c);
    for (let c = heap.pop(); c >= 0; c = heap.pop()) {
      const before = this.value(c);
      const d = g.definingEquation[c] as number;
      const value = this.rhs(d);
      if (!sameValue(value, this.computed[c] as CellValue)) {
        this.computed[c] = value;
        affected.add(d);
      }
      const after = this.value(c);
      if (!sameValue(before, after)) {
        this.propagate(c, before, after);
        changed.add(c);
        schedule(c);
      }
    }
    for (const c of changed) {
      for (const e of g.usedBy[c] as number[]) affected.add(e);
      for (const e of g.targetOf[c] as number[]) affected.add(e);
    }
    for (const c of toggled) for (const e of g.targetOf[c] as number[]) affected.add(e);
    return { changed, affected };
  }

  private writeInput(c: number, text: string | undefined): void {
    if (text === undefined || text.trim() === '') {
      this.entered[c] = undefined;
      this.rawText[c] = undefined;
      this.invalidMessage[c] = undefined;
      return;
    }
    const parsed = parseAmount(text);
    this.rawText[c] = text;
    if (parsed.ok) {
      this.entered[c] = parsed.value;
      this.invalidMessage[c] = undefined;
    } else {
      this.entered[c] = UNKNOWN;
      this.invalidMessage[c] = parsed.message;
    }
  }

  private initSum(e: number): void {
    const eq = this.graph.equations[e] as Equation;
    let acc = new Decimal(0);
    let known = 0;
    let unknown = 0;
    for (let i = 0; i < eq.terms.length; i++) {
      const v = this.value(eq.terms[i] as number);
      if (v === UNKNOWN) unknown++;
      else if (v !== null) {
        known++;
        acc = eq.signs[i] === 1 ? acc.plus(v) : acc.minus(v);
      }
    }
    this.eqSum[e] = acc;
    this.eqKnown[e] = known;
    this.eqUnknown[e] = unknown;
  }

  /** A cell's shown value changed: update the running sums of the equations it is a term of. */
  private propagate(c: number, before: CellValue, after: CellValue): void {
    const eqs = this.graph.usedBy[c] as number[];
    const signs = this.graph.usedSign[c] as number[];
    for (let k = 0; k < eqs.length; k++) {
      const e = eqs[k] as number;
      const sign = signs[k] as number;
      let acc = this.eqSum[e] as Decimal;
      if (before === UNKNOWN) this.eqUnknown[e] = (this.eqUnknown[e] as number) - 1;
      else if (before !== null) {
        this.eqKnown[e] = (this.eqKnown[e] as number) - 1;
        acc = sign === 1 ? acc.minus(before) : acc.plus(before);
      }
      if (after === UNKNOWN) this.eqUnknown[e] = (this.eqUnknown[e] as number) + 1;
      else if (after !== null) {
        this.eqKnown[e] = (this.eqKnown[e] as number) + 1;
        acc = sign === 1 ? acc.plus(after) : acc.minus(after);
      }
      this.eqSum[e] = acc;
    }
  }
}
