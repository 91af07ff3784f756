// main.ts against a stand-in `electron` module: checks the wiring the unit tests cannot see — that the window is
// created hardened, the sessions locked down, every channel handled with sender checks, the menu installed, and
// that closing goes through the guard. (The real Electron binary is not available where these tests run.)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { HOST_CHANNELS } from '../../../src-core/host';
import { APP_INDEX_URL } from '../app-protocol';

const fake = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => unknown;
  const emitter = () => {
    const listeners = new Map<string, Listener[]>();
    return {
      listeners,
      on(event: string, fn: Listener) {
        listeners.set(event, [...(listeners.get(event) ?? []), fn]);
        return this;
      },
      once(event: string, fn: Listener) {
        return this.on(event, fn);
      },
      emit(event: string, ...args: unknown[]) {
        for (const fn of listeners.get(event) ?? []) fn(...args);
      },
    };
  };

  const windows: FakeWindow[] = [];
  class FakeWindow {
    events = emitter();
    destroyed = false;
    title = '';
    shown = false;
    loaded: string[] = [];
    constructor(public options: Record<string, unknown>) {
      windows.push(this);
    }
    webContents = Object.assign(emitter(), {
      mainFrame: { url: '', processId: 1, routingId: 1, parent: null },
      send: (() => undefined) as (...args: unknown[]) => void,
      sent: [] as unknown[][],
      reload: () => undefined,
      setWindowOpenHandler: () => undefined,
      executeJavaScriptInIsolatedWorld: async () => false,
      undo: () => undefined,
      redo: () => undefined,
      copy: () => undefined,
      paste: () => undefined,
      printToPDF: async () => new Uint8Array([0x25, 0x50, 0x44, 0x46]),
    });
    on(event: string, fn: Listener) {
      this.events.on(event, fn);
      return this;
    }
    once(event: string, fn: Listener) {
      this.events.on(event, fn);
      return this;
    }
    async loadFile(file: string) {
      this.loaded.push(file);
      this.webContents.mainFrame.url = `file://${file}`;
    }
    async loadURL(url: string) {
      this.loaded.push(url);
      this.webContents.mainFrame.url = url;
    }
    show() {
      this.shown = true;
    }
    isDestroyed() {
      return this.destroyed;
    }
    isMinimized() {
      return false;
    }
    setTitle(title: string) {
      this.title = title;
    }
    setDocumentEdited() {}
    close() {
      let prevented = false;
      this.events.emit('close', { preventDefault: () => (prevented = true) });
      if (prevented) return;
      this.destroyed = true;
      this.events.emit('closed');
    }
    destroy() {
      this.destroyed = true;
    }
  }

  // Each fake session records the handlers main.ts installs on it.
  const makeSession = () => {
    const handlers: Record<string, Listener> = {};
    const protocols = new Map<string, Listener>();
    return {
      handlers,
      protocols,
      protocol: { handle: (scheme: string, fn: Listener) => void protocols.set(scheme, fn) },
      webRequest: {
        onBeforeRequest: (fn: Listener) => void (handlers.beforeRequest = fn),
        onHeadersReceived: (fn: Listener) => void (handlers.headers = fn),
      },
      setPermissionRequestHandler: (fn: Listener) => void (handlers.permission = fn),
      setPermissionCheckHandler: (fn: Listener) => void (handlers.check = fn),
    };
  };

  let ready: () => void = () => undefined;
  const whenReady = new Promise<void>((resolve) => (ready = resolve));
  const ipcHandlers = new Map<string, Listener>();
  const state = {
    windows,
    ready: () => {
      state.isReady = true;
      ready();
    },
    ipcHandlers,
    menu: null as null | { template: unknown[] },
    messageBoxAnswers: [] as number[],
    /** Paths the save dialog answers with, one per call (cancelled when none is left). */
    savePaths: [] as string[],
    quits: 0,
    messageBoxes: [] as unknown[],
    defaultSession: makeSession(),
    partitions: new Map<string, ReturnType<typeof makeSession>>(),
    appEvents: emitter(),
    paths: {} as Record<string, string>,
    /** Schemes registered as privileged, and whether the app was ready by then (it must not be). */
    privilegedSchemes: [] as { scheme: string; privileges: Record<string, boolean>; beforeReady: boolean }[],
    isReady: false,
  };
  const electron = {
    app: {
      isPackaged: false,
      getPath: (name: string) => state.paths[name] ?? `/nonexistent/gongkai-fake-${name}`,
      setPath: (name: string, value: string) => void (state.paths[name] = value),
      getVersion: () => '0.1.0',
      requestSingleInstanceLock: () => true,
      setAppUserModelId: () => undefined,
      on: (event: string, fn: Listener) => state.appEvents.on(event, fn),
      whenReady: () => whenReady,
      quit: () => void state.quits++,
      exit: () => undefined,
    },
    BrowserWindow: FakeWindow,
    protocol: {
      registerSchemesAsPrivileged: (schemes: { scheme: string; privileges: Record<string, boolean> }[]) => {
        for (const s of schemes) state.privilegedSchemes.push({ ...s, beforeReady: !state.isReady });
      },
    },
    dialog: {
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showSaveDialog: async () => {
        const filePath = state.savePaths.shift();
        return filePath ? { canceled: false, filePath } : { canceled: true };
      },
      showMessageBox: async (_win: unknown, options: unknown) => {
        state.messageBoxes.push(options);
        return { response: state.messageBoxAnswers.shift() ?? 2, checkboxChecked: false };
      },
      showErrorBox: () => undefined,
    },
    ipcMain: {
      handle: (channel: string, fn: Listener) => void ipcHandlers.set(channel, fn),
      removeHandler: (channel: string) => void ipcHandlers.delete(channel),
    },
    Menu: {
      buildFromTemplate: (template: unknown[]) => ({ template }),
      setApplicationMenu: (menu: { template: unknown[] }) => void (state.menu = menu),
    },
    session: {
      defaultSession: state.defaultSession,
      fromPartition: (name: string) => {
        if (!state.partitions.has(name)) state.partitions.set(name, makeSession());
        return state.partitions.get(name);
      },
    },
  };
  return { electron, state };
});

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

