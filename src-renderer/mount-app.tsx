import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import type { RendererHost } from './host/get-host';
import type { EditorStore } from './state/editor-store';

/**
 * The UI: React, AG Grid and the views — most of the renderer's code. main.tsx imports it dynamically, so that the
 * browser compiles it in the background while main.tsx reads the document and builds the engine.
 */
export function mountApp(root: HTMLElement, store: EditorStore, host: RendererHost): void {
  performance.mark('gongkai:ui');
  createRoot(root).render(
    <StrictMode>
      <App store={store} host={host} />
    </StrictMode>,
  );
}
