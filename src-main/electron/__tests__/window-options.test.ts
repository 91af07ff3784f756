import { describe, expect, it } from 'vitest';
import { mainWindowOptions, PRINT_PARTITION, printWindowOptions } from '../window-options';

describe('mainWindowOptions', () => {
  const options = mainWindowOptions('/app/out/preload/index.cjs', { devTools: false });

  it('runs the renderer isolated and sandboxed, without Node', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      devTools: false,
    });
  });

  it('waits to be shown until painted, titled with the app name', () => {
    expect(options.show).toBe(false);
    expect(options.title).toBe('决算公开表编辑器');
    expect(mainWindowOptions('/p', { devTools: true }).webPreferences?.devTools).toBe(true);
  });
});

describe('printWindowOptions', () => {
  it('is hidden, script-less, sandboxed, in its own session, with no preload', () => {
    const options = printWindowOptions();
    expect(options.show).toBe(false);
    expect(options.webPreferences).toMatchObject({
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      partition: PRINT_PARTITION,
    });
    expect(options.webPreferences?.preload).toBeUndefined();
    expect(PRINT_PARTITION.startsWith('persist:')).toBe(false); // in memory: nothing of a print job stays on disk
  });
});
