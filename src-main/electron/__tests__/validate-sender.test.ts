import { describe, expect, it } from 'vitest';
import { isAppUrl } from '../app-origin';
import { APP_INDEX_URL } from '../app-protocol';
import { validateSender, type FrameLike } from '../validate-sender';

const APP = APP_INDEX_URL;
const isApp = (url: string): boolean =>
  isAppUrl(url, { rendererIndexFile: '/opt/gongkai/out/renderer/index.html' });
const mainFrame: FrameLike = { url: APP, processId: 4, routingId: 1, parent: null };

describe('validateSender', () => {
  it("accepts the main window's top frame showing the app", () => {
    expect(validateSender(mainFrame, mainFrame, isApp)).toBe(true);
    // Electron may hand out a different wrapper object for the same frame.
    expect(validateSender({ ...mainFrame, url: `${APP}#x` }, mainFrame, isApp)).toBe(true);
  });

  it('rejects an iframe, even one inside the main window', () => {
    const child: FrameLike = { url: APP, processId: 4, routingId: 7, parent: mainFrame };
    expect(validateSender(child, mainFrame, isApp)).toBe(false);
    expect(validateSender({ ...mainFrame, parent: mainFrame }, mainFrame, isApp)).toBe(false);
  });

  it('rejects another window', () => {
    expect(validateSender({ url: APP, processId: 9, routingId: 1, parent: null }, mainFrame, isApp)).toBe(
      false,
    );
  });

  it('rejects the main frame once it shows another origin', () => {
    expect(validateSender({ ...mainFrame, url: 'https://example.com/' }, mainFrame, isApp)).toBe(false);
    expect(validateSender({ ...mainFrame, url: 'file:///tmp/evil.html' }, mainFrame, isApp)).toBe(false);
    // The renderer's own index.html opened as a file is not how the app loads it: no IPC for that page either.
    const asFile = 'file:///opt/gongkai/out/renderer/index.html';
    expect(validateSender({ ...mainFrame, url: asFile }, mainFrame, isApp)).toBe(false);
    expect(validateSender({ ...mainFrame, url: 'app://other/index.html' }, mainFrame, isApp)).toBe(false);
  });

  it('rejects a missing or detached frame, and any frame when the window is gone', () => {
    expect(validateSender(null, mainFrame, isApp)).toBe(false);
    expect(validateSender(undefined, mainFrame, isApp)).toBe(false);
    expect(validateSender({ ...mainFrame, detached: true }, mainFrame, isApp)).toBe(false);
    expect(validateSender(mainFrame, null, isApp)).toBe(false);
  });
});
