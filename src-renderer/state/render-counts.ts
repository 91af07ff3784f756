/**
 * How often each view rendered and how many grid rows were redrawn, counted only when a test or benchmark asks
 * (`window.gongkaiCountRenders = true` before the app loads): the render-count test proves that an edit of one
 * table re-renders nothing that does not show it. Costs one property read per render otherwise.
 */
export function countRender(view: string, amount = 1): void {
  const w = globalThis as { gongkaiCountRenders?: boolean; gongkaiRenderCounts?: Record<string, number> };
  if (w.gongkaiCountRenders !== true) return;
  const counts = (w.gongkaiRenderCounts ??= {});
  counts[view] = (counts[view] ?? 0) + amount;
}
