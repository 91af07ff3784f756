/**
 * Shows the laid-out pages (`.gk-pages`) at a scale that fits the widest of them into `paneWidth` (never above
 * 100 %). A transform, not `zoom`: zoom lays the pages out again at the smaller size, where the text's widths round
 * differently, so a line or a table row could wrap anew and fall under the page's bottom edge; a transform only
 * draws the very layout that was measured against the print smaller. The layout box keeps its full size, so its
 * height and its centring are set for the scaled one.
 */
export function fitPages(pages: HTMLElement, paneWidth: number, fit: boolean): void {
  const widest = Math.max(0, ...[...pages.children].map((p) => (p as HTMLElement).offsetWidth));
  if (widest === 0) return;
  const scale = fit ? Math.min(1, (paneWidth - 32) / widest) : 1;
  Object.assign(pages.style, {
    zoom: '',
    width: `${widest}px`,
    transformOrigin: '0 0',
    transform: scale === 1 ? '' : `scale(${scale})`,
    marginLeft: `${Math.max(0, (paneWidth - widest * scale) / 2)}px`,
    marginBottom: `${-(1 - scale) * pages.offsetHeight}px`,
  });
}
