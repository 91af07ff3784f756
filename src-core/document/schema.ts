import { z } from '../zod';
import { factsSchema, sectionSchema } from './publication-schema';
import { performanceSchema } from '../template/performance-schema';
import { PAGE_MARGIN_MAX_MM, PAGE_MARGIN_MIN_MM, PAGE_SCALE_MAX, PAGE_SCALE_MIN } from './types';

// Bounded as parseAmount bounds what is typed (15 integer digits, 8 decimals).
const amountText = z
  .string()
  .regex(/^-?\d{1,15}(\.\d{1,8})?$/, '应是数字，如 0.01（整数最多 15 位，小数最多 8 位）');

const marginMm = z
  .number()
  .min(PAGE_MARGIN_MIN_MM, `页边距应在 ${PAGE_MARGIN_MIN_MM}—${PAGE_MARGIN_MAX_MM} 毫米之间`)
  .max(PAGE_MARGIN_MAX_MM, `页边距应在 ${PAGE_MARGIN_MIN_MM}—${PAGE_MARGIN_MAX_MM} 毫米之间`);

/** 页面设置 as the file stores it; which table ids it may name is checked against the forms in readDocument. */
export const pageSetupSchema = z.object({
  orientation: z.record(z.string(), z.enum(['portrait', 'landscape'])).optional(),
  fit: z.enum(['auto', 'width', 'onePage', 'scale']).optional(),
  scale: z
    .number()
    .int('缩放比例应是整数')
    .min(PAGE_SCALE_MIN, `缩放比例应在 ${PAGE_SCALE_MIN}%—${PAGE_SCALE_MAX}% 之间`)
    .max(PAGE_SCALE_MAX, `缩放比例应在 ${PAGE_SCALE_MIN}%—${PAGE_SCALE_MAX}% 之间`)
    .optional(),
  margins: z.object({ top: marginMm, bottom: marginMm, side: marginMm }).optional(),
  tables: z.array(z.string()).min(1, '至少要选一张表').optional(),
  cover: z.boolean().optional(),
  toc: z.boolean().optional(),
  repeatHeader: z.boolean().optional(),
});

export const documentSchema = z.object({
  format: z.literal('gongkai'),
  version: z.number().int().positive(),
  formYear: z.number().int().min(2000).max(2100),
  profile: z
    .object({
      id: z.string().regex(/^[a-z][a-z0-9-]*$/, '应是表样的标识，如 shanghai'),
      year: z.number().int(),
    })
    .optional(),
  unit: z.object({
    name: z.string(),
    year: z.number().int().min(2000).max(2100),
    moneyUnit: z.enum(['万元', '元']),
    publishDate: z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/, '应是 YYYY-MM-DD 格式的日期'),
    phone: z.string(),
  }),
  settings: z.object({
    tolerance: amountText,
    ruleTolerance: z.record(z.string(), amountText).optional(),
  }),
  tables: z.record(
    z.string(),
    z.object({
      rows: z
        .array(
          z.object({
            code: z.string().regex(/^\d{3}(\d{2}){0,2}$/, '科目编码应是3、5或7位数字'),
            name: z.string(),
          }),
        )
        .optional(),
      values: z.record(z.string(), z.record(z.string(), z.string())),
      note: z.string().optional(),
    }),
  ),
  catalog: z
    .object({
      replace: z.boolean(),
      entries: z.array(z.object({ code: z.string().regex(/^\d{3}(\d{2}){0,2}$/), name: z.string().min(1) })),
    })
    .optional(),
  sections: z.record(z.string(), sectionSchema).optional(),
  facts: factsSchema.optional(),
  performance: performanceSchema.optional(),
  findingNotes: z.record(z.string(), z.string().max(2000, '说明不能超过 2000 字')).optional(),
  consolidation: z.object({ members: z.array(z.string().min(1, '成员路径不能为空')) }).optional(),
  pageSetup: pageSetupSchema.optional(),
});
