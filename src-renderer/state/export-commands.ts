import type { RendererHost } from '../host/get-host';
import type { EditorStore } from './editor-store';

/** 导入Excel / 导出Excel / 导出PDF / 打印. The heavy writers load on first use. */
export async function runExportCommand(
  type: 'importExcel' | 'exportExcel' | 'exportPdf' | 'exportDocx' | 'print',
  store: EditorStore,
  host: RendererHost,
): Promise<void> {
  switch (type) {
    case 'exportExcel':
      return exportExcel(store, host);
    case 'exportDocx':
      return exportWord(store, host);
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

async function exportWord(store: EditorStore, host: RendererHost): Promise<void> {
  const { exportDocx } = await import('../../src-core/export/docx-export');
  const data = await exportDocx(store.session.formSet, store.document);
  const name = store.suggestedName().replace(/\.gongkai\.json$/i, '.docx');
  const outcome = await host.api.exportFile({ kind: 'docx', suggestedName: name, data });
  if (outcome.status === 'failed')
    store.showDialog({ kind: 'message', title: '导出Word失败', text: outcome.message });
  else if (outcome.status === 'saved') store.notify('info', `已导出 Word：${outcome.fileName}`);
}

/** The print HTML: the whole publication (cover, 目录, six parts, charts, 绩效自评表) or a selection of tables. */
async function printableHtml(
  store: EditorStore,
  options: { whole: boolean; tables: readonly string[]; cover: boolean; toc: boolean },
): Promise<string> {
  const { formSet, document } = store.session;
  if (options.whole) {
    const { buildPublicationHtml } = await import('../../src-core/export/publication-html');
    const { performanceHtml, performancePrintCss } = await import('../../src-core/performance');
    return buildPublicationHtml(formSet, document, {
      charts: store.charts(),
      performanceHtml: performanceHtml(formSet, document),
      performanceCss: performancePrintCss,
    });
  }
  const { buildPrintHtml } = await import('../../src-core/export/print-html');
  return buildPrintHtml(formSet, document, options);
}

/** Runs the PDF export or the print after the options dialog. */
export async function printPages(
  store: EditorStore,
  host: RendererHost,
  mode: 'pdf' | 'print',
  options: { whole: boolean; tables: readonly string[]; cover: boolean; toc: boolean },
): Promise<void> {
  const html = await printableHtml(store, options);
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
