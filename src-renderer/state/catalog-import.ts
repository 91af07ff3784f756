import type { RendererHost } from '../host/get-host';
import type { EditorStore } from './editor-store';

/**
 * 导入目录: picks a two-column catalog file (.xlsx or .csv) and adds its 科目 to this file's own, or replaces the
 * built-in catalog with it (one undoable step); a file that cannot be read is named in a message, nothing changes.
 */
export async function importCatalog(store: EditorStore, host: RendererHost, replace: boolean): Promise<void> {
  const picked = await host.api.importFile({ purpose: 'catalog' });
  if (picked.status === 'cancelled') return;
  if (picked.status === 'failed') {
    store.showDialog({ kind: 'message', title: '导入科目目录失败', text: picked.message });
    return;
  }
  // An .xlsx catalog needs the xlsx reader (fflate), which loads only now.
  const { readCatalogBytes } = await import('../../src-core/export/read-catalog-bytes');
  const result = await readCatalogBytes(picked.fileName, picked.data);
  if (!result.ok) {
    store.showDialog({ kind: 'message', title: '导入科目目录失败', text: result.message });
    return;
  }
  const custom = store.document.catalog;
  const entries = replace ? result.entries : [...(custom?.entries ?? []), ...result.entries];
  store.apply({ type: 'setCatalog', catalog: { replace, entries } }, '导入科目目录');
  store.notify(
    result.skipped.length > 0 ? 'warning' : 'info',
    `已导入 ${result.entries.length} 个科目`,
    result.skipped.slice(0, 5),
  );
}
