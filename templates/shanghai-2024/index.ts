// 上海 2024 部门决算公开: the official 上海 公开样张 (shared/reference/shanghai-2024-final-accounts-template.txt).
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
// The 2024 功能分类 catalog is not shipped: the 2023 one is used (see README.md).
import catalog from '../2023/catalogs/function-classification.json';
import publication from './publication.json';
import withNational2023 from './correspondence-national-2023.json';

export const profile: RawProfile = {
  id: 'shanghai',
  year: 2024,
  name: '上海市 2024 年度（表一—表九，无行次、栏次）',
  source: '上海市 2024 年度部门决算公开样张',
  tables: [t01, t02, t03, t04, t05, t06, t07, t08, t09],
  interTableRules,
  catalog,
  publication,
  correspondences: [withNational2023],
};
