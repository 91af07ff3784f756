// `npm run web`: the renderer built for a browser tab, with the browser host instead of Electron's preload.
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import pkg from './package.json' with { type: 'json' };

/**
 * The renderer imports src-core through its index, which also re-exports the Excel, Word and chart code. src-core's
 * modules have no import-time side effects (it is a headless library), so saying so lets the bundler drop what the
 * first screen does not use: the xlsx code (fflate), echarts and docx then arrive only in the chunks the exports import() on first
 * use. test/unit/web-bundle.test.ts checks that the initial chunk holds none of them. The one exception is
 * src-core/zod.ts, whose whole point is its import-time `z.config` (it must run before any schema is built).
 */
const srcCoreHasNoSideEffects: Plugin = {
  name: 'gongkai:src-core-side-effect-free',
  transform(_code, id) {
    return /[\\/]src-core[\\/]/.test(id) && !/\.css$/.test(id) && !/[\\/]src-core[\\/]zod\.ts$/.test(id)
      ? { moduleSideEffects: false }
      : null;
  },
};

export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [react(), srcCoreHasNoSideEffects],
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
