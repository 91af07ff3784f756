/**
 * A keyboard shortcut written once, as data: the renderer tests key events against it, the Electron menu turns it
 * into an accelerator and the menus show it as text — so a key cannot mean one thing in the grid and another in the
 * menu.
 */
export interface KeyChord {
  /** KeyboardEvent.key: a lower-case letter, or a named key (F6, Delete, PageUp, ArrowDown, Escape, Home …). */
  readonly key: string;
  /** Ctrl on Windows and Linux, ⌘ on macOS. */
  readonly mod?: boolean;
  /** Shift must be held (true), must not be (false or absent), or either (any: it extends a selection). */
  readonly shift?: boolean | 'any';
  readonly alt?: boolean;
}

/** The parts of a KeyboardEvent a chord looks at (a DOM event or a test's plain object). */
export interface KeyEventLike {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
}

/** Whether a key event is this chord. Letters compare case-blind (Shift+S gives “S”). */
export function chordMatches(chord: KeyChord, e: KeyEventLike): boolean {
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (key !== chord.key) return false;
  if ((e.ctrlKey || e.metaKey) !== (chord.mod === true)) return false;
  if (e.altKey !== (chord.alt === true)) return false;
  if (chord.shift === 'any') return true;
  return e.shiftKey === (chord.shift === true);
}

/** Electron's names for the keys whose KeyboardEvent.key differs. */
const ACCELERATOR_KEYS: Readonly<Record<string, string>> = {
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  Escape: 'Esc',
};

/** The chord as an Electron accelerator (CmdOrCtrl+Shift+S). A chord with Shift “any” gives its plain form. */
export function acceleratorOf(chord: KeyChord): string {
  const parts: string[] = [];
  if (chord.mod) parts.push('CmdOrCtrl');
  if (chord.alt) parts.push('Alt');
  if (chord.shift === true) parts.push('Shift');
  parts.push(ACCELERATOR_KEYS[chord.key] ?? (chord.key.length === 1 ? chord.key.toUpperCase() : chord.key));
  return parts.join('+');
}

/** The chord as the menus print it (Ctrl+Shift+S; ⌘ on macOS). */
export function chordText(chord: KeyChord, platform: 'darwin' | 'other' = 'other'): string {
  const parts: string[] = [];
  if (chord.mod) parts.push(platform === 'darwin' ? '⌘' : 'Ctrl');
  if (chord.alt) parts.push('Alt');
  if (chord.shift === true) parts.push('Shift');
  const key = ACCELERATOR_KEYS[chord.key] ?? chord.key;
  parts.push(key.length === 1 ? key.toUpperCase() : key);
  return parts.join('+');
}
