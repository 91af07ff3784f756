/** A grid's options as a plain record (AG Grid's GridOptions, keyed by name). */
export type OptionRecord = Readonly<Record<string, unknown>>;

type Callback = (...args: unknown[]) => unknown;

/**
 * The options to create the grid with: each callback is replaced by one that calls the latest options' callback of
 * the same name, so a re-render's closures (its current rows, selection …) are the ones the grid calls — as React
 * props would be — without handing the grid new functions.
 */
export function callingLatest(start: OptionRecord, latest: () => OptionRecord): Record<string, unknown> {
  const initial: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(start))
    initial[key] =
      typeof value === 'function'
        ? (...args: unknown[]) => (latest()[key] as Callback | undefined)?.(...args)
        : value;
  return initial;
}

/**
 * The options whose values changed from one render to the next (a key gone becomes undefined), for the grid's
 * updateGridOptions; callbacks are left out (callingLatest reaches them). Null when nothing changed.
 */
export function changedOptions(before: OptionRecord, now: OptionRecord): Record<string, unknown> | null {
  const changed: Record<string, unknown> = {};
  let any = false;
  for (const key of new Set([...Object.keys(before), ...Object.keys(now)])) {
    const value = now[key];
    if (typeof value === 'function' || typeof before[key] === 'function' || Object.is(value, before[key]))
      continue;
    changed[key] = value;
    any = true;
  }
  return any ? changed : null;
}
