import { useCallback, useEffect, useRef } from 'react';
import type { GridApi } from 'ag-grid-community';
import type { EditorStore } from '../state/editor-store';
import type { GridRow } from './grid-model';

/**
 * A cell editor holding typed text counts as an unsaved change, and is committed before a save, an export or
 * opening another file (Ctrl+S from the keyboard does not take the focus out of the editor as a click would).
 * Returns `hold` (call when an editor may have opened with typed text) and `stopped` (AG Grid's editing-stopped).
 */
export function useHeldEdit(
  store: EditorStore,
  api: () => GridApi<GridRow> | null,
): { readonly hold: () => void; readonly stopped: () => void } {
  const held = useRef<(() => void) | null>(null);
  const release = useCallback(() => {
    const done = held.current;
    held.current = null;
    done?.();
  }, []);
  const hold = useCallback(() => {
    const grid = api();
    if (held.current || !grid || grid.getEditingCells().length === 0) return;
    held.current = store.holdPendingEdit(() => {
      release();
      grid.stopEditing();
    });
  }, [api, release, store]);
  const stopped = useCallback(() => {
    // The event comes a task late: another cell's editor may already be open by then.
    if ((api()?.getEditingCells().length ?? 0) === 0) release();
  }, [api, release]);
  useEffect(() => release, [release]);
  return { hold, stopped };
}
