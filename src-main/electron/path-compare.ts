import path from 'node:path';

/** Same file on disk, by path; on Windows path.relative already ignores case. */
export function samePath(a: string, b: string): boolean {
  return path.relative(path.resolve(a), path.resolve(b)) === '';
}

/** True if `file` is `dir` or lies beneath it (no `..` escapes). */
export function isInsideDir(file: string, dir: string): boolean {
  const rel = path.relative(path.resolve(dir), path.resolve(file));
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
