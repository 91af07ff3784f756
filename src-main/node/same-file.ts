import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Whether two paths name the same file: the same path once resolved (case-insensitively where the file system is), or
 * an existing file reached by both (a symbolic or hard link, `./x/../A`).
 */
export async function isSameFile(a: string, b: string): Promise<boolean> {
  const norm = (p: string) => {
    const resolved = path.resolve(p);
    return process.platform === 'win32' || process.platform === 'darwin' ? resolved.toLowerCase() : resolved;
  };
  if (norm(a) === norm(b)) return true;
  const [sa, sb] = await Promise.all([fs.stat(a).catch(() => null), fs.stat(b).catch(() => null)]);
  return sa !== null && sb !== null && sa.dev === sb.dev && sa.ino === sb.ino && sa.ino !== 0;
}

/** Whether something already exists at the path (an export then says it replaced it). */
export async function exists(file: string): Promise<boolean> {
  return fs.lstat(file).then(
    () => true,
    () => false,
  );
}
