import fs from 'node:fs/promises';
import { fileErrorMessage } from './file-errors';

export type LimitedRead =
  { readonly ok: true; readonly data: Buffer } | { readonly ok: false; readonly message: string };

/**
 * Reads a whole file unless it is larger than `maxBytes`; every failure is a Chinese message. The size is taken
 * from the open handle, so a file swapped between the check and the read cannot slip past the limit.
 */
export async function readLimitedFile(
  file: string,
  maxBytes: number,
  tooBig: (megabytes: string) => string,
): Promise<LimitedRead> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, 'r');
  } catch (e) {
    return { ok: false, message: fileErrorMessage(file, e) };
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) return { ok: false, message: `“${file}”是文件夹，不是文件。` };
    if (stat.size > maxBytes) return { ok: false, message: tooBig((stat.size / 1024 / 1024).toFixed(1)) };
    return { ok: true, data: await handle.readFile() };
  } catch (e) {
    return { ok: false, message: fileErrorMessage(file, e) };
  } finally {
    await handle.close();
  }
}
