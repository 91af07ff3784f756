// The national 2023 部门决算公开 forms as the reference document (武汉市汉阳区融媒体中心 2023) prints them.
import type { RawProfile } from '../raw-profile';
import t01 from './tables/01.json';
import t02 from './tables/02.json';
import t03 from './tables/03.json';
import t04 from './tables/04.json';
import t05 from './tables/05.json';
import t06 from './tables/06.json';
import t07 from './tables/07.json';
import t08 from './tables/08.json';
import t09 from './tables/09.json';
import interTableRules from './inter-table-rules.json';
import catalog from './catalogs/function-classification.json';
import publication from './publication.json';
import performanceSummary from './forms/performance-summary.json';
import performanceOverall from './forms/performance-overall.json';
import performanceProject from './forms/performance-project.json';

export const profile: RawProfile = {
  id: 'national',
  year: 2023,
  name: '全国通用 2023 年度（公开01—09表，有行次、栏次）',
  source: '2023年度部门决算公开表样式，以武汉市汉阳区融媒体中心2023年度部门决算公开为参照',
  tables: [t01, t02, t03, t04, t05, t06, t07, t08, t09],
  interTableRules,
  catalog,
  publication,
  // The 绩效自评表 of 第六部分 附件, as the reference document prints them.
  performanceForms: [performanceSummary, performanceOverall, performanceProject],
};
