import { describe, expect, it, vi } from 'vitest';
import { HOST_CHANNELS, type HostApi, type HostCommand } from '../../../src-core/host';
import { createHostBridge, HOST_API_METHODS, type IpcRendererLike } from '../host-bridge';

type Listener = (event: unknown, ...args: unknown[]) => void;

function fakeIpcRenderer() {
  const listeners = new Map<string, Set<Listener>>();
  const ipc = {
    invoke: vi.fn(async (channel: string, ...args: unknown[]) => ({ channel, args })),
    on: vi.fn((channel: string, listener: Listener) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)?.add(listener);
    }),
    removeListener: vi.fn((channel: string, listener: Listener) => {
      listeners.get(channel)?.delete(listener);
    }),
    emit: (channel: string, event: unknown, ...args: unknown[]) => {
      for (const l of listeners.get(channel) ?? []) l(event, ...args);
    },
    count: (channel: string) => listeners.get(channel)?.size ?? 0,
  };
  return ipc satisfies IpcRendererLike;
}

describe('createHostBridge', () => {
  it('exposes exactly the HostApi methods, all functions', () => {
    const api = createHostBridge(fakeIpcRenderer());
    expect(Object.keys(api).sort()).toEqual([...HOST_API_METHODS].sort());
    const channelMethods = Object.keys(HOST_CHANNELS).filter((k) => k !== 'command' && k !== 'memberChanged');
    expect([...HOST_API_METHODS].sort()).toEqual([...channelMethods, 'onCommand', 'onMemberChanged'].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it('invokes each method on its own channel with its arguments', async () => {
    const ipc = fakeIpcRenderer();
    const api = createHostBridge(ipc);
    await api.openRecent('/home/u/报表.gongkai.json');
    expect(ipc.invoke).toHaveBeenLastCalledWith(HOST_CHANNELS.openRecent, '/home/u/报表.gongkai.json');
    await api.setWindowState({ title: '报表', dirty: true });
    expect(ipc.invoke).toHaveBeenLastCalledWith(HOST_CHANNELS.setWindowState, { title: '报表', dirty: true });
    await api.info();
    expect(ipc.invoke).toHaveBeenLastCalledWith(HOST_CHANNELS.info);

    const calls: [keyof HostApi, () => Promise<unknown>][] = [
      ['openDocument', () => api.openDocument()],
      ['recentFiles', () => api.recentFiles()],
      [
        'saveDocument',
        () => api.saveDocument({ text: '', filePath: null, saveAs: true, suggestedName: 'a' }),
      ],
      ['writeRecovery', () => api.writeRecovery({ text: '', filePath: null, fileName: 'a', at: '' })],
      ['readRecovery', () => api.readRecovery()],
      ['clearRecovery', () => api.clearRecovery()],
      ['closeWindow', () => api.closeWindow()],
      ['exportFile', () => api.exportFile({ kind: 'pdf', suggestedName: 'a', html: '<p>' })],
      ['print', () => api.print('<p>')],
      ['importFile', () => api.importFile({ purpose: 'catalog' })],
      ['pickMemberFiles', () => api.pickMemberFiles()],
      ['pickMemberFolder', () => api.pickMemberFolder()],
      ['readMemberFiles', () => api.readMemberFiles({ ids: ['/a.gongkai.json'] })],
      ['watchMemberFiles', () => api.watchMemberFiles(['/a.gongkai.json'])],
    ];
    for (const [method, call] of calls) {
      await call();
      expect(ipc.invoke.mock.lastCall?.[0]).toBe(
        HOST_CHANNELS[method as Exclude<keyof HostApi, 'onCommand' | 'onMemberChanged'>],
      );
    }
  });

  it('delivers member changes (a path, never the IPC event), and unsubscribes', () => {
    const ipc = fakeIpcRenderer();
    const api = createHostBridge(ipc);
    const seen: unknown[] = [];
    const off = api.onMemberChanged((id) => seen.push(id));
    ipc.emit(HOST_CHANNELS.memberChanged, { sender: 'raw' }, '/u/a.gongkai.json');
    ipc.emit(HOST_CHANNELS.memberChanged, { sender: 'raw' }, { not: 'a path' });
    off();
    ipc.emit(HOST_CHANNELS.memberChanged, {}, '/u/b.gongkai.json');
    expect(seen).toEqual(['/u/a.gongkai.json']);
    expect(ipc.count(HOST_CHANNELS.memberChanged)).toBe(0);
  });

  it('delivers commands without the IPC event, and unsubscribes', () => {
    const ipc = fakeIpcRenderer();
    const api = createHostBridge(ipc);
    const received: unknown[][] = [];
    const unsubscribe = api.onCommand((...args) => received.push(args));
    const command: HostCommand = { type: 'openRecent', filePath: '/a.gongkai.json' };
    ipc.emit(HOST_CHANNELS.command, { sender: 'the raw ipcRenderer' }, command);
    expect(received).toEqual([[command]]);
    unsubscribe();
    expect(ipc.count(HOST_CHANNELS.command)).toBe(0);
    ipc.emit(HOST_CHANNELS.command, {}, { type: 'save' });
    expect(received).toHaveLength(1);
  });

  it('keeps listeners independent', () => {
    const ipc = fakeIpcRenderer();
    const api = createHostBridge(ipc);
    const a: string[] = [];
    const b: string[] = [];
    const offA = api.onCommand((c) => a.push(c.type));
    api.onCommand((c) => b.push(c.type));
    offA();
    ipc.emit(HOST_CHANNELS.command, {}, { type: 'find' });
    expect(a).toEqual([]);
    expect(b).toEqual(['find']);
  });
});
