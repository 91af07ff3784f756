import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isAppUrl } from '../app-origin';
import { APP_INDEX_URL } from '../app-protocol';
import { isAllowedRequest, isPermissionAllowed } from '../request-policy';

const rendererDir = path.resolve('/opt/gongkai/resources/app.asar/out/renderer');
const index = path.join(rendererDir, 'index.html');
const indexUrl = APP_INDEX_URL;
const indexFileUrl = pathToFileURL(index).href;
const built = { rendererIndexFile: index };
const dev = { rendererIndexFile: index, devServerUrl: 'http://localhost:5173' };

describe('isAppUrl', () => {
  it('accepts the built index.html as app:// serves it, with any hash or query', () => {
    expect(isAppUrl(indexUrl, built)).toBe(true);
    expect(isAppUrl(`${indexUrl}#/table/3`, built)).toBe(true);
    expect(isAppUrl(`${indexUrl}?restore=1`, built)).toBe(true);
  });

  it('refuses file:// pages (even the renderer’s own index.html), other local files and the network', () => {
    expect(isAppUrl(indexFileUrl, built)).toBe(false);
    expect(isAppUrl('app://gongkai/other.html', built)).toBe(false);
    expect(isAppUrl('app://evil/index.html', built)).toBe(false);
    expect(isAppUrl(pathToFileURL(path.join(rendererDir, 'other.html')).href, built)).toBe(false);
    expect(isAppUrl(pathToFileURL('/etc/passwd').href, built)).toBe(false);
    expect(isAppUrl('https://example.com/', built)).toBe(false);
    expect(isAppUrl('http://localhost:5173/', built)).toBe(false);
    expect(isAppUrl('not a url', built)).toBe(false);
  });

  it('accepts the dev server only when one is configured, and only its origin', () => {
    expect(isAppUrl('http://localhost:5173/', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5173/src-renderer/index.html', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('http://evil.localhost:5173/', dev)).toBe(false);
  });
});

describe('isAllowedRequest', () => {
  // A session that serves files from folders (the print session's is a function of the jobs running now).
  const policy = { fileRoots: [rendererDir] };

  it("allows the folders' files, inline data and blobs", () => {
    expect(isAllowedRequest(indexFileUrl, policy)).toBe(true);
    expect(isAllowedRequest(pathToFileURL(path.join(rendererDir, 'assets/main-abc.js')).href, policy)).toBe(
      true,
    );
    expect(isAllowedRequest('data:image/png;base64,AAAA', policy)).toBe(true);
    expect(isAllowedRequest('blob:file:///0b1c-22', policy)).toBe(true);
  });

  it('blocks the network and local files outside the renderer', () => {
    expect(isAllowedRequest('https://cdn.example.com/x.js', policy)).toBe(false);
    expect(isAllowedRequest('http://127.0.0.1:8080/', policy)).toBe(false);
    expect(isAllowedRequest('wss://example.com/socket', policy)).toBe(false);
    expect(isAllowedRequest('ftp://example.com/', policy)).toBe(false);
    expect(isAllowedRequest(pathToFileURL('/home/user/.ssh/id_rsa').href, policy)).toBe(false);
    expect(isAllowedRequest(pathToFileURL(path.join(rendererDir, '../main/index.js')).href, policy)).toBe(
      false,
    );
    expect(isAllowedRequest(`${pathToFileURL(rendererDir).href}/../../secret`, policy)).toBe(false);
    expect(isAllowedRequest('garbage', policy)).toBe(false);
  });

  it('allows the dev server and its hot-reload socket in development, and no other host', () => {
    const devPolicy = { fileRoots: [rendererDir], devServerUrl: 'http://localhost:5173' };
    expect(isAllowedRequest('http://localhost:5173/@vite/client', devPolicy)).toBe(true);
    expect(isAllowedRequest('ws://localhost:5173/', devPolicy)).toBe(true);
    expect(isAllowedRequest('http://localhost:3000/', devPolicy)).toBe(false);
    expect(isAllowedRequest('https://example.com/', devPolicy)).toBe(false);
  });
});

describe('isPermissionAllowed', () => {
  const own = (url: string): boolean => isAppUrl(url, built);

  it('grants the clipboard to the app page only', () => {
    expect(isPermissionAllowed('clipboard-read', indexUrl, own)).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', indexUrl, own)).toBe(true);
    expect(isPermissionAllowed('clipboard-read', 'https://example.com/', own)).toBe(false);
  });

  it('refuses everything else, even to the app page', () => {
    for (const p of [
      'media',
      'geolocation',
      'notifications',
      'openExternal',
      'fullscreen',
      'hid',
      'unknown',
    ]) {
      expect(isPermissionAllowed(p, indexUrl, own)).toBe(false);
    }
  });
});
