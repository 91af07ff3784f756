import fs from 'node:fs/promises';
import {
  formSetFor,
  readDocument,
  writeDocument,
  type GongkaiDocument,
  type ReadResult,
} from '../../src-core';
import { writeFileAtomic } from './atomic-file';

/** Files larger than this are not a document anyone typed: refuse rather than load them into memory. */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

/** Reads and validates a `*.gongkai.json` file; every failure is a Chinese message, never an exception. */
export async function readDocumentFile(file: string): Promise<ReadResult> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch (e) {
    return { ok: false, message: fileErrorMessage(file, e) };
  }
  if (stat.isDirectory()) return { ok: false, message: `“${file}”是文件夹，不是文件。` };
  if (stat.size > MAX_DOCUMENT_BYTES) {
    return {
      ok: false,
      message: `文件太大（${(stat.size / 1024 / 1024).toFixed(1)} MB），不像是决算公开表文件，没有打开。`,
    };
  }
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    return { ok: false, message: fileErrorMessage(file, e) };
  }
  return readDocument(text, formSetFor);
}

/** Saves a document atomically, keeping the previous version as `<file>.bak`. */
export async function saveDocumentFile(file: string, doc: GongkaiDocument): Promise<void> {
  await writeFileAtomic(file, writeDocument(doc));
}

/** A Chinese message for a file-system error. */
export function fileErrorMessage(file: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return `找不到文件“${file}”。`;
    case 'EACCES':
    case 'EPERM':
      return `没有权限读写“${file}”。`;
    case 'ENOSPC':
      return `磁盘空间不足，无法写入“${file}”。`;
    case 'EISDIR':
      return `“${file}”是文件夹，不是文件。`;
    case 'EROFS':
      return `“${file}”所在位置是只读的。`;
    default:
      return `无法读写“${file}”：${(e as Error).message}`;
  }
}
