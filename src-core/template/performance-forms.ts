import { z } from '../zod';
import {
  indicatorSchema,
  overallFormSchema,
  projectFormSchema,
  summaryFormSchema,
} from './performance-schema';
import { TemplateError } from './template-error';

/*
 * A “form-table” template: an irregular printed form (绩效自评表) as data. Unlike the nine 公开表, whose header sits
 * above uniform rows of amounts, these forms mix label cells and value cells with spans in every row, and hold one
 * repeating list (the 绩效指标, the 汇总表's projects). A template says, band by band from top to bottom, which cell
 * is printed text and which shows a field of the form's data (`doc.performance.summary|overall|projects[i]`), so the
 * editor and the print lay the form out the same way from the same data.
 */

const span = z.number().int().min(1).max(20).optional();

/** Printed text: a label such as 项目名称 or a column heading such as 预算数（A）. */
const labelCell = z.object({ text: z.string(), colSpan: span, rowSpan: span });

/** How a field is typed in: one line, several lines, an amount in 万元, a percentage, one ticked option. */
const inputKind = z.enum(['text', 'textarea', 'amount', 'percent', 'choice']);

/** A cell showing one field of the form's data. */
const fieldCell = z.object({
  field: z.string(),
  input: inputKind.optional(),
  /** The field's name in messages (执行率 for the cell under 执行率（B/A）); default: the label to its left. */
  name: z.string().optional(),
  /** The ticked option's label is stored; the form prints every option with ☑/☐ (1、部门预算项目 ☑ 2、省直专项 ☐). */
  options: z.array(z.string().min(1)).min(2).optional(),
  /** Printed after the value (348.29万元). */
  suffix: z.string().optional(),
  placeholder: z.string().optional(),
  colSpan: span,
  rowSpan: span,
});

/**
 * A value the form shows but nobody types: 单位名称 (from 单位信息), 合计 (Σ of the list), 序号 (in a list).
 */
const computedKind = z.enum(['unitName', 'total', 'index']);
const computedCell = z.object({
  computed: computedKind,
  name: z.string().optional(),
  /** For total: the list column summed. */
  of: z.string().optional(),
  suffix: z.string().optional(),
  colSpan: span,
  rowSpan: span,
});

const cellSchema = z.union([fieldCell, computedCell, labelCell]);

const rowBand = z.object({ type: z.literal('row'), cells: z.array(cellSchema).min(1) });

/** One column of a repeating list: a field of each item, or its 序号. */
const listColumn = z.object({
  key: z.string().optional(),
  computed: z.literal('index').optional(),
  /** The column heading as printed (年初目标值（A）). */
  text: z.string(),
  input: inputKind.optional(),
  /** An empty cell continues the cell above: printed merged over its group's rows (一级/二级指标). */
  merge: z.boolean().optional(),
  colSpan: span,
});

const listBand = z.object({
  type: z.literal('list'),
  /** The array in the form's data: indicators, rows. */
  field: z.string(),
  /** What one item is called in the editor and in messages: 绩效指标, 项目. */
  item: z.string().min(1),
  /** A label printed down the left of the heading and all items (年度绩效目标), merged. */
  side: labelCell.optional(),
  columns: z.array(listColumn).min(1),
});

const bandSchema = z.discriminatedUnion('type', [rowBand, listBand]);

/** A line printed above the table: 填报日期：2024年6月19日. */
const metaItem = z.union([
  z.object({
    text: z.string(),
    field: z.string(),
    input: inputKind.optional(),
    placeholder: z.string().optional(),
  }),
  z.object({ text: z.string(), computed: z.literal('unitName') }),
]);

export const formTableTemplateSchema = z.object({
  kind: z.literal('form-table'),
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  /** Which part of `doc.performance` the form shows: the 汇总表, the 部门整体表, or each 项目表 (one per project). */
  form: z.enum(['summary', 'overall', 'project']),
  /** 项目绩效自评表 */
  name: z.string().min(1),
  /** The printed title; {年度}, {单位}, {项目名称} are filled in. */
  title: z.string().min(1),
  /** The title in locations of messages (附件 新闻宣传、政务新媒体项目绩效自评表 执行率). */
  shortTitle: z.string().min(1),
  /** Relative column widths; their number is the form's number of columns. */
  columns: z.array(z.number().positive()).min(1),
  /** Lines above the table, left to right (单位名称, 填报日期, 绩效自评覆盖率). */
  meta: z.array(metaItem),
  bands: z.array(bandSchema).min(1),
  /** The note lines exactly as printed under the form (备注：1. …). */
  notes: z.array(z.string()),
});

