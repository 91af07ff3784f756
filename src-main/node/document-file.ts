import path from 'node:path';
import {
  decodeDocumentBytes,
  formSetFor,
  readDocument,
  writeDocument,
  type GongkaiDocument,
  type ReadResult,
} from '../../src-core';
import { sweepStaleTemps, writeFileAtomic } from './atomic-file';
import { readLimitedFile } from './read-limited';

/** Files larger than this are not a document anyone typed: refuse rather than load them into memory. */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

/** Reads and validates a `*.gongkai.json` file; every failure is a Chinese message, never an exception. */
export async function readDocumentFile(file: string): Promise<ReadResult> {
  const read = await readLimitedFile(file, MAX_DOCUMENT_BYTES, documentTooBig);
  if (!read.ok) return read;
  // What a killed save left beside the file goes now rather than piling up (never throws).
  await sweepStaleTemps(path.dirname(file));
  const decoded = decodeDocumentBytes(read.data, path.basename(file));
  if (!decoded.ok) return decoded;
  const result = readDocument(decoded.text, formSetFor);
  return result.ok ? result : { ok: false, message: `“${path.basename(file)}”：${result.message}` };
}

/** Why a file this large is not opened as a document. */
export function documentTooBig(megabytes: string): string {
  return `文件太大（${megabytes} MB），不像是决算公开表文件，没有打开。`;
}

/** Saves a document atomically, keeping the previous version as `<file>.bak`. */
export async function saveDocumentFile(file: string, doc: GongkaiDocument): Promise<void> {
  await writeFileAtomic(file, writeDocument(doc));
}
