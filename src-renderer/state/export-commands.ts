import { CHART_HEIGHT, CHART_WIDTH, buildPrintHtml, allFormSets } from '../../src-core';
import { auditReportHtml, buildAuditReport } from '../../src-core/export/audit-report';
import type { RendererHost } from '../host/get-host';
import type { EditorStore } from './editor-store';

/** 导入Excel / 导出Excel / 导出PDF / 打印 / 导出Word. */
export async function runExportCommand(
  type: 'importExcel' | 'exportExcel' | 'exportPdf' | 'exportDocx' | 'print',
  store: EditorStore,
  host: RendererHost,
): Promise<void> {
  // What is exported is the document with the text of any editor still open.
  store.commitPendingEdits();
  switch (type) {
    case 'exportExcel':
      return store.runBusy('导出Excel', () => exportExcel(store, host));
    case 'exportDocx':
      return store.runBusy('导出Word', () => exportWord(store, host));
    case 'importExcel':
      return store.runBusy('导入Excel', () => importExcel(store, host));
    case 'exportPdf':
    case 'print':
      if (store.busy !== null) {
        store.notify('warning', `正在${store.busy}，请等它完成后再试。`);
        return;
      }
      // Which tables, with or without a cover and contents: asked in a dialog, then printPages() runs.
      store.showDialog({ kind: 'printOptions', mode: type === 'print' ? 'print' : 'pdf' });
      return;
  }
}

/**
 * Before something leaves the app to be submitted or published: say what is still wrong or unwritten, and let the
 * user decide (a draft for review may well go out with them).
 */
async function confirmOpenProblems(store: EditorStore, includeText: boolean): Promise<boolean> {
  const tableErrors = store.workbook.findings().filter((f) => f.severity === 'error').length;
  const doc = includeText ? store.documentFindings() : [];
  const textErrors = doc.filter((f) => f.severity === 'error').length;
  const todos = doc.filter((f) => f.kind === 'todo').length;
  const parts = [
    tableErrors > 0 ? `报表中 ${tableErrors} 处错误` : '',
    textErrors > 0 ? `文字或绩效自评表中 ${textErrors} 处错误` : '',
    todos > 0 ? `${todos} 处【待填写】` : '',
  ].filter((p) => p !== '');
  if (parts.length === 0) return true;
  const choice = await store.ask('仍要导出吗？', `还有${parts.join('、')}（见审核结果）。仍要导出吗？`, [
    { id: 'export', label: '仍要导出', primary: true },
    { id: 'cancel', label: '取消' },
  ]);
  return choice === 'export';
}

async function exportExcel(store: EditorStore, host: RendererHost): Promise<void> {
  if (!(await confirmOpenProblems(store, false))) return;
  const charts = await chartPngs(store);
  // The xlsx writer, echarts and docx load on first use: the editor starts without them (vite.config.ts says how).
  const { exportXlsx } = await import('../../src-core/export/xlsx-export');
  const data = await exportXlsx(store.session.formSet, store.document, { charts });
  const name = store.suggestedName().replace(/\.gongkai\.json$/i, '.xlsx');
  const outcome = await host.api.exportFile({ kind: 'xlsx', suggestedName: name, data });
  if (outcome.status === 'failed')
    store.showDialog({ kind: 'message', title: '导出Excel失败', text: outcome.message });
  else if (outcome.status === 'saved') store.notify('info', `已导出 Excel：${outcome.fileName}`);
}

async function exportWord(store: EditorStore, host: RendererHost): Promise<void> {
  if (!(await confirmOpenProblems(store, true))) return;
  const { exportDocx } = await import('../../src-core/export/docx-export');
  const data = await exportDocx(store.session.formSet, store.document);
  const name = store.suggestedName().replace(/\.gongkai\.json$/i, '.docx');
  const outcome = await host.api.exportFile({ kind: 'docx', suggestedName: name, data });
  if (outcome.status === 'failed')
    store.showDialog({ kind: 'message', title: '导出Word失败', text: outcome.message });
  else if (outcome.status === 'saved') store.notify('info', `已导出 Word：${outcome.fileName}`);
}

/**
 * The print HTML: the whole publication (cover, 目录, six parts, charts, 绩效自评表) or a selection of tables — what
 * 导出PDF and 打印 print, and what 打印预览 lays out.
 */
export async function printableHtml(
  store: EditorStore,
  options: { whole: boolean; tables: readonly string[]; cover: boolean; toc: boolean },
): Promise<string> {
  const { formSet, document } = store.session;
  if (options.whole) {
    const [{ wholePublicationHtml }, charts] = await Promise.all([
      import('../../src-core/export/whole-publication'),
      store.chartsReady(),
    ]);
    return wholePublicationHtml(formSet, document, charts);
  }
  return buildPrintHtml(formSet, document, options);
}

