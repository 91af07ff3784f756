import { fileURLToPath } from 'node:url';
import { samePath } from './path-compare';

/** Where the renderer the main window may show comes from. */
export interface AppLocation {
  /** The built renderer's index.html. */
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
 * Is this URL the app's own page? The built renderer's index.html (any hash or query), or any page of the dev
 * server. Used for IPC senders, navigation and permissions alike, so all three agree.
 */
export function isAppUrl(url: string, location: AppLocation): boolean {
  const u = parse(url);
  if (!u) return false;
  if (location.devServerUrl) {
    const dev = parse(location.devServerUrl);
    if (dev && u.origin === dev.origin && (u.protocol === 'http:' || u.protocol === 'https:')) return true;
  }
  if (u.protocol !== 'file:') return false;
  const file = filePathOf(u);
  return file !== null && samePath(file, location.rendererIndexFile);
}

/** The local path of a file: URL, or null for any other URL. */
export function localPathOf(url: string): string | null {
  const u = parse(url);
  return u && u.protocol === 'file:' ? filePathOf(u) : null;
}
