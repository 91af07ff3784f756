// `npm run web`: the renderer built for a browser tab, with the browser host instead of Electron's preload.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
  },
  server: { port: 5183, strictPort: false },
  preview: { port: 5184, strictPort: false },
});
