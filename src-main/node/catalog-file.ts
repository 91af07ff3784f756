import fs from 'node:fs/promises';
import path from 'node:path';
import { readCatalogBytes, type CatalogImport } from '../../src-core';
import { fileErrorMessage } from './file-errors';

const MAX_CATALOG_BYTES = 20 * 1024 * 1024;

/** Reads a two-column catalog (编码, 名称) from an .xlsx or .csv file. Chinese message on any failure. */
export async function readCatalogFile(file: string): Promise<CatalogImport> {
  try {
    const stat = await fs.stat(file);
    if (stat.size > MAX_CATALOG_BYTES) return { ok: false, message: '科目目录文件太大，没有读取。' };
    return await readCatalogBytes(path.basename(file), new Uint8Array(await fs.readFile(file)));
  } catch (e) {
    return { ok: false, message: fileErrorMessage(file, e) };
  }
}
