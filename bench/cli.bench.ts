// `gongkai check` of the sample from process start to exit, as a user runs it, against `node -e ''` (Node's own
// start-up) in the same run, alternating one of each so that the load of a shared machine weighs on both alike.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { buildCli } from '../scripts/build-cli.mjs';
import { line, summary } from './stats';

const ROOT = path.resolve(import.meta.dirname, '..');
const SAMPLE = path.join(ROOT, 'samples/hanyang-media-center-2023.gongkai.json');

function timed(args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  const t = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${args.join(' ')} → exit ${r.status}: ${r.stderr}`);
  return t;
}

export async function runCliBench(out: (s: string) => void, runs = 20): Promise<void> {
  out('\n— 命令行 / CLI start to exit —\n');
  await buildCli();
  const check = [path.join(ROOT, 'bin/gongkai.mjs'), 'check', SAMPLE];
  const cli: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    const c = timed(check);
    const b = timed(['-e', '']);
    if (i >= 2) {
      cli.push(c);
      bare.push(b);
    }
  }
  out(`${line("node -e ''", bare)}\n`);
  out(`${line('gongkai check (sample)', cli, '≤ 400 ms')}\n`);
  const extra = summary(cli).median - summary(bare).median;
  out(
    `    gongkai check − node -e '' (median): ${extra.toFixed(0)} ms; ratio ${(summary(cli).median / summary(bare).median).toFixed(1)}×\n`,
  );
}
