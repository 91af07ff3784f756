import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gongkai, ROOT } from '../helpers/run-cli';

// Each test runs the built CLI one or more times: on a loaded CI machine a start can take seconds, so these tests
// allow minutes (speed itself is measured in `npm run bench`, never here).
const CLI_TIMEOUT = 180_000;
const SAMPLE = path.join(ROOT, 'samples/hanyang-media-center-2023.gongkai.json');

/** What a user must never read: a stack trace, Node's error codes, our temporary names. */
function expectNoInternals(text: string): void {
  expect(text).not.toMatch(/\bat .+:\d+:\d+|E[A-Z]{3,}:|\.tmp\b|\[object |Error:/);
}

let dir: string;
let input: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gongkai-cli-'));
  input = path.join(dir, 'A.gongkai.json');
  await fs.copyFile(SAMPLE, input);
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

// The CLI starts in a process of its own for each call, slow on a busy machine.
const SLOW = 180_000;

describe('gongkai export never destroys its input or its own outputs', { timeout: CLI_TIMEOUT }, () => {
  it(
    'refuses an output that is the input (exit 2), and the document stays as it was',
    async () => {
      const before = await fs.readFile(input, 'utf8');
      for (const flag of ['--docx', '--xlsx', '--pdf', '--publication']) {
        const r = await gongkai('export', input, flag, input);
        expect(r.code, flag).toBe(2);
        expect(r.stderr).toContain('输入文件');
        expectNoInternals(r.stderr);
      }
      // The same file by another spelling of its path.
      const r = await gongkai('export', input, '--docx', path.join(dir, '.', 'sub', '..', 'A.gongkai.json'));
      expect(r.code).toBe(2);
      expect(await fs.readFile(input, 'utf8')).toBe(before);
    },
    SLOW,
  );

  it(
    'refuses two outputs of one call aimed at the same file, writing neither',
    async () => {
      const out = path.join(dir, 'X');
      const r = await gongkai('export', input, '--docx', out, '--pdf', out);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--docx');
      expect(r.stderr).toContain('--pdf');
      await expect(fs.stat(out)).rejects.toThrow();
    },
    SLOW,
  );

  it(
    'says when an existing file was replaced',
    async () => {
      const out = path.join(dir, 'text.docx');
      const first = await gongkai('export', input, '--docx', out);
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout).not.toContain('替换');
      const again = await gongkai('export', input, '--docx', out);
      expect(again.code, again.stderr).toBe(0);
      expect(again.stdout).toContain('已替换原有文件');
    },
    SLOW,
  );

  it(
    'an output that is a folder, or in a folder that does not exist: exit 2, Chinese, no internals',
    async () => {
      const folder = await gongkai('export', input, '--docx', dir);
      expect(folder.code).toBe(2);
      expect(folder.stderr).toContain('是文件夹');
      expectNoInternals(folder.stderr);
      const missing = await gongkai('export', input, '--docx', path.join(dir, 'no', 'such', 'out.docx'));
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('out.docx');
      expectNoInternals(missing.stderr);
    },
    SLOW,
  );
});

describe('gongkai convert to a place it cannot write', { timeout: CLI_TIMEOUT }, () => {
  it(
    'exits 2 with a Chinese message naming the file, no stack trace',
    async () => {
      const doc = JSON.parse(await fs.readFile(input, 'utf8'));
      await fs.writeFile(input, JSON.stringify({ ...doc, unit: { ...doc.unit, moneyUnit: '元' } }));
      const r = await gongkai('convert', input, '--out', path.join(dir, 'no', 'such', 'W.gongkai.json'));
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('W.gongkai.json');
      expect(r.stderr).toMatch(/[一-龥]/);
      expectNoInternals(r.stderr);
    },
    SLOW,
  );
});