const settle = () => new Promise((r) => setTimeout(r, 20));
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-main-wiring-'));
const rendererIndex = path.resolve(__dirname, '../../renderer/index.html'); // main.ts's "out/renderer" seen from src
const appFrame = () => fake.state.windows[0]!.webContents.mainFrame;
const invoke = (channel: string, frame: unknown, ...args: unknown[]) =>
  Promise.resolve().then(() => fake.state.ipcHandlers.get(channel)!({ senderFrame: frame }, ...args));

beforeAll(async () => {
  process.env.GONGKAI_USER_DATA_DIR = profile;
  await import('../main');
  fake.state.ready();
  await settle();
  // Importing main loads the whole core: on a loaded machine that alone can take longer than the default 10 s.
}, 120_000);
afterAll(() => {
  delete process.env.GONGKAI_USER_DATA_DIR;
  fs.rmSync(profile, { recursive: true, force: true });
});

describe('main.ts wiring', () => {
  it('uses the test profile as userData', () => {
    expect(fake.state.paths.userData).toBe(profile);
  });

  it('creates one hardened window with the CommonJS preload and loads the built renderer', () => {
    expect(fake.state.windows).toHaveLength(1);
    const win = fake.state.windows[0]!;
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
    });
    expect(String((win.options.webPreferences as { preload: string }).preload)).toMatch(
      /preload[\\/]index\.cjs$/,
    );
    expect(win.loaded).toEqual([APP_INDEX_URL]);
  });

  it('serves the renderer from app:// on the default session only, registered before the app is ready', async () => {
    expect(fake.state.privilegedSchemes).toEqual([
      {
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }),
        beforeReady: true,
      },
    ]);
    const privileges = fake.state.privilegedSchemes[0]!.privileges;
    expect(privileges.bypassCSP ?? false).toBe(false);
    expect(privileges.corsEnabled ?? false).toBe(false);
    expect([...fake.state.defaultSession.protocols.keys()]).toEqual(['app']);
    expect(fake.state.partitions.get('gongkai-print')?.protocols.size).toBe(0);
    // The handler reads from out/renderer only: main.ts's own source, one folder up, is not reachable.
    const handle = fake.state.defaultSession.protocols.get('app')!;
    const outside = (await handle({ url: 'app://gongkai/%2e%2e/main/index.js', method: 'GET' })) as Response;
    expect(outside.status).toBe(404);
    const missing = (await handle({ url: 'app://gongkai/nothing-here.js', method: 'GET' })) as Response;
    expect(missing.status).toBe(404);
  });

  it('locks down the default session and the print session', () => {
    const main = fake.state.defaultSession.handlers;
    expect(Object.keys(main).sort()).toEqual(['beforeRequest', 'check', 'headers', 'permission']);
    let cancel: boolean | undefined;
    main.beforeRequest!({ url: 'https://example.com/' }, (r: { cancel: boolean }) => (cancel = r.cancel));
    expect(cancel).toBe(true);
    main.beforeRequest!(
      { url: 'app://gongkai/assets/index.js' },
      (r: { cancel: boolean }) => (cancel = r.cancel),
    );
    expect(cancel).toBe(false);
    // No file:// for the main window, not even the renderer's files: they come through app://.
    main.beforeRequest!(
      { url: pathToFileURL(rendererIndex).href },
      (r: { cancel: boolean }) => (cancel = r.cancel),
    );
    expect(cancel).toBe(true);
    const print = fake.state.partitions.get('gongkai-print')?.handlers;
    expect(print?.beforeRequest).toBeTypeOf('function');
    print!.beforeRequest!({ url: APP_INDEX_URL }, (r: { cancel: boolean }) => (cancel = r.cancel));
    expect(cancel).toBe(true);
    // Issue 12.8: the print session serves the folders of running print jobs only. With none running, a file in the
    // temp folder (another program's, or an earlier job's left-over) is refused like any other file.
    cancel = undefined;
    print!.beforeRequest!(
      { url: pathToFileURL(path.join(os.tmpdir(), 'other-program', 'page.html')).href },
      (r: { cancel: boolean }) => (cancel = r.cancel),
    );
    expect(cancel).toBe(true);
  });

  it('installs the Chinese menu', () => {
    const labels = (fake.state.menu?.template as { label: string }[]).map((i) => i.label);
    expect(labels.map((l) => l.replace(/\(&.\)$/, ''))).toEqual(['文件', '编辑', '视图', '帮助']);
  });

  it('handles every HostApi channel, and only for the app page', async () => {
    const channels = Object.entries(HOST_CHANNELS)
      .filter(([k]) => k !== 'command' && k !== 'memberChanged')
      .map(([, c]) => c);
    expect([...fake.state.ipcHandlers.keys()].sort()).toEqual(channels.sort());
    await expect(invoke(HOST_CHANNELS.info, appFrame())).resolves.toMatchObject({
      kind: 'electron',
      appVersion: '0.1.0',
    });
    await expect(invoke(HOST_CHANNELS.info, { ...appFrame(), url: 'https://example.com/' })).rejects.toThrow(
      '拒绝',
    );
  });

  it('sets the window title from setWindowState', async () => {
    await invoke(HOST_CHANNELS.setWindowState, appFrame(), { title: '汉阳.gongkai.json', dirty: true });
    expect(fake.state.windows[0]!.title).toBe('汉阳.gongkai.json • — 决算公开表编辑器');
  });

  it('sends menu commands to the renderer', () => {
    const win = fake.state.windows[0]!;
    const sent: unknown[][] = [];
    win.webContents.send = (...args: unknown[]) => void sent.push(args);
    const file = (fake.state.menu?.template as { submenu: { id?: string; click?: () => void }[] }[])[0]!;
    file.submenu.find((i) => i.id === 'file.new')!.click!();
    expect(sent).toEqual([[HOST_CHANNELS.command, { type: 'new' }]]);
  });

  it('exports twice through one hidden print window, which closes with the main window', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-main-wiring-out-'));
    try {
      fake.state.savePaths.push(path.join(out, 'a.pdf'), path.join(out, 'b.pdf'));
      const request = { kind: 'pdf', suggestedName: '决算', html: '<p>公开01表</p>' };
      await expect(invoke(HOST_CHANNELS.exportFile, appFrame(), request)).resolves.toMatchObject({
        status: 'saved',
      });
      await expect(invoke(HOST_CHANNELS.exportFile, appFrame(), request)).resolves.toMatchObject({
        status: 'saved',
      });
      expect(fs.readdirSync(out).sort()).toEqual(['a.pdf', 'b.pdf']);
      const printWindows = fake.state.windows.slice(1);
      expect(printWindows).toHaveLength(1);
      expect(printWindows[0]!.options.show).toBe(false);
      expect(printWindows[0]!.destroyed).toBe(false);
      // Quitting asks the printer to close too (windows closed some other way than through the main window).
      expect(fake.state.appEvents.listeners.get('before-quit')).toHaveLength(1);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  it('asks before closing a dirty document; 取消 keeps the window, 不保存 closes it', async () => {
    const win = fake.state.windows[0]!;
    fake.state.messageBoxAnswers.push(2, 1);
    win.close();
    await settle();
    expect(fake.state.messageBoxes).toHaveLength(1);
    expect(fake.state.messageBoxes[0]).toMatchObject({ message: '文件有未保存的修改，是否保存？' });
    expect(win.destroyed).toBe(false);
    win.close();
    await settle();
    expect(win.destroyed).toBe(true);
    // The warm print window went with it: a hidden window left open would keep the app from quitting.
    // (printer.close() waits for the job queue: on a loaded machine that can take longer than settle().)
    await vi.waitFor(() => expect(fake.state.windows.filter((w) => !w.destroyed)).toEqual([]), {
      timeout: 10_000,
    });
  });
});
