/**
 * How tall the 审核结果 panel is and whether it is folded to its header line. The user sets both (dragging the
 * splitter above it, its 收起/展开 button) and they are remembered for the next start, as a window layout is. Kept
 * apart from the document store: resizing the panel re-renders no table.
 */
export interface FindingsLayout {
  /** The panel's height in px when open (header included). */
  readonly height: number;
  readonly collapsed: boolean;
}

export const FINDINGS_DEFAULT_HEIGHT = 200;
/** Below this the panel shows no whole finding row. */
export const FINDINGS_MIN_HEIGHT = 80;
/** What the panel leaves the table above it at most (title, a few rows): it never takes the whole window. */
export const FINDINGS_ROOM_KEPT = 260;

const KEY = 'gongkai.layout.findings';

/** The tallest the panel may be in a window of this height. */
export function maxFindingsHeight(windowHeight: number): number {
  return Math.max(FINDINGS_MIN_HEIGHT, windowHeight - FINDINGS_ROOM_KEPT);
}

/** A height within the panel's limits for this window. */
export function clampFindingsHeight(height: number, windowHeight: number): number {
  return Math.round(Math.min(maxFindingsHeight(windowHeight), Math.max(FINDINGS_MIN_HEIGHT, height)));
}

/** Reads what was remembered; anything unreadable is the default layout. */
export function readFindingsLayout(text: string | null): FindingsLayout {
  const fallback = { height: FINDINGS_DEFAULT_HEIGHT, collapsed: false };
  if (!text) return fallback;
  try {
    const v = JSON.parse(text) as { height?: unknown; collapsed?: unknown };
    const height =
      typeof v.height === 'number' && Number.isFinite(v.height) && v.height >= FINDINGS_MIN_HEIGHT
        ? v.height
        : FINDINGS_DEFAULT_HEIGHT;
    return { height, collapsed: v.collapsed === true };
  } catch {
    return fallback;
  }
}

export class FindingsLayoutStore {
  private layout: FindingsLayout;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly storage: Pick<Storage, 'getItem' | 'setItem'> | null) {
    let text: string | null = null;
    try {
      text = storage?.getItem(KEY) ?? null;
    } catch {
      // Storage switched off: the default layout, not remembered.
    }
    this.layout = readFindingsLayout(text);
  }

  get = (): FindingsLayout => this.layout;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  set(change: Partial<FindingsLayout>): void {
    const next = { ...this.layout, ...change };
    if (next.height === this.layout.height && next.collapsed === this.layout.collapsed) return;
    this.layout = next;
    try {
      this.storage?.setItem(KEY, JSON.stringify(next));
    } catch {
      // Not remembered for the next start; this window still has it.
    }
    for (const l of this.listeners) l();
  }
}

function windowStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export const findingsLayoutStore = new FindingsLayoutStore(windowStorage());
