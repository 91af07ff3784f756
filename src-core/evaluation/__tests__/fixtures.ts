import type { GongkaiDocument, PerformanceForms, ProjectForm } from '../../document';
import { loadSample } from '../../engine/__tests__/helpers';

/** A 项目绩效自评表 with 预算数, 执行数 and 执行率 as given, and two indicator rows. */
export function project(name: string, budget: string, actual: string, rate: string): ProjectForm {
  return {
    name,
    fillDate: '2024年6月20日',
    department: '武汉市汉阳区融媒体中心',
    implementer: '武汉市汉阳区融媒体中心',
    category: '部门预算项目',
    attribute: '持续性项目',
    projectType: '常年性项目',
    budget,
    actual,
    rate,
    indicators: [
      { level1: '产出指标', level2: '数量指标', level3: '帮扶户数', target: '≤8户', actual: '≤8户' },
      { level1: '', level2: '质量指标', level3: '脱贫率完成率', target: '完成', actual: '完成' },
    ],
    deviation: '无偏差',
    improvement: '继续做好预算绩效目标编制。',
  };
}

/** Forms consistent with the sample's tables (公开05表 合计: 基本支出 348.29, 项目支出 1107.12). */
export function consistentForms(): PerformanceForms {
  return {
    summary: {
      fillDate: '2024年6月19日',
      coverage: '100%',
      rows: [
        { name: '新闻宣传', unit: '汉阳区融媒体中心', amount: '1000' },
        { name: '后勤保障', unit: '汉阳区融媒体中心', amount: '107.12' },
      ],
    },
    overall: {
      fillDate: '2024年6月19日',
      basicTotal: '348.29',
      projectTotal: '1107.12',
      goals: '1. 完成汉阳正面报道 130 条。',
      indicators: [
        {
          level1: '',
          level2: '预算执行',
          level3: '预算执行率',
          kind: '绩效基本型',
          target: '100%',
          actual: '100%',
        },
        {
          level1: '',
          level2: '',
          level3: '结转结余率',
          kind: '绩效基本型',
          target: '无结转',
          actual: '无结转',
        },
      ],
      deviation: '基本无偏差。',
      improvement: '进一步完善指标体系。',
    },
    projects: [
      project('新闻宣传、政务新媒体', '1023.66', '954.62', '93%'),
      project('行政事业单位缴纳残保金', '2', '1.47', '74%'),
    ],
  };
}

/** The sample with the given 绩效自评表 (its own, if any, replaced). */
export function sampleWith(performance: PerformanceForms | undefined): GongkaiDocument {
  const { performance: _own, ...doc } = loadSample();
  return performance === undefined ? doc : { ...doc, performance };
}
