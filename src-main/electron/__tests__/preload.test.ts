import { describe, expect, it, vi } from 'vitest';
import { HOST_GLOBAL } from '../../../src-core/host';
import { HOST_API_METHODS } from '../host-bridge';

const exposed = vi.hoisted(() => new Map<string, unknown>());
const ipcRenderer = vi.hoisted(() => ({
  invoke: vi.fn(async () => null),
  on: vi.fn(),
  removeListener: vi.fn(),
}));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => void exposed.set(key, api) },
  ipcRenderer,
}));

describe('preload', () => {
  it('exposes the HostApi as window.gongkai and nothing else', async () => {
    await import('../preload');
    expect([...exposed.keys()]).toEqual([HOST_GLOBAL]);
    const api = exposed.get(HOST_GLOBAL) as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...HOST_API_METHODS].sort());
    expect(Object.values(api).some((v) => v === ipcRenderer)).toBe(false);
  });
});
