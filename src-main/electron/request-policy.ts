import { localPathOf } from './app-origin';
import { APP_HOST, APP_SCHEME } from './app-protocol';
import { isInsideDir } from './path-compare';

export interface RequestPolicy {
  /**
   * Folders whose files may be loaded: the built renderer; for the print session, a function giving the folders of
   * the print jobs running now (so it serves those pages and nothing else of the temp folder or the disk).
   */
  readonly fileRoots: readonly string[] | (() => readonly string[]);
  /**
   * Whether this session serves the renderer from app://gongkai/ (the main window's; its handler answers only for the
   * renderer's own files). Sessions without it — the print session — may not load app:// at all.
   */
  readonly appProtocol?: boolean;
  /** electron-vite's dev server, in development only. */
  readonly devServerUrl?: string | null;
}

/**
 * Whether the session may fetch this URL at all. The app works offline: its own files (app://gongkai/ for the main
 * window, the print jobs' folders for the print session), inline data and blobs, and in
 * development the dev server (including its hot-reload WebSocket). Everything else — the network, other local files —
 * is cancelled before it leaves the process.
 */
export function isAllowedRequest(url: string, policy: RequestPolicy): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  switch (u.protocol) {
    case 'data:':
    case 'blob:':
    case 'devtools:':
      return true;
    case 'file:': {
      const file = localPathOf(url);
      const roots = typeof policy.fileRoots === 'function' ? policy.fileRoots() : policy.fileRoots;
      return file !== null && roots.some((root) => isInsideDir(file, root));
    }
    case `${APP_SCHEME}:`:
      return policy.appProtocol === true && u.host === APP_HOST;
    case 'http:':
    case 'https:':
    case 'ws:':
    case 'wss:': {
      if (!policy.devServerUrl) return false;
      const dev = new URL(policy.devServerUrl);
      return u.host === dev.host;
    }
    default:
      return false;
  }
}

/**
 * The only permissions the app's page gets: the clipboard (the grid copies and pastes cell ranges through
 * navigator.clipboard). Everything else — camera, notifications, geolocation, … — is refused, and so is any request
 * from a page that is not the app's own.
 */
const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-read', 'clipboard-sanitized-write']);

export function isPermissionAllowed(
  permission: string,
  requestingUrl: string,
  isAppUrl: (url: string) => boolean,
): boolean {
  return GRANTED_PERMISSIONS.has(permission) && isAppUrl(requestingUrl);
}
