// `npm run web`: the renderer built for a browser tab, with the browser host instead of Electron's preload.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };

export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [react()],
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
