import { Decimal } from '../money';
import type { CellAddress, GongkaiDocument } from '../document/types';
import type { Workbook } from '../engine';
import type { FormSet, StatementPhrases, StatementSubject } from '../template';
import { cellLocation, publicationMetrics, quotedMetric, resolveReference, toWanyuan } from './metrics';

/** A figure the text may be checked against: its value (万元 for money), where it comes from, its cell. */
export interface Value {
  readonly value: Decimal | null;
  readonly source: string;
  readonly cell?: CellAddress;
}

export type BudgetKind = 'initial' | 'full' | 'adjusted';

/** Something the text talks about, with where each of its quantities comes from. */
export interface Subject {
  readonly name: string;
  readonly actual?: Value;
  readonly budgets: Partial<Record<BudgetKind, Value>>;
  /** What a bare 预算 means for it. */
  readonly budgetKind: BudgetKind;
  readonly prior?: Value;
  readonly priorBudget?: Value;
  /** The same quantity in other tables (a match there within 尾数 is a warning). */
  readonly sameAs: readonly Value[];
  /** Counted things: the unit their count is written in. */
  readonly unit?: string;
  /** Set when the subject is known but its value cannot be read (an invalid amount below it). */
  readonly unreadable?: boolean;
  /** The subjects a joint name (收、支总计) stands for when a figure is listed for each, in order. */
  readonly parts?: readonly Subject[];
  /** A 类 or 款 row of a classification table: the rows directly below it, each with its code. */
  readonly items?: readonly (Subject & { readonly code: string })[];
  /**
   * Set on a 项 the text names under a known 款 that the table does not hold (统计信息事务（款）统计信息事务（项）):
   * the name as written. Its figure can only be compared with the 款's own 项 (`items`).
   */
  readonly misnamed?: string;
}

/** A name in the text and the subject it stands for, given the section's scope and the sentence. */
export interface Term {
  readonly term: string;
  readonly resolve: (scope: string | undefined, sentence: string) => Subject | string | undefined;
}

const COUNT_FACTS = new Set(['assets.vehicles', 'assets.equipment', 'vehiclesHeld', 'performance.projects']);

const BUDGET_NAMES: Record<BudgetKind, string> = {
  initial: '年初预算',
  full: '全年预算',
  adjusted: '调整预算',
};
export const budgetName = (k: BudgetKind) => BUDGET_NAMES[k];

/**
 * What the text's subjects are in this document: the profile's phrase data joined to the tables and facts. The
 * 类/款/项 are the rows of `classes` (a section's own classification table, else the publication's).
 */
