import type { GongkaiDocument } from '../document/types';
import type { FormSet } from '../template';
import type { Finding } from './findings';
import { Workbook } from './workbook';

/**
 * A whole-document recalculation: every derived value and every finding. For live editing keep a Workbook
 * and call `setCells`, which re-evaluates only what an edit touches.
 */
export function recalc(
  formSet: FormSet,
  doc: GongkaiDocument,
): { workbook: Workbook; findings: readonly Finding[] } {
  const workbook = new Workbook(formSet, doc);
  return { workbook, findings: workbook.findings() };
}
