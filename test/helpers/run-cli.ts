import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The repository's root, where `bin/gongkai.mjs` and the built CLI are. */
export const ROOT = path.resolve(__dirname, '../..');

/** What a run of the CLI gave: its exit code and what it printed. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the built CLI as a user would (`node bin/gongkai.mjs …`, in its own process), so the tests see its real exit
 * code and output, its start-up included. A non-zero exit is a result, not a failure.
 */
export async function gongkai(...args: string[]): Promise<CliRun> {
  try {
    const r = await run(process.execPath, [path.join(ROOT, 'bin/gongkai.mjs'), ...args], { cwd: ROOT });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}
