import { addRowsByCode } from '../../src-core';
import type { EditorStore } from '../state/editor-store';

/**
 * Applies a block of lines starting with 科目编码 to a classification table through the addRowsByCode command (one
 * undoable step) and shows its report: what landed where and every line or value not taken. Used by the grid's
 * paste, 添加科目's multi-line paste and 导入行….
 */
export function applyRowsByCode(
  store: EditorStore,
  tableId: string,
  block: readonly (readonly string[])[],
): boolean {
  const command = addRowsByCode(store.session.formSet, store.document, tableId, block);
  if (!command.ok) {
    store.notify('warning', command.message);
    return false;
  }
  store.apply(command.operation, command.label);
  for (const notice of command.notices) store.notify(notice.level, notice.text, [...notice.details]);
  const first = command.filled[0];
  const template = store.session.formSet.tableById.get(tableId);
  if (first)
    store.focusCell({ table: tableId, row: first.code, col: template?.blocks[0]?.columns[0]?.key ?? '1' });
  return true;
}
