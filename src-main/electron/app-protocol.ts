import fs from 'node:fs/promises';
import path from 'node:path';
import { isInsideDir } from './path-compare';

/** The scheme and host the built renderer is served from: app://gongkai/index.html. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'gongkai';
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * How the scheme is registered (before the app is ready): standard (relative URLs and an origin, as http has) and
 * secure (a secure context, so the clipboard API works), fetch allowed for the page's own files, and V8's code cache
 * (as file:// had: the bundle is compiled once, not at every start). No CSP or CORS bypass, no service workers.
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
} as const;

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

/**
 * The file of the built renderer an app:// URL names, or null for anything else: another host or scheme, a path
 * that climbs out of the renderer folder (`..`, encoded or not, a backslash, a drive letter), or a malformed URL.
 */
export function appRequestFile(url: string, rendererDir: string): string | null {
  // URL parsing resolves `..` (and `%2e%2e`) to a path inside the folder; a request that tries to climb is refused
  // outright rather than quietly answered with some other file.
  let raw: string;
  try {
    raw = decodeURIComponent(url);
  } catch {
    return null;
  }
  if (/(^|[/\\])\.\.([/\\?#]|$)/.test(raw)) return null;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\') || /(^|\/)\.\.(\/|$)/.test(pathname)) return null;
  const relative = pathname.replace(/^\/+/, '') || 'index.html';
  if (path.isAbsolute(relative) || /^[a-zA-Z]:/.test(relative)) return null;
  const file = path.resolve(rendererDir, relative);
  return isInsideDir(file, rendererDir) ? file : null;
}

/**
 * The handler for `protocol.handle('app', …)`: the renderer's files with their type and the Content-Security-Policy;
 * 404 for what is not there or not ours (the same answer, so a page cannot probe the disk).
 */
export function createAppProtocolHandler(options: {
  readonly rendererDir: string;
  readonly contentSecurityPolicy: string;
  readonly readFile?: (file: string) => Promise<Uint8Array>;
}): (request: { readonly url: string; readonly method?: string }) => Promise<Response> {
  const read = options.readFile ?? ((file: string) => fs.readFile(file));
  const notFound = () =>
    new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } });
  return async (request) => {
    if (request.method && request.method !== 'GET' && request.method !== 'HEAD') return notFound();
    const file = appRequestFile(request.url, options.rendererDir);
    if (file === null) return notFound();
    let body: Uint8Array;
    try {
      body = await read(file);
    } catch {
      return notFound();
    }
    return new Response(body as BodyInit, {
      status: 200,
      headers: {
        'content-type': MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'content-security-policy': options.contentSecurityPolicy,
        'x-content-type-options': 'nosniff',
      },
    });
  };
}
