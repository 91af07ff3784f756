// Cold load: from navigation to the first rows of the first grid, in a fresh browser context each time (nothing
// cached: the first start after installing), on the built renderer as each serving hands it out (ui.bench.ts: as the
// desktop app serves it, and `vite preview`). Part of `npm run bench:ui`.
import type { Browser } from 'playwright-core';
import { line } from './stats';

/** Marks the moment the first grid shows rows, in the page's own clock (ms since navigation started). */
const FIRST_GRID_PROBE = `
  new MutationObserver((_, observer) => {
    if (document.querySelector('[data-testid="grid-01"] .ag-row')) {
      window.__firstGridAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
`;

/** One way of serving the built renderer, and the target its median is held to (none: for reference). */
export interface Serving {
  readonly label: string;
  readonly url: string;
  readonly target?: string;
}

/**
 * Cold loads of each serving (two unmeasured rounds first), each timed to the first grid's rows: median and p95, and
 * where the time went. The servings take turns, load by load, so a machine that gets busier or quieter during the
 * run weighs on each alike.
 */
export async function runColdLoadBench(
  out: (s: string) => void,
  browser: Browser,
  servings: readonly Serving[],
  runs = 15,
): Promise<number[][]> {
  const times = servings.map((): number[] => []);
  // Where the time went, from the page's own marks (src-renderer/main.tsx): code loaded and evaluated, sample read,
  // store built, first grid rows.
  const phases = servings.map(() => new Map<string, number[]>());
  for (let i = 0; i < runs + 2; i++) {
    for (const [k, serving] of servings.entries()) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
      try {
        const page = await context.newPage();
        await page.addInitScript(FIRST_GRID_PROBE);
        await page.goto(serving.url);
        const at = await page.waitForFunction(
          () => (window as { __firstGridAt?: number }).__firstGridAt,
          null,
          { timeout: 60_000 },
        );
        if (i < 2) continue;
        const first = (await at.jsonValue()) as number;
        times[k]?.push(first);
        const marks = await page.evaluate(() =>
          performance.getEntriesByType('mark').map((m) => [m.name, m.startTime] as const),
        );
        let previous = 0;
        const spans = phases[k] as Map<string, number[]>;
        for (const [name, t] of [
          ...marks.filter(([n]) => n.startsWith('gongkai:')),
          ['first grid', first] as const,
        ]) {
          spans.set(name, [...(spans.get(name) ?? []), t - previous]);
          previous = t;
        }
      } finally {
        await context.close();
      }
    }
  }
  for (const [k, serving] of servings.entries()) {
    out(`${line(`cold load → first grid rows, ${serving.label}`, times[k] ?? [], serving.target)}\n`);
    for (const [name, spans] of phases[k] ?? [])
      out(`${line(`  phase: previous mark → ${name.replace('gongkai:', '')}`, spans)}\n`);
  }
  return times;
}
