import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** The error a save of a read-only file fails with (fileErrorMessage says so in Chinese). */
export class ReadOnlyFileError extends Error {
  readonly code = 'GONGKAI_READ_ONLY';
  constructor(readonly file: string) {
    super(`read-only: ${file}`);
  }
}

/**
 * This app's temporary files: `.gk-<host><pid>-<random>.tmp`, short whatever the target's name (a 245-byte name still
 * leaves room), and saying which process on which machine writes it so a sweep can tell a dead save from a live one.
 * `.<name>.<pid>.<time>.tmp` is how earlier versions named them.
 */
const TEMP_NAME = /^\.gk-([0-9a-z]{2})([0-9a-z]+)-[0-9a-f]{6}\.tmp$/;
const OLD_TEMP_NAME = /^\..+\.\d+\.\d{13}\.tmp$/;
/** A temporary file untouched this long is stale whoever wrote it (a save on another machine of a shared folder). */
const STALE_ANYWAY_MS = 60 * 60_000;

const HOST_TAG = (() => {
  let h = 0;
  for (const ch of os.hostname()) h = (h * 31 + ch.charCodeAt(0)) % 1296;
  return h.toString(36).padStart(2, '0');
})();

/** A fresh temporary file name in `dir` (exported for the sweep's tests). */
export function temporaryPathIn(dir: string): string {
  return path.join(dir, `.gk-${HOST_TAG}${process.pid.toString(36)}-${randomBytes(3).toString('hex')}.tmp`);
}

/**
 * Writes a file so that a crash, a kill or a full disk never leaves it half-written: the bytes go to a temporary file
 * in the same folder, are flushed to disk, then renamed over the target. The version being replaced is kept as
 * `<file>.bak`, also put in place by rename (a hard link to the old file, or where links are not supported a flushed
 * copy), so at every instant the file and its .bak are each one whole version. The file's mode is kept, a symbolic
 * link stays a link (the file it points to is written), and a read-only file is refused. Stale temporary files of
 * earlier interrupted saves in the folder are removed first.
 */
export async function writeFileAtomic(
  target: string,
  data: string | Uint8Array,
  options: { backup?: boolean } = {},
): Promise<void> {
  const real = await fs.realpath(target).catch(() => target);
  const dir = path.dirname(real);
  const existing = await fs.stat(real).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return null;
    throw e;
  });
  if (existing && !existing.isFile()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
  // The owner's write bit, not access(): an administrator may write anything, but a file marked read-only was
  // marked so on purpose.
  if (existing && (existing.mode & 0o200) === 0) throw new ReadOnlyFileError(target);
  await sweepStaleTemps(dir);

  const mode = existing ? existing.mode & 0o7777 : null;
  const tmp = temporaryPathIn(dir);
  await writeFlushed(tmp, data, mode);
  let bakTmp: string | null = null;
  try {
    if (existing && options.backup !== false) {
      bakTmp = temporaryPathIn(dir);
      await linkOrCopy(real, bakTmp);
      await fs.rename(bakTmp, `${real}.bak`);
      bakTmp = null;
    }
    await fs.rename(tmp, real);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    if (bakTmp) await fs.rm(bakTmp, { force: true });
    throw e;
  }
  await syncDirectory(dir);
}

/** Writes and flushes a new file; with the mode of the file it replaces, or as a new file would be (null). */
async function writeFlushed(file: string, data: string | Uint8Array, mode: number | null): Promise<void> {
  const handle = await fs.open(file, 'wx', mode ?? 0o666);
  try {
    await handle.writeFile(data);
    // The umask narrowed the mode given to open: set exactly the old file's.
    if (mode !== null) await handle.chmod(mode);
    await handle.sync();
  } catch (e) {
    // A full disk must not leave a half-written temporary file behind.
    await handle.close();
    await fs.rm(file, { force: true });
    throw e;
  }
  await handle.close();
}

/** A second name for the old version: a hard link (instant, whole), or where the disk has none a flushed copy. */
async function linkOrCopy(from: string, to: string): Promise<void> {
  try {
    await fs.link(from, to);
    return;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (
      code !== 'EPERM' &&
      code !== 'ENOTSUP' &&
      code !== 'EOPNOTSUPP' &&
      code !== 'EXDEV' &&
      code !== 'ENOSYS'
    )
      throw e;
  }
  const mode = (await fs.stat(from)).mode & 0o7777;
  await writeFlushed(to, await fs.readFile(from), mode);
}

/**
 * Removes the temporary files interrupted saves of this app left in a folder (never anything else): those of a
 * process on this machine that is no longer running, and any untouched for an hour. Returns how many it removed;
 * never throws (a folder it cannot list has nothing it may remove).
 */
export async function sweepStaleTemps(dir: string): Promise<number> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  const now = Date.now();
  for (const name of names) {
    const ours = TEMP_NAME.exec(name);
    if (!ours && !OLD_TEMP_NAME.test(name)) continue;
    const file = path.join(dir, name);
    try {
      const stat = await fs.lstat(file);
      if (!stat.isFile()) continue;
      const still = now - stat.mtimeMs;
      const deadHere = ours !== null && ours[1] === HOST_TAG && !isRunning(parseInt(ours[2] as string, 36));
      if (still > STALE_ANYWAY_MS || deadHere) {
        await fs.rm(file, { force: true });
        removed++;
      }
    } catch {
      // Gone already, or not ours to remove.
    }
  }
  return removed;
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
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
