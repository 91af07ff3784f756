import { build, preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';

let server: PreviewServer | undefined;

/** Builds the web renderer once and serves it for all browser tests. */
export default async function setup(project: TestProject) {
  await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
  server = await preview({
    configFile: 'vite.config.ts',
    preview: { port: 0, strictPort: false, open: false },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('preview server has no URL');
  project.provide('appUrl', url);
  return async () => {
    await new Promise<void>((resolve) => server?.httpServer.close(() => resolve()));
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
  }
}
