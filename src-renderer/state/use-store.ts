import { createContext, useContext, useRef, useSyncExternalStore } from 'react';
import type { RendererHost } from '../host/get-host';
import type { EditorStore } from './editor-store';

export const StoreContext = createContext<EditorStore | null>(null);
export const HostContext = createContext<RendererHost | null>(null);

/** The editor store, re-rendering the caller on every change (for views shown only away from the tables). */
export function useStore(): EditorStore {
  const store = useEditorStore();
  useSyncExternalStore(store.subscribe, store.getVersion);
  return store;
}

/** The editor store without subscribing: the caller re-renders only through useStoreSelector or its parent. */
export function useEditorStore(): EditorStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('StoreContext missing');
  return store;
}

/**
 * What a view shows of the store, re-rendering it only when that changes: `select` is read after every change and
 * compared with the last answer (element by element for an array), so an edit of 公开03表 leaves the sidebar alone
 * unless its counts moved. Select what the view reads, e.g. `[store.page, store.workbook.findingsRevision]`.
 */
export function useStoreSelector<T>(select: (store: EditorStore) => T): T {
  const store = useEditorStore();
  const last = useRef<{ readonly version: number; readonly value: T } | null>(null);
  const snapshot = () => {
    const before = last.current;
    if (before && before.version === store.version) return before.value;
    const value = select(store);
    const kept = before && sameSelection(before.value, value) ? before.value : value;
    last.current = { version: store.version, value: kept };
    return kept;
  };
  // A render with new props may select something else: read afresh, keeping the old answer if it is the same.
  if (last.current) last.current = { version: -1, value: last.current.value };
  return useSyncExternalStore(store.subscribe, snapshot);
}

function sameSelection(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  return a.every((x, i) => Object.is(x, b[i]));
}

export function useHost(): RendererHost {
  const host = useContext(HostContext);
  if (!host) throw new Error('HostContext missing');
  return host;
}
