import { describe, expect, it } from 'vitest';
import summary from '../../../templates/2023/forms/performance-summary.json';
import overall from '../../../templates/2023/forms/performance-overall.json';
import projectForm from '../../../templates/2023/forms/performance-project.json';
import { TemplateError } from '../../template';
import { formSetFor } from '../../builtin-forms';
import { loadFormSet } from '../../template';
import { profiles } from '../../../templates';
import { loadPerformanceTemplates, validateFormTemplate } from '../../template/performance-forms';
import {
  insertItem,
  mergeSpans,
  mergeState,
  rateText,
  removeItem,
  resolvedItems,
  setMerged,
} from '../form-model';

/** A deep copy of a template with an edit applied. */
function edited<T>(template: T, edit: (t: T) => void): T {
  const copy = structuredClone(template);
  edit(copy);
  return copy;
}

const problems = (raw: unknown) => validateFormTemplate(raw).problems;

/** The national 2023 profile's 绩效自评表 forms, as loaded with the profile. */
const performanceTemplatesFor = () => formSetFor(2023, 'national')!.performance!;

describe('the form-table templates of 2023', () => {
  it('load and validate', () => {
    const t = performanceTemplatesFor();
    expect(t.summary.name).toBe('绩效自评情况汇总表');
    expect(t.overall.columns).toHaveLength(6);
    expect(t.project.columns).toHaveLength(7);
    for (const raw of [summary, overall, projectForm]) expect(problems(raw)).toEqual([]);
  });

  it('are profile data: each profile declares its own (national 2024 the 2023 forms, 上海 2024 none)', () => {
    expect(formSetFor(2024, 'national')?.performance?.project.id).toBe('performance-project');
    expect(formSetFor(2024, 'national')?.performance?.summary.title).toBe(
      performanceTemplatesFor().summary.title,
    );
    expect(formSetFor(2024, 'shanghai')?.performance).toBeUndefined();
  });

  it('are checked when the profile loads: a broken form, forms without the part that prints them, or the part without forms', () => {
    const national = profiles.find((p) => p.id === 'national' && p.year === 2023)!;
    const broken = edited(projectForm, (t) => {
      (t.bands[0] as { cells: { field?: string }[] }).cells[1]!.field = 'nmae';
    });
    expect(() => loadFormSet({ ...national, performanceForms: [summary, overall, broken] })).toThrow(
      /绩效自评表 .*没有“nmae”这个字段/,
    );
    expect(() => loadFormSet({ ...national, performanceForms: undefined })).toThrow(
      /attachments 印绩效自评表（performance），但表样没有绩效自评表表单/,
    );
    const shanghai = profiles.find((p) => p.id === 'shanghai')!;
    expect(() => loadFormSet({ ...shanghai, performanceForms: [summary, overall, projectForm] })).toThrow(
      /公开文本没有印它们的部分/,
    );
  });

  it('carry the printed notes', () => {
    const t = performanceTemplatesFor();
    expect(t.summary.notes).toEqual(['备注：部门预算项目以二级项目填报']);
    expect(t.overall.notes[0]).toBe('备注：1. 基本支出总额和项目支出总额为财政资金实际支出数。');
    expect(t.project.notes.join(' ')).toContain('3. 部门预算项目以二级项目填报。');
  });
});

describe('validateFormTemplate', () => {
  it('rejects what the schema rejects, saying where', () => {
    expect(problems({ ...summary, kind: 'table' })[0]).toMatch(/^表单模板“performance-summary” kind：/);
    expect(problems(edited(summary, (t) => (t.columns = [])))[0]).toMatch(/columns/);
  });

  it('rejects a row narrower or wider than the form', () => {
    const narrow = edited(projectForm, (t) => {
      const band = t.bands[0] as { cells: { colSpan?: number }[] };
      (band.cells[1] as { colSpan?: number }).colSpan = 4;
    });
    expect(problems(narrow)).toEqual(['表单模板“performance-project” 第1段：这一行占 6 列，表单有 7 列']);
    const wide = edited(projectForm, (t) => {
      const band = t.bands[0] as { cells: { colSpan?: number }[] };
      (band.cells[1] as { colSpan?: number }).colSpan = 6;
    });
    expect(problems(wide)[0]).toMatch(/超出了表单的 7 列/);
  });

  it('counts cells merged down from the row above', () => {
    // 预算执行情况（万元） spans two rows: without its rowSpan the next row is one column short.
    const t = edited(projectForm, (x) => {
      const band = x.bands[5] as { cells: { rowSpan?: number }[] };
      delete (band.cells[0] as { rowSpan?: number }).rowSpan;
    });
    expect(problems(t)).toEqual(['表单模板“performance-project” 第7段：这一行占 5 列，表单有 7 列']);
  });

  it('rejects a list as wide as it should not be', () => {
    const t = edited(overall, (x) => {
      const list = x.bands[3] as { columns: { colSpan?: number }[] };
      (list.columns[0] as { colSpan?: number }).colSpan = 2;
    });
    expect(problems(t)).toEqual(['表单模板“performance-overall” 第4段：列表一行占 7 列，表单有 6 列']);
  });

  it('rejects unknown fields, amounts not typed as amounts, and unknown placeholders', () => {
    const t = edited(projectForm, (x) => {
      x.title = '{年度}年度{部门}项目绩效自评表';
      const band = x.bands[0] as { cells: { field?: string }[] };
      (band.cells[1] as { field?: string }).field = 'projectName';
      const budget = x.bands[6] as { cells: { input?: string }[] };
      delete (budget.cells[1] as { input?: string }).input;
    });
    const p = problems(t);
    expect(p).toContain('表单模板“performance-project” 标题：不认识的占位符 {部门}');
    expect(p.some((x) => x.includes('没有“projectName”这个字段'))).toBe(true);
    expect(p).toContain('表单模板“performance-project” 第7段 第2格：字段“budget”是金额，应写 input: amount');
  });

  it('rejects {项目名称} outside the 项目表 and a choice without options', () => {
    expect(problems({ ...summary, title: '{项目名称}汇总表' })).toContain(
      '表单模板“performance-summary” 标题：只有项目绩效自评表的标题可以用 {项目名称}',
    );
    const t = edited(projectForm, (x) => {
      const band = x.bands[2] as { cells: { options?: string[] }[] };
      delete (band.cells[1] as { options?: string[] }).options;
    });
    expect(problems(t)).toEqual([
      '表单模板“performance-project” 第3段 第2格：选项（options）与 input: choice 应同时出现',
    ]);
  });

  it('loadPerformanceTemplates wants each of the three forms once', () => {
    expect(() => loadPerformanceTemplates([summary, overall])).toThrow(TemplateError);
    expect(() => loadPerformanceTemplates([summary, overall])).toThrow(/缺少项目绩效自评表的表单模板/);
    expect(() => loadPerformanceTemplates([summary, overall, projectForm, projectForm])).toThrow(/重复/);
    expect(loadPerformanceTemplates([projectForm, summary, overall]).overall.id).toBe('performance-overall');
  });
});

