import { z } from '../zod';

// Bounded as parseAmount bounds what is typed (15 integer digits, 8 decimals).
const amount = z.union([
  z.string().regex(/^-?\d{1,15}(\.\d{1,8})?$/, '应是数字，如 5.00（整数最多 15 位，小数最多 8 位）'),
  z.literal(''),
]);

/**
 * One row of 绩效指标: 一级/二级/三级指标, 指标分类, 年初目标值, 实际完成值 (free text, as the forms are). An empty
 * 一级/二级/三级指标 continues the cell above (the printed forms merge it over the rows of its group).
 */
export const indicatorSchema = z.object({
  level1: z.string(),
  level2: z.string(),
  level3: z.string(),
  kind: z.string().optional(),
  target: z.string(),
  actual: z.string(),
});

/**
 * The form's title as printed, when it differs from the template's pattern (“2023年度汉阳区融媒体中心…” with the
 * unit's short name); absent: the pattern with 年度, 单位 and 项目名称 filled in.
 */
const title = z.string().optional();

/** 项目绩效自评表. */
export const projectFormSchema = z.object({
  title,
  name: z.string(),
  fillDate: z.string(),
  department: z.string(),
  implementer: z.string(),
  /** 项目类别 / 属性 / 类型: the ticked option's label. */
  category: z.string(),
  attribute: z.string(),
  projectType: z.string(),
  /** 预算数 (A) and 执行数 (B) in 万元; 执行率 (B/A) as written on the form (e.g. 93%); the check recomputes it. */
  budget: amount,
  actual: amount,
  rate: z.string(),
  indicators: z.array(indicatorSchema),
  deviation: z.string(),
  improvement: z.string(),
});

/** 部门整体绩效自评表. 基本支出总额 and 项目支出总额 in 万元. */
export const overallFormSchema = z.object({
  title,
  fillDate: z.string(),
  basicTotal: amount,
  projectTotal: amount,
  goals: z.string(),
  indicators: z.array(indicatorSchema),
  deviation: z.string(),
  improvement: z.string(),
});

/** 绩效自评情况汇总表: the projects and their 财政资金总额 (万元); 合计 is computed, never stored. */
export const summaryFormSchema = z.object({
  title,
  fillDate: z.string(),
  coverage: z.string(),
  rows: z.array(z.object({ name: z.string(), unit: z.string(), amount })),
});

/** The 绩效自评表 of 第六部分 附件 (and 十三、预算绩效情况说明). */
export const performanceSchema = z
  .object({
    summary: summaryFormSchema,
    overall: overallFormSchema,
    projects: z.array(projectFormSchema),
  })
  .partial();

export type Indicator = z.infer<typeof indicatorSchema>;
export type ProjectForm = z.infer<typeof projectFormSchema>;
export type OverallForm = z.infer<typeof overallFormSchema>;
export type SummaryForm = z.infer<typeof summaryFormSchema>;
export type PerformanceForms = z.infer<typeof performanceSchema>;
