import { describe, expect, it, vi } from 'vitest';
import type { CloseGuard } from '../close-guard';
import type { DocumentHandlers } from '../document-handlers';
import { createHostHandlers, type HostHandlerDeps } from '../host-handlers';
import type { RecentFiles } from '../recent-files';
import type { RecoveryStore } from '../recovery-store';
import { fakeDialogs } from './fake-dialogs';

function setup(platformEdited = true) {
  const closeGuard: CloseGuard = { setDirty: vi.fn(), onClose: vi.fn(), closeNow: vi.fn() };
  const window = { setTitle: vi.fn(), ...(platformEdited ? { setDocumentEdited: vi.fn() } : {}) };
  const recovery: RecoveryStore = {
    write: vi.fn(async () => ({ ok: true as const })),
    read: vi.fn(async () => null),
    clear: vi.fn(async () => undefined),
    clearForClose: vi.fn(async () => undefined),
    preserve: vi.fn(),
  };
  const deps: HostHandlerDeps = {
    info: { kind: 'electron', platform: 'linux', appVersion: '0.1.0' },
    dialogs: fakeDialogs().dialogs,
    documents: {} as DocumentHandlers,
    recent: { list: vi.fn(async () => []) } as unknown as RecentFiles,
    recovery,
    printer: { toPdf: vi.fn(), print: vi.fn() },
    closeGuard,
    members: {
      pickMemberFiles: vi.fn(async () => ({ status: 'cancelled' as const })),
      pickMemberFolder: vi.fn(async () => ({ status: 'cancelled' as const })),
      readMemberFiles: vi.fn(async () => ({ status: 'cancelled' as const })),
      watchMemberFiles: vi.fn(async () => undefined),
    },
    window,
    showError: vi.fn(),
  };
  return { handlers: createHostHandlers(deps), closeGuard, window, recovery };
}

describe('createHostHandlers', () => {
  it('reports the host', async () => {
    expect(await setup().handlers.info()).toEqual({
      kind: 'electron',
      platform: 'linux',
      appVersion: '0.1.0',
    });
  });

  it('setWindowState sets the title, the macOS edited mark, and what the close guard knows', async () => {
    const { handlers, window, closeGuard } = setup();
    await handlers.setWindowState({ title: '报表.gongkai.json', dirty: true });
    expect(window.setTitle).toHaveBeenCalledWith('报表.gongkai.json • — 决算公开表编辑器');
    expect(window.setDocumentEdited).toHaveBeenCalledWith(true);
    expect(closeGuard.setDirty).toHaveBeenCalledWith(true);
    await setup(false).handlers.setWindowState({ title: 'a', dirty: false }); // no setDocumentEdited off macOS
  });

  it('closeWindow closes through the guard, without asking', async () => {
    const { handlers, closeGuard } = setup();
    await handlers.closeWindow();
    expect(closeGuard.closeNow).toHaveBeenCalledOnce();
  });

  it('recovery calls go to the recovery store', async () => {
    const { handlers, recovery } = setup();
    const snapshot = { text: '{}', filePath: null, fileName: 'a', at: '2024-01-01T00:00:00Z' };
    expect(await handlers.writeRecovery(snapshot)).toEqual({ ok: true });
    expect(recovery.write).toHaveBeenCalledWith(snapshot);
    expect(await handlers.readRecovery()).toBeNull();
    await handlers.clearRecovery();
    expect(recovery.clear).toHaveBeenCalledOnce();
    expect(recovery.clearForClose).not.toHaveBeenCalled();
  });
});
