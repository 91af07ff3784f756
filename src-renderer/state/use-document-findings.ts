import { useDeferredValue, useMemo } from 'react';
import type { DocumentReport } from '../../src-core';
import type { DocumentFinding, EditorStore } from './editor-store';

/**
 * The text ↔ table findings, recomputed at low priority: a keystroke in the grid repaints first, the text check
 * follows a moment later.
 */
export function useDocumentFindings(store: EditorStore): readonly DocumentFinding[] {
  const version = useDeferredValue(store.version);
  return useMemo(() => store.documentFindings(), [store, version]);
}

/** The text check's report (findings, numbers not read, coverage), at the same low priority. */
export function useDocumentReport(store: EditorStore): DocumentReport {
  const version = useDeferredValue(store.version);
  return useMemo(() => store.documentReport(), [store, version]);
}
