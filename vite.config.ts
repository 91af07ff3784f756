// `npm run web`: the renderer built for a browser tab, with the browser host instead of Electron's preload. Its
// plugins are the desktop renderer's too (electron.config.ts imports them), so that the bundle the browser, the
// browser tests and the benchmarks load is the one the app ships.
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import pkg from './package.json' with { type: 'json' };

/**
 * The renderer imports src-core through its index, which also re-exports the Excel, Word and chart code. src-core's
 * modules have no import-time side effects (it is a headless library), so saying so lets the bundler drop what the
 * first screen does not use: the xlsx code (fflate), echarts and docx then arrive only in the chunks the exports
 * import() on first use. test/unit/web-bundle.test.ts checks that the initial chunks hold none of them. The one
 * exception is src-core/zod.ts, whose whole point is its import-time `z.config` (it must run before any schema is
 * built).
 */
export const srcCoreHasNoSideEffects: Plugin = {
  name: 'gongkai:src-core-side-effect-free',
  transform(_code, id) {
    return /[\\/]src-core[\\/]/.test(id) && !/\.css$/.test(id) && !/[\\/]src-core[\\/]zod\.ts$/.test(id)
      ? { moduleSideEffects: false }
      : null;
  },
};

/** The module holding the UI (React, AG Grid, the views), which src-renderer/main.tsx imports dynamically. */
const UI_MODULE = /[\\/]src-renderer[\\/]mount-app\.tsx$/;

/**
 * main.tsx reads the document and builds the engine while the UI's code — most of the bytes — is still being
 * fetched and compiled: it starts `import('./mount-app')` first. For that download to begin with the page rather
 * than once main.tsx runs, index.html gets a modulepreload link for the UI's chunk and every chunk it imports
 * statically (the browser fetches and compiles them in the background meanwhile).
 */
export const preloadUiChunk: Plugin = {
  name: 'gongkai:preload-ui-chunk',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler(html, ctx) {
      const bundle = ctx.bundle;
      if (!bundle) return [];
      const chunks = Object.values(bundle).filter((o) => o.type === 'chunk');
      const ui = chunks.find((c) => c.facadeModuleId !== null && UI_MODULE.test(c.facadeModuleId));
      if (!ui) throw new Error('renderer build: no chunk for src-renderer/mount-app.tsx');
      const files = new Set<string>();
      const visit = (fileName: string): void => {
        if (files.has(fileName)) return;
        files.add(fileName);
        const chunk = chunks.find((c) => c.fileName === fileName);
        for (const next of chunk?.imports ?? []) visit(next);
      };
      visit(ui.fileName);
      // Not what the page loads already (its entry and the entry's own imports, which Vite links itself).
      return [...files]
        .filter((file) => !html.includes(`./${file}"`))
        .map((file) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` },
          injectTo: 'head' as const,
        }));
    },
  },
};

export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [react(), srcCoreHasNoSideEffects, preloadUiChunk],
  // The version the browser host reports (Electron's main process reads it from package.json itself).
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  build: {
    outDir: '../out/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
  },
  server: { port: 5183, strictPort: false },
  preview: { port: 5184, strictPort: false },
});
