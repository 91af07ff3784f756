import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppUrl } from '../app-origin';
import { appRequestFile, APP_INDEX_URL, createAppProtocolHandler } from '../app-protocol';
import { isAllowedRequest } from '../request-policy';

let root: string;
let rendererDir: string;
beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'gongkai-app-protocol-'));
  rendererDir = path.join(root, 'renderer');
  await fs.mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await fs.writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>决算</title>');
  await fs.writeFile(path.join(rendererDir, 'assets', 'index-abc.js'), 'console.log(1)');
  await fs.writeFile(path.join(root, 'secret.txt'), 'outside the renderer');
});
afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

describe('app:// protocol', () => {
  it('maps its URLs to the renderer folder', () => {
    expect(appRequestFile(APP_INDEX_URL, rendererDir)).toBe(path.join(rendererDir, 'index.html'));
    expect(appRequestFile('app://gongkai/', rendererDir)).toBe(path.join(rendererDir, 'index.html'));
    expect(appRequestFile('app://gongkai/assets/index-abc.js?v=1#x', rendererDir)).toBe(
      path.join(rendererDir, 'assets', 'index-abc.js'),
    );
  });

  it('refuses path traversal, other hosts and schemes', () => {
    for (const url of [
      'app://gongkai/../secret.txt',
      'app://gongkai/%2e%2e/secret.txt',
      'app://gongkai/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://gongkai/..%5csecret.txt',
      'app://gongkai/%00index.html',
      'app://gongkai/C:/Windows/win.ini',
      'app://gongkai/%E0%A4%A',
      'app://other/index.html',
      'file:///etc/passwd',
      'not a url',
    ])
      expect(appRequestFile(url, rendererDir), url).toBeNull();
  });

  it('serves the files with their type and the CSP, and 404 for anything else', async () => {
    const handle = createAppProtocolHandler({ rendererDir, contentSecurityPolicy: "default-src 'self'" });
    const index = await handle({ url: APP_INDEX_URL, method: 'GET' });
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('content-security-policy')).toBe("default-src 'self'");
    expect(await index.text()).toContain('决算');
    const js = await handle({ url: 'app://gongkai/assets/index-abc.js' });
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    for (const url of ['app://gongkai/%2e%2e/secret.txt', 'app://gongkai/missing.js']) {
      const r = await handle({ url });
      expect(r.status, url).toBe(404);
      expect(await r.text()).not.toContain('outside');
    }
    expect((await handle({ url: APP_INDEX_URL, method: 'POST' })).status).toBe(404);
  });

  it('is the app’s own page for IPC, navigation and permissions; the print session may not load it', () => {
    const location = { rendererIndexFile: path.join(rendererDir, 'index.html') };
    expect(isAppUrl(APP_INDEX_URL, location)).toBe(true);
    expect(isAppUrl(`${APP_INDEX_URL}#/x`, location)).toBe(true);
    expect(isAppUrl('app://gongkai/assets/index-abc.js', location)).toBe(false);
    expect(isAppUrl('app://evil/index.html', location)).toBe(false);
    expect(isAllowedRequest('app://gongkai/assets/index-abc.js', { fileRoots: [], appProtocol: true })).toBe(
      true,
    );
    expect(isAllowedRequest('app://gongkai/assets/index-abc.js', { fileRoots: () => [] })).toBe(false);
    expect(isAllowedRequest('app://other/x.js', { fileRoots: [], appProtocol: true })).toBe(false);
  });
});
