// `npm run bench:ui`: time from committing an edit to the dependent total's new text in the DOM, in the real UI
// (the web build in Debian's Chromium), on the sample and on the department-scale document. Median and p95.
import fs from 'node:fs';
import path from 'node:path';
import { chromiumPath, launchChromium } from '../src-main/node/pdf';
import { build, preview } from 'vite';
import { builtinFormSet, writeDocument } from '../src-core';
import { generateDepartmentDocument } from './department-document';
import { runColdLoadBench } from './cold-load.bench';
import { serveAsDesktopApp } from './app-protocol-server';
import { line } from './stats';

interface Case {
  readonly name: string;
  readonly text: string | null;
  readonly table: string;
  readonly editRow: string;
  readonly editCol: string;
  readonly watchRow: string;
  readonly watchGridCol: number;
}

export async function runUiBench(
  out: (s: string) => void,
  runs = 200,
  options: { readonly coldOnly?: boolean } = {},
): Promise<void> {
  out('\n— 界面 / UI: commit an edit → dependent total updated in the DOM —\n');
  await build({ configFile: path.resolve(import.meta.dirname, '../vite.config.ts'), logLevel: 'warn' });
  const server = await preview({
    configFile: path.resolve(import.meta.dirname, '../vite.config.ts'),
    preview: { port: 0, open: false },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0] as string;
  // The desktop app reads the same files from disk through its app:// handler (no compression, its CSP).
  const desktop = await serveAsDesktopApp(path.resolve(import.meta.dirname, '../out/web'));
  const browser = await launchChromium('测量界面速度');
  try {
    await runColdLoadBench(out, browser, [
      { label: 'as the desktop app serves it', url: desktop.url, target: '≤ 800 ms median' },
      { label: 'npm run web (vite preview, gzip)', url },
    ]);
    if (options.coldOnly) return;
    const formSet = builtinFormSet();
    const deptCase = (scale: number): Case => {
      const dept = generateDepartmentDocument(formSet, { scale });
      const leaf = dept.tables['03']?.rows?.find((r) => r.code.length === 7)?.code as string;
      return {
        name: `department ${scale}× (${dept.tables['03']?.rows?.length} rows): 03 项 → 合计`,
        text: writeDocument(dept),
        table: '03',
        editRow: leaf,
        editCol: '2',
        watchRow: '合计',
        watchGridCol: 2,
      };
    };
    const cases: Case[] = [
      {
        name: 'sample: 03 项 2栏 → 03 合计 1栏',
        text: null,
        table: '03',
        editRow: '2101102',
        editCol: '2',
        watchRow: '合计',
        watchGridCol: 2,
      },
      deptCase(1),
      deptCase(16),
    ];
    for (const c of cases) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      // tsx names functions with a helper the page does not have; evaluate() ships them as source.
      await page.addInitScript('window.__name = (f) => f;');
      await page.goto(url);
      await page.getByTestId('grid-01').locator('.ag-row').first().waitFor();
      if (c.text) {
        await page.evaluate((text) => {
          const w = window as unknown as { gongkaiStore: { openText(t: string, f: object): boolean } };
          w.gongkaiStore.openText(text, { filePath: null, fileName: 'department.gongkai.json' });
        }, c.text);
      }
      await page.getByTestId(`nav-${c.table}`).click();
      await page.locator(`[data-testid=grid-${c.table}] .ag-row[row-id="${c.watchRow}"]`).first().waitFor();
      const times = await page.evaluate(
        async ({ c, runs }) => {
          type Store = { apply(op: object, label: string): void };
          const store = (window as unknown as { gongkaiStore: Store }).gongkaiStore;
          const target = () =>
            document.querySelector(
              `[data-testid=grid-${c.table}] .ag-row:not(.ag-row-pinned)[row-id="${c.watchRow}"] .ag-cell[col-id="g${c.watchGridCol}"]`,
            ) as HTMLElement;
          const out: number[] = [];
          for (let i = 0; i < runs + 20; i++) {
            const before = target().textContent;
            const t0 = performance.now();
            const changed = new Promise<void>((resolve) => {
              const obs = new MutationObserver(() => {
                if (target().textContent !== before) {
                  obs.disconnect();
                  resolve();
                }
              });
              obs.observe(target(), { childList: true, characterData: true, subtree: true });
            });
            store.apply(
              {
                type: 'setCells',
                table: c.table,
                cells: [{ row: c.editRow, col: c.editCol, text: String(1000 + i) }],
              },
              '输入',
            );
            await changed;
            if (i >= 20) out.push(performance.now() - t0);
            await new Promise((r) => setTimeout(r, 5));
          }
          return out;
        },
        { c, runs },
      );
      out(`${line(c.name, times, '≤ 16 ms p95')}\n`);
      await page.close();
    }
  } finally {
    await browser.close();
    await desktop.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  if (!fs.existsSync(chromiumPath())) {
    console.error('没有找到 Chromium（apt-get install chromium）');
    process.exit(1);
  }
  // `npm run bench:ui -- --cold`: the cold loads alone.
  await runUiBench((s) => process.stdout.write(s), 200, { coldOnly: process.argv.includes('--cold') });
}
