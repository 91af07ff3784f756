import { describe, expect, it, vi } from 'vitest';
import type { HostCommand } from '../../../src-core/host';
import { editRoute, routeEditAction, TEXT_FIELD_FOCUSED_PROBE, type EditAction } from '../edit-routing';

function deps(focused: boolean | Error) {
  const native = { undo: vi.fn(), redo: vi.fn(), copy: vi.fn(), paste: vi.fn() };
  const sent: HostCommand[] = [];
  return {
    native,
    sent,
    deps: {
      isTextFieldFocused: async () => {
        if (focused instanceof Error) throw focused;
        return focused;
      },
      native,
      sendCommand: (c: HostCommand) => void sent.push(c),
    },
  };
}

const ACTIONS: EditAction[] = ['undo', 'redo', 'copy', 'paste'];
const CLICK = { byAccelerator: false, platform: 'win32' } as const;
const KEY = { byAccelerator: true, platform: 'win32' } as const;

describe('editRoute', () => {
  it('sends the command to the renderer outside text fields, however the item fired', () => {
    for (const platform of ['win32', 'linux', 'darwin'] as const) {
      expect(editRoute(false, { byAccelerator: true, platform })).toBe('command');
      expect(editRoute(false, { byAccelerator: false, platform })).toBe('command');
    }
  });

  it('edits a text field natively when the menu item is clicked', () => {
    expect(editRoute(true, { byAccelerator: false, platform: 'linux' })).toBe('native');
    expect(editRoute(true, { byAccelerator: false, platform: 'darwin' })).toBe('native');
  });

  it('leaves a shortcut in a text field to Chromium on Windows and Linux (no double paste)', () => {
    expect(editRoute(true, { byAccelerator: true, platform: 'win32' })).toBe('none');
    expect(editRoute(true, { byAccelerator: true, platform: 'linux' })).toBe('none');
  });

  it('performs a shortcut in a text field natively on macOS, where the menu owns editing keys', () => {
    expect(editRoute(true, { byAccelerator: true, platform: 'darwin' })).toBe('native');
  });
});

describe('routeEditAction', () => {
  it.each(ACTIONS)('%s clicked in a text field edits the text natively', async (action) => {
    const d = deps(true);
    expect(await routeEditAction(action, CLICK, d.deps)).toBe('native');
    expect(d.native[action]).toHaveBeenCalledOnce();
    expect(d.sent).toEqual([]);
  });

  it.each(ACTIONS)(
    '%s elsewhere goes to the renderer as a command, saying whether a shortcut raised it',
    async (action) => {
      const d = deps(false);
      expect(await routeEditAction(action, KEY, d.deps)).toBe('command');
      expect(await routeEditAction(action, CLICK, d.deps)).toBe('command');
      expect(d.sent).toEqual([
        { type: action, byAccelerator: true },
        { type: action, byAccelerator: false },
      ]);
      for (const fn of Object.values(d.native)) expect(fn).not.toHaveBeenCalled();
    },
  );

  it('does nothing for a shortcut in a text field on Windows', async () => {
    const d = deps(true);
    expect(await routeEditAction('paste', KEY, d.deps)).toBe('none');
    expect(d.sent).toEqual([]);
    for (const fn of Object.values(d.native)) expect(fn).not.toHaveBeenCalled();
  });

  it('sends the command when focus cannot be determined', async () => {
    const d = deps(new Error('page not ready'));
    expect(await routeEditAction('paste', CLICK, d.deps)).toBe('command');
    expect(d.sent).toEqual([{ type: 'paste', byAccelerator: false }]);
  });
});

describe('TEXT_FIELD_FOCUSED_PROBE', () => {
  // The probe runs in the page; here it runs against a stand-in `document`.
  const run = (activeElement: unknown): unknown =>
    new Function('document', `return ${TEXT_FIELD_FOCUSED_PROBE};`)({ activeElement });
  const input = (type: string | null) => ({ tagName: 'INPUT', getAttribute: () => type });

  it('recognises text inputs, textareas and contenteditable', () => {
    expect(run(input(null))).toBe(true);
    expect(run(input('text'))).toBe(true);
    expect(run(input('number'))).toBe(true);
    expect(run(input('Search'))).toBe(true);
    expect(run({ tagName: 'TEXTAREA' })).toBe(true);
    expect(run({ tagName: 'DIV', isContentEditable: true })).toBe(true);
  });

  it('does not count the grid, buttons, checkboxes or nothing', () => {
    expect(run({ tagName: 'DIV', isContentEditable: false })).toBe(false);
    expect(run(input('checkbox'))).toBe(false);
    expect(run(input('button'))).toBe(false);
    expect(run({ tagName: 'BUTTON' })).toBe(false);
    expect(run(null)).toBe(false);
  });
});
