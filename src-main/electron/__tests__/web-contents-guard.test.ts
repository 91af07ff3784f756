import { describe, expect, it } from 'vitest';
import { isAppUrl } from '../app-origin';
import { APP_INDEX_URL } from '../app-protocol';
import { guardWebContents, type GuardedContents } from '../web-contents-guard';

const APP = APP_INDEX_URL;
const isApp = (url: string): boolean => isAppUrl(url, { rendererIndexFile: '/app/out/renderer/index.html' });

function fakeContents() {
  const listeners = new Map<string, (event: { preventDefault(): void }, url: string) => void>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on: (event: string, listener: (event: { preventDefault(): void }, url: string) => void) => {
      listeners.set(event, listener);
      return contents;
    },
    setWindowOpenHandler: (h: (details: { url: string }) => { action: 'deny' }) => {
      openHandler = h;
    },
  };
  const fire = (event: string, url = ''): boolean => {
    let prevented = false;
    listeners.get(event)?.({ preventDefault: () => (prevented = true) }, url);
    return prevented;
  };
  return { contents: contents as GuardedContents, fire, open: (url: string) => openHandler?.({ url }) };
}

describe('guardWebContents', () => {
  it('blocks navigation and redirects away from the app page, allows reloading it', () => {
    const c = fakeContents();
    guardWebContents(c.contents, isApp);
    expect(c.fire('will-navigate', 'https://example.com/')).toBe(true);
    expect(c.fire('will-navigate', 'file:///home/u/dropped.html')).toBe(true);
    expect(c.fire('will-navigate', 'file:///app/out/renderer/index.html')).toBe(true);
    expect(c.fire('will-navigate', 'app://gongkai/assets/index-abc.js')).toBe(true);
    expect(c.fire('will-redirect', 'https://example.com/')).toBe(true);
    expect(c.fire('will-navigate', `${APP}#/`)).toBe(false);
  });

  it('denies new windows and <webview>', () => {
    const c = fakeContents();
    guardWebContents(c.contents, () => true);
    expect(c.open('https://example.com/')).toEqual({ action: 'deny' });
    expect(c.open(APP)).toEqual({ action: 'deny' });
    expect(c.fire('will-attach-webview')).toBe(true);
  });
});
