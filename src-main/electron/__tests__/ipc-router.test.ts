import { describe, expect, it, vi } from 'vitest';
import { HOST_CHANNELS } from '../../../src-core/host';
import { HOST_METHODS, registerHostHandlers, type HostHandlers, type InvokeEventLike } from '../ipc-router';
import type { FrameLike } from '../validate-sender';

type Listener = (event: InvokeEventLike, ...args: unknown[]) => unknown;

function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  return {
    handlers,
    handle: (channel: string, listener: Listener) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
    removeHandler: (channel: string) => handlers.delete(channel),
    invoke: async (channel: string, frame: FrameLike | null, ...args: unknown[]) => {
      const h = handlers.get(channel);
      if (!h) throw new Error(`no handler for ${channel}`);
      return h({ senderFrame: frame }, ...args);
    },
  };
}

function fakeHandlers(): HostHandlers {
  return {
    info: vi.fn(async () => ({ kind: 'electron' as const, platform: 'linux', appVersion: '0.1.0' })),
    openDocument: vi.fn(async () => ({ status: 'cancelled' as const })),
    openRecent: vi.fn(async () => ({ status: 'cancelled' as const })),
    recentFiles: vi.fn(async () => []),
    saveDocument: vi.fn(async () => ({ status: 'cancelled' as const })),
    writeRecovery: vi.fn(async () => ({ ok: true as const })),
    readRecovery: vi.fn(async () => null),
    clearRecovery: vi.fn(async () => undefined),
    setWindowState: vi.fn(async () => undefined),
    closeWindow: vi.fn(async () => undefined),
    exportFile: vi.fn(async () => ({ status: 'cancelled' as const })),
    print: vi.fn(async () => undefined),
    importFile: vi.fn(async () => ({ status: 'cancelled' as const })),
    pickMemberFiles: vi.fn(async () => ({ status: 'cancelled' as const })),
    pickMemberFolder: vi.fn(async () => ({ status: 'cancelled' as const })),
    readMemberFiles: vi.fn(async () => ({ status: 'cancelled' as const })),
    watchMemberFiles: vi.fn(async () => undefined),
  };
}

const APP_FRAME: FrameLike = { url: 'app://gongkai/index.html', processId: 1, routingId: 1, parent: null };
const trusted = (frame: FrameLike | null): boolean => frame === APP_FRAME;

describe('registerHostHandlers', () => {
  it('registers one handler per HostApi call channel, and removes them again', () => {
    const ipc = fakeIpcMain();
    const unregister = registerHostHandlers(ipc, fakeHandlers(), trusted);
    const expected = Object.entries(HOST_CHANNELS)
      .filter(([key]) => key !== 'command' && key !== 'memberChanged')
      .map(([, channel]) => channel)
      .sort();
    expect([...ipc.handlers.keys()].sort()).toEqual(expected);
    expect(HOST_METHODS).toHaveLength(expected.length);
    unregister();
    expect(ipc.handlers.size).toBe(0);
  });

  it('passes validated arguments through and returns the result', async () => {
    const ipc = fakeIpcMain();
    const handlers = fakeHandlers();
    registerHostHandlers(ipc, handlers, trusted);
    const request = { text: '{}', filePath: null, saveAs: false, suggestedName: '报表' };
    await expect(ipc.invoke(HOST_CHANNELS.saveDocument, APP_FRAME, request)).resolves.toEqual({
      status: 'cancelled',
    });
    expect(handlers.saveDocument).toHaveBeenCalledWith(request);
    await ipc.invoke(HOST_CHANNELS.setWindowState, APP_FRAME, { title: '报表', dirty: true });
    expect(handlers.setWindowState).toHaveBeenCalledWith({ title: '报表', dirty: true });
    const data = new Uint8Array([80, 75, 3, 4]);
    await ipc.invoke(HOST_CHANNELS.exportFile, APP_FRAME, { kind: 'xlsx', suggestedName: '报表', data });
    expect(handlers.exportFile).toHaveBeenCalledWith({ kind: 'xlsx', suggestedName: '报表', data });
  });

  it('refuses a message from any other frame before looking at it', async () => {
    const ipc = fakeIpcMain();
    const handlers = fakeHandlers();
    registerHostHandlers(ipc, handlers, trusted);
    const stranger: FrameLike = { ...APP_FRAME, url: 'https://example.com/' };
    await expect(ipc.invoke(HOST_CHANNELS.openDocument, stranger)).rejects.toThrow(
      '拒绝了来自未知页面的请求',
    );
    await expect(ipc.invoke(HOST_CHANNELS.info, null)).rejects.toThrow('拒绝');
    expect(handlers.openDocument).not.toHaveBeenCalled();
  });

  it.each([
    ['openRecent', []],
    ['openRecent', [42]],
    ['openRecent', ['']],
    ['info', ['extra']],
    ['saveDocument', [{ text: '{}', filePath: null, saveAs: 'yes', suggestedName: 'x' }]],
    ['saveDocument', [{ text: '{}', saveAs: false, suggestedName: 'x' }]],
    ['setWindowState', [{ title: 'x' }]],
    ['setWindowState', [{ title: 'x'.repeat(501), dirty: false }]],
    ['exportFile', [{ kind: 'odt', suggestedName: 'x', data: new Uint8Array(1) }]],
    ['exportFile', [{ kind: 'xlsx', suggestedName: 'x' }]],
    ['exportFile', [{ kind: 'xlsx', suggestedName: 'x', data: [1, 2, 3] }]],
    ['exportFile', [{ kind: 'pdf', suggestedName: 'x' }]],
    ['print', [{ html: '<p>' }]],
    ['print', ['']],
    ['importFile', [{ purpose: 'anything' }]],
    ['writeRecovery', [{ text: '{}', filePath: null, fileName: 'a' }]],
  ] as const)('rejects %s with bad arguments %j', async (method, args) => {
    const ipc = fakeIpcMain();
    const handlers = fakeHandlers();
    registerHostHandlers(ipc, handlers, trusted);
    await expect(ipc.invoke(HOST_CHANNELS[method], APP_FRAME, ...args)).rejects.toThrow('请求参数无效');
    expect(handlers[method]).not.toHaveBeenCalled();
  });
});