/** Runs the PDF export or the print after the options dialog (once at a time; the status bar says it is busy). */
export function printPages(
  store: EditorStore,
  host: RendererHost,
  mode: 'pdf' | 'print',
  options: { whole: boolean; tables: readonly string[]; cover: boolean; toc: boolean },
): Promise<void> {
  return store.runBusy(mode === 'pdf' ? '导出PDF' : '打印', () => printNow(store, host, mode, options));
}

async function printNow(
  store: EditorStore,
  host: RendererHost,
  mode: 'pdf' | 'print',
  options: { whole: boolean; tables: readonly string[]; cover: boolean; toc: boolean },
): Promise<void> {
  if (!(await confirmOpenProblems(store, options.whole))) return;
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

/**
 * 导出审核报告: every finding of the tables and of the text with its 说明, and the summary, as PDF or xlsx, through
 * the host (Electron: a save dialog; the browser: a download, or the print dialog for the PDF).
 */
export async function exportAuditReport(
  store: EditorStore,
  host: RendererHost,
  format: 'pdf' | 'xlsx',
): Promise<void> {
  store.commitPendingEdits();
  const doc = store.document;
  const report = buildAuditReport(doc, store.workbook.findings(), store.documentFindings());
  const name = `${doc.unit.name || '未命名单位'}${doc.unit.year}年度审核报告.${format}`;
  const outcome =
    format === 'pdf'
      ? await host.api.exportFile({ kind: 'pdf', suggestedName: name, html: auditReportHtml(doc, report) })
      : await host.api.exportFile({
          kind: 'xlsx',
          suggestedName: name,
          // The xlsx writer is loaded when a workbook is written, not with the app.
          data: await (await import('../../src-core/export/audit-report-xlsx')).exportAuditReportXlsx(report),
        });
  if (outcome.status === 'failed')
    store.showDialog({ kind: 'message', title: '导出审核报告失败', text: outcome.message });
  else if (outcome.status === 'saved')
    store.notify(
      'info',
      format === 'pdf' && host.kind === 'browser'
        ? '已打开打印对话框：请选择“另存为 PDF”保存审核报告'
        : `已导出审核报告：${outcome.fileName}`,
    );
}

/** 导入Excel: the open document is replaced only if the import succeeded; the report says what was read. */
async function importExcel(store: EditorStore, host: RendererHost): Promise<void> {
  if (
    store.session.dirty &&
    (await store.ask(
      '导入Excel',
      `“${store.file.fileName}”有未保存的修改。导入将打开一个新文档，这些修改不会保存。是否继续？`,
      [
        { id: 'import', label: '不保存，导入', primary: true },
        { id: 'cancel', label: '取消' },
      ],
    )) !== 'import'
  )
    return;
  const picked = await host.api.importFile({ purpose: 'excel' });
  if (picked.status === 'cancelled') return;
  if (picked.status === 'failed') {
    store.showDialog({ kind: 'message', title: '导入Excel失败', text: picked.message });
    return;
  }
  const { importXlsx } = await import('../../src-core/export/xlsx-import');
  const result = await importXlsx(allFormSets(), picked.data);
  if (!result.ok) {
    store.showDialog({ kind: 'message', title: `无法导入“${picked.fileName}”`, text: result.message });
    return;
  }
  const fileName = picked.fileName.replace(/\.xlsx$/i, '') + '.gongkai.json';
  store.replaceDocument(result.document, { filePath: null, fileName }, { dirty: true });
  store.showDialog({ kind: 'importReport', fileName: picked.fileName, report: result.report });
}

/** 图1—图4 as PNG for the Excel export: the SVG drawn on a canvas at twice its size. */
async function chartPngs(
  store: EditorStore,
): Promise<{ title: string; png: Uint8Array; width: number; height: number }[]> {
  const out: { title: string; png: Uint8Array; width: number; height: number }[] = [];
  const width = CHART_WIDTH;
  const height = CHART_HEIGHT;
  for (const chart of Object.values(await store.chartsReady())) {
    if (!chart.svg) continue;
    try {
      const img = new Image();
      img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(chart.svg)}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = width * 2;
      canvas.height = height * 2;
      const ctx = canvas.getContext('2d');
      if (!ctx) continue;
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
      if (blob)
        out.push({ title: chart.title, png: new Uint8Array(await blob.arrayBuffer()), width, height });
    } catch {
      // A chart that cannot be drawn here is left out of the workbook; the tables are what matters.
    }
  }
  return out;
}
