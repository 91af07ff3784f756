import { describe, expect, it } from 'vitest';
import type { GongkaiDocument, PerformanceForms } from '../../document';
import { Workbook } from '../../engine';
import { formSet } from '../../engine/__tests__/helpers';
import { formSetFor } from '../../builtin-forms';
import { checkPerformance, type PerformanceFinding } from '../performance-check';
import { consistentForms, project, sampleWith } from './fixtures';

function check(doc: GongkaiDocument): PerformanceFinding[] {
  return checkPerformance(formSet, new Workbook(formSet, doc), doc);
}

function withForms(edit: (p: PerformanceForms) => void): GongkaiDocument {
  const forms = consistentForms();
  edit(forms);
  return sampleWith(forms);
}

/** `error projects.0.rate 73% → 74%`, `warning projects.0.rate → 73.5%`, `warning summary.rows.1.amount`. */
const brief = (f: PerformanceFinding) =>
  [
    f.severity,
    f.path,
    f.written,
    f.written !== undefined || f.expected !== undefined ? '→' : undefined,
    f.expected,
  ]
    .filter((x) => x !== undefined)
    .join(' ');

describe('checkPerformance', () => {
  it('finds nothing on forms consistent with the tables', () => {
    expect(check(sampleWith(consistentForms()))).toEqual([]);
  });

  it('finds nothing when the document has no 绩效自评表', () => {
    expect(check(sampleWith(undefined))).toEqual([]);
  });

  it('says the forms were not checked when the profile prints no 绩效自评表 (上海 2024), never passes them as checked', () => {
    const shanghai = formSetFor(2024, 'shanghai')!;
    const doc: GongkaiDocument = {
      ...sampleWith(consistentForms()),
      formYear: 2024,
      profile: { id: 'shanghai', year: 2024 },
      tables: {},
    };
    const found = checkPerformance(shanghai, new Workbook(shanghai, doc), doc);
    expect(found.map((f) => `${f.severity} ${f.id}`)).toEqual(['warning performance:unprinted']);
    expect(found[0]?.message).toContain('这些表未核对');
  });

  describe('执行率 = 执行数 / 预算数, at the precision written', () => {
    const rate = (budget: string, actual: string, written: string) =>
      check(withForms((p) => (p.projects = [project('甲', budget, actual, written)])));

    it('accepts a rate rounded like it is written, half-up', () => {
      expect(rate('1023.66', '954.62', '93%')).toEqual([]); // 93.26%
      expect(rate('1023.66', '954.62', '93.26%')).toEqual([]);
      expect(rate('1023.66', '954.62', '93.3％')).toEqual([]);
      expect(rate('2', '1.47', '74%')).toEqual([]); // 73.5%
      expect(rate('5', '5', '100%')).toEqual([]);
      expect(rate('127', '101.88', '80')).toEqual([]);
    });

    it('reports a written rate that disagrees beyond rounding as an error', () => {
      const [f, ...rest] = rate('2', '1.47', '73%');
      expect(rest).toEqual([]);
      expect(f).toMatchObject({
        kind: 'performance',
        severity: 'error',
        path: 'projects.0.rate',
        location: '附件 甲项目绩效自评表 执行率',
        written: '73%',
        expected: '74%',
      });
      expect(f?.message).toBe(
        '附件 甲项目绩效自评表 执行率：执行率写为73%，按执行数1.47÷预算数2应为73.5%（按所写精度为74%）。',
      );
      expect(rate('1023.66', '954.62', '93.2%').map(brief)).toEqual(['error projects.0.rate 93.2% → 93.3%']);
    });

    it('asks for a missing rate, 预算数 or 执行数, and for a rate that is no percentage', () => {
      expect(rate('2', '1.47', '').map(brief)).toEqual(['warning projects.0.rate → 73.5%']);
      expect(rate('', '1.47', '74%').map(brief)).toEqual(['warning projects.0.budget']);
      expect(rate('2', '', '').map(brief)).toEqual(['warning projects.0.actual']);
      expect(rate('2', '1.47', '约七成').map(brief)).toEqual(['warning projects.0.rate 约七成 →']);
    });

    it('does not divide by a 预算数 of 0', () => {
      expect(rate('0', '0', '0%')).toEqual([]);
    });

    it('names each project in its location', () => {
      const found = check(
        withForms((p) => {
          p.projects = [
            project('甲', '2', '1.47', '74%'),
            project('新闻宣传、政务新媒体', '1023.66', '954.62', '95%'),
          ];
        }),
      );
      expect(found.map((f) => f.location)).toEqual(['附件 新闻宣传、政务新媒体项目绩效自评表 执行率']);
      expect(found[0]?.path).toBe('projects.1.rate');
    });
  });

  describe('汇总表 合计 = 公开05表 合计 项目支出 (3栏)', () => {
    it('reports a total beyond the tolerance as an error, pointing at the table cell', () => {
      const found = check(withForms((p) => ((p.summary?.rows[1] as { amount: string }).amount = '100')));
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({
        severity: 'error',
        path: 'summary.total',
        location: '附件 绩效自评情况汇总表 合计',
        written: '1100',
        expected: '1107.12',
        cell: { table: '05', row: '合计', col: '3' },
      });
      expect(found[0]?.source).toContain('公开05表');
      expect(found[0]?.message).toContain('不一致');
    });

    it('reports a tail difference within the tolerance as a warning', () => {
      const found = check(withForms((p) => ((p.summary?.rows[1] as { amount: string }).amount = '107.13')));
      expect(found.map(brief)).toEqual(['warning summary.total 1107.13 → 1107.12']);
      expect(found[0]?.message).toContain('尾数差异');
    });

    it('follows the tables: an edit to 公开05表 is seen', () => {
      const doc = sampleWith(consistentForms());
      const values = doc.tables['05']?.values ?? {};
      const edited: GongkaiDocument = {
        ...doc,
        tables: {
          ...doc.tables,
          '05': { ...doc.tables['05'], values: { ...values, '2130599': { '3': '6' } } },
        },
      };
      expect(check(edited).map(brief)).toEqual([
        'error summary.total 1107.12 → 1108.12',
        'error overall.projectTotal 1107.12 → 1108.12',
      ]);
    });

    it('asks for a row without its amount', () => {
      const found = check(withForms((p) => ((p.summary?.rows[1] as { amount: string }).amount = '')));
      expect(found.map(brief)).toEqual([
        'warning summary.rows.1.amount',
        'error summary.total 1000 → 1107.12',
      ]);
    });

    it('compares in 万元 when the tables are kept in 元', () => {
      const doc = sampleWith(consistentForms());
      const inYuan: GongkaiDocument = {
        ...doc,
        unit: { ...doc.unit, moneyUnit: '元' },
        tables: Object.fromEntries(
          Object.entries(doc.tables).map(([id, t]) => [
            id,
            {
              ...t,
              values: Object.fromEntries(
                Object.entries(t.values).map(([row, cols]) => [
                  row,
                  Object.fromEntries(
                    Object.entries(cols).map(([c, v]) => [c, String(Math.round(Number(v) * 10000))]),
                  ),
                ]),
              ),
            },
          ]),
        ),
      };
      expect(check(inYuan)).toEqual([]);
    });
  });

  describe('部门整体表 基本支出总额, 项目支出总额 = 公开05表 基本支出, 项目支出', () => {
    it('reports each disagreement', () => {
      const found = check(
        withForms((p) => {
          if (!p.overall) return;
          p.overall.basicTotal = '343.37';
          p.overall.projectTotal = '';
        }),
      );
      expect(found.map(brief)).toEqual([
        'error overall.basicTotal 343.37 → 348.29',
        'warning overall.projectTotal → 1107.12',
      ]);
      expect(found[0]?.location).toBe('附件 部门整体绩效自评表 基本支出总额');
      expect(found[0]?.message).toMatch(
        /^附件 部门整体绩效自评表 基本支出总额：基本支出总额343\.37万元，与公开05表/,
      );
    });
  });

  describe('指标 rows keep their 年初目标值 and 实际完成值', () => {
    it('asks for each missing value, naming the row by its 指标 (merged names included)', () => {
      const found = check(
        withForms((p) => {
          const o = p.overall?.indicators[1];
          if (o) o.actual = '';
          const q = p.projects?.[0]?.indicators[1];
          if (q) q.target = ' ';
        }),
      );
      expect(found.map(brief)).toEqual([
        'warning overall.indicators.1.actual',
        'warning projects.0.indicators.1.target',
      ]);
      expect(found[0]?.message).toBe(
        '附件 部门整体绩效自评表 第2行绩效指标（结转结余率）：未填写实际完成值。',
      );
      expect(found[1]?.location).toBe(
        '附件 新闻宣传、政务新媒体项目绩效自评表 第2行绩效指标（脱贫率完成率） 年初目标值',
      );
    });

    it('reports an empty row once', () => {
      const found = check(
        withForms((p) =>
          p.projects?.[1]?.indicators.push({ level1: '', level2: '', level3: '', target: '', actual: '' }),
        ),
      );
      expect(found.map(brief)).toEqual(['warning projects.1.indicators.2']);
      expect(found[0]?.message).toContain('空行');
    });
  });
});
