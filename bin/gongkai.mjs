#!/usr/bin/env node
// `npx gongkai …`: runs the CLI built to plain JavaScript in out/cli (`npm run build:cli`; npm install and the tests
// build it). In a checkout whose sources changed since, it rebuilds first, so it never runs stale code.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const built = path.join(root, 'out', 'cli', 'main.js');
const buildScript = path.join(root, 'scripts', 'build-cli.mjs');

// `gongkai check … | head` closes the pipe early: that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

if (fs.existsSync(buildScript)) {
  const { buildCli, cliBuildIsStale } = await import(buildScript);
  if (cliBuildIsStale()) {
    try {
      await buildCli();
    } catch (e) {
      process.stderr.write(`命令行程序构建失败（npm run build:cli）：${e.message}\n`);
      process.exit(2);
    }
  }
} else if (!fs.existsSync(built)) {
  process.stderr.write('命令行程序尚未构建：请在项目目录运行 npm run build:cli。\n');
  process.exit(2);
}
const { main } = await import(built);
process.exitCode = await main(process.argv.slice(2), {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
});
