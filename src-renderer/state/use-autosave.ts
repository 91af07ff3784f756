import { useEffect } from 'react';
import type { RendererHost } from '../host/get-host';
import type { EditorStore } from './editor-store';

/** How often unsaved changes are copied to the recovery file, so that a crash loses at most this much work. */
export const AUTOSAVE_MS = 30_000;

/**
 * Autosave: every AUTOSAVE_MS while there are unsaved changes, the document goes to the host's recovery file. A
 * round that failed (full disk, read-only or removed folder, full browser storage) is shown (EditorStore
 * .setAutosaveOutcome) and the same state is written again on the next round; the warning clears once one succeeds.
 */
export function useAutosave(store: EditorStore, host: RendererHost): void {
  useEffect(() => {
    let saved: { session: unknown; revision: number } = { session: null, revision: -1 };
    let busy = false;
    const timer = setInterval(() => {
      const s = store.session;
      if (busy || !s.dirty || (s === saved.session && s.revision === saved.revision)) return;
      const attempt = { session: s, revision: s.revision };
      busy = true;
      host.api
        .writeRecovery({
          text: store.text(),
          filePath: store.file.filePath,
          fileName: store.file.fileName,
          at: new Date().toISOString(),
        })
        .then(
          (outcome) => outcome,
          // A refused IPC call (the host gone, say) is a failed autosave too, not a silent one.
          (error: unknown) => ({
            ok: false as const,
            message: `${error instanceof Error ? error.message : String(error)}。`,
          }),
        )
        .then((outcome) => {
          busy = false;
          if (outcome.ok) saved = attempt;
          store.setAutosaveOutcome(outcome);
        });
    }, AUTOSAVE_MS);
    return () => clearInterval(timer);
  }, [store, host]);
}
