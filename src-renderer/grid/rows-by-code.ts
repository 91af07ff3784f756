import { addRowsByCode } from '../../src-core';
import type { EditorStore } from '../state/editor-store';
import type { RendererHost } from '../host/get-host';

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

/**
 * 从Excel导入行…: pick an .xlsx, let importRowsFromSheet guess where its 科目 lines and amounts are, show that mapping
 * and what it would add (导入 / 取消), then apply it as one undoable step and show the report.
 */
export async function importRowsFromExcel(
  store: EditorStore,
  host: RendererHost,
  tableId: string,
): Promise<void> {
  const picked = await host.api.importFile({ purpose: 'excel' });
  if (picked.status === 'cancelled') return;
  if (picked.status === 'failed') {
    store.showDialog({ kind: 'message', title: '从Excel导入行失败', text: picked.message });
    return;
  }
  // Loaded on first use, as 导入Excel does: the xlsx reader stays out of the first paint's chunk.
  const [{ loadXlsxSheets }, { importRowsFromSheet }] = await Promise.all([
    import('../../src-core/export/load-xlsx'),
    import('../../src-core/commands/rows-from-sheet'),
  ]);
  const loaded = await loadXlsxSheets(picked.data);
  if (!loaded.ok) {
    store.showDialog({ kind: 'message', title: `无法读取“${picked.fileName}”`, text: loaded.message });
    return;
  }
  const command = importRowsFromSheet(store.session.formSet, store.document, tableId, loaded.sheets);
  if (!command.ok) {
    store.showDialog({ kind: 'message', title: `无法从“${picked.fileName}”导入行`, text: command.message });
    return;
  }
  const notice = command.notices[0];
  const text = [
    `从“${picked.fileName}”导入：`,
    ...command.preview,
    '',
    command.summary,
    ...(notice?.details ?? []).slice(0, 12),
  ].join('\n');
  const choice = await store.ask('从Excel导入行', text, [
    { id: 'import', label: '导入', primary: true },
    { id: 'cancel', label: '取消' },
  ]);
  if (choice !== 'import') return;
  store.apply(command.operation, command.label);
  for (const n of command.notices) store.notify(n.level, n.text, [...n.details]);
  const first = command.filled[0];
  const template = store.session.formSet.tableById.get(tableId);
  if (first)
    store.focusCell({ table: tableId, row: first.code, col: template?.blocks[0]?.columns[0]?.key ?? '1' });
}
