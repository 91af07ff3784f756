import fs from 'node:fs/promises';
import path from 'node:path';
import type { MemberSource } from '../../src-core/consolidation/member-entry';
import { fileErrorMessage } from './file-errors';

/** A member file found for a 汇总, or a listed path that gives none. */
export type MemberPath =
  | { readonly ok: true; readonly source: MemberSource; readonly file: string }
  | { readonly ok: false; readonly source: MemberSource; readonly message: string };

export const MEMBER_FILE = /\.(gongkai\.json|xlsx)$/i;

/**
 * The member files a 汇总's list names: files as listed, folders as the unit files directly in them (`*.gongkai.json`,
 * `*.xlsx`, by name; hidden, temporary and `.bak` files are not units). `exclude` keeps the department's own file and
 * outputs out of a folder it sits in. A listed path that is missing or unreadable is returned as a failure, so it is
 * shown, never skipped.
 */
export async function memberPaths(
  listed: readonly string[],
  baseDir: string,
  exclude: readonly string[] = [],
): Promise<MemberPath[]> {
  const skip = new Set(exclude.map((f) => path.resolve(f)));
  const out: MemberPath[] = [];
  const seen = new Set<string>();
  const add = (file: string, label: string) => {
    const id = path.resolve(file);
    if (seen.has(id) || skip.has(id)) return;
    seen.add(id);
    out.push({ ok: true, source: { id, label }, file: id });
  };
  for (const entry of listed) {
    const full = path.resolve(baseDir, entry);
    let stat;
    try {
      stat = await fs.stat(full);
    } catch (e) {
      out.push({ ok: false, source: { id: full, label: entry }, message: fileErrorMessage(entry, e) });
      continue;
    }
    if (!stat.isDirectory()) {
      add(full, entry);
      continue;
    }
    let names: string[];
    try {
      names = await fs.readdir(full);
    } catch (e) {
      out.push({ ok: false, source: { id: full, label: entry }, message: fileErrorMessage(entry, e) });
      continue;
    }
    const units = names
      .filter((n) => MEMBER_FILE.test(n) && !n.startsWith('.') && !n.startsWith('~$'))
      .sort();
    if (units.length === 0) {
      out.push({
        ok: false,
        source: { id: full, label: entry },
        message: `文件夹“${entry}”里没有单位文件（*.gongkai.json 或 *.xlsx）。`,
      });
    }
    for (const n of units) add(path.join(full, n), path.join(entry, n));
  }
  return out;
}
