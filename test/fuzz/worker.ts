// Runs fuzz cases sent by scripts/fuzz.ts over IPC, one at a time, and answers each with its verdict and the
// process's peak memory, so the parent can time each case and kill a hung one.
import { readFile } from 'node:fs/promises';
import { documentCase, xlsxCase, xlsxVerdict, type Verdict } from './cases';

interface Job {
  readonly family: 'document' | 'xlsx' | 'xlsx-big';
  readonly seed: number;
  /**
   * xlsx-big: the file the parent wrote, so this fresh process's peak memory is what opening it costs the app (reading
   * the file and refusing it), not what building a 400 MB test sheet costs the fuzzer.
   */
  readonly file?: string;
}

process.on('message', (job: Job) => {
  void (async () => {
    const verdict: Verdict =
      job.family === 'document'
        ? documentCase(job.seed)
        : job.file
          ? await xlsxVerdict(new Uint8Array(await readFile(job.file)), true)
          : await xlsxCase(job.seed, job.family === 'xlsx-big');
    process.send?.({ seed: job.seed, verdict, maxRssMb: process.resourceUsage().maxRSS / 1024 });
  })();
});
process.send?.({ ready: true });
