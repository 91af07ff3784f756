import { createContext, useContext, useSyncExternalStore } from 'react';
import type { RendererHost } from '../host/get-host';
import type { EditorStore } from './editor-store';

export const StoreContext = createContext<EditorStore | null>(null);
export const HostContext = createContext<RendererHost | null>(null);

/** The editor store, re-rendering the caller on every change. */
export function useStore(): EditorStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('StoreContext missing');
  useSyncExternalStore(store.subscribe, store.getVersion);
  return store;
}

export function useHost(): RendererHost {
  const host = useContext(HostContext);
  if (!host) throw new Error('HostContext missing');
  return host;
}
