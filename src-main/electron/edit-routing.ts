import type { HostCommand } from '../../src-core/host';

export type EditAction = 'undo' | 'redo' | 'copy' | 'paste';

export interface EditRoutingDeps {
  /** Whether keyboard focus is in a text field (an <input>, <textarea> or contenteditable), e.g. a cell editor. */
  isTextFieldFocused(): Promise<boolean>;
  /** webContents.undo()/redo()/copy()/paste(): Chromium's own editing of the focused field. */
  native: Record<EditAction, () => void>;
  sendCommand(command: HostCommand): void;
}

/**
 * 撤销/重做/复制/粘贴 mean two things: in a text field they edit the text (Chromium does that natively), elsewhere
 * they act on the grid — cell ranges and the document's undo history — which only the renderer can do. The menu
 * accelerators swallow the keys either way, so the menu must route them. If focus cannot be determined (the page is
 * still loading), the renderer gets the command: it knows its own state best.
 */
export async function routeEditAction(action: EditAction, deps: EditRoutingDeps): Promise<'native' | 'command'> {
  let textField: boolean;
  try {
    textField = await deps.isTextFieldFocused();
  } catch {
    textField = false;
  }
  if (textField) {
    deps.native[action]();
    return 'native';
  }
  deps.sendCommand({ type: action });
  return 'command';
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
