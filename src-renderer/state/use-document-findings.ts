import { useDeferredValue, useMemo } from 'react';
import type { DocumentFinding, EditorStore } from './editor-store';

/**
 * The text ↔ table findings, recomputed at low priority: a keystroke in the grid repaints first, the text check
 * follows a moment later.
 */
export function useDocumentFindings(store: EditorStore): readonly DocumentFinding[] {
  const version = useDeferredValue(store.version);
  return useMemo(() => store.documentFindings(), [store, version]);
}
