import { z } from '../zod';

/** One cell of the official multi-row header, placed left to right as in an HTML table. */
export const headerCellSchema = z.object({
  text: z.string(),
  colSpan: z.number().int().positive().optional(),
  rowSpan: z.number().int().positive().optional(),
});

/** A value column: its 栏次 key, the printed 栏次 number (if the form prints one) and its name. */
export const valueColumnSchema = z.object({
  key: z.string().min(1),
  no: z.number().int().positive().optional(),
  label: z.string(),
});

/** A fixed row of a fixed-row form (公开01/04/06/09). */
export const fixedRowSchema = z.object({
  key: z.string().min(1),
  lineNo: z.number().int().positive().optional(),
  /** 科目编码 the row stands for (公开01/04 支出功能类, 公开06 经济分类). */
  code: z.string().regex(/^\d+$/).optional(),
  label: z.string().optional(),
  /** A 行次 printed with nothing in it. */
  blank: z.boolean().optional(),
  total: z.boolean().optional(),
  indent: z.number().int().min(0).max(3).optional(),
  /** Footer rows are laid out by the template's `footer` (公开06表 人员经费合计 / 公用经费合计). */
  placement: z.enum(['body', 'footer']).optional(),
});

export const blockSchema = z.object({
  id: z.string().min(1),
  title: z.string().optional(),
  /** Which descriptive columns precede the values: 项目/行次 (fixed) or 科目编码/科目名称. */
  show: z.array(z.enum(['label', 'lineNo', 'code', 'codeLevels', 'name'])),
  columns: z.array(valueColumnSchema).min(1),
  rows: z.array(fixedRowSchema).optional(),
});

export const footerCellSchema = z.object({
  text: z.string().optional(),
  row: z.string().optional(),
  col: z.string().optional(),
  colSpan: z.number().int().positive().optional(),
});

export const ruleSchema = z.object({
  id: z.string().regex(/^[\w-]+$/),
  /** The rule in the official notation (see src-core/formula). Several equations may be separated by ；. */
  formula: z.string().min(1),
  /** define: the left-hand cells are derived from the right (unless the user filled them); check: audit only. */
  role: z.enum(['define', 'check']),
  /** 强制 (error) or 提示 (warning). */
  severity: z.enum(['error', 'warning']),
  description: z.string().min(1),
  rationale: z.string().optional(),
  /**
   * Computes its cells ahead of the printed formulas when both could (e.g. a 类's 1栏 from its 款 rather than
   * from its own 2–6栏): the other formula then only checks.
   */
  computesFirst: z.boolean().optional(),
});

export const tableTemplateSchema = z.object({
  id: z.string().regex(/^\d{2}$/),
  /** 公开01表 … on the national forms; profiles whose forms print no code name them 表一 … (printCode false). */
  code: z.string().min(1),
  /** false: the form prints no table code (上海): the Excel/print title block leaves it out, import ignores it. */
  printCode: z.boolean().optional(),
  title: z.string().min(1),
  /**
   * How the lines above the table print, where the form differs from the national one (“{年度}年度{表名}”, 公开NN表,
   * 部门：…, 金额单位：…): a line above the title (上海: “{单位}{年度}年度部门决算表”), the title, whether the
   * 部门 line prints, the unit line. {单位}, {年度}, {表名}, {金额单位} are filled in; others fail the load.
   */
  titleBlock: z
    .object({
      heading: z.string().min(1).optional(),
      title: z.string().min(1).optional(),
      department: z.boolean().optional(),
      moneyUnit: z.string().min(1).optional(),
    })
    .optional(),
  shortTitle: z.string().min(1),
  unit: z.string().min(1),
  orientation: z.enum(['portrait', 'landscape']),
  kind: z.enum(['fixed', 'classification']),
  totalRow: z
    .object({
      key: z.string(),
      label: z.string(),
      /** Where the form prints the 合计 row: above the 科目 (default) or below them (上海 表五). */
      position: z.enum(['top', 'bottom']).optional(),
    })
    .optional(),
  blocks: z.array(blockSchema).min(1),
  header: z.array(z.array(headerCellSchema).min(1)).min(1),
  footer: z.array(z.array(footerCellSchema)).optional(),
  /** The formulas exactly as printed in the notes; each defines the cells on its left. */
  formulas: z.array(z.string()),
  /** The note lines exactly as printed under the form. */
  notes: z.array(z.string()),
  /** Rules the form assumes without printing them. */
  rules: z.array(ruleSchema),
});

export const interTableRulesSchema = z.object({
  description: z.string().optional(),
  rules: z.array(ruleSchema),
});

const CATALOG_CODE = /^\d{3}(\d{2}){0,2}$/;

/** One 科目 of a catalog. */
export interface CatalogEntryData {
  readonly code: string;
  readonly name: string;
}

/**
 * A catalog's 科目, checked in one loop: a catalog holds thousands of them, and zod's parse of each as an object
 * cost about a tenth of what `gongkai check` adds to Node's own start. Every entry is still checked, each problem
 * named by its place.
 */
const catalogEntriesSchema = z.array(z.unknown()).transform((entries, ctx) => {
  entries.forEach((e, i) => {
    const entry = (typeof e === 'object' && e !== null ? e : {}) as { code?: unknown; name?: unknown };
    if (typeof entry.code !== 'string' || !CATALOG_CODE.test(entry.code))
      ctx.addIssue({ code: 'custom', path: [i, 'code'], message: '科目编码应为 3、5 或 7 位数字' });
    if (typeof entry.name !== 'string' || entry.name.length === 0)
      ctx.addIssue({ code: 'custom', path: [i, 'name'], message: '科目名称不能为空' });
  });
  return entries as CatalogEntryData[];
});

export const catalogSchema = z.object({
  name: z.string(),
  source: z.string().optional(),
  year: z.number().int(),
  entries: catalogEntriesSchema,
});

export type HeaderCell = z.infer<typeof headerCellSchema>;
export type ValueColumn = z.infer<typeof valueColumnSchema>;
export type FixedRow = z.infer<typeof fixedRowSchema>;
export type Block = z.infer<typeof blockSchema>;
export type FooterCell = z.infer<typeof footerCellSchema>;
export type RuleDef = z.infer<typeof ruleSchema>;
export type TableTemplate = z.infer<typeof tableTemplateSchema>;
export type InterTableRules = z.infer<typeof interTableRulesSchema>;
export type CatalogData = z.infer<typeof catalogSchema>;
