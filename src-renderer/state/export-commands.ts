import type { RendererHost } from '../host/get-host';
import type { EditorStore } from './editor-store';

/** 导入Excel / 导出Excel / 导出PDF / 打印. The heavy writers load on first use. */
export async function runExportCommand(
  type: 'importExcel' | 'exportExcel' | 'exportPdf' | 'print',
  store: EditorStore,
  host: RendererHost,
): Promise<void> {
  switch (type) {
    case 'exportExcel':
      return exportExcel(store, host);
    case 'importExcel':
      return importExcel(store, host);
    case 'exportPdf':
    case 'print':
      // Which tables, with or without a cover and contents: asked in a dialog, then printPages() runs.
      store.showDialog({ kind: 'printOptions', mode: type === 'print' ? 'print' : 'pdf' });
      return;
  }
}

async function exportExcel(store: EditorStore, host: RendererHost): Promise<void> {
  const { exportXlsx } = await import('../../src-core/export/xlsx-export');
  const data = await exportXlsx(store.session.formSet, store.document);
  const name = store.suggestedName().replace(/\.gongkai\.json$/i, '.xlsx');
  const outcome = await host.api.exportFile({ kind: 'xlsx', suggestedName: name, data });
  if (outcome.status === 'failed')
    store.showDialog({ kind: 'message', title: '导出Excel失败', text: outcome.message });
  else if (outcome.status === 'saved') store.notify('info', `已导出 Excel：${outcome.fileName}`);
}

/** Runs the PDF export or the print after the options dialog. */
export async function printPages(
  store: EditorStore,
  host: RendererHost,
  mode: 'pdf' | 'print',
  options: { tables: readonly string[]; cover: boolean; toc: boolean },
): Promise<void> {
  const { buildPrintHtml } = await import('../../src-core/export/print-html');
  const html = buildPrintHtml(store.session.formSet, store.document, options);
  if (mode === 'print') {
    await host.api.print(html);
    return;
  }
  const name = store.suggestedName().replace(/\.gongkai\.json$/i, '.pdf');
  const outcome = await host.api.exportFile({ kind: 'pdf', suggestedName: name, html });
  if (outcome.status === 'failed')
    store.showDialog({ kind: 'message', title: '导出PDF失败', text: outcome.message });
  else if (outcome.status === 'saved') {
    store.notify(
      'info',
      host.kind === 'browser' ? '已打开打印对话框：请选择“另存为 PDF”' : `已导出 PDF：${outcome.fileName}`,
    );
  }
}

/** 导入Excel: the open document is replaced only if the import succeeded; the report says what was read. */
async function importExcel(store: EditorStore, host: RendererHost): Promise<void> {
  if (store.session.dirty && !window.confirm('当前文件有未保存的修改，导入将打开一个新文档。是否继续？'))
    return;
  const picked = await host.api.importFile({ purpose: 'excel' });
  if (picked.status === 'cancelled') return;
  if (picked.status === 'failed') {
    store.showDialog({ kind: 'message', title: '导入Excel失败', text: picked.message });
    return;
  }
  const { importXlsx } = await import('../../src-core/export/xlsx-import');
  const result = await importXlsx(store.session.formSet, picked.data);
  if (!result.ok) {
    store.showDialog({ kind: 'message', title: `无法导入“${picked.fileName}”`, text: result.message });
    return;
  }
  const fileName = picked.fileName.replace(/\.xlsx$/i, '') + '.gongkai.json';
  store.replaceDocument(result.document, { filePath: null, fileName }, { dirty: true });
  store.showDialog({ kind: 'importReport', fileName: picked.fileName, report: result.report });
}
