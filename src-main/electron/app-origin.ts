import { fileURLToPath } from 'node:url';
import { APP_HOST, APP_SCHEME } from './app-protocol';

/** Where the renderer the main window may show comes from. */
export interface AppLocation {
  /** The built renderer's index.html: app://gongkai/ serves its folder (app-protocol.ts). */
  readonly rendererIndexFile: string;
  /** electron-vite's dev server; set only when running unpackaged under `electron-vite dev`. */
  readonly devServerUrl?: string | null;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function filePathOf(url: URL): string | null {
  try {
    return fileURLToPath(new URL(`${url.protocol}//${url.host}${url.pathname}`));
  } catch {
    return null;
  }
}

/**
 * Is this URL the app's own page? The built renderer's index.html as app://gongkai/index.html serves it (any hash or
 * query), or any page of the dev server. Used for IPC senders, navigation and permissions alike, so all three agree.
 * A file:// page is never the app's, not even the renderer's own index.html opened from disk: the app does not load
 * it that way, so such a page is something else (a dropped or navigated-to file) and gets no IPC or permissions.
 */
export function isAppUrl(url: string, location: AppLocation): boolean {
  const u = parse(url);
  if (!u) return false;
  if (location.devServerUrl) {
    const dev = parse(location.devServerUrl);
    if (dev && u.origin === dev.origin && (u.protocol === 'http:' || u.protocol === 'https:')) return true;
  }
  return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.pathname === '/index.html';
}

/** The local path of a file: URL, or null for any other URL. */
export function localPathOf(url: string): string | null {
  const u = parse(url);
  return u && u.protocol === 'file:' ? filePathOf(u) : null;
}