export type FormTableTemplate = z.infer<typeof formTableTemplateSchema>;
export type FormCell = z.infer<typeof cellSchema>;
export type FormFieldCell = z.infer<typeof fieldCell>;
export type FormComputedCell = z.infer<typeof computedCell>;
export type FormLabelCell = z.infer<typeof labelCell>;
export type FormRowBand = z.infer<typeof rowBand>;
export type FormListBand = z.infer<typeof listBand>;
export type FormListColumn = z.infer<typeof listColumn>;
export type FormBand = z.infer<typeof bandSchema>;
export type FormMetaItem = z.infer<typeof metaItem>;
export type FormInput = z.infer<typeof inputKind>;
export type PerformanceFormKind = FormTableTemplate['form'];

export function isFieldCell(c: FormCell): c is FormFieldCell {
  return 'field' in c;
}
export function isComputedCell(c: FormCell): c is FormComputedCell {
  return 'computed' in c;
}

/** The three 绩效自评表 templates of a form year. */
export interface PerformanceTemplates {
  readonly summary: FormTableTemplate;
  readonly overall: FormTableTemplate;
  readonly project: FormTableTemplate;
}

interface FieldSet {
  readonly known: readonly string[];
  /** Amounts in 万元, typed through parseAmount. */
  readonly amounts: readonly string[];
}

/** The fields each form has (plain, and those of each item of its list). */
const FIELDS: Record<PerformanceFormKind, { plain: FieldSet; lists: Record<string, FieldSet> }> = {
  summary: {
    plain: { known: Object.keys(summaryFormSchema.shape).filter((k) => k !== 'rows'), amounts: [] },
    lists: { rows: { known: ['name', 'unit', 'amount'], amounts: ['amount'] } },
  },
  overall: {
    plain: {
      known: Object.keys(overallFormSchema.shape).filter((k) => k !== 'indicators'),
      amounts: ['basicTotal', 'projectTotal'],
    },
    lists: { indicators: { known: Object.keys(indicatorSchema.shape), amounts: [] } },
  },
  project: {
    plain: {
      known: Object.keys(projectFormSchema.shape).filter((k) => k !== 'indicators'),
      amounts: ['budget', 'actual'],
    },
    lists: { indicators: { known: Object.keys(indicatorSchema.shape), amounts: [] } },
  },
};
const PLACEHOLDERS = new Set(['年度', '单位', '项目名称']);

/**
 * Validates one form-table template: the schema, then what the schema cannot say — every row of the table is
 * exactly as wide as the form (spans and cells merged from rows above included), every field exists in the form's
 * data and amounts are typed as amounts, every {placeholder} is known.
 *
 * @returns the problems in Chinese; empty when the template is sound.
 */
