import { describe, expect, it } from 'vitest';
import { formSetFor } from '../../builtin-forms';

// The 上海市 2024 年度部门决算公开样张 (shared/reference/shanghai-2024-final-accounts-template.txt) prints the 支出 side
// of 收入支出决算总表 and 财政拨款收入支出决算总表 as these 24 功能分类 lines, the last one “二十四、抗疫特别国债安排的支出”
// (the national 2023 form numbers it 二十六).
const PRINTED_CLASSES = [
  '一、一般公共服务支出',
  '二、外交支出',
  '三、国防支出',
  '四、公共安全支出',
  '五、教育支出',
  '六、科学技术支出',
  '七、文化旅游体育与传媒支出',
  '八、社会保障和就业支出',
  '九、卫生健康支出',
  '十、节能环保支出',
  '十一、城乡社区支出',
  '十二、农林水支出',
  '十三、交通运输支出',
  '十四、资源勘探工业信息等支出',
  '十五、商业服务业等支出',
  '十六、金融支出',
  '十七、援助其他地区支出',
  '十八、自然资源海洋气象等支出',
  '十九、住房保障支出',
  '二十、粮油物资储备支出',
  '二十一、国有资本经营预算支出',
  '二十二、灾害防治及应急管理支出',
  '二十三、其他支出',
  '二十四、抗疫特别国债安排的支出',
];

describe('the 上海 2024 forms as the 公开样张 prints them', () => {
  const forms = formSetFor(2024, 'shanghai');
  it.each(['01', '04'])('表%s lists the 24 支出 classes with the template’s own numbering', (id) => {
    const table = forms?.tableById.get(id);
    const labels = (table?.blocks ?? []).flatMap((b) => (b.rows ?? []).map((r) => r.label ?? ''));
    expect(labels.filter((l) => /^[一二三四五六七八九十]+、.*支出$/.test(l))).toEqual(PRINTED_CLASSES);
  });
});
