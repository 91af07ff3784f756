// Cold load: from navigation to the first rows of the first grid, in a fresh browser context each time (nothing
// cached, as when the app window opens), on the built renderer served by `vite preview`. Part of `npm run bench:ui`.
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

/** Cold loads of `url` (after two unmeasured ones), each timed to the first grid's rows: median and p95. */
export async function runColdLoadBench(
  out: (s: string) => void,
  browser: Browser,
  url: string,
  runs = 15,
): Promise<number[]> {
  const times: number[] = [];
  // Where the time went, from the page's own marks (src-renderer/main.tsx): code loaded and evaluated, sample read,
  // store built, first grid rows.
  const phases = new Map<string, number[]>();
  for (let i = 0; i < runs + 2; i++) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    try {
      const page = await context.newPage();
      await page.addInitScript(FIRST_GRID_PROBE);
      await page.goto(url);
      const at = await page.waitForFunction(
        () => (window as { __firstGridAt?: number }).__firstGridAt,
        null,
        {
          timeout: 60_000,
        },
      );
      if (i >= 2) {
        const first = (await at.jsonValue()) as number;
        times.push(first);
        const marks = await page.evaluate(() =>
          performance.getEntriesByType('mark').map((m) => [m.name, m.startTime] as const),
        );
        let previous = 0;
        for (const [name, t] of [
          ...marks.filter(([n]) => n.startsWith('gongkai:')),
          ['first grid', first] as const,
        ]) {
          phases.set(name, [...(phases.get(name) ?? []), t - previous]);
          previous = t;
        }
      }
    } finally {
      await context.close();
    }
  }
  out(`${line('cold load → first grid rows (fresh context)', times, '≤ 800 ms median')}\n`);
  for (const [name, spans] of phases)
    out(`${line(`  phase: previous mark → ${name.replace('gongkai:', '')}`, spans)}\n`);
  return times;
}
