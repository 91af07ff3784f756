import type { StatementPhrases } from '../template';
import type { BudgetKind } from './subjects';

/** What a stated number is, read from the words between its subject and it (the “lead”). */
export type StatementKind =
  | { readonly kind: 'value'; readonly side: 'actual' | BudgetKind | 'budget'; readonly prior: boolean }
  | {
      readonly kind: 'change';
      readonly down: boolean;
      readonly of: 'actual' | 'budget' | 'againstBudget';
      /** Which budget a change against the budget (比年初预算减少…) is against. */
      readonly budget: BudgetKind | 'budget';
    }
  | { readonly kind: 'rate'; readonly down: boolean }
  | { readonly kind: 'share'; readonly base: string }
  | { readonly kind: 'completion'; readonly budget: BudgetKind | 'budget' }
  | { readonly kind: 'overBudget'; readonly over: boolean }
  /** 与上年持平, 与年初预算持平: a change of zero stated in words, against last year or a budget. */
  | { readonly kind: 'flat'; readonly against: 'prior' | BudgetKind | 'budget' }
  | { readonly kind: 'unknown'; readonly reason: string };

type Words = StatementPhrases['words'];

const YEAR = /\d{4}年度?/g;

/** The “unit” of a 持平 / 无变化 claim read like a number (see flatClaims). */
export const FLAT = '持平';

/** The first word of `list` the text contains, longest first. */
function found(text: string, list: readonly string[]): string | undefined {
  return [...list].sort((a, b) => b.length - a.length).find((w) => text.includes(w));
}

function endsWithAny(text: string, list: readonly string[]): string | undefined {
  return [...list].sort((a, b) => b.length - a.length).find((w) => text.endsWith(w));
}

function budgetOf(lead: string, w: Words): BudgetKind | 'budget' | undefined {
  if (found(lead, w.initialBudget)) return 'initial';
  if (found(lead, w.fullBudget)) return 'full';
  if (found(lead, w.adjustedBudget)) return 'adjusted';
  if (found(lead, w.budget)) return 'budget';
  return undefined;
}

/** The lead with every word the grammar knows removed: what is left is something the checker does not understand. */
export function residue(lead: string, w: Words): string {
  const known = [
    ...w.up,
    ...w.down,
    ...w.share,
    ...w.completion,
    ...w.initialBudget,
    ...w.fullBudget,
    ...w.adjustedBudget,
    ...w.budget,
    ...w.overBudget,
    ...w.underBudget,
    ...w.priorYear,
    ...w.compare,
    ...w.fillers,
  ].sort((a, b) => b.length - a.length);
  // A remark in brackets (以合同签订为准, 不含车辆) says how the figure is counted, not what it is: the words that
  // decide that (预算, 上年 …) were read from the whole lead.
  let rest = lead.replace(YEAR, '').replace(/（[^（）]{1,20}）/g, '');
  for (const word of known) rest = rest.split(word).join('');
  return rest.replace(/[，；：、“”"]/g, '');
}

/**
 * Reads what a number is from its lead and unit: a change (增加/减少 X万元) against last year or the budget, a
 * growth rate, a share (占…%), a completion rate (完成年初预算的…%), 决算数大于预算数 X万元, or a value (决算, one of
 * the three budgets, or last year's). Anything else is unknown, with the words that were not understood.
 */
export function statementKind(lead: string, unit: string, w: Words, priorClause: boolean): StatementKind {
  if (unit === FLAT) {
    const rest = residue(lead, w);
    if (rest) return { kind: 'unknown', reason: `“${rest}”不是认识的说法，不知道是与什么持平` };
    return { kind: 'flat', against: budgetOf(lead, w) ?? 'prior' };
  }
  const trimmed = lead.replace(/(为|了|是|的)+$/, '');
  const up = endsWithAny(trimmed, w.up);
  const down = endsWithAny(trimmed, w.down);
  const direction =
    up && down ? (up.length >= down.length ? 'up' : 'down') : up ? 'up' : down ? 'down' : undefined;
  if (unit === '%') {
    const share = found(lead, w.share);
    if (share) {
      const base = lead
        .slice(lead.indexOf(share) + share.length)
        .replace(/^(比|为)/, '')
        .replace(/的$/, '');
      return { kind: 'share', base };
    }
    if (found(lead, w.completion)) {
      const rest = residue(lead, w);
      if (rest) return { kind: 'unknown', reason: `“${rest}”不是认识的说法` };
      return { kind: 'completion', budget: budgetOf(lead, w) ?? 'budget' };
    }
    if (direction) {
      const rest = residue(lead, w);
      if (rest) return { kind: 'unknown', reason: `“${rest}”不是认识的说法` };
      return { kind: 'rate', down: direction === 'down' };
    }
    return {
      kind: 'unknown',
      reason: lead ? `“${lead}”后的百分数不知道是占比、增幅还是完成率` : '百分数前没有说明是什么比例',
    };
  }
  const rest = residue(lead, w);
  if (rest) return { kind: 'unknown', reason: `“${rest}”不是认识的说法，不知道这个数说的是什么` };
  const overWord = found(lead, w.overBudget);
  const underWord = found(lead, w.underBudget);
  if ((overWord || underWord) && budgetOf(lead, w))
    return { kind: 'overBudget', over: overWord !== undefined };
  if (direction) {
    const budget = budgetOf(lead, w);
    const compareAt = Math.max(...w.compare.map((c) => lead.lastIndexOf(c)));
    const budgetAt = Math.max(...[...w.initialBudget, ...w.budget].map((b) => lead.lastIndexOf(b)));
    // 比年初预算减少1.54万元: against the budget; 预算较上年减少17.57万元: the budget against last year's.
    const of = budget === undefined ? 'actual' : budgetAt > compareAt ? 'againstBudget' : 'budget';
    return { kind: 'change', down: direction === 'down', of, budget: budget ?? 'budget' };
  }
  const prior = priorClause;
  return { kind: 'value', side: budgetOf(lead, w) ?? 'actual', prior };
}

/** A short tag for what a statement says of its subject: part of a text finding's id, which survives edits elsewhere. */
export function kindTag(k: StatementKind): string {
  switch (k.kind) {
    case 'value':
      return `value-${k.side}${k.prior ? '-prior' : ''}`;
    case 'change':
      return `change-${k.of}`;
    case 'share':
      return `share-${k.base}`;
    case 'completion':
      return `completion-${k.budget}`;
    case 'flat':
      return `flat-${k.against}`;
    default:
      return k.kind;
  }
}
