import { Decimal, formatAmount, formatExact, parseAmount } from '../money';
import type { CellAddress, GongkaiDocument } from '../document/types';
import type { FormSet } from '../template';
import { CellIndex } from './cell-index';
import { expandRules, type Equation } from './expand-rules';
import type { Finding } from './findings';
import { buildTableModels, type RowModel, type TableModel } from './table-model';
import { locationText, shortRef } from './address-text';

/** A value that cannot be known: the cell (or one it depends on) holds invalid text or sits in a cycle. */
const BAD = Symbol('bad');
type Val = Decimal | null | typeof BAD;

/** What the grid needs to show one cell. */
export interface CellState {
  /** The value shown: the cell's own if it has one, else the computed one. null = empty. */
  readonly value: Decimal | null;
  /** The value cannot be known (invalid text here or below, or a cycle). */
  readonly unknown: boolean;
  /** The text the user typed, when it is not a valid amount. */
  readonly invalidText?: string;
  readonly invalidMessage?: string;
  /** The user (or an import) filled this cell. */
  readonly entered: boolean;
  /** A rule computes this cell. */
  readonly derived: boolean;
  /** The computed value of a derived cell (also when the user's own value overrides it). */
  readonly computed: Decimal | null;
}

/** The rules of a workbook as equations over cell ids: target = Σ sign·term. */
export interface LinearSystem {
  readonly cells: readonly CellAddress[];
  readonly equations: readonly {
    readonly target: number;
    readonly terms: Int32Array;
    readonly signs: Int8Array;
    /** This equation computes its target (when the target has no value of its own). */
    readonly defines: boolean;
  }[];
  value(cell: number): Decimal | null | undefined;
  entered(cell: number): boolean;
  derived(cell: number): boolean;
  location(cell: number): string;
}

/** What changed in one recalculation. */
export interface RecalcDelta {
  /** Cells whose shown value changed. */
  readonly changed: readonly CellAddress[];
  /** Number of rule instances re-evaluated (for benchmarks and tests). */
  readonly evaluated: number;
}

/**
 * The live engine over one document: derived values, and findings kept up to date incrementally. Built from a
 * form set and a document; `setCells` re-evaluates only what depends on the edited cells; anything that changes
 * rows is handled by building a new Workbook.
 */
export class Workbook {
  readonly tables: ReadonlyMap<string, TableModel>;
  private readonly cells: CellIndex;
  private readonly eqs: Equation[];
  private readonly entered: (Val | undefined)[];
  private readonly rawText: (string | undefined)[];
  private readonly invalidMsg: (string | undefined)[];
  private readonly computed: Val[];
  private readonly definer: Int32Array;
  private readonly rank: Int32Array;
  /** For each cell, the equations it is a term of, and its sign there (one entry per occurrence). */
  private readonly usedBy: number[][];
  private readonly usedSign: number[][];
  /** Each equation's right-hand side kept up to date by deltas: Σ of known terms, known count, unknown count. */
  private readonly eqSum: Decimal[];
  private readonly eqKnown: Int32Array;
  private readonly eqBad: Int32Array;
  private readonly targetOf: number[][];
  private readonly eqFindings = new Map<number, Finding>();
  private readonly inputFindings = new Map<number, Finding>();
  private readonly cycleFindings: Finding[] = [];
  private tolerance: Decimal;
  private ruleTolerance: Map<string, Decimal>;
  private sorted: Finding[] | null = null;
  private readonly topo: number[];
  /** Cells on a rule cycle: their value cannot be known. */
  private readonly onCycle: Uint8Array;

