import { describe, expect, it } from 'vitest';
import { Consolidation, newDocument, type GongkaiDocument } from '../..';
import { forms, threeUnits, unit } from './fixtures';

function consolidate(units: readonly GongkaiDocument[], department = newDocument(2023, { name: '某局' })) {
  const c = new Consolidation(forms(), department);
  units.forEach((d, i) =>
    c.setMember({ id: `u${i}`, label: `u${i}.gongkai.json` }, { ok: true, document: d }),
  );
  return c;
}

const t03 = (c: Consolidation) => c.document().tables['03'];
const shown = (c: Consolidation, row: string, col: string) =>
  c.workbook().cell('03', row, col)?.value?.toFixed(2) ?? null;

describe('汇总 of three small units (worked out by hand in fixtures.ts)', () => {
  it('sums entered figures row by row by 科目编码 over the union of rows', () => {
    const c = consolidate(threeUnits());
    const t = t03(c);
    expect(t?.rows?.map((r) => r.code)).toEqual([
      '201',
      '20133',
      '2013350',
      '2013399',
      '208',
      '20805',
      '2080505',
      '210',
      '21011',
      '2101102',
    ]);
    // 2013350: 甲 10 + 乙 20 基本支出; 项目支出 甲 5 only.
    expect(t?.values['2013350']).toEqual({ '2': '30', '3': '5' });
    // 2101102 事业医疗: only 丙 has the 科目, it comes through with its 类/款.
    expect(t?.values['2101102']).toEqual({ '2': '1.11' });
    expect(shown(c, '210', '2')).toBe('1.11');
    // 合计 基本支出: 甲 typed 13.34, 乙 typed 20.01, 丙 left it to the rules (0.11 + 1.11 = 1.22) → 34.57.
    expect(t?.values['合计']).toEqual({ '2': '34.57' });
    // 201 本年支出合计 from its 项: 2013350 (30 + 5) + 2013399 (丙 typed 0.34) = 35.34.
    expect(shown(c, '201', '1')).toBe('35.34');
  });

  it('a 尾数 that is the units’ own tails added up is a warning naming them, even beyond the tolerance', () => {
    const c = consolidate(threeUnits());
    const total = c.findings().find((f) => f.cell.row === '合计' && f.cell.col === '2');
    // Σ类 = 30.11 + 3.33 + 1.11 = 34.55; 34.57 − 34.55 = 0.02 > 0.01, but it is 甲 +0.01 and 乙 +0.01.
    expect(total).toMatchObject({ kind: 'tail', severity: 'warning', expected: '34.55', actual: '34.57' });
    expect(total?.reason).toContain('甲单位 +0.01');
    expect(total?.reason).toContain('乙单位 +0.01');
    expect(total?.message).toContain('各单位分别取整到万元');
    const row201 = c.findings().find((f) => f.cell.row === '201' && f.cell.col === '1');
    expect(row201).toMatchObject({ kind: 'tail', difference: '0.01' });
    expect(row201?.reason).toContain('丙单位 +0.01');
    const report = c.roundingReport();
    expect(report.balanced).toBe(false);
    expect(report.tables.find((t) => t.tableCode === '公开03表')?.tails).toBeGreaterThanOrEqual(2);
  });

  it('a difference that is not the units’ tails stays an error', () => {
    const units = threeUnits();
    const broken = unit('丁单位', {
      rows: [{ code: '201', name: '一般公共服务支出' }],
      values: { 合计: { '2': '5' } },
    });
    const c = consolidate([...units, broken]);
    const total = c.findings().find((f) => f.cell.row === '合计' && f.cell.col === '2');
    expect(total).toMatchObject({ kind: 'mismatch', severity: 'error' });
  });

  it('drill-down: each unit’s share of a cell, typed or computed, with the cell to open', () => {
    const c = consolidate(threeUnits());
    const parts = c.contributions({ table: '03', row: '合计', col: '2' });
    expect(parts.map((p) => [p.unit, p.value, p.entered])).toEqual([
      ['甲单位', '13.34', true],
      ['乙单位', '20.01', true],
      ['丙单位', '1.22', false],
    ]);
    expect(parts[0]?.source.id).toBe('u0');
    expect(parts[0]?.cell).toEqual({ table: '03', row: '合计', col: '2' });
    expect(c.contributions({ table: '03', row: '2101102', col: '2' }).map((p) => p.unit)).toEqual(['丙单位']);
  });

  it('the 单位构成 follows the member list', () => {
    const c = consolidate(threeUnits());
    const list = () => c.document().sections?.['overview.organization']?.paragraphs ?? [];
    expect(list()).toContain('纳入某局2023年度部门决算编制范围的单位包括：');
    expect(list().slice(-3)).toEqual(['1．甲单位', '2．乙单位', '3．丙单位']);
    c.removeMember('u1');
    expect(list().slice(-2)).toEqual(['1．甲单位', '2．丙单位']);
    expect(list().filter((p) => p.includes('乙单位'))).toEqual([]);
  });

  it('the department’s 本级 figures are part of the sum and listed first', () => {
    const dept = {
      ...unit('某局', {
        rows: [
          { code: '201', name: '一般公共服务支出' },
          { code: '20133', name: '宣传事务' },
          { code: '2013350', name: '事业运行' },
        ],
        values: { '2013350': { '2': '1' } },
      }),
    };
    const c = consolidate(threeUnits(), dept);
    expect(c.members()[0]).toMatchObject({ status: 'included', own: true, unit: '某局（本级）' });
    expect(t03(c)?.values['2013350']).toEqual({ '2': '31', '3': '5' });
    expect(c.document().sections?.['overview.organization']?.paragraphs).toContain('1．某局（本级）');
  });
});

