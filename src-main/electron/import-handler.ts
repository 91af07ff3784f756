import path from 'node:path';
import type { ImportOutcome } from '../../src-core/host';
import { CATALOG_FILTER, DOCUMENT_FILTER, XLSX_FILTER, type Dialogs } from './file-dialogs';
import { readLimitedFile } from '../node/read-limited';

/** An Excel template of nine tables is well under 1 MB; 30 MB leaves room for anything genuine. */
export const MAX_IMPORT_BYTES = 30 * 1024 * 1024;

const PURPOSES = {
  excel: { title: '导入 Excel', filters: [XLSX_FILTER] },
  catalog: { title: '导入科目目录', filters: [CATALOG_FILTER] },
  lastYear: { title: '选择上年的决算公开表文件', filters: [DOCUMENT_FILTER] },
} as const;

/** 导入Excel / 导入科目目录: pick a file and hand its bytes to the renderer, which parses them. */
export async function importFile(
  request: { readonly purpose: 'excel' | 'catalog' | 'lastYear' },
  deps: { readonly dialogs: Dialogs; readonly defaultFolder: () => string },
): Promise<ImportOutcome> {
  const purpose = PURPOSES[request.purpose];
  const choice = await deps.dialogs.showOpenDialog({
    title: purpose.title,
    defaultPath: deps.defaultFolder(),
    filters: [...purpose.filters],
    properties: ['openFile'],
  });
  const filePath = choice.filePaths[0];
  if (choice.canceled || filePath === undefined) return { status: 'cancelled' };
  const read = await readLimitedFile(
    filePath,
    MAX_IMPORT_BYTES,
    (mb) => `文件太大（${mb} MB），超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB 的上限，没有导入。`,
  );
  if (!read.ok) return { status: 'failed', message: read.message };
  // A plain Uint8Array view: what the contract promises and what IPC copies without surprises.
  const data = new Uint8Array(read.data.buffer, read.data.byteOffset, read.data.byteLength);
  return { status: 'read', fileName: path.basename(filePath), data };
}