describe('merged 指标 cells', () => {
  const columns = performanceTemplatesFor().project.bands.find((b) => b.type === 'list')?.columns ?? [];
  const rows = [
    { level1: '产出指标', level2: '数量指标', level3: 'a' },
    { level1: '', level2: '', level3: 'b' },
    { level1: '', level2: '质量指标', level3: 'c' },
    { level1: '效益指标', level2: '', level3: 'd' },
    { level1: '', level2: '', level3: 'e' },
  ];

  it('an empty cell continues the one above, never across a new group on its left', () => {
    expect(mergeSpans(rows, columns)).toEqual([
      [3, 2],
      [0, 0],
      [0, 1],
      [2, 2], // 效益指标 starts a group: its empty 二级指标 is a cell of its own, continued by the next row
      [0, 0],
    ]);
  });

  it('rows read with their merged names', () => {
    expect(resolvedItems(rows, columns).map((r) => `${r.level1}/${r.level2}/${r.level3}`)).toEqual([
      '产出指标/数量指标/a',
      '产出指标/数量指标/b',
      '产出指标/质量指标/c',
      '效益指标//d',
      '效益指标//e',
    ]);
  });
});

describe('editing the 指标 list', () => {
  const columns = performanceTemplatesFor().project.bands.find((b) => b.type === 'list')?.columns ?? [];
  const rows = () => [
    { level1: '产出指标', level2: '数量指标', level3: 'a' },
    { level1: '', level2: '', level3: 'b' },
    { level1: '', level2: '质量指标', level3: 'c' },
  ];
  const shape = (items: { level1?: string; level2?: string; level3?: string }[]) =>
    items.map((r) => `${r.level1}/${r.level2}/${r.level3}`);

  it('a row inserted below joins the groups above', () => {
    const out = insertItem(rows(), 0, { level1: '', level2: '', level3: 'new' });
    expect(shape(resolvedItems(out, columns))).toEqual([
      '产出指标/数量指标/a',
      '产出指标/数量指标/new',
      '产出指标/数量指标/b',
      '产出指标/质量指标/c',
    ]);
  });

  it('removing the row that heads a merged cell hands the name down', () => {
    const out = removeItem(rows(), 0, columns);
    expect(shape(out)).toEqual(['产出指标/数量指标/b', '/质量指标/c']);
    expect(shape(removeItem(rows(), 2, columns))).toEqual(['产出指标/数量指标/a', '//b']);
  });

  it('merges a cell with the one above, or splits it off', () => {
    expect(mergeState(rows(), 1, 'level2', columns)).toEqual({ merged: true, possible: true });
    expect(mergeState(rows(), 2, 'level2', columns)).toEqual({ merged: false, possible: true });
    expect(mergeState(rows(), 0, 'level1', columns)).toEqual({ merged: false, possible: false });
    const split = setMerged(rows(), 1, 'level2', false, columns);
    expect(shape(split)).toEqual(['产出指标/数量指标/a', '/数量指标/b', '/质量指标/c']);
    expect(mergeSpans(split, columns)[0]).toEqual([3, 1]);
    const merged = setMerged(rows(), 2, 'level2', true, columns);
    expect(shape(resolvedItems(merged, columns))[2]).toBe('产出指标/数量指标/c');
    // 二级指标 cannot merge across a 一级指标 that starts a new group.
    const newGroup = [...rows(), { level1: '效益指标', level2: '', level3: 'd' }];
    expect(mergeState(newGroup, 3, 'level2', columns)).toEqual({ merged: false, possible: false });
  });

  it('shows 执行率 computed', () => {
    expect(rateText({ budget: '1023.66', actual: '954.62' })).toBe('93.26%');
    expect(rateText({ budget: '2', actual: '1.47' })).toBe('73.5%');
    expect(rateText({ budget: '5', actual: '5' })).toBe('100%');
    expect(rateText({ budget: '0', actual: '5' })).toBe('');
    expect(rateText({ budget: '', actual: '5' })).toBe('');
  });
});
