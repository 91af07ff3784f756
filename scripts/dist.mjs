// `node scripts/dist.mjs [--win] [--linux] [--dir]`: builds the app with electron-vite, then the installers that
// electron.config.ts's builderConfig describes, into release/. Without a platform flag, this machine's platform.
// electron-builder downloads the Electron runtime for every target platform and arch (and the NSIS/AppImage tools)
// on first use, so this needs a machine with network access or a pre-filled electron-builder cache.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as buildInstallers } from 'electron-builder';
import { build as buildApp } from 'electron-vite';
import { tsImport } from 'tsx/esm/api';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
const unknown = args.filter((a) => !['--win', '--linux', '--dir'].includes(a));
if (unknown.length > 0) {
  console.error(
    `未知参数 Unknown option: ${unknown.join(' ')}\n用法 Usage: node scripts/dist.mjs [--win] [--linux] [--dir]`,
  );
  process.exit(2);
}

// electron.config.ts is TypeScript; tsx loads it the way vitest does.
const { builderConfig } = await tsImport('../electron.config.ts', import.meta.url);

await buildApp({ root, configFile: path.join(root, 'electron.config.ts') });

const artifacts = await buildInstallers({
  projectDir: root,
  config: builderConfig,
  // An empty list means "the targets builderConfig names for that platform".
  ...(args.includes('--win') ? { win: [] } : {}),
  ...(args.includes('--linux') ? { linux: [] } : {}),
  // --dir: an unpacked app folder only, to try the packaged app without making installers.
  ...(args.includes('--dir') ? { dir: true } : {}),
});
console.log(['已生成 Built:', ...artifacts.map((a) => `  ${path.relative(root, a)}`)].join('\n'));