  constructor(
    readonly formSet: FormSet,
    doc: GongkaiDocument,
  ) {
    this.tables = buildTableModels(formSet, doc);
    this.cells = new CellIndex(this.tables);
    this.eqs = expandRules(formSet.rules, this.tables, this.cells);
    const n = this.cells.size;
    this.entered = new Array<Val | undefined>(n);
    this.rawText = new Array<string | undefined>(n);
    this.invalidMsg = new Array<string | undefined>(n);
    this.computed = new Array<Val>(n).fill(null);
    this.definer = new Int32Array(n).fill(-1);
    this.rank = new Int32Array(n).fill(-1);
    this.usedBy = Array.from({ length: n }, () => []);
    this.usedSign = Array.from({ length: n }, () => []);
    this.targetOf = Array.from({ length: n }, () => []);
    this.onCycle = new Uint8Array(n);
    this.eqs.forEach((eq, e) => {
      eq.terms.forEach((t, i) => {
        this.usedBy[t]?.push(e);
        this.usedSign[t]?.push(eq.signs[i] as number);
      });
      if (eq.target >= 0) {
        this.targetOf[eq.target]?.push(e);
        if (eq.rule.role === 'define' && this.definer[eq.target] === -1) this.definer[eq.target] = e;
      }
    });
    this.tolerance = new Decimal(doc.settings.tolerance);
    this.ruleTolerance = readRuleTolerance(doc);
    for (const [tableId, data] of Object.entries(doc.tables)) {
      for (const [row, cols] of Object.entries(data.values)) {
        for (const [col, text] of Object.entries(cols)) {
          const id = this.cells.find(tableId, row, col);
          if (id >= 0) this.writeInput(id, text);
        }
      }
    }
    this.topo = this.orderDerived();
    this.eqSum = new Array<Decimal>(this.eqs.length);
    this.eqKnown = new Int32Array(this.eqs.length);
    this.eqBad = new Int32Array(this.eqs.length);
    // Each derived cell from its defining equation's sum, in dependency order; then the sums of the other equations.
    const summed = new Uint8Array(this.eqs.length);
    for (const c of this.topo) {
      const d = this.definer[c] as number;
      this.initSum(d);
      summed[d] = 1;
      this.computed[c] = this.eqValue(d);
    }
    for (let e = 0; e < this.eqs.length; e++) if (!summed[e]) this.initSum(e);
    this.eqs.forEach((_, e) => this.check(e));
  }

  /** The state of one cell; undefined if the table has no such cell. */
  cell(table: string, row: string, col: string): CellState | undefined {
    const id = this.cells.find(table, row, col);
    if (id < 0) return undefined;
    const eff = this.effective(id);
    const comp = this.computed[id];
    return {
      value: eff === BAD ? null : (eff ?? null),
      unknown: eff === BAD,
      invalidText: this.invalidMsg[id] ? this.rawText[id] : undefined,
      invalidMessage: this.invalidMsg[id],
      entered: this.entered[id] !== undefined,
      derived: (this.definer[id] as number) >= 0,
      computed: comp === BAD || comp === undefined ? null : comp,
    };
  }

  /** Rows of a table as the engine sees them (classification rows in code order, with the 合计 row first). */
  rows(table: string): readonly RowModel[] {
    return this.tables.get(table)?.rows ?? [];
  }

  /** Every finding, in table, row, column order. */
  findings(): readonly Finding[] {
    if (!this.sorted) {
      const all = [...this.inputFindings.values(), ...this.cycleFindings, ...this.eqFindings.values()];
      const order = (f: Finding) => {
        const id = this.cells.find(f.cell.table, f.cell.row, f.cell.col);
        return id < 0 ? 0 : (this.cells.order[id] as number);
      };
      this.sorted = all
        .map((f) => ({ f, o: order(f) }))
        .sort(
          (a, b) =>
            a.o - b.o ||
            (a.f.severity === b.f.severity ? 0 : a.f.severity === 'error' ? -1 : 1) ||
            (a.f.id < b.f.id ? -1 : a.f.id > b.f.id ? 1 : 0),
        )
        .map((x) => x.f);
    }
    return this.sorted;
  }

