/**
 * The contract between a form profile and the code: every name the code looks up in a profile's publication data.
 * loadFormSet checks each against the profile, so a misspelt or missing quantity fails loudly when the profile
 * loads instead of reading as 0万元 later.
 */

/**
 * The 收入 sources the 收入决算情况说明 and 图2 list, in the forms' order — quantity names of the publication,
 * shares of 本年收入合计.
 */
export const INCOME_SOURCES = [
  '财政拨款收入',
  '上级补助收入',
  '事业收入',
  '经营收入',
  '附属单位上缴收入',
  '其他收入',
] as const;

/** The kinds of 支出 the 支出决算情况说明 and 图3 list, in the forms' order — shares of 本年支出合计. */
export const EXPENDITURE_KINDS = [
  '基本支出',
  '项目支出',
  '上缴上级支出',
  '经营支出',
  '对附属单位补助支出',
] as const;

/** The “三公” items the text check and the drafts pair as …预算 / …决算. */
export const THREE_PUBLIC_ITEMS = [
  '三公经费',
  '因公出国（境）费',
  '公务用车购置及运行维护费',
  '公务用车购置费',
  '公务用车运行维护费',
  '公务接待费',
] as const;

/** Quantities the drafts, the text check, the charts and the 绩效 checks read by name: every profile defines them. */
export const REQUIRED_QUANTITIES = [
  '收支总计',
  '收入总计',
  '支出总计',
  '本年收入合计',
  '本年支出合计',
  '使用非财政拨款结余',
  '年初结转和结余',
  '结余分配',
  '年末结转和结余',
  ...INCOME_SOURCES,
  ...EXPENDITURE_KINDS,
  '一般公共预算财政拨款收入',
  '政府性基金预算财政拨款收入',
  '国有资本经营预算财政拨款收入',
  '财政拨款收支总计',
  '一般公共预算财政拨款支出',
  '一般公共预算财政拨款基本支出',
  '一般公共预算财政拨款项目支出',
  '人员经费',
  '公用经费',
  '政府性基金预算财政拨款本年收入',
  '政府性基金预算财政拨款本年支出',
  '国有资本经营预算财政拨款支出',
  ...THREE_PUBLIC_ITEMS.flatMap((i) => [`${i}预算`, `${i}决算`] as const),
] as const;

/** A quantity name the code may look up. */
export type QuantityName = (typeof REQUIRED_QUANTITIES)[number];

/** Quantities the charts read from the publication's metrics or, failing that, its chartReferences. */
export const CHART_QUANTITIES = ['财政拨款支出总计'] as const;

/** The draft generators the code has; a section may name only these. */
export const DRAFT_IDS = [
  'totals',
  'income',
  'expenditure',
  'fiscal',
  'general',
  'basic',
  'fund',
  'capital',
  'threePublic',
  'operation',
  'procurement',
  'assets',
  'performance',
] as const;

export type DraftId = (typeof DRAFT_IDS)[number];
