import type { GridHandle } from '../grid/grid-handle';

/** The regions F6 moves between, in order (Office's F6): 侧栏, the page (the grid), 审核结果. */
const REGIONS = ['.gk-sidebar', '.gk-centre', '.gk-findings'] as const;

/**
 * Moves the keyboard focus to the next (or previous) region that is shown. In the page, the grid gets it back at
 * its active cell; in 侧栏 the current table's entry; in 审核结果 its first result (or the panel itself).
 */
export function cycleRegion(step: 1 | -1, grid: GridHandle | null, root: ParentNode = document): void {
  const shown = REGIONS.map((selector) => root.querySelector<HTMLElement>(selector)).filter(
    (el): el is HTMLElement => el !== null,
  );
  if (shown.length === 0) return;
  const active = document.activeElement;
  const at = shown.findIndex((el) => active instanceof Node && el.contains(active));
  // From nowhere in particular (the body), F6 goes to the page first.
  const from = at >= 0 ? at : shown.findIndex((el) => el.matches('.gk-centre')) - step;
  const target = shown[(((from + step) % shown.length) + shown.length) % shown.length] as HTMLElement;
  if (target.matches('.gk-centre') && grid) {
    grid.focus();
    return;
  }
  const preferred =
    target.querySelector<HTMLElement>('.active, [aria-current="page"]') ??
    target.querySelector<HTMLElement>('button, [tabindex="0"], input, textarea, select, a[href]');
  if (preferred) {
    preferred.focus();
    return;
  }
  if (!target.hasAttribute('tabindex')) target.tabIndex = -1;
  target.focus();
}