  /**
   * Applies edits to entered cells (text as typed; undefined or blank clears) and re-evaluates only what
   * depends on them.
   */
  setCells(edits: readonly { readonly cell: CellAddress; readonly text: string | undefined }[]): RecalcDelta {
    const changed = new Set<number>();
    const toggled: number[] = [];
    for (const { cell, text } of edits) {
      const id = this.cells.find(cell.table, cell.row, cell.col);
      if (id < 0) continue;
      const before = this.effective(id);
      const wasEntered = this.entered[id] !== undefined;
      this.writeInput(id, text);
      if (wasEntered !== (this.entered[id] !== undefined)) toggled.push(id);
      const after = this.effective(id);
      if (!same(before, after)) {
        this.propagate(id, before, after);
        changed.add(id);
      }
    }
    const toCheck = new Set<number>();
    // Recompute dependent derived cells in topological order, each once.
    const heap = new RankHeap(this.rank);
    const schedule = (c: number) => {
      for (const e of this.usedBy[c] as number[]) {
        const t = (this.eqs[e] as Equation).target;
        if (t >= 0 && this.definer[t] === e) heap.push(t);
      }
    };
    for (const c of changed) schedule(c);
    for (let c = heap.pop(); c >= 0; c = heap.pop()) {
      const before = this.effective(c);
      const value = this.eqValue(this.definer[c] as number);
      if (!same(value, this.computed[c] as Val)) {
        this.computed[c] = value;
        toCheck.add(this.definer[c] as number);
      }
      const after = this.effective(c);
      if (!same(before, after)) {
        this.propagate(c, before, after);
        changed.add(c);
        schedule(c);
      }
    }
    for (const c of changed) {
      for (const e of this.usedBy[c] as number[]) toCheck.add(e);
      for (const e of this.targetOf[c] as number[]) toCheck.add(e);
    }
    for (const c of toggled) for (const e of this.targetOf[c] as number[]) toCheck.add(e);
    for (const e of toCheck) this.check(e);
    return {
      changed: [...changed].map((c) => this.cells.addresses[c] as CellAddress),
      evaluated: toCheck.size,
    };
  }

  /** New tolerance settings: every rule instance is checked again; no value changes. */
  setTolerance(doc: GongkaiDocument): void {
    this.tolerance = new Decimal(doc.settings.tolerance);
    this.ruleTolerance = readRuleTolerance(doc);
    this.eqs.forEach((_, e) => this.check(e));
  }

  /** The derived cells, for tests and tools: address and computed value. */
  *derivedCells(): Generator<{ cell: CellAddress; computed: Decimal | null; entered: boolean }> {
    for (const c of this.topo) {
      const v = this.computed[c];
      yield {
        cell: this.cells.addresses[c] as CellAddress,
        computed: v === BAD || v === undefined ? null : v,
        entered: this.entered[c] !== undefined,
      };
    }
  }

  /**
   * The rules as a linear system over cell ids — for tools that reason about all of them at once (舍位平衡).
   * `value` is the shown value (undefined when unknown).
   */
  linearSystem(): LinearSystem {
    return {
      cells: this.cells.addresses,
      equations: this.eqs
        .map((eq, e) => ({
          target: eq.target,
          terms: eq.terms,
          signs: eq.signs,
          defines: this.definer[eq.target] === e,
        }))
        .filter((eq) => eq.target >= 0),
      value: (c) => {
        const v = this.effective(c);
        return v === BAD ? undefined : v;
      },
      entered: (c) => this.entered[c] !== undefined,
      derived: (c) => (this.definer[c] as number) >= 0,
      location: (c) => {
        const { table, row } = this.modelOf(c);
        return locationText(table, row, (this.cells.addresses[c] as CellAddress).col);
      },
    };
  }

  /** Number of rule instances (for benchmarks). */
  get equationCount(): number {
    return this.eqs.length;
  }

  private effective(id: number): Val {
    if (this.onCycle[id]) return BAD;
    const own = this.entered[id];
    if (own !== undefined) return own;
    return (this.definer[id] as number) >= 0 ? (this.computed[id] as Val) : null;
  }

