import { planRowsByCode, type TableTemplate } from '../../src-core';
import type { EditorStore } from '../state/editor-store';

/**
 * Applies a block of lines starting with 科目编码 to a classification table (one undoable step) and reports what
 * landed where and every line or value not taken. Used by the grid's paste and 添加科目's multi-line paste.
 */
export function applyRowsByCode(
  store: EditorStore,
  template: TableTemplate,
  block: readonly (readonly string[])[],
): boolean {
  const catalog = store.session.formSet.catalog.withCustom(store.document.catalog);
  const plan = planRowsByCode(catalog, store.document, template, block);
  if (!plan.ok) {
    store.notify('warning', plan.message);
    return false;
  }
  store.apply(plan.operation, plan.label);
  const landed = plan.filled
    .slice(0, 5)
    .map((f) => `第 ${f.line} 行 → ${f.code}${f.amounts > 0 ? `（${f.amounts} 个金额）` : ''}`);
  store.notify(plan.skipped.length > 0 ? 'warning' : 'info', plan.summary, [
    ...plan.skipped.slice(0, 8),
    ...(plan.skipped.length > 8 ? [`…… 另有 ${plan.skipped.length - 8} 处`] : []),
    ...landed,
    ...(plan.filled.length > 5 ? [`…… 共 ${plan.filled.length} 行`] : []),
  ]);
  const first = plan.filled[0];
  if (first)
    store.focusCell({ table: template.id, row: first.code, col: template.blocks[0]?.columns[0]?.key ?? '1' });
  return true;
}
