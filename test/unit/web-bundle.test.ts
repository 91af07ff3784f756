// The browser/Electron renderer starts on what the first screen needs: the xlsx code, echarts and docx (nearly half the
// code) are loaded by the exports and the charts when first used. This builds the renderer as `npm run web` does and
// looks at which packages the chunks loaded at start-up contain.
import path from 'node:path';
import { build, type Rolldown } from 'vite';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
/** The Excel writer and reader's zip library, the charts and Word: none is needed before the first grid. */
const LAZY_PACKAGES = ['fflate', 'echarts', 'docx'];

function packagesOf(chunk: Rolldown.OutputChunk): Set<string> {
  const found = new Set<string>();
  for (const id of chunk.moduleIds) {
    const m = /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(id);
    if (m?.[1]) found.add(m[1].replace(/\\/g, '/'));
  }
  return found;
}

/** The renderer built as `npm run web` builds it: every chunk, and those the page loads before the first grid. */
async function buildRenderer(): Promise<{
  chunks: Rolldown.OutputChunk[];
  initial: Set<Rolldown.OutputChunk>;
  preloaded: string[];
}> {
  const result = await build({
    configFile: path.join(root, 'vite.config.ts'),
    logLevel: 'silent',
    build: { write: false },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunks = outputs
    .flatMap((o) => o.output)
    .filter((o): o is Rolldown.OutputChunk => o.type === 'chunk');
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const entry = chunks.find((c) => c.isEntry);
  expect(entry).toBeDefined();
  // The entry and everything it imports statically: what the page loads before the first grid.
  const initial = new Set<Rolldown.OutputChunk>();
  const visit = (c: Rolldown.OutputChunk): void => {
    if (initial.has(c)) return;
    initial.add(c);
    for (const f of c.imports) {
      const next = byName.get(f);
      if (next) visit(next);
    }
  };
  visit(entry as Rolldown.OutputChunk);
  // …and what index.html preloads: the UI's chunk (src-renderer/mount-app.tsx), compiled while the entry runs.
  const html = outputs
    .flatMap((o) => o.output)
    .find((o): o is Rolldown.OutputAsset => o.type === 'asset' && o.fileName === 'index.html');
  expect(html).toBeDefined();
  const preloaded = [...String(html?.source).matchAll(/rel="modulepreload"[^>]*href="\.\/([^"]+)"/g)].map(
    (m) => m[1] as string,
  );
  for (const file of preloaded) {
    const chunk = byName.get(file);
    expect(chunk, `index.html preloads ${file}, which the build does not have`).toBeDefined();
    if (chunk) visit(chunk);
  }
  return { chunks, initial, preloaded };
}

describe('web bundle', () => {
  let built: Promise<Awaited<ReturnType<typeof buildRenderer>>> | undefined;
  const renderer = () => (built ??= buildRenderer());

  it('loads the xlsx code, echarts and docx only when an export or a chart first needs them', async () => {
    const { chunks, initial } = await renderer();
    const atStart = new Set([...initial].flatMap((c) => [...packagesOf(c)]));
    expect(atStart.has('ag-grid-community')).toBe(true); // the grid itself is there: the test looks at real chunks
    for (const p of LAZY_PACKAGES) expect(atStart.has(p), `${p} in the initial chunks`).toBe(false);

    // …and each is still in the build, in a chunk loaded later.
    const later = new Set(chunks.filter((c) => !initial.has(c)).flatMap((c) => [...packagesOf(c)]));
    for (const p of LAZY_PACKAGES) expect(later.has(p), `${p} in a lazy chunk`).toBe(true);
    // Excel is src-core's own writer and reader: exceljs (a test tool now) is in no chunk at all.
    expect([...initial, ...chunks].some((c) => packagesOf(c).has('exceljs'))).toBe(false);
  }, 120_000);

  it('loads the views the first screen does not show when they are first shown', async () => {
    // The first screen is a table: the text pages, the 绩效自评表, the 汇总 panel and the dialogs (with 打印预览)
    // are a click away, in chunks of their own (src-renderer/lazy-view.tsx).
    const { chunks, initial } = await renderer();
    const lazyViews = [
      'src-renderer/text/TextPartPage.tsx',
      'src-renderer/text/FactsPage.tsx',
      'src-renderer/performance/PerformancePage.tsx',
      'src-renderer/panels/UnitInfoPanel.tsx',
      'src-renderer/consolidation/ConsolidationPanel.tsx',
      'src-renderer/panels/Dialogs.tsx',
      'src-renderer/preview/PrintPreview.tsx',
    ];
    const ids = (c: Rolldown.OutputChunk) =>
      c.moduleIds.map((id) => path.relative(root, id).replace(/\\/g, '/'));
    const atStart = new Set([...initial].flatMap(ids));
    const later = new Set(chunks.filter((c) => !initial.has(c)).flatMap(ids));
    for (const view of lazyViews) {
      expect(atStart.has(view), `${view} in the initial chunks`).toBe(false);
      expect(later.has(view), `${view} in a lazy chunk`).toBe(true);
    }
    // The table page itself is on the first screen.
    expect(atStart.has('src-renderer/grid/TableGrid.tsx')).toBe(true);
  }, 120_000);

  it('preloads the UI with the page, so that it compiles while the entry reads the document', async () => {
    const { chunks, preloaded } = await renderer();
    const ui = chunks.find((c) =>
      c.facadeModuleId?.replace(/\\/g, '/').endsWith('src-renderer/mount-app.tsx'),
    );
    expect(ui, 'a chunk of its own for src-renderer/mount-app.tsx').toBeDefined();
    expect(preloaded).toContain(ui?.fileName);
    // The UI chunk holds React's renderer and the grid; the entry holds neither (it only reads and builds the store).
    const entry = chunks.find((c) => c.isEntry) as Rolldown.OutputChunk;
    expect(packagesOf(entry).has('ag-grid-community')).toBe(false);
    expect(packagesOf(entry).has('react-dom')).toBe(false);
    expect(packagesOf(ui as Rolldown.OutputChunk).has('ag-grid-community')).toBe(true);
  }, 120_000);

  it('is the bundle the desktop app ships: its renderer build has the same plugins, minified', async () => {
    const desktop = (await import('../../electron.config')).default as {
      renderer?: { plugins?: unknown[]; build?: { minify?: unknown } };
    };
    const names = (desktop.renderer?.plugins ?? []).flat().map((p) => (p as { name?: string }).name);
    expect(names).toContain('gongkai:src-core-side-effect-free');
    expect(names).toContain('gongkai:preload-ui-chunk');
    expect(desktop.renderer?.build?.minify).toBe(true);
  });

  it('keeps the zod configuration of src-core/zod.ts, which the side-effect-free build of src-core would drop', async () => {
    // Without it every schema compiles a new Function on its first parse: slower to start, and refused by the
    // desktop app's Content-Security-Policy.
    const { initial } = await renderer();
    const code = [...initial].map((c) => c.code).join('\n');
    expect(code).toMatch(/\(\{\s*jitless:\s*(!0|true)\s*\}\)/);
  }, 120_000);
});
