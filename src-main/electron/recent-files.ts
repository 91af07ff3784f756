import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { RecentFile } from '../../src-core/host';
import { writeFileAtomic } from '../node/atomic-file';
import { samePath } from './path-compare';
import { createSerialQueue } from './serial-queue';

export const MAX_RECENT_FILES = 10;

const storedList = z.array(z.object({ filePath: z.string().min(1), fileName: z.string(), at: z.string() }));

export interface RecentFilesOptions {
  /** userData/recent-files.json */
  readonly file: string;
  readonly now?: () => Date;
  /** Whether a listed file is gone for good; injected so tests need not touch real paths. */
  readonly isMissing?: (filePath: string) => Promise<boolean>;
}

export interface RecentFiles {
  /** Newest first; files that no longer exist are dropped (and the list rewritten). */
  list(): Promise<RecentFile[]>;
  /** Put a file at the top (after an open or a save). */
  add(filePath: string): Promise<RecentFile[]>;
  /** Whether the path is on the stored list (missing or not). */
  has(filePath: string): Promise<boolean>;
  clear(): Promise<void>;
}

/** Only "not there" counts as missing: a file on an unplugged drive or a locked share may come back. */
async function fileIsMissing(filePath: string): Promise<boolean> {
  try {
    const stat = await fs.stat(filePath);
    return !stat.isFile();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR';
  }
}

export function createRecentFiles(options: RecentFilesOptions): RecentFiles {
  const now = options.now ?? (() => new Date());
  const isMissing = options.isMissing ?? fileIsMissing;
  const serial = createSerialQueue();

  // A damaged or foreign list is not worth an error message: start a new one.
  const read = async (): Promise<RecentFile[]> => {
    try {
      const parsed = storedList.safeParse(JSON.parse(await fs.readFile(options.file, 'utf8')));
      return parsed.success ? parsed.data.slice(0, MAX_RECENT_FILES) : [];
    } catch {
      return [];
    }
  };
  const write = async (list: readonly RecentFile[]): Promise<void> => {
    await fs.mkdir(path.dirname(options.file), { recursive: true });
    await writeFileAtomic(options.file, `${JSON.stringify(list, null, 2)}\n`, { backup: false });
  };

  return {
    list: () =>
      serial(async () => {
        const list = await read();
        const missing = await Promise.all(list.map((f) => isMissing(f.filePath)));
        const kept = list.filter((_, i) => !missing[i]);
        if (kept.length !== list.length) await write(kept);
        return kept;
      }),
    add: (filePath) =>
      serial(async () => {
        const absolute = path.resolve(filePath);
        const entry: RecentFile = {
          filePath: absolute,
          fileName: path.basename(absolute),
          at: now().toISOString(),
        };
        const list = [entry, ...(await read()).filter((f) => !samePath(f.filePath, absolute))].slice(
          0,
          MAX_RECENT_FILES,
        );
        await write(list);
        return list;
      }),
    has: (filePath) => serial(async () => (await read()).some((f) => samePath(f.filePath, filePath))),
    clear: () => serial(() => write([])),
  };
}
