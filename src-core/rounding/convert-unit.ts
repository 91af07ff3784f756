import { Decimal, canonicalAmount } from '../money';
import type { CellAddress, GongkaiDocument, TableData } from '../document/types';
import { dropRedundantValues, Workbook } from '../engine';
import type { FormSet } from '../template';

/** One amount 舍位平衡 moved away from its plain rounding. */
export interface RoundingAdjustment {
  readonly cell: CellAddress;
  readonly location: string;
  /** The exact amount in 万元 (元 / 10000). */
  readonly exact: string;
  /** Plain 四舍五入 to two decimals. */
  readonly rounded: string;
  /** What the converted document holds. */
  readonly adjusted: string;
}

export type ConversionResult =
  | {
      readonly ok: true;
      readonly document: GongkaiDocument;
      readonly adjustments: readonly RoundingAdjustment[];
      /** Rules that could not be balanced (rare: cells shared by crossing totals with no free part). */
      readonly unbalanced: readonly string[];
    }
  | { readonly ok: false; readonly message: string };

const UNIT = new Decimal('0.01');

/**
 * Converts a document kept in 元 to 万元 with 舍位平衡: every amount is rounded (四舍五入, two decimals), then
 * parts are nudged by 0.01 so that each total still equals the sum of its rounded parts, totals being the rounded
 * exact totals. Totals are settled top-down; within a total, the part that rounding changed most (in the
 * needed direction) moves first. Every nudge is reported.
 */
