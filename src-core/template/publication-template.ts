import { z } from '../zod';
import { statementPhrasesSchema } from './statement-phrases';

const sectionTemplate = z.object({
  key: z.string().regex(/^[a-zA-Z]+\.[a-zA-Z]+$/),
  heading: z.string(),
  /** Which draft generator fills it from the tables and facts. */
  draft: z.string().optional(),
  /** Which chart stands under it. */
  chart: z.enum(['totals', 'income', 'expenditure', 'fiscal']).optional(),
  /** Paragraphs pre-filled in a new document ({单位}, {年度} are replaced). */
  default: z.array(z.string()).optional(),
  /**
   * Which money the section speaks of, for the text check: `general` — 一般公共预算财政拨款 (its 基本支出 and 项目支出
   * are that fund's); `performance` — the 绩效 of its projects (项目, 资金 are its 项目支出). Otherwise all funds.
   */
  scope: z.enum(['general', 'performance']).optional(),
  /**
   * The classification table whose 类/款/项 rows the section's item sentences name (政府性基金 → its own table, column
   * of the amount spent); without it, the publication's `classes`.
   */
  classes: z.object({ table: z.string(), column: z.string() }).optional(),
  /** The sentences the official template gives for the section, XXX marking what is filled in ({单位}, {年度}, {上年}). */
  patterns: z.array(z.string()).optional(),
  /** The named quantity a share (占…%) is of when the sentence does not say. */
  shareBase: z.string().optional(),
  /** In a 汇总 document this section lists the 单位构成 (本级 and the member units), kept to the member list. */
  unitList: z.boolean().optional(),
  /**
   * The section holds a table of its units (部门决算单位构成: 序号, 单位名称, 备注, 本级 first), printed under its
   * paragraphs, as the template prints it; the headings are the three column titles. Only on the unitList section.
   */
  unitTable: z.object({ columns: z.tuple([z.string(), z.string(), z.string()]) }).optional(),
});

/** The publication's six parts, their sections, and the named quantities its text talks about. */
export const publicationTemplateSchema = z.object({
  description: z.string().optional(),
  parts: z
    .array(
      z.object({
        key: z.string(),
        /** The short name the editor's navigation shows after 第N部分 (概况, 情况说明 …). */
        nav: z.string().optional(),
        /** Its text states numbers about the tables and facts, checked against them (情况说明). */
        checkNumbers: z.boolean().optional(),
        title: z.string(),
        sections: z.array(sectionTemplate).optional(),
        tables: z.boolean().optional(),
        performance: z.boolean().optional(),
      }),
    )
    .min(1),
  /** Named quantities → a cell in the official notation (`公开01表31行`, `公开03表[合计]2栏`). */
  metrics: z.record(z.string(), z.string()),
  /** Where the 类 breakdown of 一般公共预算财政拨款支出 comes from. */
  classes: z.object({ table: z.string(), column: z.string(), description: z.string().optional() }),
  /** Where the 经济分类 items of 基本支出 stand (each row holds its amount in its one column). */
  economic: z
    .object({
      table: z.string(),
      description: z.string().optional(),
      /** The 经济分类 类 codes whose 款 make up 人员经费 (301, 303) and 公用经费 (302, 310). */
      personnel: z.array(z.string().regex(/^\d{3}$/)),
      public: z.array(z.string().regex(/^\d{3}$/)),
    })
    .optional(),
  /**
   * Cells the charts read when no named quantity gives them (kept apart from `metrics`, which last year's file is
   * read into).
   */
  chartReferences: z.record(z.string(), z.string()).optional(),
  /** How the text check reads this profile's 情况说明: subjects, the statement words, what must add up. */
  statements: statementPhrasesSchema.optional(),
});

export type PublicationTemplate = z.infer<typeof publicationTemplateSchema>;
export type SectionTemplate = z.infer<typeof sectionTemplate>;