describe('members that are not summed are listed, never dropped', () => {
  it('refuses another profile, year or 金额单位 with a message', () => {
    const [a, b, c0] = threeUnits() as [GongkaiDocument, GongkaiDocument, GongkaiDocument];
    const c = consolidate([
      a,
      { ...b, formYear: 2022 },
      { ...c0, unit: { ...c0.unit, year: 2022 } },
      {
        ...unit('戊单位', { values: {} }),
        unit: { ...unit('戊单位', { values: {} }).unit, moneyUnit: '元' },
      },
    ]);
    const [, wrongProfile, wrongYear, wrongUnit] = c.members();
    expect(wrongProfile).toMatchObject({ status: 'refused', unit: '乙单位' });
    expect(wrongProfile?.status === 'refused' && wrongProfile.reason).toContain('2022年度报表格式');
    expect(wrongYear?.status === 'refused' && wrongYear.reason).toContain('2022 年度的决算');
    expect(wrongUnit?.status === 'refused' && wrongUnit.reason).toContain('金额单位是元');
    expect(c.includedCount).toBe(1);
    expect(t03(c)?.values['2013350']).toEqual({ '2': '10', '3': '5' });
  });

  it('a member that failed to read is listed with its reason', () => {
    const c = consolidate(threeUnits());
    const change = c.setMember(
      { id: 'bad', label: 'bad.gongkai.json' },
      { ok: false, message: 'JSON 格式错误' },
    );
    expect(change.entry).toMatchObject({ status: 'failed', reason: 'JSON 格式错误' });
    expect(c.members()).toHaveLength(4);
    expect(c.describeChange(change).join('\n')).toContain('bad.gongkai.json：无法读取');
  });

  it('a unit listed twice is summed once', () => {
    const [a] = threeUnits() as [GongkaiDocument];
    const c = consolidate([a, a]);
    expect(c.members()[1]).toMatchObject({ status: 'refused' });
    expect(t03(c)?.values['2013350']).toEqual({ '2': '10', '3': '5' });
  });

  it('a figure that is not an amount makes the consolidated cell unknown, naming the unit', () => {
    const [a, b] = threeUnits() as [GongkaiDocument, GongkaiDocument];
    const bad = { ...b, tables: { '03': { ...b.tables['03']!, values: { '2013350': { '2': '20万' } } } } };
    const c = consolidate([a, bad]);
    expect(t03(c)?.values['2013350']?.['2']).toContain('乙单位填了“20万”');
    expect(c.workbook().cell('03', '2013350', '2')?.unknown).toBe(true);
    expect(c.findings().some((f) => f.kind === 'invalid' && f.cell.row === '2013350')).toBe(true);
  });
});

describe('re-汇总 when a member changes', () => {
  it('replacing a member gives the same result as consolidating afresh, and says what changed', () => {
    const units = threeUnits();
    const c = consolidate(units);
    c.findings();
    const b = units[1] as GongkaiDocument;
    const changed = {
      ...b,
      tables: { '03': { ...b.tables['03']!, values: { '2013350': { '2': '25' }, 合计: { '2': '25' } } } },
    };
    const change = c.setMember({ id: 'u1', label: 'u1.gongkai.json' }, { ok: true, document: changed });
    const fresh = consolidate([units[0]!, changed, units[2]!]);
    expect(c.document().tables).toEqual(fresh.document().tables);
    expect(c.findings().map((f) => f.message)).toEqual(fresh.findings().map((f) => f.message));
    const said = c.describeChange(change).join('\n');
    expect(said).toContain('乙单位：2 个数变了');
    expect(said).toContain('2013350 事业运行 2栏（基本支出）：20.00 → 25.00（增加 5.00，汇总数 35.00）');
    expect(said).toContain('乙单位：审核结果由 1 个错误、2 个提示变为 1 个错误、0 个提示');
  });

  it('removing the only unit with a 科目 takes its rows out', () => {
    const c = consolidate(threeUnits());
    expect(t03(c)?.rows?.some((r) => r.code === '2101102')).toBe(true);
    c.removeMember('u2');
    expect(t03(c)?.rows?.some((r) => r.code.startsWith('210'))).toBe(false);
    expect(shown(c, '合计', '2')).toBe('33.35');
  });
});
