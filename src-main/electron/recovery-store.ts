import fs from 'node:fs/promises';
import path from 'node:path';
import type { RecoverySnapshot } from '../../src-core/host';
import { parseRecoverySnapshot } from '../../src-core/session/recovery-snapshot';
import { writeFileAtomic } from '../node/atomic-file';
import { createSerialQueue } from './serial-queue';

export interface RecoveryStore {
  write(snapshot: RecoverySnapshot): Promise<void>;
  /** The snapshot a session left behind, or null (none, or unreadable — a damaged snapshot is worth nothing). */
  read(): Promise<RecoverySnapshot | null>;
  clear(): Promise<void>;
  /**
   * The last clear as the window closes: afterwards autosaves still in flight from the closing page are dropped, so
   * a clean close cannot leave a snapshot behind.
   */
  clearForClose(): Promise<void>;
  /**
   * The page crashed: its snapshot is now the only copy of the unsaved work. Until the (reloaded) page writes or
   * clears the snapshot itself, closing the window must leave it in place.
   */
  preserve(): void;
}

/** Autosave's single snapshot, kept as userData/recovery.json. */
export function createRecoveryStore(file: string): RecoveryStore {
  const serial = createSerialQueue();
  let sealed = false;
  let preserved = false;
  const remove = (): Promise<void> => fs.rm(file, { force: true });

  return {
    write: (snapshot) =>
      serial(async () => {
        if (sealed) return;
        preserved = false;
        await fs.mkdir(path.dirname(file), { recursive: true });
        // No .bak: an older snapshot is never what anyone wants back.
        await writeFileAtomic(file, JSON.stringify(snapshot), { backup: false });
      }),
    read: () =>
      serial(async () => {
        let raw: string;
        try {
          raw = await fs.readFile(file, 'utf8');
        } catch {
          return null;
        }
        return parseRecoverySnapshot(raw);
      }),
    clear: () =>
      serial(async () => {
        preserved = false;
        await remove();
      }),
    clearForClose: () =>
      serial(async () => {
        sealed = true;
        if (!preserved) await remove();
      }),
    preserve: () => {
      preserved = true;
    },
  };
}
