#!/usr/bin/env node
// `npx gongkai …` from the repository: runs the TypeScript CLI through tsx (no build step needed).
import { register } from 'tsx/esm/api';

register();
// `gongkai check … | head` closes the pipe early: that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}
const { main } = await import('../src-main/cli/main.ts');
process.exitCode = await main(process.argv.slice(2), {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
});
