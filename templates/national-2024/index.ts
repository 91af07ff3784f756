// The national 部门决算公开 forms for 2024: the 2023 forms (公开01—09表, 行次, 栏次) with only the changes that could
// be established from published 2024年度 documents — none to the tables so far. What was checked, and what could not
// be verified and is therefore left out, is in README.md.
import type { RawProfile } from '../raw-profile';
import { profile as national2023 } from '../2023';
import catalog2023 from '../2023/catalogs/function-classification.json';
import withNational2023 from './correspondence-national-2023.json';

export const profile: RawProfile = {
  ...national2023,
  year: 2024,
  name: '全国通用 2024 年度（公开01—09表，有行次、栏次）',
  source:
    '九张表的表名与2023年度相同（据已发布的2024年度部门决算目录，见 templates/national-2024/README.md），表样沿用2023年度',
  // The 2024 功能分类 catalog: the 2023 entries, since no 2024 addition or rename could be verified (README.md).
  catalog: {
    ...catalog2023,
    year: 2024,
    source:
      '条目与《2023年政府收支分类科目》（支出功能分类）相同：2024年新增或更名的科目（如 20139 社会工作事务）未能从可查到的资料核实，没有加入；目录里没有的科目可在应用内按名称加入或导入本地目录',
  },
  correspondences: [withNational2023],
};
