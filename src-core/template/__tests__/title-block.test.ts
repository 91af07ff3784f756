import { describe, expect, it } from 'vitest';
import { formSetFor } from '../../builtin-forms';
import { profiles } from '../../../templates';
import { loadFormSet } from '../form-set';
import { titleBlockOf } from '../title-block';

const unit = { name: '上海市某某局', year: 2024, moneyUnit: '万元' };

describe('the lines above a table, as each profile prints them', () => {
  it('national forms: “{年度}年度{表名}”, 公开NN表, 部门 and 金额单位 lines, no heading', () => {
    const t = formSetFor(2023, 'national')!.tableById.get('01')!;
    expect(titleBlockOf(t, { ...unit, name: '武汉市汉阳区融媒体中心', year: 2023 })).toEqual({
      title: '2023年度收入支出决算总表',
      code: '公开01表',
      department: '部门：武汉市汉阳区融媒体中心',
      moneyUnit: '金额单位：万元',
    });
  });

  it('上海 2024: “上海市XX局2024年度部门决算表” above the title, the title without the year, 单位：万元, no 部门 line', () => {
    const forms = formSetFor(2024, 'shanghai')!;
    for (const t of forms.tables) {
      const block = titleBlockOf(t, unit);
      expect(block.heading).toBe('上海市某某局2024年度部门决算表');
      expect(block.title).toBe(t.title);
      expect(block.code).toBeUndefined();
      expect(block.department).toBeUndefined();
      expect(block.moneyUnit).toBe('单位：万元');
    }
    expect(titleBlockOf(forms.tableById.get('07')!, { ...unit, moneyUnit: '元' }).title).toBe(
      '财政拨款“三公”经费支出决算表',
    );
  });

  it('a placeholder the code does not fill fails the profile load, naming the table and the placeholder', () => {
    const raw = profiles.find((p) => p.id === 'shanghai')!;
    const tables = raw.tables.map((t, i) =>
      i === 2
        ? { ...(t as object), titleBlock: { heading: '{单位名称}{年度}年度部门决算表', title: '{表名}' } }
        : t,
    );
    expect(() => loadFormSet({ ...raw, tables })).toThrow(
      /表三 titleBlock\.heading：不认识的占位符 \{单位名称\}/,
    );
  });
});
