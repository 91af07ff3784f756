import { describe, expect, it } from 'vitest';
import {
  acceleratorOf,
  ACTION_SPECS,
  actionForKey,
  chordMatches,
  chordText,
  MENUS,
  menuChord,
  menuHasAction,
  pageMenuItems,
  actionSpec,
  type KeyEventLike,
} from '..';

const key = (k: string, more: Partial<KeyEventLike> = {}): KeyEventLike => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...more,
});

describe('the action table', () => {
  it('names each action once, and every menu entry is an action or a native slot', () => {
    const ids = ACTION_SPECS.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of MENUS)
      for (const item of m.items)
        if (item !== '-' && !item.startsWith('native:')) expect(ids).toContain(item);
  });

  it('defines a key once: no two actions answer the same key where the page tests keys', () => {
    const samples = ACTION_SPECS.flatMap((a) =>
      (a.keys ?? []).flatMap((k) =>
        (k.shift === 'any' ? [false, true] : [k.shift === true]).map((shift) =>
          key(k.key.length === 1 && shift ? k.key.toUpperCase() : k.key, {
            ctrlKey: k.mod === true,
            shiftKey: shift,
            altKey: k.alt === true,
          }),
        ),
      ),
    );
    for (const e of samples) {
      const matching = ACTION_SPECS.filter((a) => a.keys?.some((k) => chordMatches(k, e)));
      // The grid and the find box are inside the window: a key may mean one thing only across all scopes.
      expect(matching.map((a) => a.id)).toHaveLength(1);
    }
  });

  it('tests keys as Excel users press them', () => {
    expect(actionForKey(key('s', { ctrlKey: true }), 'window')?.id).toBe('save');
    expect(actionForKey(key('S', { ctrlKey: true, shiftKey: true }), 'window')?.id).toBe('saveAs');
    expect(actionForKey(key('s', { metaKey: true }), 'window')?.id).toBe('save');
    expect(actionForKey(key('z', { ctrlKey: true, shiftKey: true }), 'window')?.id).toBe('redo');
    expect(actionForKey(key('PageDown', { ctrlKey: true }), 'window')?.id).toBe('nextTable');
    expect(actionForKey(key('F6'), 'window')?.id).toBe('nextRegion');
    expect(actionForKey(key('F6', { shiftKey: true }), 'window')?.id).toBe('previousRegion');
    expect(actionForKey(key('ArrowDown', { ctrlKey: true, shiftKey: true }), 'grid')?.id).toBe('dataEdge');
    expect(actionForKey(key('Home'), 'grid')?.id).toBe('rowEdge');
    expect(actionForKey(key('Home', { ctrlKey: true }), 'grid')?.id).toBe('tableEdge');
    expect(actionForKey(key('Escape'), 'find')?.id).toBe('closeFind');
    // Scoped: the grid's Delete is not the window's, Alt+Ctrl+S is not 保存, plain S is typing.
    expect(actionForKey(key('Delete'), 'window')).toBeNull();
    expect(actionForKey(key('s', { ctrlKey: true, altKey: true }), 'window')).toBeNull();
    expect(actionForKey(key('s'), 'window')).toBeNull();
    // Ctrl+V is the browser's paste event, not a key the page tests.
    expect(actionForKey(key('v', { ctrlKey: true }), 'grid')).toBeNull();
  });

  it('gives the menus their accelerator and text from the same chord', () => {
    expect(acceleratorOf(actionSpec('saveAs').keys![0]!)).toBe('CmdOrCtrl+Shift+S');
    expect(acceleratorOf(actionSpec('formulaHelp').keys![0]!)).toBe('F1');
    expect(acceleratorOf({ key: 'ArrowUp', mod: true })).toBe('CmdOrCtrl+Up');
    expect(chordText(actionSpec('saveAs').keys![0]!)).toBe('Ctrl+Shift+S');
    expect(chordText(actionSpec('save').keys![0]!, 'darwin')).toBe('⌘+S');
    expect(acceleratorOf(menuChord(actionSpec('redo'), 'darwin')!)).toBe('CmdOrCtrl+Shift+Z');
    expect(acceleratorOf(menuChord(actionSpec('redo'), 'win32')!)).toBe('CmdOrCtrl+Y');
  });

  it('gives the page its menus without the host’s native items or dangling separators', () => {
    const file = MENUS.find((m) => m.id === 'file')!;
    expect(pageMenuItems(file.items)).toEqual([
      'new',
      'convertProfile',
      'open',
      '-',
      'save',
      'saveAs',
      '-',
      'importExcel',
      'exportExcel',
      'exportPdf',
      'exportDocx',
      'exportAuditReport',
      '-',
      'printPreview',
      'print',
    ]);
    expect(pageMenuItems(MENUS.find((m) => m.id === 'view')!.items)).toEqual([
      'toggleSidebar',
      'toggleFindings',
      'unitInfo',
    ]);
    expect(menuHasAction('save')).toBe(true);
    expect(menuHasAction('nextTable')).toBe(false);
  });
});
