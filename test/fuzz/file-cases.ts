// Fuzz cases about files on disk: a save killed at a random instant, a long file name, an export aimed at its input.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src-main/cli/main';
import { readDocumentFile, saveDocumentFile } from '../../src-main/node/document-file';
import { random, SAMPLE_FILE, type Verdict } from './cases';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Two versions of the sample, each a few MB, that differ everywhere so a mix of them is recognised. */
export function bigVersions(sample: string): [string, string] {
  const doc = JSON.parse(sample) as { unit: { name: string }; sections?: unknown };
  const filler = (tag: string) => ({
    一: { paragraphs: Array.from({ length: 4000 }, (_, i) => `${tag}${i} ${'说明'.repeat(200)}`) },
  });
  const a = JSON.stringify({ ...doc, unit: { ...doc.unit, name: 'A' }, sections: filler('A') }, null, 2);
  const b = JSON.stringify({ ...doc, unit: { ...doc.unit, name: 'B' }, sections: filler('B') }, null, 2);
  return [`${a}\n`, `${b}\n`];
}

export interface KillResult {
  readonly verdict: Verdict;
  /** Files other than the document and its .bak left in the folder after the document was opened again. */
  readonly tempsLeft: number;
}

/**
 * Starts a process that saves the document over and over (alternating two versions), kills it with SIGKILL after a
 * random delay, then checks that the document and its .bak are each one whole version, and opens the document the
 * way the app does (which should sweep what the killed save left).
 */
export async function killDuringSaveCase(seed: number, dir: string): Promise<KillResult> {
  const rnd = random(seed);
  const target = path.join(dir, '单位.gongkai.json');
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'save-loop.ts'), target], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // Wait for the first save to complete, then kill at a random point of a later one.
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  await new Promise((r) => setTimeout(r, 20 + rnd() * 600));
  child.kill('SIGKILL');
  await new Promise((r) => child.once('exit', r));
  const versions = new Set(bigVersions(await fs.readFile(SAMPLE_FILE, 'utf8')));
  const whole = async (file: string, mustExist: boolean): Promise<string | null> => {
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch {
      return mustExist ? `${path.basename(file)} is missing` : null;
    }
    return versions.has(text) ? null : `${path.basename(file)} is not a whole version (${text.length} chars)`;
  };
  const lost = (await whole(target, true)) ?? (await whole(`${target}.bak`, false));
  await readDocumentFile(target);
  const left = (await fs.readdir(dir)).filter(
    (n) => n !== path.basename(target) && n !== `${path.basename(target)}.bak`,
  );
  return { verdict: lost ? { ok: false, kind: 'lost', detail: lost } : { ok: true }, tempsLeft: left.length };
}

/** A legal file name of 245 bytes (UTF-8) must save, and its temporary file must fit beside it. */
export async function longNameCase(dir: string): Promise<Verdict> {
  const name = `${'决'.repeat(75)}${'x'.repeat(245 - 75 * 3 - '.gongkai.json'.length)}.gongkai.json`;
  const file = path.join(dir, name);
  const read = await readDocumentFile(SAMPLE_FILE);
  if (!read.ok) return { ok: false, kind: 'crash', detail: read.message };
  try {
    await saveDocumentFile(file, read.document);
    await saveDocumentFile(file, read.document);
    return { ok: true };
  } catch (e) {
    return {
      ok: false,
      kind: 'crash',
      detail: `a ${Buffer.byteLength(name)}-byte name did not save: ${(e as Error).message}`,
    };
  }
}

/** `export A --docx A` (and outputs aimed at each other) must leave A as it was. */
export async function exportOverInputCase(dir: string): Promise<Verdict> {
  const input = path.join(dir, 'A.gongkai.json');
  await fs.copyFile(SAMPLE_FILE, input);
  const before = await fs.readFile(input, 'utf8');
  const io = { out: () => {}, err: () => {} };
  await main(['export', input, '--docx', input], io);
  const after = await fs.readFile(input, 'utf8').catch(() => '');
  return after === before
    ? { ok: true }
    : { ok: false, kind: 'lost', detail: 'export --docx replaced its own input' };
}

export async function withTempDir<T>(use: (dir: string) => Promise<T>): Promise<T> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gongkai-fuzz-'));
  try {
    return await use(dir);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
