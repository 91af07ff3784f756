import fs from 'node:fs';
import path from 'node:path';

/** What a watcher reports: a member file (or a file in a member folder) was written, replaced or removed. */
export interface MemberWatch {
  close(): void;
}

const SETTLE_MS = 200;

/**
 * Watches the folders holding a 汇总's members and calls back with the path of a unit file that changed on disk,
 * once it has been quiet for a moment (an editor's atomic save is a write and a rename). Folders are watched rather
 * than files, so a file replaced by rename keeps being followed.
 */
export function watchMembers(
  files: readonly string[],
  folders: readonly string[],
  onChange: (file: string) => void,
): MemberWatch {
  const wanted = new Set(files.map((f) => path.resolve(f)));
  const memberFolders = new Set(folders.map((f) => path.resolve(f)));
  const dirs = new Set([...[...wanted].map((f) => path.dirname(f)), ...memberFolders]);
  const timers = new Map<string, NodeJS.Timeout>();
  const watchers: fs.FSWatcher[] = [];
  for (const dir of dirs) {
    try {
      watchers.push(
        fs.watch(dir, (_event, name) => {
          if (!name) return;
          const file = path.join(dir, name.toString());
          const inFolder =
            memberFolders.has(dir) && /\.(gongkai\.json|xlsx)$/i.test(file) && !name.startsWith('.');
          if (!wanted.has(file) && !inFolder) return;
          clearTimeout(timers.get(file));
          timers.set(
            file,
            setTimeout(() => {
              timers.delete(file);
              onChange(file);
            }, SETTLE_MS),
          );
        }),
      );
    } catch {
      // A folder that cannot be watched (gone, no permission) shows up when the member is read: nothing to follow.
    }
  }
  return {
    close() {
      for (const w of watchers) w.close();
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
    },
  };
}
