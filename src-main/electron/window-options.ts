import type { BrowserWindowConstructorOptions } from 'electron';
import { APP_TITLE } from './window-title';

/** The in-memory session print windows use, so their allow-list is separate from the app page's. */
export const PRINT_PARTITION = 'gongkai-print';

/**
 * The main window: the renderer runs sandboxed and isolated, with no Node, no <webview>, and a preload that exposes
 * only the HostApi. Shown once it has painted, so the user never sees an empty white frame.
 */
export function mainWindowOptions(
  preload: string,
  options: { readonly devTools: boolean },
): BrowserWindowConstructorOptions {
  return {
    width: 1360,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: APP_TITLE,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: options.devTools,
    },
  };
}

/**
 * A never-shown window that only lays out print HTML: no scripts at all, no preload, its own session. Not an
 * offscreen (OSR) window: Chromium's printing does not work with offscreen rendering.
 */
export function printWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 794, // A4 at 96 dpi, so any layout measured before printing matches the page.
    height: 1123,
    webPreferences: {
      javascript: false,
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      webSecurity: true,
      webviewTag: false,
      devTools: false,
      spellcheck: false,
      partition: PRINT_PARTITION,
    },
  };
}