  private writeInput(id: number, text: string | undefined): void {
    const hadInvalid = this.invalidMsg[id] !== undefined;
    if (text === undefined || text.trim() === '') {
      this.entered[id] = undefined;
      this.rawText[id] = undefined;
      this.invalidMsg[id] = undefined;
    } else {
      const parsed = parseAmount(text);
      this.rawText[id] = text;
      if (parsed.ok) {
        this.entered[id] = parsed.value;
        this.invalidMsg[id] = undefined;
      } else {
        this.entered[id] = BAD;
        this.invalidMsg[id] = parsed.message;
      }
    }
    const msg = this.invalidMsg[id];
    if (msg !== undefined) {
      const addr = this.cells.addresses[id] as CellAddress;
      const { table, row } = this.modelOf(id);
      const location = locationText(table, row, addr.col);
      this.inputFindings.set(id, {
        id: `invalid:${addr.table}:${addr.row}:${addr.col}`,
        kind: 'invalid',
        severity: 'error',
        cell: addr,
        tableCode: table.template.code,
        location,
        related: [],
        canUseComputed: false,
        actual: text,
        message: `${location}：${msg}`,
      });
      this.sorted = null;
    } else if (hadInvalid) {
      this.inputFindings.delete(id);
      this.sorted = null;
    }
  }

  /** The right-hand side of an equation from its cache (O(1)). */
  private eqValue(e: number): Val {
    if ((this.eqBad[e] as number) > 0) return BAD;
    return this.eqKnown[e] === 0 ? null : (this.eqSum[e] as Decimal);
  }

  private initSum(e: number): void {
    const eq = this.eqs[e] as Equation;
    let acc = new Decimal(0);
    let known = 0;
    let bad = 0;
    for (let i = 0; i < eq.terms.length; i++) {
      const v = this.effective(eq.terms[i] as number);
      if (v === BAD) bad++;
      else if (v !== null) {
        known++;
        acc = eq.signs[i] === 1 ? acc.plus(v) : acc.minus(v);
      }
    }
    this.eqSum[e] = acc;
    this.eqKnown[e] = known;
    this.eqBad[e] = bad;
  }

  /** A cell's shown value changed: update the cached sums of the equations it is a term of. */
  private propagate(c: number, before: Val, after: Val): void {
    const eqs = this.usedBy[c] as number[];
    const signs = this.usedSign[c] as number[];
    for (let k = 0; k < eqs.length; k++) {
      const e = eqs[k] as number;
      const sign = signs[k] as number;
      let acc = this.eqSum[e] as Decimal;
      if (before === BAD) this.eqBad[e] = (this.eqBad[e] as number) - 1;
      else if (before !== null) {
        this.eqKnown[e] = (this.eqKnown[e] as number) - 1;
        acc = sign === 1 ? acc.minus(before) : acc.plus(before);
      }
      if (after === BAD) this.eqBad[e] = (this.eqBad[e] as number) + 1;
      else if (after !== null) {
        this.eqKnown[e] = (this.eqKnown[e] as number) + 1;
        acc = sign === 1 ? acc.plus(after) : acc.minus(after);
      }
      this.eqSum[e] = acc;
    }
  }

