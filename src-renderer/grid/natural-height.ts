import { useEffect, useState, type RefObject } from 'react';

/** AG Grid 36's sticky blocks above and below the scrolling rows: header rows + pinned top rows; pinned bottom rows. */
const PINNED_TOP = '.ag-grid-pinned-top-rows';
const PINNED_BOTTOM = '.ag-grid-pinned-bottom-rows';

/**
 * The height a grid needs to show all its rows: its header rows (as AG Grid wrapped them at this width), the pinned
 * 栏次 row, the body rows and its borders. The page gives the grid this height at most and lets it shrink to the
 * room the window leaves (CSS flex), so a short table ends where its rows end and a long one scrolls inside the grid
 * with its header rows always in view — at any window height, on a 1366×768 laptop as on a large screen.
 * Undefined until the header has been measured.
 */
export function useNaturalGridHeight(
  container: RefObject<HTMLElement | null>,
  rows: number,
  rowHeight: number,
): number | undefined {
  const [chrome, setChrome] = useState<number | undefined>(undefined);
  useEffect(() => {
    const root = container.current;
    if (!root) return;
    let resize: ResizeObserver | null = null;
    const measure = () => {
      // A part the grid hides or lays over the rows (an overlay scrollbar) takes no height of its own.
      const part = (selector: string) => {
        const el = root.querySelector<HTMLElement>(selector);
        if (!el || el.classList.contains('ag-invisible') || el.classList.contains('ag-hidden')) return 0;
        return getComputedStyle(el).position === 'absolute' ? 0 : el.offsetHeight;
      };
      const wrapper = root.querySelector<HTMLElement>('.ag-root-wrapper');
      // The wrapper's own border, top and bottom, around the header and body.
      const border = wrapper ? wrapper.offsetHeight - wrapper.clientHeight : 2;
      // AG Grid 36 lays the header rows and the pinned 栏次 row in one sticky block (its header is absolutely
      // positioned inside it, so measuring .ag-header alone gave 0 and every short table got a one-row grid);
      // older layouts have a separate header and floating-top row.
      const pinned = root.querySelector<HTMLElement>(PINNED_TOP);
      const top = pinned ? pinned.offsetHeight : part('.ag-header') + part('.ag-floating-top');
      setChrome(top + part(PINNED_BOTTOM) + part('.ag-body-horizontal-scroll') + border);
    };
    const watch = () => {
      const header = root.querySelector('.ag-header');
      if (!header) return false;
      resize = new ResizeObserver(measure);
      resize.observe(header);
      // The horizontal scrollbar appears after the columns are sized (a classic scrollbar takes 15–17 px): without
      // counting it the last row hides under it and a vertical scrollbar appears for one row.
      for (const part of [PINNED_TOP, PINNED_BOTTOM, '.ag-floating-top', '.ag-body-horizontal-scroll']) {
        const el = root.querySelector(part);
        if (el) resize.observe(el);
      }
      measure();
      return true;
    };
    // AG Grid builds its DOM after this effect: wait for the header to appear.
    const mutations = new MutationObserver(() => {
      if (watch()) mutations.disconnect();
    });
    if (!watch()) mutations.observe(root, { childList: true, subtree: true });
    return () => {
      mutations.disconnect();
      resize?.disconnect();
    };
  }, [container]);
  if (chrome === undefined) return undefined;
  // An empty table still shows its header and the line saying it has no rows.
  return chrome + Math.max(rows, 1) * rowHeight + 1;
}