export function subjectTerms(
  formSet: FormSet,
  wb: Workbook,
  doc: GongkaiDocument,
  phrases: StatementPhrases,
  classes: { readonly table: string; readonly column: string } = formSet.publication.classes,
): readonly Term[] {
  const metrics = publicationMetrics(formSet, wb);
  const facts = doc.facts ?? {};
  const priorMetrics = facts.priorYear?.metrics ?? {};
  const priorYear = facts.priorYear?.year ?? doc.unit.year - 1;
  const wan = (d: Decimal) => toWanyuan(d, doc);

  const fromSource = (src: string | undefined): Value | undefined | 'unknown' => {
    if (src === undefined) return undefined;
    if (src.startsWith('fact:')) {
      const path = src.slice(5);
      const text = path
        .split('.')
        .reduce<unknown>(
          (o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined),
          facts,
        );
      if (typeof text !== 'string') return undefined;
      const d = new Decimal(text);
      return { value: COUNT_FACTS.has(path) ? d : wan(d), source: `补充数据：${FACT_LABELS[path] ?? path}` };
    }
    const m = metrics.get(src);
    if (m?.unknown) return 'unknown';
    return quotedMetric(wb, doc, m);
  };
  const prior = (name: string | undefined, label: string): Value | undefined => {
    const text = name === undefined ? undefined : priorMetrics[name];
    return text === undefined
      ? undefined
      : { value: wan(new Decimal(text)), source: `补充数据：${priorYear}年度${label}` };
  };
  const reference = (ref: string): Value | undefined => {
    const cell = resolveReference(wb, ref);
    if (!cell) return undefined;
    const state = wb.cell(cell.table, cell.row, cell.col);
    if (!state || state.unknown) return undefined;
    return { value: state.value === null ? null : wan(state.value), source: cellLocation(wb, cell), cell };
  };

  const byName = new Map<string, StatementSubject>(phrases.subjects.map((s) => [s.name, s]));
  const build = (s: StatementSubject, withParts = true): Subject => {
    let unreadable = false;
    const get = (src: string | undefined) => {
      const v = fromSource(src);
      if (v === 'unknown') {
        unreadable = true;
        return undefined;
      }
      return v;
    };
    const budgets: Partial<Record<BudgetKind, Value>> = {};
    const initial = get(s.initialBudget);
    const full = get(s.fullBudget);
    const adjusted = get(s.adjustedBudget);
    if (initial) budgets.initial = initial;
    if (full) budgets.full = full;
    if (adjusted) budgets.adjusted = adjusted;
    return {
      name: s.name,
      actual: get(s.actual),
      budgets,
      budgetKind: s.budget ?? 'initial',
      prior: prior(s.prior, s.name),
      priorBudget: prior(s.priorBudget, `${s.name}预算`),
      sameAs: (s.sameAs ?? []).map(reference).filter((v): v is Value => v !== undefined),
      unit: s.unit,
      unreadable,
      // One level only: a part's own parts are never read (and a profile naming itself cannot loop).
      parts: withParts
        ? s.parts?.flatMap((n) => {
            const part = byName.get(n);
            return part ? [build(part, false)] : [];
          })
        : undefined,
    };
  };
  const terms: Term[] = [];
  for (const s of phrases.subjects) {
    for (const term of s.terms) {
      terms.push({
        term,
        resolve: (scope) => {
          if (s.onlyIn && !(scope !== undefined && s.onlyIn.includes(scope))) return undefined;
          const target = scope !== undefined ? s.scoped?.[scope] : undefined;
          const chosen = target !== undefined ? byName.get(target) : s;
          return chosen ? build(chosen) : undefined;
        },
      });
    }
  }
  terms.push(...classTerms(classes, wb, doc, priorYear));
  terms.push(...projectTerms(doc));
  return terms.sort((a, b) => b.term.length - a.term.length);
}

/**
 * The projects of the 绩效自评情况汇总表 as subjects: “新闻宣传826.82万元” is that row's 财政资金总额 (the forms are in
 * 万元 whatever unit the tables are kept in). A name two rows share is left out: which row is meant cannot be told.
 */
function projectTerms(doc: GongkaiDocument): Term[] {
  const rows = doc.performance?.summary?.rows ?? [];
  const names = rows.map((r) => r.name.trim());
  return rows.flatMap((r, i): Term[] => {
    const name = names[i] as string;
    if (name === '' || names.indexOf(name) !== names.lastIndexOf(name)) return [];
    const amount = r.amount.replace(/[,，\s]/g, '');
    const valid = /^-?\d+(\.\d+)?$/.test(amount);
    const subject: Subject = {
      name,
      actual: valid
        ? { value: new Decimal(amount), source: `绩效自评情况汇总表 ${name} 财政资金总额` }
        : undefined,
      unreadable: amount !== '' && !valid,
      budgets: {},
      budgetKind: 'initial',
      sameAs: [],
    };
    return [{ term: name, resolve: () => subject }];
  });
}

/**
 * The 类/款/项 rows of a classification table (一般公共预算, or a section's own) as subjects: “行政运行（项）” is its 项
 * row. A name several rows share is told apart by the 类/款 named before it in the sentence, else left unresolved
 * with the reason.
 */
