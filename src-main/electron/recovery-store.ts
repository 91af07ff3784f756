import fs from 'node:fs/promises';
import path from 'node:path';
import type { AutosaveOutcome, RecoverySnapshot } from '../../src-core/host';
import { parseRecoverySnapshot } from '../../src-core/session/recovery-snapshot';
import { writeFileAtomic } from '../node/atomic-file';
import { fileErrorMessage } from '../node/file-errors';
import { createSerialQueue } from './serial-queue';

export interface RecoveryStore {
  /** Never throws: a write that failed says why (the file named), so the page can warn and retry. */
  write(snapshot: RecoverySnapshot): Promise<AutosaveOutcome>;
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
      serial(async (): Promise<AutosaveOutcome> => {
        // After the last clear of a closing window, a late autosave is dropped on purpose: nothing failed.
        if (sealed) return { ok: true };
        try {
          await fs.mkdir(path.dirname(file), { recursive: true });
          // No .bak: an older snapshot is never what anyone wants back.
          await writeFileAtomic(file, JSON.stringify(snapshot), { backup: false });
        } catch (e) {
          return { ok: false, message: fileErrorMessage(file, e) };
        }
        // Only a snapshot actually written replaces the one a crashed page left.
        preserved = false;
        return { ok: true };
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
