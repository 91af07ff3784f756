import { describe, expect, it } from 'vitest';
import { exportXlsx, newDocument, writeDocument, type GongkaiDocument } from '../../../src-core';
import { forms, threeUnits } from '../../../src-core/consolidation/__tests__/fixtures';
import { formSetFor } from '../../../src-core';
import type { MemberFile } from '../../../src-core/host';
import { ConsolidationState } from '../consolidation-state';

const json = (name: string, doc: GongkaiDocument): MemberFile => ({
  id: name,
  label: name,
  data: new TextEncoder().encode(writeDocument(doc)),
});
const xlsx = async (name: string, doc: GongkaiDocument): Promise<MemberFile> => ({
  id: name,
  label: name,
  data: await exportXlsx(forms(), doc),
});

/** The consolidated 公开03表 as the panel shows it: every entered cell's text. */
function sums(state: ConsolidationState): Record<string, Record<string, string>> {
  return state.consolidation?.document().tables['03']?.values ?? {};
}

describe('ConsolidationState: xlsx members in the app (添加单位 of a filled Excel)', () => {
  it('sums a unit given as xlsx exactly as the same unit given as .gongkai.json, and says what the import read', async () => {
    const [a, b, c] = threeUnits() as [GongkaiDocument, GongkaiDocument, GongkaiDocument];
    const fromJson = new ConsolidationState();
    await fromJson.addFiles([
      json('甲.gongkai.json', a),
      json('乙.gongkai.json', b),
      json('丙.gongkai.json', c),
    ]);
    const fromXlsx = new ConsolidationState();
    await fromXlsx.addFiles([await xlsx('甲.xlsx', a), json('乙.gongkai.json', b), await xlsx('丙.xlsx', c)]);
    expect(fromXlsx.consolidation?.includedCount).toBe(3);
    // Worked out by hand in the core tests: 2013350 基本支出 10 + 20, 合计 基本支出 13.34 + 20.01 (丙 computes its own).
    expect(sums(fromXlsx)['2013350']?.['2']).toBe('30');
    expect(sums(fromXlsx)['2101102']?.['2']).toBe('1.11');
    expect(sums(fromXlsx)).toEqual(sums(fromJson));
    const jia = fromXlsx.consolidation?.members().find((m) => m.source.id === '甲.xlsx');
    expect(jia?.status === 'included' && jia.notes[0]).toMatch(/^从 Excel 导入（.+）：读取 \d+ 张表/);
    // 打开 in the overview opens the imported unit.
    expect(JSON.parse(fromXlsx.unitText('甲.xlsx') ?? '{}').unit.name).toBe('甲单位');
  });

  it('lists a damaged xlsx with the file and the reason, and refuses an xlsx of another profile naming both', async () => {
    const [a] = threeUnits() as [GongkaiDocument];
    const shanghai = formSetFor(2024, 'shanghai');
    if (!shanghai) throw new Error('no 上海 2024 profile');
    const sh = {
      ...newDocument(2024, { name: '上海市某中心', year: 2023 }, { id: 'shanghai', year: 2024 }),
      tables: { '01': { values: { '1': { '1': '2' } } } },
    };
    const state = new ConsolidationState();
    await state.addFiles([
      json('甲.gongkai.json', a),
      { id: '损坏.xlsx', label: '损坏.xlsx', data: new TextEncoder().encode('not a workbook') },
      { id: '上海.xlsx', label: '上海.xlsx', data: await exportXlsx(shanghai, sh) },
    ]);
    const members = state.consolidation?.members() ?? [];
    expect(members.map((m) => [m.source.label, m.status])).toEqual([
      ['甲.gongkai.json', 'included'],
      ['损坏.xlsx', 'failed'],
      ['上海.xlsx', 'refused'],
    ]);
    const damaged = members[1];
    expect(damaged?.status === 'failed' && damaged.reason).toMatch(/^损坏\.xlsx：.+/);
    const other = members[2];
    expect(other?.status === 'refused' && other.reason).toMatch(
      /^按2024年度报表格式（上海市.+汇总文件是2023年度报表格式/,
    );
    expect(state.lastChange.join('\n')).toContain('损坏.xlsx：无法读取');
  });
});
