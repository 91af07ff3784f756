import path from 'node:path';
import type { ExportRequest, SaveOutcome } from '../../src-core/host';
import { writeFileAtomic } from '../node/atomic-file';
import { fileErrorMessage } from '../node/file-errors';
import {
  DOCX_FILTER,
  ensureExtension,
  PDF_FILTER,
  safeFileName,
  XLSX_FILTER,
  type Dialogs,
} from './file-dialogs';
import type { HtmlPrinter } from './html-printer';

export interface ExportDeps {
  readonly dialogs: Dialogs;
  readonly printer: Pick<HtmlPrinter, 'toPdf' | 'print'>;
  readonly defaultFolder: () => string;
  /** A native error box, for print failures (print() has no outcome to carry a message). */
  readonly showError: (message: string) => void;
}

const KINDS = {
  xlsx: { title: '导出 Excel', extension: '.xlsx', filter: XLSX_FILTER },
  pdf: { title: '导出 PDF', extension: '.pdf', filter: PDF_FILTER },
  docx: { title: '导出 Word', extension: '.docx', filter: DOCX_FILTER },
} as const;

/** 导出Excel / 导出PDF: ask where first (nothing is rendered if the user cancels), then write atomically. */
export async function exportFile(request: ExportRequest, deps: ExportDeps): Promise<SaveOutcome> {
  const kind = KINDS[request.kind];
  const name = ensureExtension(safeFileName(request.suggestedName, '决算公开表'), kind.extension);
  const choice = await deps.dialogs.showSaveDialog({
    title: kind.title,
    defaultPath: path.join(deps.defaultFolder(), name),
    filters: [kind.filter],
    properties: ['showOverwriteConfirmation', 'createDirectory'],
  });
  if (choice.canceled || !choice.filePath) return { status: 'cancelled' };
  const target = ensureExtension(choice.filePath, kind.extension);

  let bytes: Uint8Array;
  if (request.kind === 'pdf') {
    try {
      bytes = await deps.printer.toPdf(request.html);
    } catch (e) {
      return { status: 'failed', message: `生成 PDF 失败：${(e as Error).message}` };
    }
  } else {
    bytes = request.data;
  }
  try {
    // The user already confirmed replacing the file; an export is regenerated at will, so no .bak beside it.
    await writeFileAtomic(target, bytes, { backup: false });
  } catch (e) {
    return { status: 'failed', message: `导出失败：${fileErrorMessage(target, e)}` };
  }
  return { status: 'saved', filePath: target, fileName: path.basename(target) };
}

/** 打印. A cancelled dialog is no error; a failed job is reported natively, since print() returns nothing. */
export async function printHtml(
  html: string,
  deps: Pick<ExportDeps, 'printer' | 'showError'>,
): Promise<void> {
  let result;
  try {
    result = await deps.printer.print(html);
  } catch (e) {
    deps.showError(`打印失败：${(e as Error).message}`);
    return;
  }
  if (!result.ok && result.reason !== 'cancelled')
    deps.showError(`打印失败：${printFailureText(result.reason)}`);
}

function printFailureText(reason: string): string {
  if (/invalid printer settings/i.test(reason)) return '打印机设置无效，请检查所选打印机。';
  if (/print job failed/i.test(reason)) return '打印任务没有完成，请检查打印机是否可用。';
  return reason;
}
