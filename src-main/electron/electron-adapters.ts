import type { BrowserWindow, BrowserWindowConstructorOptions, Dialog, WebContents } from 'electron';
import type { Dialogs } from './file-dialogs';
import type { PrintWindowLike } from './html-printer';
import type { EditRoutingDeps } from './edit-routing';
import { TEXT_FIELD_FOCUSED_PROBE } from './edit-routing';

// Thin shims from real Electron objects to the interfaces the tested modules take. No decisions are made here.

export function windowDialogs(dialog: Dialog, window: BrowserWindow): Dialogs {
  return {
    showOpenDialog: (options) => dialog.showOpenDialog(window, options),
    showSaveDialog: (options) => dialog.showSaveDialog(window, options),
  };
}

export function printWindowFactory(
  BrowserWindowClass: new (options: BrowserWindowConstructorOptions) => BrowserWindow,
  options: BrowserWindowConstructorOptions,
): () => PrintWindowLike {
  return () => {
    const window = new BrowserWindowClass(options);
    return {
      loadFile: (file) => window.loadFile(file),
      webContents: window.webContents,
      destroy: () => window.destroy(),
      isDestroyed: () => window.isDestroyed(),
    };
  };
}

/** Not 0 (the page's world) and not 999 (Electron's preload world). */
const PROBE_WORLD_ID = 1077;

export function editRoutingDeps(
  contents: WebContents,
  sendCommand: EditRoutingDeps['sendCommand'],
): EditRoutingDeps {
  return {
    isTextFieldFocused: async () =>
      (await contents.executeJavaScriptInIsolatedWorld(PROBE_WORLD_ID, [
        { code: TEXT_FIELD_FOCUSED_PROBE },
      ])) === true,
    native: {
      undo: () => contents.undo(),
      redo: () => contents.redo(),
      copy: () => contents.copy(),
      paste: () => contents.paste(),
    },
    sendCommand,
  };
}
