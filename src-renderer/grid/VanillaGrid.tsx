import { useLayoutEffect, useRef, type MutableRefObject } from 'react';
import { createGrid, type GridApi, type GridOptions } from 'ag-grid-community';
import { callingLatest, changedOptions, type OptionRecord } from './grid-options';

interface Props<T> {
  readonly options: GridOptions<T>;
  /** Holds the grid's API from its creation (before its first events) until it is destroyed. */
  readonly apiRef?: MutableRefObject<GridApi<T> | null>;
}

/**
 * AG Grid mounted through its own `createGrid`, not ag-grid-react: the grid draws its rows and cells with its own DOM
 * code instead of React components, which makes the window's first table show sooner (`npm run bench:ui`, cold load).
 * The options behave as React props: a callback is always the latest render's, and a changed value reaches the grid
 * after the render that changed it (grid-options.ts).
 */
export function VanillaGrid<T>({ options, apiRef }: Props<T>) {
  const host = useRef<HTMLDivElement>(null);
  const api = useRef<GridApi<T> | null>(null);
  const latest = useRef(options as OptionRecord);
  latest.current = options as OptionRecord;
  const given = useRef<OptionRecord>({});

  // Created once, when the element is in the page; later options reach it through the next effect.
  useLayoutEffect(() => {
    given.current = latest.current;
    api.current = createGrid(
      host.current as HTMLDivElement,
      callingLatest(latest.current, () => latest.current) as GridOptions<T>,
    );
    if (apiRef) apiRef.current = api.current;
    return () => {
      api.current?.destroy();
      api.current = null;
      if (apiRef) apiRef.current = null;
    };
  }, [apiRef]);

  useLayoutEffect(() => {
    const grid = api.current;
    if (!grid || given.current === latest.current) return;
    const changed = changedOptions(given.current, latest.current);
    given.current = latest.current;
    if (changed) grid.updateGridOptions(changed as GridOptions<T>);
  });

  return <div ref={host} className="gk-grid-host" />;
}
