import { useEffect, useState, type RefObject } from 'react';

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
      setChrome(part('.ag-header') + part('.ag-floating-top') + part('.ag-body-horizontal-scroll') + border);
    };
    const watch = () => {
      const header = root.querySelector('.ag-header');
      if (!header) return false;
      resize = new ResizeObserver(measure);
      resize.observe(header);
      const top = root.querySelector('.ag-floating-top');
      if (top) resize.observe(top);
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
