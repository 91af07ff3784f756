import { Decimal } from '../money';
import { toleranceFor } from '../document/tolerance';
import type { CellAddress, GongkaiDocument } from '../document/types';
import type { CellValue } from './cell-value';
import { FindingBuilder, type EquationValues } from './finding-builder';
import type { Finding, FindingKind, Severity } from './findings';
import type { WorkbookShape } from './workbook';

/** What checking a document in whole 分 gives: every cell's shown value and the findings, as a Workbook has them. */
export interface CentsCheck {
  /** Each cell's shown value in 分 (hundredths of the document's 金额单位); NaN where the cell is empty. */
  readonly cents: Float64Array;
  /** 1 where the document entered the cell itself. */
  readonly entered: Uint8Array;
  /** The rule instances that do not hold: one per finding, without its message. */
  readonly failures: readonly RuleFailure[];
  /** The same findings, in the same order, as `new Workbook(…).findings()` (their sentences written on first call). */
  findings(): readonly Finding[];
}

/** A rule instance that does not hold, as its finding would say, without the sentence. */
export interface RuleFailure {
  readonly ruleId: string;
  readonly kind: Extract<FindingKind, 'tail' | 'mismatch' | 'missingRow'>;
  readonly severity: Severity;
  /** The cell the rule computes (undefined for a missing row). */
  readonly cell: CellAddress | undefined;
  /** Actual − expected. */
  readonly difference: Decimal;
}

/** Sums stay below this (in 分) so every partial sum and difference of JS numbers is an exact integer. */
const EXACT_LIMIT = 2 ** 51;
/** A stored amount of at most 13 integer digits and 2 decimals (what nearly every 决算 figure is). */
const CENTS = /^(-?)(\d{1,13})(?:\.(\d{1,2}))?$/;

/**
 * Checks a document over a shared shape with plain integer arithmetic in 分 instead of decimals, building a finding
 * only where a rule does not hold — for a 汇总, whose thousand members differ only in their figures. The values and
 * findings are exactly what the decimal Workbook gives; where that cannot be guaranteed (an amount with more than
 * two decimals or beyond 13 integer digits, text that is not a plain amount, a rule cycle, sums too large for exact
 * integers) it returns undefined and the caller uses the Workbook.
 */
export function checkInCents(shape: WorkbookShape, doc: GongkaiDocument): CentsCheck | undefined {
  const g = shape.graph;
  if (g.cycles.length > 0) return undefined;
  const n = g.cells.size;
  const cents = new Float64Array(n).fill(NaN);
  const entered = new Uint8Array(n);
  for (const [tableId, data] of Object.entries(doc.tables)) {
    for (const [row, cols] of Object.entries(data.values)) {
      for (const [col, text] of Object.entries(cols)) {
        const c = g.cells.find(tableId, row, col);
        if (c < 0 || text.trim() === '') continue;
        const v = parseCents(text);
        if (v === undefined) return undefined;
        cents[c] = v;
        entered[c] = 1;
      }
    }
  }
  const m = g.equations.length;
  const eqSum = new Float64Array(m);
  const eqKnown = new Int32Array(m);
  const summed = new Uint8Array(m);
  const computed = new Float64Array(n).fill(NaN);
  // As the Evaluator: each derived cell from its defining equation in dependency order, then the other equations.
  const sum = (e: number): boolean => {
    const eq = g.equations[e] as (typeof g.equations)[number];
    let acc = 0;
    let abs = 0;
    let known = 0;
    for (let i = 0; i < eq.terms.length; i++) {
      const v = cents[eq.terms[i] as number] as number;
      if (v !== v) continue;
      known++;
      acc += eq.signs[i] === 1 ? v : -v;
      abs += v < 0 ? -v : v;
    }
    if (abs > EXACT_LIMIT) return false;
    eqSum[e] = acc;
    eqKnown[e] = known;
    summed[e] = 1;
    return true;
  };
  for (const c of g.order) {
    const d = g.definingEquation[c] as number;
    if (!sum(d)) return undefined;
    const v = eqKnown[d] === 0 ? NaN : (eqSum[d] as number);
    computed[c] = v;
    if (entered[c] === 0) cents[c] = v;
  }
  for (let e = 0; e < m; e++) if (!summed[e] && !sum(e)) return undefined;

  const values: EquationValues = {
    isEntered: (c) => entered[c] === 1,
    value: (c) => decimalOf(cents[c] as number),
    rhs: (e) => (eqKnown[e] === 0 ? null : decimalOf(eqSum[e] as number)),
  };
  const tolerance = (ruleId: string) => toleranceFor(doc, ruleId);
  const failing: number[] = [];
  const failures: RuleFailure[] = [];
  for (let e = 0; e < m; e++) {
    const eq = g.equations[e] as (typeof g.equations)[number];
    const t = eq.target;
    const rhs = eqKnown[e] === 0 ? NaN : (eqSum[e] as number);
    // The cases FindingBuilder.equation reports, decided on the integers.
    if (t < 0) {
      if (rhs !== rhs || rhs === 0 || !eq.missing) continue;
      failing.push(e);
      failures.push({
        ruleId: eq.rule.id,
        kind: 'missingRow',
        severity: eq.rule.severity,
        cell: undefined,
        difference: decimalOf(rhs) as Decimal,
      });
      continue;
    }
    if (g.definingEquation[t] === e && entered[t] === 0) continue;
    const actual = cents[t] as number;
    if (actual !== actual && rhs !== rhs) continue;
    const diff = (actual !== actual ? 0 : actual) - (rhs !== rhs ? 0 : rhs);
    if (diff === 0) continue;
    const difference = decimalOf(diff) as Decimal;
    const tail = difference.abs().lte(tolerance(eq.rule.id));
    failing.push(e);
    failures.push({
      ruleId: eq.rule.id,
      kind: tail ? 'tail' : 'mismatch',
      severity: tail ? 'warning' : eq.rule.severity,
      cell: g.address(t),
      difference,
    });
  }
  let written: Finding[] | undefined;
  const findings = (): readonly Finding[] => {
    if (written) return written;
    const build = new FindingBuilder(g, values);
    const list = failing.flatMap((e) => build.equation(e, tolerance) ?? []);
    const order = (f: Finding) => g.cells.order[g.cells.find(f.cell.table, f.cell.row, f.cell.col)] as number;
    list.sort(
      (a, b) =>
        order(a) - order(b) ||
        (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
    return (written = list);
  };
  return { cents, entered, failures, findings };
}

/** An amount as stored, in 分; undefined when it is not a plain amount of at most 13 integer digits and 2 decimals. */
function parseCents(text: string): number | undefined {
  const m = CENTS.exec(text);
  if (!m) return undefined;
  const fraction = m[3] ?? '';
  const v =
    Number(m[2]) * 100 + (fraction === '' ? 0 : Number(fraction.length === 1 ? `${fraction}0` : fraction));
  // “-0” is a negative zero to the decimals; left to them rather than imitated.
  if (m[1] === '-') return v === 0 ? undefined : -v;
  return v;
}

function decimalOf(cents: number): CellValue {
  return cents !== cents ? null : new Decimal(cents).div(100);
}

/** The decimal text of an amount in 分, as Decimal's toFixed() writes it (no trailing zeros). */
export function centsText(cents: number): string {
  const negative = cents < 0;
  const a = negative ? -cents : cents;
  const whole = Math.floor(a / 100);
  const frac = a - whole * 100;
  const tail = frac === 0 ? '' : frac % 10 === 0 ? `.${frac / 10}` : `.${String(frac).padStart(2, '0')}`;
  return `${negative ? '-' : ''}${whole}${tail}`;
}
