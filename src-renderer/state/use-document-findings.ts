import type { DocumentFinding, ShownReport } from './editor-store';
import { useStoreSelector } from './use-store';

/**
 * The text ↔ table findings as last checked: the check follows an edit once it has been painted, and the caller
 * re-renders only when its answer changed (EditorStore.shownReport).
 */
export function useDocumentFindings(): readonly DocumentFinding[] {
  return useDocumentReport().findings;
}

/** The text check's report (findings, numbers not read, coverage), as last checked; pending before the first. */
export function useDocumentReport(): ShownReport {
  return useStoreSelector((s) => s.shownReport());
}
