/** A while after the window first shows: long after the first grid, before anyone has reached 导出PDF. */
export const PRINT_WARM_UP_DELAY_MS = 5_000;

/**
 * Opens the print window (and prints a page nobody sees) a while after the main window first shows, so that the
 * session's first PDF export is as quick as the next ones instead of paying for the window, its renderer process and
 * its fonts. Never before the first screen (it would compete with it), never once the window has closed (a hidden
 * window opened then would keep the app from quitting). Returns the cancel, which main.ts calls when the window
 * closes.
 */
export function schedulePrintWarmUp(deps: {
  readonly window: {
    once(event: 'ready-to-show', listener: () => void): unknown;
    isDestroyed(): boolean;
  };
  readonly warmUp: () => Promise<void>;
  readonly setTimeout?: (fn: () => void, ms: number) => unknown;
  readonly clearTimeout?: (handle: unknown) => void;
  readonly delayMs?: number;
}): () => void {
  const set = deps.setTimeout ?? ((fn, ms) => setTimeout(fn, ms));
  const clear = deps.clearTimeout ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  let timer: unknown = null;
  let cancelled = false;
  deps.window.once('ready-to-show', () => {
    if (cancelled) return;
    timer = set(() => {
      timer = null;
      if (!cancelled && !deps.window.isDestroyed()) void deps.warmUp();
    }, deps.delayMs ?? PRINT_WARM_UP_DELAY_MS);
  });
  return () => {
    cancelled = true;
    if (timer !== null) clear(timer);
    timer = null;
  };
}
