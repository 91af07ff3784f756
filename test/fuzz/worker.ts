// Runs fuzz cases sent by scripts/fuzz.ts over IPC, one at a time, and answers each with its verdict and the
// process's peak memory, so the parent can time each case and kill a hung one.
import { documentCase, xlsxCase, type Verdict } from './cases';

interface Job {
  readonly family: 'document' | 'xlsx' | 'xlsx-big';
  readonly seed: number;
}

process.on('message', (job: Job) => {
  void (async () => {
    const verdict: Verdict =
      job.family === 'document'
        ? documentCase(job.seed)
        : await xlsxCase(job.seed, job.family === 'xlsx-big');
    process.send?.({ seed: job.seed, verdict, maxRssMb: process.resourceUsage().maxRSS / 1024 });
  })();
});
process.send?.({ ready: true });
