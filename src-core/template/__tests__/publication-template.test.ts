import { describe, expect, it } from 'vitest';
import { profiles } from '../../../templates';
import { loadFormSet } from '../form-set';

const found = profiles.find((p) => p.id === 'national' && p.year === 2023);
if (!found) throw new Error('no national 2023 profile');
const national = found;
const publication = national.publication as { metrics: Record<string, string>; parts: unknown[] };

/** The national 2023 profile with its publication data changed. */
function withPublication(change: (p: typeof publication) => object) {
  return { ...national, publication: change(structuredClone(publication)) } as typeof national;
}

describe('the profile contract, checked when a profile loads', () => {
  it('a named quantity written in broken notation is reported, naming it', () => {
    const broken = withPublication((p) => ({
      ...p,
      metrics: { ...p.metrics, 本年收入合计: '公开01表[[3栏' },
    }));
    expect(() => loadFormSet(broken)).toThrow(/数量“本年收入合计”（公开01表\[\[3栏）/);
    expect(() => loadFormSet(national)).not.toThrow();
  });

  it('a misspelt quantity the drafts read fails the load (it can never read as 0万元)', () => {
    const misspelt = withPublication((p) => {
      const { 人员经费: value, ...rest } = p.metrics;
      return { ...p, metrics: { ...rest, 人员经費: value as string } };
    });
    expect(() => loadFormSet(misspelt)).toThrow(/缺少程序要用的数量“人员经费”/);
  });

  it('a quantity pointing at a row or column the tables do not have fails the load', () => {
    const wrongRow = withPublication((p) => ({ ...p, metrics: { ...p.metrics, 收支总计: '公开01表99行' } }));
    expect(() => loadFormSet(wrongRow)).toThrow(/数量“收支总计”（公开01表99行）：公开01表没有这一行次/);
    const wrongCol = withPublication((p) => ({
      ...p,
      metrics: { ...p.metrics, 基本支出: '公开03表[合计]9栏' },
    }));
    expect(() => loadFormSet(wrongCol)).toThrow(/数量“基本支出”（公开03表\[合计\]9栏）：公开03表没有这一栏/);
  });

  it('a section naming a draft the code does not have fails the load, naming section and draft', () => {
    const badDraft = withPublication((p) => {
      const text = JSON.stringify(p).replace('"draft":"income"', '"draft":"incomes"');
      return JSON.parse(text) as object;
    });
    expect(() => loadFormSet(badDraft)).toThrow(/explanation\.income 的草稿“incomes”不存在/);
  });

  it('a section’s own classification table (政府性基金 → 公开07表) must be a classification table of the set with that column', () => {
    const swap = (from: string, to: string) =>
      withPublication((p) => JSON.parse(JSON.stringify(p).replace(from, to)) as object);
    expect(() =>
      loadFormSet(swap('"classes":{"table":"07","column":"3"}', '"classes":{"table":"01","column":"1"}')),
    ).toThrow(/explanation\.fund 的 classes\.table “01”不是按功能分类科目列示的表/);
    expect(() =>
      loadFormSet(swap('"classes":{"table":"07","column":"3"}', '"classes":{"table":"07","column":"9"}')),
    ).toThrow(/explanation\.fund 的 classes\.column “9”不是公开07表的栏/);
    expect(() =>
      loadFormSet(swap('"classes":{"table":"07","column":"3"}', '"classes":{"table":"77","column":"3"}')),
    ).toThrow(/explanation\.fund 的 classes\.table “77”不是本套报表的表/);
  });
});