export function convertToWanyuan(formSet: FormSet, doc: GongkaiDocument): ConversionResult {
  if (doc.unit.moneyUnit !== '元') return { ok: false, message: '本文件的金额单位已是万元，不需要转换。' };
  const wb = new Workbook(formSet, doc);
  const invalid = wb.findings().find((f) => f.kind === 'invalid' || f.kind === 'cycle');
  if (invalid) return { ok: false, message: `有无法识别的金额，请先改正再转换：${invalid.message}` };
  const sys = wb.linearSystem();
  const n = sys.cells.length;

  const exact: (Decimal | null)[] = new Array(n).fill(null);
  const value: (Decimal | null)[] = new Array(n).fill(null);
  for (let c = 0; c < n; c++) {
    const v = sys.value(c);
    if (v === null || v === undefined) continue;
    exact[c] = v.div(10000);
    value[c] = (exact[c] as Decimal).toDecimalPlaces(2);
  }
  // Only rules that hold exactly in 元 are kept in balance; a rule already broken stays a finding.
  const eqs = sys.equations.filter((eq) => {
    const sum = sumOf(eq, exact);
    return (exact[eq.target] ?? new Decimal(0)).eq(sum);
  });
  const asTerm: number[][] = Array.from({ length: n }, () => []);
  const asTarget: number[][] = Array.from({ length: n }, () => []);
  eqs.forEach((eq, e) => {
    eq.terms.forEach((t) => asTerm[t]?.push(e));
    asTarget[eq.target]?.push(e);
  });

  // Settled cells never move: top totals (a target of some rule, a part of none) and empty or zero amounts.
  const settled = new Uint8Array(n);
  for (let c = 0; c < n; c++) {
    const isTop = (asTarget[c] as number[]).length > 0 && (asTerm[c] as number[]).length === 0;
    if (isTop || value[c] === null || (exact[c] as Decimal).isZero()) settled[c] = 1;
  }
  const unsettled = () => {
    const out: number[] = [];
    for (let c = 0; c < n; c++) if (!settled[c]) out.push(c);
    return out;
  };

  const deficit = (e: number) => {
    const eq = eqs[e] as (typeof eqs)[number];
    return (value[eq.target] ?? new Decimal(0)).minus(sumOf(eq, value));
  };

  let pending = unsettled();
  while (pending.length > 0) {
    // Ready: every total this cell is a part of is already settled.
    const ready = pending.filter((c) =>
      (asTerm[c] as number[]).every((e) => settled[(eqs[e] as (typeof eqs)[number]).target]),
    );
    if (ready.length === 0) break;
    const readySet = new Set(ready);
    const active = new Set<number>();
    for (const c of ready) for (const e of asTerm[c] as number[]) active.add(e);
    balance([...active], readySet);
    for (const c of ready) settled[c] = 1;
    pending = pending.filter((c) => !readySet.has(c));
  }

  function balance(active: number[], movable: Set<number>): void {
    const gain = (c: number, delta: Decimal) => {
      let g = 0;
      for (const e of asTerm[c] as number[]) {
        const eq = eqs[e] as (typeof eqs)[number];
        const d = deficit(e);
        const s = eq.signs[eq.terms.indexOf(c)] as number;
        const after = d.minus(delta.times(s));
        g += d.abs().minus(after.abs()).div(UNIT).toNumber();
      }
      return g;
    };
    const towardExact = (c: number, delta: Decimal) =>
      (exact[c] as Decimal)
        .minus(value[c] as Decimal)
        .times(delta.isPositive() ? 1 : -1)
        .toNumber();
    const cap = 20 * movable.size + 100;
    for (let iter = 0; iter < cap; iter++) {
      let best: { moves: [number, Decimal][]; gain: number; pref: number } | null = null;
      for (const e of active) {
        const d = deficit(e);
        if (d.isZero()) continue;
        const eq = eqs[e] as (typeof eqs)[number];
        eq.terms.forEach((c, i) => {
          if (!movable.has(c)) return;
          const delta = UNIT.times(d.isPositive() ? 1 : -1).times(eq.signs[i] as number);
          const g = gain(c, delta);
          const pref = towardExact(c, delta);
          if (g > 0 && (!best || g > best.gain || (g === best.gain && pref > best.pref)))
            best = { moves: [[c, delta]], gain: g, pref };
        });
      }
      if (!best) best = findPairMove(active, movable, gain, towardExact);
      if (!best) return;
      for (const [c, delta] of best.moves) value[c] = (value[c] as Decimal).plus(delta);
    }
  }

  /** Two opposite nudges on parts sharing another total: fixes two rules and leaves the shared total as it was. */
  function findPairMove(
    active: number[],
    movable: Set<number>,
    gain: (c: number, d: Decimal) => number,
    towardExact: (c: number, d: Decimal) => number,
  ): { moves: [number, Decimal][]; gain: number; pref: number } | null {
    let best: { moves: [number, Decimal][]; gain: number; pref: number } | null = null;
    for (const e1 of active) {
      const d1 = deficit(e1);
      if (d1.isZero()) continue;
      const eq1 = eqs[e1] as (typeof eqs)[number];
      eq1.terms.forEach((x, i) => {
        if (!movable.has(x)) return;
        const dx = UNIT.times(d1.isPositive() ? 1 : -1).times(eq1.signs[i] as number);
        for (const e3 of asTerm[x] as number[]) {
          if (e3 === e1) continue;
          const eq3 = eqs[e3] as (typeof eqs)[number];
          const sx = eq3.signs[eq3.terms.indexOf(x)] as number;
          eq3.terms.forEach((y, j) => {
            if (y === x || !movable.has(y)) return;
            const dy = dx
              .times(sx)
              .times(eq3.signs[j] as number)
              .negated();
            value[x] = (value[x] as Decimal).plus(dx);
            const g = gain(y, dy) + 1;
            value[x] = (value[x] as Decimal).minus(dx);
            if (g <= 1) return;
            const pref = towardExact(x, dx) + towardExact(y, dy);
            if (!best || g > best.gain || (g === best.gain && pref > best.pref))
              best = {
                moves: [
                  [x, dx],
                  [y, dy],
                ],
                gain: g,
                pref,
              };
          });
        }
      });
    }
    return best;
  }

  const unbalanced = eqs
    .map((eq, e) => ({ eq, d: deficit(e) }))
    .filter((x) => !x.d.isZero())
    .map((x) => `${sys.location(x.eq.target)}：舍位后相差 ${x.d.toFixed(2)}`);

  // The converted document: every entered cell and every overridden derived cell, at its settled value.
  const tables: Record<string, TableData> = {};
  for (const [id, data] of Object.entries(doc.tables)) tables[id] = { ...data, values: {} };
  const adjustments: RoundingAdjustment[] = [];
  for (let c = 0; c < n; c++) {
    const v = value[c];
    if (v === null || v === undefined) continue;
    const addr = sys.cells[c] as CellAddress;
    const rounded = (exact[c] as Decimal).toDecimalPlaces(2);
    if (!v.eq(rounded)) {
      adjustments.push({
        cell: addr,
        location: sys.location(c),
        exact: (exact[c] as Decimal).toFixed(),
        rounded: rounded.toFixed(2),
        adjusted: v.toFixed(2),
      });
    }
    if (!sys.entered(c) && sys.derived(c)) continue;
    const t = tables[addr.table] ?? { values: {} };
    const values = t.values as Record<string, Record<string, string>>;
    values[addr.row] = { ...(values[addr.row] ?? {}), [addr.col]: canonicalAmount(v) };
    tables[addr.table] = t;
  }
  const converted: GongkaiDocument = { ...doc, unit: { ...doc.unit, moneyUnit: '万元' }, tables };
  // Derived totals that came out equal to their sums need not be stored; the rest stay and are checked.
  const withTotals = storeUnequalTotals(formSet, converted, sys, value);
  return { ok: true, document: dropRedundantValues(formSet, withTotals), adjustments, unbalanced };
}

/** Keeps a derived total's settled value where the parts could not be made to add up to it. */
function storeUnequalTotals(
  formSet: FormSet,
  doc: GongkaiDocument,
  sys: ReturnType<Workbook['linearSystem']>,
  value: (Decimal | null)[],
): GongkaiDocument {
  const wb = new Workbook(formSet, doc);
  let tables: Record<string, TableData> | null = null;
  sys.cells.forEach((addr, c) => {
    const v = value[c];
    if (v === null || v === undefined || sys.entered(c) || !sys.derived(c)) return;
    const shown = wb.cell(addr.table, addr.row, addr.col)?.value;
    if (shown && shown.eq(v)) return;
    tables ??= { ...doc.tables };
    const t = tables[addr.table] ?? { values: {} };
    const values = { ...(t.values as Record<string, Record<string, string>>) };
    values[addr.row] = { ...(values[addr.row] ?? {}), [addr.col]: canonicalAmount(v) };
    tables[addr.table] = { ...t, values };
  });
  return tables ? { ...doc, tables } : doc;
}

function sumOf(eq: { terms: Int32Array; signs: Int8Array }, values: (Decimal | null)[]): Decimal {
  let acc = new Decimal(0);
  for (let i = 0; i < eq.terms.length; i++) {
    const v = values[eq.terms[i] as number];
    if (v) acc = eq.signs[i] === 1 ? acc.plus(v) : acc.minus(v);
  }
  return acc;
}
