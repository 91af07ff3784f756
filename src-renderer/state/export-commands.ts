import type { RendererHost } from '../host/get-host';
import type { EditorStore } from './editor-store';

/** 导入Excel / 导出Excel / 导出PDF / 打印. */
export async function runExportCommand(
  type: 'importExcel' | 'exportExcel' | 'exportPdf' | 'print',
  store: EditorStore,
  _host: RendererHost,
): Promise<void> {
  const names = { importExcel: '导入Excel', exportExcel: '导出Excel', exportPdf: '导出PDF', print: '打印' };
  store.showDialog({ kind: 'message', title: names[type], text: `${names[type]}正在开发中，下一个版本提供。` });
}
