import type { HostCommand } from '../../src-core/host';

export type EditAction = 'undo' | 'redo' | 'copy' | 'paste';

export interface EditRoutingDeps {
  /** Whether keyboard focus is in a text field (an <input>, <textarea> or contenteditable), e.g. a cell editor. */
  isTextFieldFocused(): Promise<boolean>;
  /** webContents.undo()/redo()/copy()/paste(): Chromium's own editing of the focused field. */
  native: Record<EditAction, () => void>;
  sendCommand(command: HostCommand): void;
}

export interface EditTrigger {
  /** The menu item fired from its keyboard shortcut rather than a click. */
  readonly byAccelerator: boolean;
  readonly platform: NodeJS.Platform;
}

export type EditRoute = 'native' | 'command' | 'none';

/**
 * 撤销/重做/复制/粘贴 mean two things: in a text field they edit the text (Chromium does that), elsewhere they act on
 * the grid — cell ranges and the document's undo history — which only the renderer can do.
 *
 * In a text field, a click on the menu item needs webContents.copy() etc. A keyboard shortcut does not on Windows and
 * Linux: the key reaches the page first and Chromium performs the edit itself, so the accelerator only fires when
 * the page took the key over — doing the edit again would paste twice. macOS routes editing keys through the menu,
 * so there the shortcut does need the native call. Outside text fields the renderer always gets the command; if the
 * focus cannot be determined (the page is still loading) too, since the renderer knows its own state best.
 */
export function editRoute(textField: boolean, trigger: EditTrigger): EditRoute {
  if (!textField) return 'command';
  if (trigger.byAccelerator && trigger.platform !== 'darwin') return 'none';
  return 'native';
}

export async function routeEditAction(
  action: EditAction,
  trigger: EditTrigger,
  deps: EditRoutingDeps,
): Promise<EditRoute> {
  let textField: boolean;
  try {
    textField = await deps.isTextFieldFocused();
  } catch {
    textField = false;
  }
  const route = editRoute(textField, trigger);
  if (route === 'native') deps.native[action]();
  if (route === 'command') deps.sendCommand({ type: action, byAccelerator: trigger.byAccelerator });
  return route;
}

/**
 * Run in an isolated world of the page (so the page's own scripts cannot fake the answer); reads only the focused
 * element. Buttons, checkboxes and the like are not text fields.
 */
export const TEXT_FIELD_FOCUSED_PROBE = `(() => {
  const el = document.activeElement;
  if (!el) return false;
  if (el.isContentEditable) return true;
  if (el.tagName === 'TEXTAREA') return true;
  if (el.tagName !== 'INPUT') return false;
  const nonText = ['button', 'checkbox', 'color', 'file', 'hidden', 'image', 'radio', 'range', 'reset', 'submit'];
  return !nonText.includes((el.getAttribute('type') || 'text').toLowerCase());
})()`;
