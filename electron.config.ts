// electron-vite: main, preload and renderer builds (`npm start`, `scripts/dist.mjs`); and the electron-builder
// configuration for installers, exported as `builderConfig` so that one file describes the whole desktop build.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { Configuration } from 'electron-builder';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import pkg from './package.json' with { type: 'json' };
import { preloadUiChunk, srcCoreHasNoSideEffects } from './vite.config';

const root = path.dirname(fileURLToPath(import.meta.url));
const at = (p: string): string => path.resolve(root, p);

/**
 * index.html carries the production Content-Security-Policy as a <meta> tag. Under `electron-vite dev`, React Fast
 * Refresh needs an inline script that policy forbids, so the dev server serves the page without the tag; the main
 * process then applies its dev policy (src-main/electron/content-security-policy.ts) as a response header instead.
 */
function dropMetaCspInDev(): Plugin {
  return {
    name: 'gongkai:drop-meta-csp-in-dev',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/is, ''),
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: at('out/main'),
      // `index` so the bundle is out/main/index.js, package.json's "main".
      rolldownOptions: { input: { index: at('src-main/electron/main.ts') } },
    },
  },
  preload: {
    build: {
      outDir: at('out/preload'),
      // A sandboxed preload cannot require() anything but electron: bundle everything, as CommonJS.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: at('src-main/electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: at('src-renderer'),
    // The same renderer build as `npm run web` (vite.config.ts), minified as there: the bundle the benchmarks
    // and the browser tests load is the one the app ships.
    plugins: [react(), dropMetaCspInDev(), srcCoreHasNoSideEffects, preloadUiChunk],
    define: { __APP_VERSION__: JSON.stringify(pkg.version) },
    build: {
      outDir: at('out/renderer'),
      minify: true,
      chunkSizeWarningLimit: 4000,
      rolldownOptions: { input: at('src-renderer/index.html') },
    },
  },
});

const description = '部门决算公开九张表的离线填报、审核与导出（Excel、PDF）';

/** electron-builder's own defaults for .deb, plus CJK fonts so the tables render on a bare 信创 desktop. */
const DEB_DEPENDS = [
  'libgtk-3-0',
  'libnotify4',
  'libnss3',
  'libxss1',
  'libxtst6',
  'xdg-utils',
  'libatspi2.0-0',
  'libuuid1',
  'libsecret-1-0',
  'fonts-noto-cjk',
];

/**
 * Code signing takes the certificate from the environment (electron-builder reads CSC_LINK / WIN_CSC_LINK and
 * CSC_KEY_PASSWORD / WIN_CSC_KEY_PASSWORD), never from this file. With a certificate named, a failed signature fails
 * the build instead of shipping an unsigned installer; without one (a developer's machine) it builds unsigned.
 */
export function signingFromEnvironment(env: Record<string, string | undefined>): {
  forceCodeSigning: boolean;
} {
  return { forceCodeSigning: Boolean(env.WIN_CSC_LINK ?? env.CSC_LINK) };
}

export const builderConfig: Configuration = {
  ...signingFromEnvironment(process.env),
  // @electron/fuses, flipped in the packaged binary: it cannot be run as plain Node (ELECTRON_RUN_AS_NODE), take
  // NODE_OPTIONS or --inspect, or load app code from anywhere but its own asar, whose integrity is checked at start;
  // cookies are encrypted at rest. file:// pages get no more than a browser gives them: the renderer comes from
  // app://gongkai/ (src-main/electron/app-protocol.ts), and the print pages are plain static HTML.
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    grantFileProtocolExtraPrivileges: false,
  },
  appId: 'cn.gongkai.editor',
  productName: '决算公开表编辑器',
  // ASCII file and command names: older Windows shells and Linux desktops mangle Chinese executable names.
  executableName: 'gongkai',
  copyright: 'Copyright © 2024 Gongkai 决算公开表编辑器项目组',
  directories: { buildResources: 'build', output: 'release' },
  // Only the electron-vite output; out/web (the browser build) and out/cli are not part of the desktop app, nor is
  // playwright-core, a dependency only because the CLI's `export --pdf` drives Chromium with it (the app prints with
  // Electron's own).
  files: ['out/**', '!out/web/**', '!out/cli/**', '!**/*.map', '!node_modules/playwright-core/**'],
  asar: true,
  // No native modules: nothing to rebuild for Electron's ABI.
  npmRebuild: false,
  extraMetadata: {
    main: 'out/main/index.js',
    description,
    author: { name: 'Gongkai 决算公开表编辑器项目组', email: 'gongkai@users.noreply.github.com' },
  },
  win: {
    icon: 'build/icon.png',
    signtoolOptions: { signingHashAlgorithms: ['sha256'], publisherName: 'Gongkai 决算公开表编辑器项目组' },
    target: [
      { target: 'nsis', arch: ['x64'] },
      { target: 'portable', arch: ['x64'] },
    ],
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    shortcutName: '决算公开表编辑器',
    installerLanguages: ['zh_CN'],
    language: '2052',
    artifactName: 'gongkai-${version}-win-${arch}-setup.${ext}',
  },
  portable: { artifactName: 'gongkai-${version}-win-${arch}-portable.${ext}' },
  linux: {
    icon: 'build/icon.png',
    category: 'Office',
    executableName: 'gongkai',
    synopsis: '部门决算公开表编辑器',
    description,
    maintainer: 'Gongkai 决算公开表编辑器项目组 <gongkai@users.noreply.github.com>',
    desktop: { entry: { Name: '决算公开表编辑器', Comment: description, Keywords: '决算;公开;财务;报表;' } },
    target: [
      // arm64 for 信创 machines (Kunpeng, Phytium).
      { target: 'AppImage', arch: ['x64', 'arm64'] },
      { target: 'deb', arch: ['x64', 'arm64'] },
    ],
  },
  appImage: { artifactName: 'gongkai-${version}-linux-${arch}.${ext}' },
  deb: { depends: DEB_DEPENDS, artifactName: 'gongkai_${version}_${arch}.${ext}' },
};
