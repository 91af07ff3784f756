// `npm run fuzz [-- --seconds N]`: the reliability fuzzer, bounded in time. Mutated documents and hostile xlsx files
// run in a child process (a hang is killed after HANG_MS and counted, a stack overflow or a crash of the process is
// counted); saves are killed with SIGKILL at random instants. Prints inputs tried, crashes, hangs, data lost.
import { fork } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { xlsxInput, type Verdict } from '../test/fuzz/cases';
import { exportOverInputCase, killDuringSaveCase, longNameCase, withTempDir } from '../test/fuzz/file-cases';

const HANG_MS = 20_000;
/** A refused xlsx must not take more than this (the whole process's peak, as the user's machine sees it). */
const MEMORY_LIMIT_MB = 300;
const here = path.dirname(fileURLToPath(import.meta.url));
const seconds = Number(/--seconds[= ](\d+)/.exec(process.argv.slice(2).join(' '))?.[1] ?? 90);
const deadline = Date.now() + seconds * 1000;

interface Tally {
  tried: number;
  crashes: string[];
  hangs: string[];
  lost: string[];
  overMemory: string[];
}
const tallies = new Map<string, Tally>();
const tally = (name: string): Tally => {
  let t = tallies.get(name);
  if (!t) tallies.set(name, (t = { tried: 0, crashes: [], hangs: [], lost: [], overMemory: [] }));
  return t;
};
const record = (name: string, seed: number | string, v: Verdict): void => {
  const t = tally(name);
  t.tried++;
  if (!v.ok) (v.kind === 'lost' ? t.lost : t.crashes).push(`${seed}: ${v.detail}`);
};

type Answer = { seed: number; verdict: Verdict; maxRssMb: number };

/** Runs cases of one family in child processes until `until`; `fresh` starts a new process for every case. */
async function runFamily(
  family: 'document' | 'xlsx' | 'xlsx-big',
  until: number,
  fresh: boolean,
  firstSeed: number,
): Promise<void> {
  let seed = firstSeed;
  while (Date.now() < until) {
    const child = fork(path.join(here, '../test/fuzz/worker.ts'), [], {
      execArgv: ['--import', 'tsx', '--stack-size=984'],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => void (stderr += d.toString()));
    await new Promise((r) => child.once('message', r));
    while (Date.now() < until) {
      const current = seed++;
      // A big sheet is built here and read from a file by the fresh child, whose peak is then the app's alone.
      const file = family === 'xlsx-big' ? path.join(bigDir, `${current}.xlsx`) : undefined;
      if (file) await writeFile(file, (await xlsxInput(current, true)).bytes);
      const answer = await new Promise<Answer | 'hang' | 'died'>((resolve) => {
        const done = (a: Answer | 'hang' | 'died') => {
          clearTimeout(timer);
          child.off('message', onMessage);
          child.off('exit', onExit);
          resolve(a);
        };
        const onMessage = (m: Answer) => done(m);
        const onExit = () => done('died');
        const timer = setTimeout(() => done('hang'), HANG_MS);
        child.on('message', onMessage);
        child.on('exit', onExit);
        child.send({ family, seed: current, file });
      });
      if (file) await rm(file, { force: true });
      if (answer === 'hang') {
        tally(family).tried++;
        tally(family).hangs.push(`${current}: no answer in ${HANG_MS / 1000} s`);
        break;
      }
      if (answer === 'died') {
        tally(family).tried++;
        tally(family).crashes.push(`${current}: the process died: ${stderr.slice(-300)}`);
        break;
      }
      record(family, current, answer.verdict);
      if (fresh && answer.verdict.ok && answer.maxRssMb > MEMORY_LIMIT_MB)
        tally(family).overMemory.push(`${current}: peak ${answer.maxRssMb.toFixed(0)} MB`);
      if (fresh) break;
    }
    child.kill('SIGKILL');
  }
}

const bigDir = await mkdtemp(path.join(os.tmpdir(), 'gongkai-fuzz-big-'));
const start = Date.now();
const share = (f: number) => start + (deadline - start) * f;
await runFamily('document', share(0.35), false, 1);
await runFamily('xlsx', share(0.5), false, 1_000_000);
await runFamily('xlsx-big', share(0.7), true, 2_000_000);
await rm(bigDir, { recursive: true, force: true });
let tempsLeft = 0;
await withTempDir(async (dir) => {
  record('files', 'long-name', await longNameCase(dir));
  record('files', 'export-over-input', await exportOverInputCase(dir));
});
for (let seed = 1; Date.now() < deadline; seed++) {
  const r = await withTempDir((dir) => killDuringSaveCase(seed, dir));
  record('save-kill', seed, r.verdict);
  tempsLeft += r.tempsLeft;
}

let all = { tried: 0, crashes: 0, hangs: 0, lost: 0, overMemory: 0 };
for (const [name, t] of tallies) {
  console.log(
    `${name}: ${t.tried} inputs tried, ${t.crashes.length} crashes, ${t.hangs.length} hangs, ${t.lost.length} data lost${name === 'xlsx-big' ? `, ${t.overMemory.length} over ${MEMORY_LIMIT_MB} MB` : ''}`,
  );
  for (const line of [...t.crashes, ...t.hangs, ...t.lost, ...t.overMemory].slice(0, 5))
    console.log(`  ${line}`);
  all = {
    tried: all.tried + t.tried,
    crashes: all.crashes + t.crashes.length,
    hangs: all.hangs + t.hangs.length,
    lost: all.lost + t.lost.length,
    overMemory: all.overMemory + t.overMemory.length,
  };
}
console.log(`save-kill: ${tempsLeft} temporary files left after reopening`);
console.log(
  `TOTAL: ${all.tried} inputs tried, ${all.crashes} crashes, ${all.hangs} hangs, ${all.lost} data lost, ${all.overMemory} over ${MEMORY_LIMIT_MB} MB, ${tempsLeft} temps left`,
);
process.exitCode = all.crashes + all.hangs + all.lost + all.overMemory + tempsLeft > 0 ? 1 : 0;
