import { formSetFor, newDocument, type FormSet, type GongkaiDocument, type TableData } from '../..';

/** The 2023 forms the fixtures follow. */
export function forms(): FormSet {
  return formSetFor(2023) as FormSet;
}

/** A unit document holding only 公开03表 (支出决算表) figures. */
export function unit(name: string, t03: TableData, extra: Partial<GongkaiDocument> = {}): GongkaiDocument {
  return { ...newDocument(2023, { name }), tables: { '03': t03 }, ...extra };
}

const r = (code: string, name: string) => ({ code, name });

/**
 * Three small units whose 汇总 is worked out by hand in consolidation.test.ts:
 * - 甲: 2013350 基本支出 10, 项目支出 5; 2080505 基本支出 3.33; typed 合计 基本支出 13.34 (computed 13.33: 尾数 +0.01).
 * - 乙: 2013350 基本支出 20; typed 合计 基本支出 20.01 (computed 20: 尾数 +0.01).
 * - 丙: 2101102 基本支出 1.11 (a 科目 only 丙 has); 2013399 本年支出合计 typed 0.34 for 0.11 + 0.22 (尾数 +0.01).
 */
export function threeUnits(): GongkaiDocument[] {
  return [
    unit('甲单位', {
      rows: [
        r('201', '一般公共服务支出'),
        r('20133', '宣传事务'),
        r('2013350', '事业运行'),
        r('208', '社会保障和就业支出'),
        r('20805', '行政事业单位养老支出'),
        r('2080505', '机关事业单位基本养老保险缴费支出'),
      ],
      values: { '2013350': { '2': '10', '3': '5' }, '2080505': { '2': '3.33' }, 合计: { '2': '13.34' } },
    }),
    unit('乙单位', {
      rows: [r('201', '一般公共服务支出'), r('20133', '宣传事务'), r('2013350', '事业运行')],
      values: { '2013350': { '2': '20' }, 合计: { '2': '20.01' } },
    }),
    unit('丙单位', {
      rows: [
        r('201', '一般公共服务支出'),
        r('20133', '宣传事务'),
        r('2013399', '其他宣传事务支出'),
        r('210', '卫生健康支出'),
        r('21011', '行政事业单位医疗'),
        r('2101102', '事业单位医疗'),
      ],
      values: { '2013399': { '1': '0.34', '2': '0.11', '3': '0.22' }, '2101102': { '2': '1.11' } },
    }),
  ];
}
