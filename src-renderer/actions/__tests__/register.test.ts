import { describe, expect, it, vi } from 'vitest';
import { ACTION_SPECS, type HostApi, type HostCommand } from '../../../src-core';
import { loadSample } from '../../../src-core/engine/__tests__/helpers';
import type { GridHandle } from '../../grid/grid-handle';
import type { RendererHost } from '../../host/get-host';
import { createFileCommands } from '../../state/app-commands';
import { EditorStore, tablePage } from '../../state/editor-store';
import { createActionRunner, type StoppableKeyEvent } from '../action-runner';
import { ACTIONS, BEHAVIOUR_IDS } from '../register';

function setup(kind: 'browser' | 'electron' = 'browser') {
  const store = new EditorStore(loadSample(), { filePath: null, fileName: 'sample.gongkai.json' });
  const saved: unknown[] = [];
  const api = {
    saveDocument: vi.fn(async (r: unknown) => {
      saved.push(r);
      return { status: 'saved', filePath: '/x.gongkai.json', fileName: 'x.gongkai.json' } as const;
    }),
    clearRecovery: vi.fn(async () => undefined),
  } as unknown as HostApi;
  const host: RendererHost = { kind, api, dispatch: (_c: HostCommand) => undefined };
  const grid = {
    copy: vi.fn(async () => undefined),
    paste: vi.fn(async () => undefined),
    clear: vi.fn(),
    fillDown: vi.fn(),
    selectAll: vi.fn(),
    move: vi.fn(),
    focus: vi.fn(),
    focusedRows: () => [],
  } satisfies GridHandle;
  let gridShown: GridHandle | null = grid;
  const runner = createActionRunner(
    { store, host, files: createFileCommands(store, host), grid: () => gridShown },
    { menuHasAccelerators: kind === 'electron' },
  );
  return { store, runner, grid, saved, hideGrid: () => (gridShown = null) };
}

function keyEvent(key: string, more: Partial<StoppableKeyEvent> = {}) {
  const stopped = { prevented: false };
  const e: StoppableKeyEvent = {
    key,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    altKey: false,
    target: null,
    preventDefault: () => (stopped.prevented = true),
    stopPropagation: () => undefined,
    ...more,
  };
  return { e, stopped };
}

describe('the action registry', () => {
  it('performs a button’s action with its argument, and a local action by the perform its button passed', async () => {
    const { store, runner } = setup();
    await runner.perform('showPage', { arg: tablePage('05') });
    expect(store.page).toEqual(tablePage('05'));
    await runner.perform('filterFindings', { arg: 'error' });
    expect(store.findingsFilter).toBe('error');
    store.notify('info', '提示');
    await runner.perform('dismissNotice');
    expect(store.notice).toBeNull();
    let ran = 0;
    await runner.perform('findNext', { run: () => void ran++ });
    expect(ran).toBe(1);
    // Ids are unique across keys, menus and buttons.
    const ids = ACTION_SPECS.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('the 审核结果 button 导出审核报告 commits a text still being typed, as the menu item does', async () => {
    const { store, runner } = setup();
    let committed = 0;
    // An open section editor holds its typed text until it is committed (before save, export …).
    const release = store.holdPendingEdit(() => {
      committed++;
      release();
    });
    await runner.perform('exportAuditReport');
    expect(store.dialog?.kind).toBe('auditReport');
    expect(committed).toBe(1);
  });

  it('gives every action of the table a behaviour, and has none the table lacks', () => {
    expect(new Set(BEHAVIOUR_IDS)).toEqual(new Set(ACTION_SPECS.filter((a) => !a.local).map((a) => a.id)));
    for (const spec of ACTION_SPECS) expect(ACTIONS.get(spec.id)?.label).toBe(spec.label);
  });

  it('performs a key’s action in its scope and stops the key; other keys pass through', async () => {
    const { runner, grid, saved } = setup();
    const save = keyEvent('s', { ctrlKey: true });
    expect(runner.runKey(save.e, 'window')).toBe(true);
    expect(save.stopped.prevented).toBe(true);
    await vi.waitFor(() => expect(saved).toHaveLength(1));
    const fill = keyEvent('d', { ctrlKey: true });
    expect(runner.runKey(fill.e, 'grid')).toBe(true);
    expect(grid.fillDown).toHaveBeenCalledOnce();
    const edge = keyEvent('ArrowDown', { ctrlKey: true, shiftKey: true });
    runner.runKey(edge.e, 'grid');
    expect(grid.move).toHaveBeenCalledWith('dataEdge', 'ArrowDown', true);
    // Delete means nothing to the window (it clears cells only in the grid); a letter is typing.
    const del = keyEvent('Delete');
    expect(runner.runKey(del.e, 'window')).toBe(false);
    expect(del.stopped.prevented).toBe(false);
    expect(runner.runKey(keyEvent('a').e, 'grid')).toBe(false);
  });

  it('switches tables with Ctrl+PageDown only on a table page, and asks the grid to keep the keyboard', () => {
    const { store, runner } = setup();
    store.setPage(tablePage('01'));
    runner.runKey(keyEvent('PageDown', { ctrlKey: true }).e, 'window');
    expect(store.page).toEqual(tablePage('02'));
    expect(store.gridFocus?.table).toBe('02');
    store.setPage({ kind: 'unit' });
    const e = keyEvent('PageDown', { ctrlKey: true });
    expect(runner.runKey(e.e, 'window')).toBe(false);
    expect(store.page).toEqual({ kind: 'unit' });
  });

  it('leaves Ctrl+Z to a text field, and grid keys when no grid is shown', () => {
    const { store, runner, hideGrid } = setup();
    store.apply({ type: 'setUnit', unit: { name: '改名' } }, '改名');
    const field = { tagName: 'INPUT' } as unknown as EventTarget;
    vi.stubGlobal(
      'HTMLInputElement',
      class {
        static [Symbol.hasInstance](x: unknown) {
          return x === field;
        }
      },
    );
    try {
      expect(runner.runKey(keyEvent('z', { ctrlKey: true, target: field }).e, 'window')).toBe(false);
      expect(store.document.unit.name).toBe('改名');
    } finally {
      vi.unstubAllGlobals();
    }
    hideGrid();
    expect(runner.enabled('fillDown')).toBe(false);
    expect(runner.runKey(keyEvent('d', { ctrlKey: true }).e, 'grid')).toBe(false);
  });

  it('in Electron leaves the menu’s accelerators to the menu, but keeps keys no menu carries', () => {
    const { store, runner, saved } = setup('electron');
    expect(runner.runKey(keyEvent('s', { ctrlKey: true }).e, 'window')).toBe(false);
    expect(saved).toHaveLength(0);
    store.setPage(tablePage('03'));
    expect(runner.runKey(keyEvent('PageUp', { ctrlKey: true }).e, 'window')).toBe(true);
    expect(store.page).toEqual(tablePage('02'));
  });

  it('performs host commands by id, as the Electron menu sends them', async () => {
    const { store, runner, grid } = setup('electron');
    await runner.perform('paste', { command: { type: 'paste', byAccelerator: true } });
    expect(grid.paste).toHaveBeenCalledWith(undefined, { byAccelerator: true });
    await runner.perform('toggleFindings');
    expect(store.showFindings).toBe(false);
    await runner.perform('find');
    await runner.perform('closeFind');
    expect(store.findOpen).toBe(false);
    expect(grid.focus).toHaveBeenCalledOnce();
  });
});
