import { z } from '../zod';

// Bounded as parseAmount bounds what is typed (15 integer digits, 8 decimals).
const amount = z
  .string()
  .regex(/^-?\d{1,15}(\.\d{1,8})?$/, '应是数字，如 1455.41（整数最多 15 位，小数最多 8 位）');
const count = z.string().regex(/^\d+$/, '应是整数');
const classCode = z.string().regex(/^\d{3}$/, '应是 3 位类级科目编码');

/** One part of the publication's text (概况, a 情况说明 section …): its paragraphs, in order. */
export const sectionSchema = z.object({
  paragraphs: z.array(z.string()),
  /** 部门决算单位构成 (where the profile's section has a unitTable): one row per unit, 本级 first. */
  units: z
    .array(
      z.object({
        name: z.string().max(200, '单位名称不能超过 200 字'),
        note: z.string().max(500, '备注不能超过 500 字'),
      }),
    )
    .max(5000)
    .optional(),
});

/**
 * Facts the text needs that no table holds, entered once (amounts in the document's money unit, as decimal text).
 * Prior-year figures are keyed by the same metric names the publication uses (收支总计, 本年支出合计 …).
 */
export const factsSchema = z
  .object({
    /** 一般公共预算财政拨款支出 年初预算: total and by 类. */
    budget: z.object({ total: amount, byClass: z.record(classCode, amount) }).partial(),
    priorYear: z
      .object({
        year: z.number().int().min(2000).max(2100),
        metrics: z.record(z.string(), amount),
        /** 一般公共预算财政拨款支出 by 类 last year. */
        byClass: z.record(classCode, amount),
      })
      .partial(),
    /** 政府采购支出. */
    procurement: z
      .object({ total: amount, goods: amount, works: amount, services: amount, sme: amount, small: amount })
      .partial(),
    /** 国有资产占用: 车辆 (辆) and what they are, 单价100万元（含）以上设备 (台/套). */
    assets: z.object({ vehicles: count, vehicleUse: z.string(), equipment: count }).partial(),
    /** 机关运行经费. */
    officeOperation: amount,
    /** 开支财政拨款的公务用车保有量 (辆) at year end. */
    vehiclesHeld: count,
    /** 绩效自评: number of projects, their full-year budget, coverage (%). */
    performance: z.object({ projects: count, projectBudget: amount, coverage: amount }).partial(),
  })
  .partial();

export type SectionContent = z.infer<typeof sectionSchema>;
export type Facts = z.infer<typeof factsSchema>;
