import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../content-security-policy';
import { secureSession, type SessionLike } from '../session-security';

type Handlers = {
  beforeRequest?: Parameters<SessionLike['webRequest']['onBeforeRequest']>[0];
  headers?: Parameters<SessionLike['webRequest']['onHeadersReceived']>[0];
  request?: Parameters<SessionLike['setPermissionRequestHandler']>[0];
  check?: Parameters<SessionLike['setPermissionCheckHandler']>[0];
};

function fakeSession() {
  const h: Handlers = {};
  const session: SessionLike = {
    webRequest: {
      onBeforeRequest: (l) => void (h.beforeRequest = l),
      onHeadersReceived: (l) => void (h.headers = l),
    },
    setPermissionRequestHandler: (l) => void (h.request = l),
    setPermissionCheckHandler: (l) => void (h.check = l),
  };
  return { session, h };
}

const APP = 'app://gongkai/index.html';

function secured() {
  const { session, h } = fakeSession();
  secureSession(session, {
    requests: { fileRoots: [], appProtocol: true },
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    isAppUrl: (url) => url === APP,
  });
  return h;
}

describe('secureSession', () => {
  it('cancels requests outside the allow-list', () => {
    const h = secured();
    const cancel = (url: string) => {
      let result: boolean | undefined;
      h.beforeRequest?.({ url }, (r) => (result = r.cancel));
      return result;
    };
    expect(cancel(APP)).toBe(false);
    expect(cancel('app://gongkai/assets/index-abc.js')).toBe(false);
    expect(cancel('https://example.com/track.gif')).toBe(true);
    expect(cancel('file:///etc/passwd')).toBe(true);
    expect(cancel('file:///app/out/renderer/index.html')).toBe(true);
  });

  it('puts the CSP on every response', () => {
    const h = secured();
    let headers: Record<string, string[] | string> | undefined;
    h.headers?.(
      { url: APP, responseHeaders: { 'Content-Type': ['text/html'] } },
      (r) => (headers = r.responseHeaders),
    );
    expect(headers?.['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(headers?.['Content-Type']).toEqual(['text/html']);
  });

  it('grants the clipboard to the app page and nothing else to anyone', () => {
    const h = secured();
    const ask = (permission: string, requestingUrl: string) => {
      let granted: boolean | undefined;
      h.request?.(null, permission, (g) => (granted = g), { requestingUrl });
      return granted;
    };
    expect(ask('clipboard-read', APP)).toBe(true);
    expect(ask('media', APP)).toBe(false);
    expect(ask('clipboard-read', 'https://example.com/')).toBe(false);
    expect(h.check?.({ getURL: () => APP }, 'clipboard-sanitized-write', 'app://gongkai', {})).toBe(true);
    expect(h.check?.(null, 'clipboard-sanitized-write', 'app://gongkai', {})).toBe(false);
    expect(h.check?.({ getURL: () => APP }, 'geolocation', 'app://gongkai', { requestingUrl: APP })).toBe(
      false,
    );
  });
});
