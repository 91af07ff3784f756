import type { GongkaiDocument } from '../document/types';
import type { Indicator, OverallForm, ProjectForm, SummaryForm } from '../template/performance-schema';
import { Decimal, formatAmount } from '../money';
import { percentOf } from '../publication/text-format';
import type { FormListBand, FormListColumn, FormTableTemplate } from '../template/performance-forms';

/*
 * What the editor, the print and the checks share about the 绩效自评表: titles, the merged cells of the indicator
 * list, the computed values (合计, 执行率), and empty forms to start from.
 */

/** The data of one of the three forms. */
export type PerformanceFormData = SummaryForm | OverallForm | ProjectForm;

/** The form's title: as the form stores it, or the template's pattern with 年度, 单位 and 项目名称 filled in. */
export function formTitle(
  template: FormTableTemplate,
  doc: GongkaiDocument,
  data?: PerformanceFormData,
): string {
  const own = data?.title?.trim();
  if (own) return own;
  return fillPattern(template.title, doc, data);
}

/** The template's short title (部门整体绩效自评表, 新闻宣传、政务新媒体项目绩效自评表) for locations of messages. */
export function formShortTitle(
  template: FormTableTemplate,
  doc: GongkaiDocument,
  data?: PerformanceFormData,
): string {
  return fillPattern(template.shortTitle, doc, data);
}

function fillPattern(pattern: string, doc: GongkaiDocument, data?: PerformanceFormData): string {
  const values: Record<string, string> = {
    年度: String(doc.unit.year),
    单位: doc.unit.name,
    项目名称: data && 'name' in data ? data.name : '',
  };
  return pattern.replace(/\{([^}]*)\}/g, (all, key: string) => values[key] ?? all);
}

/** The template's list band (the 绩效指标 or the 汇总表's projects). */
export function listBand(template: FormTableTemplate): FormListBand | undefined {
  return template.bands.find((b): b is FormListBand => b.type === 'list');
}

/** A heading without its parenthesised tag: 年初目标值（A） → 年初目标值, 执行率（B/A） → 执行率. */
export function plainLabel(text: string): string {
  return text.replace(/\s*[（(][^（()）]*[）)]\s*$/, '').trim();
}

/**
 * For every item and every merged column of a list: how many rows the cell spans (≥ 1), or 0 when it is covered
 * by the cell above. An empty cell continues the one above when the columns to its left continue too — so 二级指标
 * never merges across a new 一级指标.
 */
export function mergeSpans(
  items: readonly Record<string, string | undefined>[],
  columns: readonly FormListColumn[],
): number[][] {
  const merged = columns.filter((c) => c.merge && c.key !== undefined).map((c) => c.key as string);
  const continues = items.map((item, i) => {
    const out: boolean[] = [];
    let parentContinues = true;
    for (const key of merged) {
      const c: boolean = i > 0 && parentContinues && (item[key] ?? '').trim() === '';
      out.push(c);
      parentContinues = c;
    }
    return out;
  });
  return items.map((_, i) =>
    merged.map((_, m) => {
      if (continues[i]?.[m]) return 0;
      let n = 1;
      while (continues[i + n]?.[m]) n++;
      return n;
    }),
  );
}

/** The keys of a list's merged columns, in order (what mergeSpans' inner arrays are indexed by). */
export function mergedKeys(columns: readonly FormListColumn[]): string[] {
  return columns.filter((c) => c.merge && c.key !== undefined).map((c) => c.key as string);
}

/** Each item with its merged cells filled from the cells above (the names a reader sees for that row). */
export function resolvedItems<T extends Record<string, string | undefined>>(
  items: readonly T[],
  columns: readonly FormListColumn[],
): T[] {
  const keys = mergedKeys(columns);
  const spans = mergeSpans(items, columns);
  const out: T[] = [];
  items.forEach((item, i) => {
    const copy: Record<string, string | undefined> = { ...item };
    keys.forEach((k, m) => {
      if (spans[i]?.[m] === 0) copy[k] = out[i - 1]?.[k];
    });
    out.push(copy as T);
  });
  return out;
}

type Item = Record<string, string | undefined>;

/** The items with `item` inserted after position `after` (-1: first); its empty merged cells join the group above. */
export function insertItem<T>(items: readonly T[], after: number, item: T): T[] {
  const out = [...items];
  out.splice(after + 1, 0, item);
  return out;
}

/**
 * The items without the one at `index`. When it heads a merged cell that rows below continue, the name moves
 * down to the next row, so the rest of the group keeps it.
 */
