import {
  ACTION_SPECS,
  MENUS,
  type ActionId,
  type ActionSpec,
  type KeyScope,
  type MenuEntry,
} from './action-table';
import { chordMatches, type KeyChord, type KeyEventLike } from './key-chord';

const BY_ID = new Map<ActionId, ActionSpec>(ACTION_SPECS.map((a) => [a.id, a]));

/** The spec of an action id (every ActionId has one: the registry's test checks it). */
export function actionSpec(id: ActionId): ActionSpec {
  const spec = BY_ID.get(id);
  if (!spec) throw new Error(`action ${id} is not in ACTION_SPECS`);
  return spec;
}

/** The action a key event means in a scope, or null. Keys the browser raises as events of their own are skipped. */
export function actionForKey(e: KeyEventLike, scope: KeyScope): ActionSpec | null {
  for (const spec of ACTION_SPECS) {
    if (spec.keyScope !== scope || spec.keyByBrowser || !spec.keys) continue;
    if (spec.keys.some((k) => chordMatches(k, e))) return spec;
  }
  return null;
}

/** The key a menu shows for an action on a platform (macOS may show another of its keys). */
export function menuChord(spec: ActionSpec, platform: string): KeyChord | undefined {
  return spec.keys?.[platform === 'darwin' ? (spec.macMenuKey ?? 0) : 0];
}

/** A menu's entries without the host's native slots, with no separator first, last or twice (the page's menu bar). */
export function pageMenuItems(items: readonly MenuEntry[]): (ActionId | '-')[] {
  const out: (ActionId | '-')[] = [];
  for (const item of items) {
    if (item.startsWith('native:')) continue;
    if (item === '-' && (out.length === 0 || out[out.length - 1] === '-')) continue;
    out.push(item as ActionId | '-');
  }
  if (out[out.length - 1] === '-') out.pop();
  return out;
}

const IN_MENU = new Set<string>(MENUS.flatMap((m) => m.items));

/** Whether a menu shows the action (in Electron its key is then the menu's accelerator). */
export function menuHasAction(id: ActionId): boolean {
  return IN_MENU.has(id);
}
