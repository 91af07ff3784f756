import { Decimal } from '../money';
import type { GongkaiDocument } from './types';

/**
 * The 尾数容差 that applies to a rule, in the document's 金额单位: the rule's own (单位信息's 规则容差) if the
 * document sets one, else the document's. Without a rule: the document's. Every reader of the tolerance asks here.
 */
export function toleranceFor(doc: Pick<GongkaiDocument, 'settings'>, ruleId?: string): Decimal {
  const own = doc.settings.ruleTolerance;
  const text = ruleId !== undefined && own && Object.hasOwn(own, ruleId) ? own[ruleId] : undefined;
  return new Decimal(text ?? doc.settings.tolerance);
}