export function removeItem<T extends Item>(
  items: readonly T[],
  index: number,
  columns: readonly FormListColumn[],
): T[] {
  const keys = mergedKeys(columns);
  const spans = mergeSpans(items, columns);
  const out = [...items];
  const next = out[index + 1];
  if (next) {
    const moved: Item = { ...next };
    keys.forEach((k, m) => {
      if ((spans[index]?.[m] ?? 0) > 1) moved[k] = items[index]?.[k];
    });
    out[index + 1] = moved as T;
  }
  out.splice(index, 1);
  return out;
}

/**
 * Whether the item's cell in a merged column is merged with the cell above (empty and continuing), and whether it
 * could be: only when the columns to its left continue too.
 */
export function mergeState(
  items: readonly Item[],
  index: number,
  key: string,
  columns: readonly FormListColumn[],
): { merged: boolean; possible: boolean } {
  const keys = mergedKeys(columns);
  const m = keys.indexOf(key);
  if (index === 0 || m < 0) return { merged: false, possible: false };
  const spans = mergeSpans(items, columns);
  const parentsContinue = keys.slice(0, m).every((_, p) => spans[index]?.[p] === 0);
  return { merged: spans[index]?.[m] === 0, possible: parentsContinue };
}

/**
 * Merges the item's cell with the one above (by emptying it) or splits it off (by giving it the name it showed),
 * in a merged column.
 */
export function setMerged<T extends Item>(
  items: readonly T[],
  index: number,
  key: string,
  merged: boolean,
  columns: readonly FormListColumn[],
): T[] {
  const out = [...items];
  const item = out[index];
  if (!item) return out;
  const shown = resolvedItems(items, columns)[index]?.[key] ?? '';
  out[index] = { ...item, [key]: merged ? '' : shown };
  return out;
}

/** 执行率 as the editor shows it beside the written one: 93.26%; '' when it cannot be computed. */
export function rateText(project: Pick<ProjectForm, 'budget' | 'actual'>): string {
  const a = amountOf(project.budget);
  const b = amountOf(project.actual);
  return executionRate(project) === null ? '' : `${percentOf(b as Decimal, a as Decimal)}%`;
}

/** The amount a form field holds, or null when it is empty. */
export function amountOf(text: string | undefined): Decimal | null {
  if (typeof text !== 'string' || text.trim() === '') return null;
  try {
    const d = new Decimal(text);
    return d.isFinite() ? d : null;
  } catch {
    return null;
  }
}

/** Σ of an amount column of a list (empty cells count 0); null when no item has an amount. */
export function listTotal(items: readonly object[], key: string): Decimal | null {
  let total: Decimal | null = null;
  for (const item of items) {
    const v = amountOf((item as Record<string, unknown>)[key] as string | undefined);
    if (v) total = (total ?? new Decimal(0)).plus(v);
  }
  return total;
}

/** 合计 of the 汇总表: Σ 财政资金总额; null when no row has an amount. */
export function summaryTotal(summary: SummaryForm | undefined): Decimal | null {
  return listTotal(summary?.rows ?? [], 'amount');
}

/** 执行率 B/A in percent, unrounded; null when A or B is empty or A is 0. */
export function executionRate(project: Pick<ProjectForm, 'budget' | 'actual'>): Decimal | null {
  const a = amountOf(project.budget);
  const b = amountOf(project.actual);
  if (a === null || b === null || a.isZero()) return null;
  return b.div(a).times(100);
}

/** A percentage as written (93%, 93.26％, 93): its number, or null when it is not one. */
export function parsePercent(text: string): Decimal | null {
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*[%％]?\s*$/.exec(text);
  return m ? new Decimal(m[1] as string) : null;
}

/** An amount in 万元 as the forms print it: 1,023.66 (two decimals, thousands separators); '' when empty. */
export function printedAmount(text: string | undefined): string {
  const d = amountOf(text);
  return d === null ? (text ?? '') : formatAmount(d);
}

export function emptyIndicator(): Indicator {
  return { level1: '', level2: '', level3: '', kind: '', target: '', actual: '' };
}

export function emptySummary(): SummaryForm {
  return { fillDate: '', coverage: '', rows: [] };
}

export function emptyOverall(): OverallForm {
  return {
    fillDate: '',
    basicTotal: '',
    projectTotal: '',
    goals: '',
    indicators: [emptyIndicator()],
    deviation: '',
    improvement: '',
  };
}

/** A new 项目绩效自评表 with the options most projects tick and the unit as 主管部门 and 项目实施单位. */
export function emptyProject(unitName = ''): ProjectForm {
  return {
    name: '',
    fillDate: '',
    department: unitName,
    implementer: unitName,
    category: '部门预算项目',
    attribute: '持续性项目',
    projectType: '常年性项目',
    budget: '',
    actual: '',
    rate: '',
    indicators: [emptyIndicator()],
    deviation: '',
    improvement: '',
  };
}
