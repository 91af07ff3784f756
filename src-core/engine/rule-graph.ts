import type { CellAddress } from '../document/types';
import type { CompiledRule } from '../template';
import { CellIndex } from './cell-index';
import { expandRules, type Equation } from './expand-rules';
import type { RowModel, TableModel } from './table-model';

/**
 * The rules of a workbook as a dependency graph over cell ids, kept apart from the values as HyperFormula keeps its
 * DependencyGraph apart from its evaluator: the cell index, the rules expanded into equations, which equations each
 * cell takes part in, which equation computes each derived cell, and the order to compute them in. It depends only
 * on the rows and the rules; anything that changes rows builds a new graph.
 */
export class RuleGraph {
  readonly cells: CellIndex;
  readonly equations: readonly Equation[];
  /** For each cell, the equation that computes it; -1 when no rule computes the cell (it is not derived). */
  readonly definingEquation: Int32Array;
  private uses: { usedBy: number[][]; usedSign: number[][]; targetOf: number[][] } | undefined;
  /** The derived cells in dependency order: each after every derived cell its equation sums. */
  readonly order: readonly number[];
  /** Each derived cell's position in `order` (-1 for cells that are not derived). */
  readonly rank: Int32Array;
  /** 1 for cells on a rule cycle: their value cannot be known. */
  readonly onCycle: Uint8Array;
  /** Every cycle found while ordering, as its cells in the order they depend on each other. */
  readonly cycles: readonly (readonly number[])[];

  constructor(
    rules: readonly CompiledRule[],
    readonly tables: ReadonlyMap<string, TableModel>,
  ) {
    this.cells = new CellIndex(tables);
    this.equations = expandRules(rules, tables, this.cells);
    const n = this.cells.size;
    const definingEquation = new Int32Array(n).fill(-1);
    this.equations.forEach((eq, e) => {
      if (eq.target >= 0 && eq.rule.role === 'define' && definingEquation[eq.target] === -1)
        definingEquation[eq.target] = e;
    });
    this.definingEquation = definingEquation;
    this.rank = new Int32Array(n).fill(-1);
    this.onCycle = new Uint8Array(n);
    const cycles: number[][] = [];
    this.order = this.orderDerived(cycles);
    this.cycles = cycles;
  }

  /** For each cell, the equations it is a term of, and its sign there (one entry per occurrence). */
  get usedBy(): readonly (readonly number[])[] {
    return this.usesOfCells().usedBy;
  }
  get usedSign(): readonly (readonly number[])[] {
    return this.usesOfCells().usedSign;
  }
  /** For each cell, the equations whose left-hand side it is. */
  get targetOf(): readonly (readonly number[])[] {
    return this.usesOfCells().targetOf;
  }

  /**
   * Which equations each cell takes part in: only edits need it, so it is built on the first one. A workbook built
   * once to check, export or import a file (a department's has some 28,000 cells) never allocates it.
   */
  private usesOfCells(): { usedBy: number[][]; usedSign: number[][]; targetOf: number[][] } {
    if (this.uses) return this.uses;
    const n = this.cells.size;
    const usedBy: number[][] = Array.from({ length: n }, () => []);
    const usedSign: number[][] = Array.from({ length: n }, () => []);
    const targetOf: number[][] = Array.from({ length: n }, () => []);
    this.equations.forEach((eq, e) => {
      eq.terms.forEach((t, i) => {
        usedBy[t]?.push(e);
        usedSign[t]?.push(eq.signs[i] as number);
      });
      if (eq.target >= 0) targetOf[eq.target]?.push(e);
    });
    return (this.uses = { usedBy, usedSign, targetOf });
  }

  /** A rule computes this cell. */
  isDerived(c: number): boolean {
    return (this.definingEquation[c] as number) >= 0;
  }

  address(c: number): CellAddress {
    return this.cells.addresses[c] as CellAddress;
  }

  /** The table and row a cell belongs to. */
  modelOf(c: number): { table: TableModel; row: RowModel } {
    const row = this.cells.rows[c] as RowModel;
    return { table: this.tables.get(row.table) as TableModel, row };
  }

  /** Topological order of derived cells (depth first); cells on a cycle are marked and each cycle recorded. */
  private orderDerived(cycles: number[][]): number[] {
    const n = this.cells.size;
    const state = new Uint8Array(n); // 0 new, 1 on stack, 2 done
    const order: number[] = [];
    const stack: { c: number; i: number }[] = [];
    for (let start = 0; start < n; start++) {
      if (!this.isDerived(start) || state[start] !== 0) continue;
      stack.push({ c: start, i: 0 });
      state[start] = 1;
      while (stack.length > 0) {
        const top = stack[stack.length - 1] as { c: number; i: number };
        const eq = this.equations[this.definingEquation[top.c] as number] as Equation;
        if (top.i < eq.terms.length) {
          const t = eq.terms[top.i++] as number;
          if (!this.isDerived(t)) continue;
          if (state[t] === 0) {
            state[t] = 1;
            stack.push({ c: t, i: 0 });
          } else if (state[t] === 1) {
            const cycle = stack.slice(stack.findIndex((s) => s.c === t)).map((s) => s.c);
            for (const c of cycle) this.onCycle[c] = 1;
            cycles.push(cycle);
          }
        } else {
          stack.pop();
          state[top.c] = 2;
          this.rank[top.c] = order.length;
          order.push(top.c);
        }
      }
    }
    return order;
  }
}
