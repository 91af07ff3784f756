import { canonicalAmount } from '../money';
import type { Facts } from '../document/publication-schema';
import type { GongkaiDocument } from '../document/types';
import { Workbook } from '../engine';
import type { FormSet } from '../template';
import { classBreakdown, publicationMetrics } from './metrics';

/**
 * Last year's figures taken from last year's own file: every named quantity and the 类 of 一般公共预算财政拨款支出,
 * as the 与上年相比 sentences and 图1/图4 need them. The forms of that year are used to read it.
 */
export function priorYearFrom(
  lastYearForms: FormSet,
  lastYear: GongkaiDocument,
): NonNullable<Facts['priorYear']> {
  const wb = new Workbook(lastYearForms, lastYear);
  const metrics: Record<string, string> = {};
  for (const [name, m] of publicationMetrics(lastYearForms, wb)) {
    if (m.value !== null && !m.unknown) metrics[name] = canonicalAmount(m.value);
  }
  const byClass: Record<string, string> = {};
  for (const c of classBreakdown(lastYearForms, wb))
    if (c.value !== null && !c.unknown) byClass[c.code] = canonicalAmount(c.value);
  return { year: lastYear.unit.year, metrics, byClass };
}