export function validateFormTemplate(raw: unknown): { template?: FormTableTemplate; problems: string[] } {
  const parsed = formTableTemplateSchema.safeParse(raw);
  const name =
    typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string'
      ? `表单模板“${(raw as { id: string }).id}”`
      : '表单模板';
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((i) => `${name} ${i.path.join('.') || '（根）'}：${i.message}`),
    };
  }
  const t = parsed.data;
  const problems: string[] = [];
  const width = t.columns.length;
  const fields = FIELDS[t.form];

  for (const m of [t.title, t.shortTitle]) {
    for (const [, key] of m.matchAll(/\{([^}]*)\}/g)) {
      if (!PLACEHOLDERS.has(key as string)) problems.push(`${name} 标题：不认识的占位符 {${key}}`);
      if (key === '项目名称' && t.form !== 'project')
        problems.push(`${name} 标题：只有项目绩效自评表的标题可以用 {项目名称}`);
    }
  }
  const checkField = (field: string, input: FormInput | undefined, where: string, set: FieldSet) => {
    if (!set.known.includes(field)) {
      problems.push(`${name} ${where}：没有“${field}”这个字段（可用：${set.known.join('、')}）`);
      return;
    }
    const amount = set.amounts.includes(field);
    if (amount !== (input === 'amount'))
      problems.push(
        `${name} ${where}：字段“${field}”${amount ? '是金额，应写 input: amount' : '不是金额，不能用 input: amount'}`,
      );
  };
  t.meta.forEach((m, i) => {
    if ('field' in m) checkField(m.field, m.input, `表头第${i + 1}项`, fields.plain);
  });

  // Cells merged down from rows above: how many more rows each column stays taken.
  let carried: number[] = new Array<number>(width).fill(0);
  let lists = 0;
  t.bands.forEach((band, b) => {
    const where = `第${b + 1}段`;
    if (band.type === 'list') {
      lists++;
      if (carried.some((n) => n > 0)) problems.push(`${name} ${where}：上方有跨行的单元格伸进了列表`);
      carried = new Array<number>(width).fill(0);
      const known = fields.lists[band.field];
      if (!known) {
        problems.push(
          `${name} ${where}：没有“${band.field}”这个列表（可用：${Object.keys(fields.lists).join('、')}）`,
        );
        return;
      }
      let w = band.side ? (band.side.colSpan ?? 1) : 0;
      if (band.side?.rowSpan) problems.push(`${name} ${where}：列表左侧的标签自动跨过全部行，不写 rowSpan`);
      band.columns.forEach((c, i) => {
        w += c.colSpan ?? 1;
        if ((c.key === undefined) === (c.computed === undefined))
          problems.push(`${name} ${where} 第${i + 1}列：应写 key 或 computed: index 之一`);
        if (c.key !== undefined) checkField(c.key, c.input, `${where} 第${i + 1}列`, known);
        if (c.merge && !band.columns.slice(0, i).every((p) => p.merge || p.computed))
          problems.push(`${name} ${where} 第${i + 1}列：合并的列应排在最左边（逐级合并）`);
      });
      if (w !== width) problems.push(`${name} ${where}：列表一行占 ${w} 列，表单有 ${width} 列`);
      return;
    }
    // A row: its cells fill, left to right, the columns not taken by cells merged from above.
    const taken = carried.map((n) => n > 0);
    const next = carried.map((n) => Math.max(0, n - 1));
    let col = 0;
    for (const [i, cell] of band.cells.entries()) {
      while (taken[col]) col++;
      const cs = cell.colSpan ?? 1;
      const rs = cell.rowSpan ?? 1;
      if (col + cs > width) {
        problems.push(`${name} ${where} 第${i + 1}格：超出了表单的 ${width} 列`);
        break;
      }
      for (let c = col; c < col + cs; c++) {
        if (taken[c]) problems.push(`${name} ${where} 第${i + 1}格：与上方跨行的单元格重叠`);
        taken[c] = true;
        next[c] = rs - 1;
      }
      col += cs;
      if (isFieldCell(cell)) {
        checkField(cell.field, cell.input, `${where} 第${i + 1}格`, fields.plain);
        if ((cell.input === 'choice') !== (cell.options !== undefined))
          problems.push(`${name} ${where} 第${i + 1}格：选项（options）与 input: choice 应同时出现`);
      } else if (isComputedCell(cell)) {
        if (cell.computed === 'index') problems.push(`${name} ${where} 第${i + 1}格：序号只能用在列表里`);
        if (cell.computed === 'total') {
          const list = t.bands.find((x): x is FormListBand => x.type === 'list');
          if (!list || !list.columns.some((c) => c.key === cell.of && c.input === 'amount'))
            problems.push(`${name} ${where} 第${i + 1}格：合计应写 of: 列表里的金额列`);
        }
      }
    }
    const filled = taken.filter(Boolean).length;
    if (filled !== width) problems.push(`${name} ${where}：这一行占 ${filled} 列，表单有 ${width} 列`);
    carried = next;
  });
  if (carried.some((n) => n > 0)) problems.push(`${name}：最后一行的单元格跨出了表格`);
  if (lists > 1) problems.push(`${name}：一张表单只能有一个列表`);
  return problems.length > 0 ? { problems } : { template: t, problems };
}

/**
 * Loads the 绩效自评表 templates of a form year (any order); throws TemplateError listing every problem, or when
 * one of the three forms is missing or given twice.
 */
export function loadPerformanceTemplates(raw: readonly unknown[]): PerformanceTemplates {
  const problems: string[] = [];
  const byForm = new Map<PerformanceFormKind, FormTableTemplate>();
  for (const r of raw) {
    const v = validateFormTemplate(r);
    problems.push(...v.problems);
    if (!v.template) continue;
    if (byForm.has(v.template.form)) problems.push(`表单模板“${v.template.id}”：${v.template.name}重复`);
    byForm.set(v.template.form, v.template);
  }
  const names: Record<PerformanceFormKind, string> = {
    summary: '绩效自评情况汇总表',
    overall: '部门整体绩效自评表',
    project: '项目绩效自评表',
  };
  for (const form of ['summary', 'overall', 'project'] as const) {
    if (!byForm.has(form) && problems.length === 0) problems.push(`缺少${names[form]}的表单模板`);
  }
  if (problems.length > 0) throw new TemplateError(problems);
  return {
    summary: byForm.get('summary') as FormTableTemplate,
    overall: byForm.get('overall') as FormTableTemplate,
    project: byForm.get('project') as FormTableTemplate,
  };
}
