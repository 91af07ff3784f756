import { z } from '../zod';
import type { RecoverySnapshot } from '../host';

const snapshotSchema = z.object({
  text: z.string(),
  filePath: z.string().nullable(),
  fileName: z.string(),
  at: z.string(),
});

/**
 * Autosave's snapshot as stored (a file in the app, localStorage in a browser), or null when it is not one — a
 * damaged snapshot is worth nothing and must not take the restore dialog down with it.
 */
export function parseRecoverySnapshot(stored: string): RecoverySnapshot | null {
  try {
    const parsed = snapshotSchema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