  /** Topological order of derived cells; cells on a cycle become unknown and get a finding. */
  private orderDerived(): number[] {
    const n = this.cells.size;
    const state = new Uint8Array(n); // 0 new, 1 on stack, 2 done
    const order: number[] = [];
    const stack: { c: number; i: number }[] = [];
    for (let start = 0; start < n; start++) {
      if ((this.definer[start] as number) < 0 || state[start] !== 0) continue;
      stack.push({ c: start, i: 0 });
      state[start] = 1;
      while (stack.length > 0) {
        const top = stack[stack.length - 1] as { c: number; i: number };
        const eq = this.eqs[this.definer[top.c] as number] as Equation;
        if (top.i < eq.terms.length) {
          const t = eq.terms[top.i++] as number;
          if ((this.definer[t] as number) < 0) continue;
          if (state[t] === 0) {
            state[t] = 1;
            stack.push({ c: t, i: 0 });
          } else if (state[t] === 1) {
            const from = stack.findIndex((s) => s.c === t);
            this.reportCycle(stack.slice(from).map((s) => s.c));
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

  private reportCycle(cycle: number[]): void {
    const names = cycle.map((c) => {
      const { table, row } = this.modelOf(c);
      return locationText(table, row, (this.cells.addresses[c] as CellAddress).col);
    });
    const first = cycle[0] as number;
    const { table } = this.modelOf(first);
    const eq = this.eqs[this.definer[first] as number] as Equation;
    for (const c of cycle) this.onCycle[c] = 1;
    this.cycleFindings.push({
      id: `cycle:${names[0]}`,
      kind: 'cycle',
      severity: 'error',
      cell: this.cells.addresses[first] as CellAddress,
      tableCode: table.template.code,
      location: names[0] as string,
      rule: ruleInfo(eq),
      related: cycle.slice(1).map((c) => this.cells.addresses[c] as CellAddress),
      canUseComputed: false,
      message: `${names[0]}：公式循环引用（${[...names, names[0]].join(' → ')}），无法计算，请检查模板规则。`,
    });
  }

  private modelOf(id: number): { table: TableModel; row: RowModel } {
    const row = this.cells.rows[id] as RowModel;
    return { table: this.tables.get(row.table) as TableModel, row };
  }

  private check(e: number): void {
    const finding = this.evaluate(e);
    const had = this.eqFindings.get(e);
    if (finding) {
      if (!had || had.message !== finding.message || had.severity !== finding.severity) {
        this.eqFindings.set(e, finding);
        this.sorted = null;
      }
    } else if (had) {
      this.eqFindings.delete(e);
      this.sorted = null;
    }
  }

  private evaluate(e: number): Finding | undefined {
    const eq = this.eqs[e] as Equation;
    const t = eq.target;
    if (t < 0) return this.evaluateMissing(e, eq);
    const ownValue = this.entered[t] !== undefined;
    if (this.definer[t] === e && !ownValue) return undefined;
    const actualV = this.effective(t);
    const expectedV = this.eqValue(e);
    if (actualV === BAD || expectedV === BAD) return undefined;
    if (actualV === null && expectedV === null) return undefined;
    const actual = actualV ?? new Decimal(0);
    const expected = expectedV ?? new Decimal(0);
    const diff = actual.minus(expected);
    if (diff.isZero()) return undefined;
    const tol = this.ruleTolerance.get(eq.rule.id) ?? this.tolerance;
    const tail = diff.abs().lte(tol);
    const { table, row } = this.modelOf(t);
    const addr = this.cells.addresses[t] as CellAddress;
    const location = locationText(table, row, addr.col);
    const instance = this.instanceText(eq);
    const who = ownValue ? '填报数' : '计算值';
    const rule = eq.rule;
    const ruleText =
      rule.source === 'interTable' || rule.role === 'check'
        ? `“${rule.description}”（${eq.node.text}）`
        : `“${eq.node.text}”`;
    const tailText = tail ? `，在尾数容差 ${tol.toFixed()} 以内（尾数差异）` : '';
    return {
      id: `${rule.id}:${addr.table}:${addr.row}:${addr.col}:${e}`,
      kind: tail ? 'tail' : 'mismatch',
      severity: tail ? 'warning' : rule.severity,
      cell: addr,
      tableCode: table.template.code,
      location,
      rule: ruleInfo(eq),
      instance,
      expected: expected.toFixed(),
      actual: actual.toFixed(),
      difference: diff.toFixed(),
      related: [...eq.terms].map((c) => this.cells.addresses[c] as CellAddress),
      canUseComputed: ownValue && this.definer[t] === e,
      message: `${location}：${who} ${formatExact(actual)}，按${ruleText}应为 ${formatExact(expected)}（${instance}），相差 ${formatExact(diff)}${tailText}。`,
    };
  }

  private evaluateMissing(e: number, eq: Equation): Finding | undefined {
    const v = this.eqValue(e);
    if (v === BAD || v === null || v.isZero() || !eq.missing) return undefined;
    const first = eq.terms[0] as number;
    const { table, row } = this.modelOf(first);
    const addr = this.cells.addresses[first] as CellAddress;
    const target = this.tables.get(eq.missing.table) as TableModel;
    const location = locationText(table, row, addr.col);
    return {
      id: `${eq.rule.id}:missing:${eq.missing.table}:${eq.missing.code}`,
      kind: 'missingRow',
      severity: eq.rule.severity,
      cell: addr,
      tableCode: table.template.code,
      location,
      rule: ruleInfo(eq),
      expected: '0',
      actual: v.toFixed(),
      difference: v.toFixed(),
      related: [],
      canUseComputed: false,
      message: `${location}：有金额 ${formatAmount(v)}，但${target.template.code}没有 ${eq.missing.code} ${row.label} 这一行，无法按“${eq.rule.description}”对应。`,
    };
  }

  private instanceText(eq: Equation): string {
    const target = this.cells.addresses[eq.target] as CellAddress;
    const name = (c: number) => {
      const { table, row } = this.modelOf(c);
      return shortRef(table, row, (this.cells.addresses[c] as CellAddress).col, target);
    };
    const { row } = this.modelOf(eq.target);
    const rowPrefix =
      this.tables.get(target.table)?.template.kind === 'classification' &&
      [...eq.terms].every((c) => this.cells.rows[c] === row)
        ? `${row.code ?? row.label}行 `
        : '';
    const parts: string[] = [];
    const limit = 8;
    for (let i = 0; i < eq.terms.length && i < limit; i++) {
      const sign = eq.signs[i] === 1 ? (i === 0 ? '' : ' + ') : i === 0 ? '-' : ' - ';
      parts.push(`${sign}${name(eq.terms[i] as number)}`);
    }
    if (eq.terms.length > limit) parts.push(` + …（共 ${eq.terms.length} 项）`);
    const rhs = parts.length === 0 ? '0' : parts.join('');
    return `${rowPrefix}${name(eq.target)} = ${rhs}`;
  }
}

function ruleInfo(eq: Equation): NonNullable<Finding['rule']> {
  return {
    id: eq.rule.id,
    formula: eq.node.text,
    description: eq.rule.description,
    source: eq.rule.source,
    severity: eq.rule.severity,
  };
}

function readRuleTolerance(doc: GongkaiDocument): Map<string, Decimal> {
  return new Map(Object.entries(doc.settings.ruleTolerance ?? {}).map(([k, v]) => [k, new Decimal(v)]));
}

function same(a: Val, b: Val): boolean {
  if (a === b) return true;
  if (a === null || b === null || a === BAD || b === BAD) return false;
  return a.eq(b);
}

/** A min-heap of cell ids by topological rank, ignoring duplicates. */
class RankHeap {
  private readonly items: number[] = [];
  private readonly queued = new Set<number>();
  constructor(private readonly rank: Int32Array) {}

  push(c: number): void {
    if (this.queued.has(c)) return;
    this.queued.add(c);
    const a = this.items;
    a.push(c);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if ((this.rank[a[p] as number] as number) <= (this.rank[c] as number)) break;
      a[i] = a[p] as number;
      i = p;
    }
    a[i] = c;
  }

  pop(): number {
    const a = this.items;
    if (a.length === 0) return -1;
    const top = a[0] as number;
    const last = a.pop() as number;
    if (a.length > 0) {
      const r = (k: number) => this.rank[a[k] as number] as number;
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        let m = i;
        if (l < a.length && r(l) < r(m)) m = l;
        if (l + 1 < a.length && r(l + 1) < r(m)) m = l + 1;
        if (m === i) break;
        const tmp = a[i] as number;
        a[i] = a[m] as number;
        a[m] = tmp;
        i = m;
      }
    }
    this.queued.delete(top);
    return top;
  }
}
