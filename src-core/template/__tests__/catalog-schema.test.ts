import { describe, expect, it } from 'vitest';
import { profiles } from '../../../templates';
import { loadFormSet, TemplateError } from '../form-set';

const national = profiles.find((p) => p.id === 'national' && p.year === 2023);
if (!national) throw new Error('national@2023 missing');

function problemsOf(catalog: unknown): readonly string[] {
  try {
    loadFormSet({ ...national!, catalog });
    return [];
  } catch (e) {
    if (e instanceof TemplateError) return e.problems;
    throw e;
  }
}

describe('the 科目 catalog of a profile', () => {
  const good = national.catalog as { name: string; year: number; entries: { code: string; name: string }[] };

  it('loads every entry of the shipped catalog', () => {
    const set = loadFormSet(national);
    expect(set.catalog.entries().length).toBe(good.entries.length);
    expect(set.catalog.nameOf('2010101')).toBe(good.entries.find((e) => e.code === '2010101')?.name);
  });

  it('names each bad entry by its place: a code of the wrong length, an empty name, a non-object', () => {
    const entries = [...good.entries];
    entries[3] = { code: '2010', name: '四位编码' };
    entries[7] = { code: '2010102', name: '' };
    const problems = problemsOf({ ...good, entries: [...entries, 42] });
    expect(problems).toEqual([
      expect.stringContaining('科目目录 entries.3.code：科目编码应为 3、5 或 7 位数字'),
      expect.stringContaining('科目目录 entries.7.name：科目名称不能为空'),
      expect.stringContaining(`科目目录 entries.${entries.length}.code：科目编码应为 3、5 或 7 位数字`),
      expect.stringContaining(`科目目录 entries.${entries.length}.name：科目名称不能为空`),
    ]);
  });

  it('refuses entries that are not a list', () => {
    expect(problemsOf({ ...good, entries: 'none' })).toEqual([expect.stringContaining('科目目录 entries')]);
  });
});
