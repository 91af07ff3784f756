// A small, bounded run of the reliability fuzzer (npm run fuzz runs it at length, in a child process).
import { describe, expect, it } from 'vitest';
import { documentCase, xlsxCase } from '../fuzz/cases';
import { exportOverInputCase, killDuringSaveCase, longNameCase, withTempDir } from '../fuzz/file-cases';

describe('fuzz (bounded)', () => {
  it('40 mutated documents: no crash, no internals in messages, nothing lost on save and reopen', () => {
    const faults = [];
    for (let seed = 1; seed <= 40; seed++) {
      const v = documentCase(seed);
      if (!v.ok) faults.push(`${seed}: ${v.detail}`);
    }
    expect(faults).toEqual([]);
  }, 240_000);

  it('hostile xlsx (damaged and oversized): a workbook or a Chinese message, nothing printed', async () => {
    const faults = [];
    for (const [seed, big] of [
      [1, false],
      [2, false],
      [3, false],
      [4, true],
      [5, true],
    ] as const) {
      const v = await xlsxCase(seed, big);
      if (!v.ok) faults.push(`${seed}: ${v.detail}`);
    }
    expect(faults).toEqual([]);
  }, 240_000);

  it('files: a 245-byte name saves, export over its input leaves it, a killed save loses nothing', async () => {
    await withTempDir(async (dir) => {
      expect(await longNameCase(dir)).toEqual({ ok: true });
      expect(await exportOverInputCase(dir)).toEqual({ ok: true });
    });
    for (let seed = 1; seed <= 2; seed++) {
      const r = await withTempDir((dir) => killDuringSaveCase(seed, dir));
      expect(r).toEqual({ verdict: { ok: true }, tempsLeft: 0 });
    }
  }, 300_000);
});