function classTerms(
  classes: { readonly table: string; readonly column: string },
  wb: Workbook,
  doc: GongkaiDocument,
  priorYear: number,
): Term[] {
  const { table, column } = classes;
  const rows = (wb.tables.get(table)?.rows ?? []).filter((r) => r.code !== undefined && !r.blank);
  const facts = doc.facts ?? {};
  const wan = (d: Decimal) => toWanyuan(d, doc);
  const byLabel = new Map<string, typeof rows>();
  for (const r of rows) byLabel.set(r.label, [...(byLabel.get(r.label) ?? []), r]);
  const nameOf = (code: string) => rows.find((r) => r.code === code)?.label;
  const subjectOf = (r: (typeof rows)[number], withItems = true): Subject => {
    const code = r.code as string;
    const cell = { table, row: r.key, col: column };
    const state = wb.cell(table, r.key, column);
    const budget = facts.budget?.byClass?.[code];
    const prior = facts.priorYear?.byClass?.[code];
    const budgets: Partial<Record<BudgetKind, Value>> = {};
    if (budget !== undefined)
      budgets.initial = { value: wan(new Decimal(budget)), source: `补充数据：${r.label}年初预算` };
    return {
      name: r.label,
      actual:
        state && !state.unknown
          ? { value: state.value === null ? null : wan(state.value), source: cellLocation(wb, cell), cell }
          : undefined,
      unreadable: state?.unknown ?? false,
      budgets,
      budgetKind: 'initial',
      prior:
        prior === undefined
          ? undefined
          : { value: wan(new Decimal(prior)), source: `补充数据：${priorYear}年度${r.label}` },
      sameAs: [],
      // One level only, and only for a 类 or 款: a 项 has none.
      items:
        withItems && code.length < 7
          ? rows
              .filter(
                (c) => (c.code as string).length === code.length + 2 && (c.code as string).startsWith(code),
              )
              .map((c) => ({ ...subjectOf(c, false), code: c.code as string }))
          : undefined,
    };
  };
  // A 类 is named as is; a 款 or 项 only when marked (普通教育（款）, 行政运行（项）): a bare 宣传事务 in another
  // section may mean just its 项目支出.
  const mark = (code: string) => (code.length === 3 ? '' : code.length === 5 ? '（款）' : '（项）');
  return [...byLabel]
    .flatMap(([label, all]) =>
      [...new Set(all.map((r) => mark(r.code as string)))].map((m) => ({
        label,
        m,
        candidates: all.filter((r) => mark(r.code as string) === m),
      })),
    )
    .map(({ label, m, candidates }) => ({
      term: `${label}${m}`,
      resolve: (_scope, sentence) => {
        if (candidates.length === 1) return subjectOf(candidates[0] as (typeof rows)[number]);
        // 教育支出（类）普通教育（款）初中教育（项）: the 类 and 款 named before it pick the row.
        const named = candidates.filter((r) => {
          const code = r.code as string;
          const parents = [code.slice(0, 3), code.slice(0, 5)].filter((c) => c !== code).map(nameOf);
          // 一般公共服务（类）群众团体事务（款）…: a 类 is often written without its 支出.
          const named = (p: string) =>
            sentence.includes(p) || (p.endsWith('支出') && sentence.includes(`${p.slice(0, -2)}（类）`));
          return parents.every((p) => p === undefined || named(p));
        });
        if (named.length === 1) return subjectOf(named[0] as (typeof rows)[number]);
        return `公开${table}表有${candidates.length}个名为“${label}”的科目（${candidates.map((r) => r.code).join('、')}），句中没有写明是哪个类、款下的`;
      },
    }));
}

/** How findings name each 补充数据 fact. */
export const FACT_LABELS: Readonly<Record<string, string>> = {
  'budget.total': '年初预算',
  'procurement.total': '政府采购支出总额',
  'procurement.goods': '政府采购货物支出',
  'procurement.works': '政府采购工程支出',
  'procurement.services': '政府采购服务支出',
  'procurement.sme': '授予中小企业合同金额',
  'procurement.small': '授予小微企业合同金额',
  'assets.vehicles': '车辆数',
  'assets.equipment': '单价100万元以上设备',
  officeOperation: '机关运行经费',
  vehiclesHeld: '公务用车保有量',
  'performance.projects': '绩效自评项目个数',
  'performance.projectBudget': '项目全年预算数',
};
