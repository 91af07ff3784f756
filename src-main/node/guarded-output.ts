import fs from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from './atomic-file';
import { changedSince, fingerprintOf, type FileFingerprint } from './file-fingerprint';

/** What one write of a guarded output did. */
export type OutputWrite =
  /** Written where asked; `replaced` when a file was there before (this process's own earlier version or not). */
  | { readonly status: 'written'; readonly file: string; readonly replaced: boolean }
  /**
   * `kept` was changed by someone else since this process last read or wrote it, so it was left alone and the new
   * version written to `file` beside it; later writes go to `file`.
   */
  | { readonly status: 'diverted'; readonly file: string; readonly kept: string };

/** An output file written again and again by one long-running process (`consolidate --watch`'s Excel). */
export interface GuardedOutput {
  /** Where the next write goes (as given: relative stays relative, for messages). */
  readonly file: () => string;
  /** The files this output has written to, resolved, so a folder watcher can tell them from the units. */
  readonly files: () => readonly string[];
  write(data: Uint8Array | string): Promise<OutputWrite>;
}

/**
 * Looks at `file` now and returns an output that overwrites it only while it is still what was there then, or what
 * this process last wrote. Someone who opened it in Excel or WPS and saved, replaced or created it meanwhile keeps
 * their version: the new one is written beside it (`名称（HH时mm分ss秒汇总）.xlsx`) and the caller is told. A file that
 * was removed is simply written again (nothing of anyone's is lost).
 */
export async function guardedOutput(
  file: string,
  options: { readonly now?: () => Date } = {},
): Promise<GuardedOutput> {
  const now = options.now ?? (() => new Date());
  let target = file;
  let known: FileFingerprint | null = await fingerprintOf(target);
  const written = new Set<string>([target]);
  return {
    file: () => target,
    files: () => [...written].map((f) => path.resolve(f)),
    async write(data) {
      const present = await fingerprintOf(target);
      const changedByOthers = present !== null && (known === null || (await changedSince(target, known)));
      if (changedByOthers) {
        const kept = target;
        target = await besideName(kept, now());
        written.add(target);
        await writeFileAtomic(target, data, { backup: false });
        known = await fingerprintOf(target);
        return { status: 'diverted', file: target, kept };
      }
      await writeFileAtomic(target, data, { backup: false });
      known = await fingerprintOf(target);
      return { status: 'written', file: target, replaced: present !== null };
    },
  };
}

/** A name beside `file` that does not exist yet: `汇总（03时15分00秒汇总）.xlsx`, then `…-2`, `…-3`. */
async function besideName(file: string, at: Date): Promise<string> {
  const ext = path.extname(file);
  const stem = file.slice(0, file.length - ext.length);
  const two = (n: number) => String(n).padStart(2, '0');
  const stamp = `${two(at.getHours())}时${two(at.getMinutes())}分${two(at.getSeconds())}秒汇总`;
  for (let i = 1; ; i++) {
    const candidate = `${stem}（${stamp}${i > 1 ? `-${i}` : ''}）${ext}`;
    const exists = await fs.lstat(candidate).then(
      () => true,
      () => false,
    );
    if (!exists) return candidate;
  }
}
