import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes a file so that a crash or full disk never leaves it half-written: the bytes go to a temporary file in
 * the same folder, are flushed to disk, then renamed over the target. The version being replaced is kept as
 * `<file>.bak`.
 */
export async function writeFileAtomic(
  target: string,
  data: string | Uint8Array,
  options: { backup?: boolean } = {},
): Promise<void> {
  const dir = path.dirname(target);
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  const handle = await fs.open(tmp, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (e) {
    // A full disk must not leave a half-written temporary file behind.
    await handle.close();
    await fs.rm(tmp, { force: true });
    throw e;
  }
  await handle.close();
  try {
    if (options.backup !== false) {
      try {
        await fs.copyFile(target, `${target}.bak`);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      }
    }
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
  await syncDirectory(dir);
}

async function syncDirectory(dir: string): Promise<void> {
  // The rename itself is only durable once the folder is flushed (POSIX); Windows cannot open folders for this.
  if (process.platform === 'win32') return;
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // Some file systems refuse fsync on a folder; the data itself is already on disk.
  } finally {
    await handle?.close();
  }
}
