import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formSetFor } from '../../builtin-forms';
import { readDocument, writeDocument } from '../../document/read-document';
import { Workbook } from '../../engine';
import { loadFormSet, TemplateError } from '../../template';
import { profiles } from '../../../templates';
import { convertProfile, profileConversionReport } from '../convert-profile';
import type { GongkaiDocument } from '../../document/types';

const national = formSetFor(2023, 'national')!;
const shanghai = formSetFor(2024, 'shanghai')!;
const sampleText = fs.readFileSync(
  path.resolve(__dirname, '../../../samples/hanyang-media-center-2023.gongkai.json'),
  'utf8',
);
const sample = (() => {
  const r = readDocument(sampleText, formSetFor);
  if (!r.ok) throw new Error(r.message);
  return r.document;
})();

function convert(from: typeof national, to: typeof national, doc: GongkaiDocument) {
  const r = convertProfile(from, to, doc);
  if (!r.ok) throw new Error(r.message);
  return r.conversion;
}

const summary = (wb: Workbook) =>
  wb
    .findings()
    .map((f) => `${f.severity}:${f.cell.row}:${f.difference}`)
    .sort();

describe('转换表样 (national 2023 ↔ 上海 2024)', () => {
  it('the 2023 sample moves to the 上海 forms with every amount, the 三公 columns reordered, and checks the same', () => {
    const c = convert(national, shanghai, sample);
    expect(c.lost).toEqual([]);
    expect(c.document.profile).toEqual({ id: 'shanghai', year: 2024 });
    // 公开09表 (预算数 1–6栏, 决算数 7–12栏) → 表七 (预算数/决算数 alternate per item).
    const three = sample.tables['09']?.values.main ?? {};
    const moved = c.document.tables['07']?.values.main ?? {};
    if (three['7'] !== undefined) expect(moved['2']).toBe(three['7']);
    if (three['1'] !== undefined) expect(moved['1']).toBe(three['1']);
    expect(Object.keys(moved).length).toBe(Object.keys(three).length);
    // The text the 上海 publication has no place for is named, as are the 绩效自评表.
    expect(c.sectionsLost).toEqual(['第四部分 2023年度重点工作完成情况', '第六部分 附件']);
    expect(c.performanceLost).toBe(sample.performance !== undefined);
    // Same findings, 0 errors, on either forms (the 上海 03 is the national 03).
    const before = new Workbook(national, sample);
    const after = new Workbook(shanghai, c.document);
    expect(after.findings().filter((f) => f.severity === 'error')).toEqual([]);
    expect(summary(after)).toEqual(summary(before));
  });

  it('round trip 2023 → 上海 → 2023 gives back the same tables; what is lost is exactly the text and 绩效 parts 上海 lacks', () => {
    const there = convert(national, shanghai, sample);
    const back = convert(shanghai, national, there.document);
    expect(back.lost).toEqual([]);
    expect(back.document.tables).toEqual(sample.tables);
    expect(back.document.profile).toEqual({ id: 'national', year: 2023 });
    const kept = Object.keys(back.document.sections ?? {}).sort();
    const dropped = Object.keys(sample.sections ?? {}).filter((k) => !kept.includes(k));
    expect(dropped.sort()).toEqual(
      ['attachments.note', 'keyWork.main'].filter((k) => k in (sample.sections ?? {})),
    );
    // The written file reads again.
    expect(readDocument(writeDocument(back.document), formSetFor).ok).toBe(true);
  });

  it('lists every amount the target cannot hold, with its place and value: 上海 表九 年初/本年收入/年末, 公开01表 债务还本', () => {
    const doc: GongkaiDocument = {
      ...sample,
      profile: { id: 'shanghai', year: 2024 },
      formYear: 2024,
      tables: {
        '09': {
          rows: [{ code: '223', name: '国有资本经营预算支出' }],
          values: { '223': { '1': '5', '2': '10', '3': '12', '4': '2', '5': '10', '6': '3' } },
        },
      },
    };
    const c = convert(shanghai, national, doc);
    expect(c.document.tables['08']?.values).toEqual({ '223': { '1': '12', '2': '2', '3': '10' } });
    expect(c.lost.map((l) => `${l.tableCode} ${l.rowName} ${l.columnName} ${l.value}`)).toEqual([
      '表九 223 国有资本经营预算支出 年初结转和结余 5',
      '表九 223 国有资本经营预算支出 本年收入 10',
      '表九 223 国有资本经营预算支出 年末结转和结余 3',
    ]);
    expect(profileConversionReport(c).join('\n')).toContain('目标表样容纳不下的金额 3 个（未转入）');

    const debt = convert(national, shanghai, {
      ...sample,
      tables: { ...sample.tables, '01': { values: { ...sample.tables['01']?.values, '55': { '2': '7' } } } },
    });
    expect(debt.lost.map((l) => `${l.tableCode} ${l.rowName} ${l.columnName} ${l.value}`)).toEqual([
      '公开01表 55行 二十四、债务还本支出 金额 7',
    ]);
    // 表九 receives figures in columns 公开08表 has none for: the report says they are to be filled in.
    const filled = convert(national, shanghai, {
      ...sample,
      tables: {
        '08': { rows: [{ code: '223', name: '国有资本经营预算支出' }], values: { '223': { '1': '4' } } },
      },
    });
    expect(filled.unfilled).toEqual([
      { tableCode: '表九', columns: ['年初结转和结余', '本年收入', '年末结转和结余'] },
    ]);
  });

  it('a correspondence that names a missing column fails the profile load, naming it', () => {
    const raw = profiles.find((p) => p.id === 'shanghai')!;
    const broken = {
      ...raw,
      correspondences: [
        {
          with: { id: 'national', year: 2023 },
          tables: [{ table: '07', other: '09', columns: [['13', '1']] }],
        },
      ],
    };
    expect(() => loadFormSet(broken)).toThrow(TemplateError);
    expect(() => loadFormSet(broken)).toThrow(/表七 没有栏 13/);
  });
});
