import { z } from '../zod';

/**
 * Where a quantity the text states comes from: a named quantity of the publication template (`收支总计`, checked to
 * exist when the profile loads) or a 补充数据 fact (`fact:budget.total`, one of FACT_PATHS).
 */
const source = z.string().min(1);

/** 补充数据 a phrase may name, as `fact:<path>`. */
export const FACT_PATHS = [
  'budget.total',
  'procurement.total',
  'procurement.goods',
  'procurement.works',
  'procurement.services',
  'procurement.sme',
  'procurement.small',
  'assets.vehicles',
  'assets.equipment',
  'officeOperation',
  'vehiclesHeld',
  'performance.projects',
  'performance.projectBudget',
] as const;

const subject = z.object({
  /** How the text names it, as written (收支总计, 收、支总计, 收入支出总计 …). */
  terms: z.array(z.string().min(1)).min(1),
  /** Its name in findings; other subjects refer to it by this name (`scoped`). */
  name: z.string().min(1),
  actual: source.optional(),
  /** 年初预算, 全年预算 (按规定程序调整后), 调整预算: three different quantities. */
  initialBudget: source.optional(),
  fullBudget: source.optional(),
  adjustedBudget: source.optional(),
  /** Which of them a bare 预算 / 预算数 means for this subject (公开09表's 预算数 is the 全年预算). */
  budget: z.enum(['initial', 'full', 'adjusted']).optional(),
  /** Last year's figure: a metric name kept in 补充数据 › 上年数. */
  prior: z.string().optional(),
  priorBudget: z.string().optional(),
  /**
   * The same quantity in other tables (official notation). A text figure equal to one of them within 尾数 while the
   * main table differs is a 尾数 warning, not an error.
   */
  sameAs: z.array(z.string()).optional(),
  /** In sections of these scopes, the term means another subject (基本支出 in 一般公共预算 sections). */
  scoped: z.record(z.string(), z.string()).optional(),
  /** Counted things (车辆 …): the unit the count is written in. */
  unit: z.string().optional(),
  /** A subject only sections of these scopes speak of (项目, 资金 in 绩效). */
  onlyIn: z.array(z.string()).optional(),
  /**
   * A joint name (收、支总计) that stands for several subjects, in order, when a figure is listed for each
   * (收、支总计各是4125.49、4143.91万元: 收入总计, then 支出总计).
   */
  parts: z.array(z.string()).optional(),
});

/** The words of the 情况说明's statement kinds (the grammar's vocabulary). */
const words = z.object({
  up: z.array(z.string()).min(1),
  down: z.array(z.string()).min(1),
  /** 持平, 无变化 …: a change of zero. */
  flat: z.array(z.string()).min(1),
  share: z.array(z.string()).min(1),
  completion: z.array(z.string()).min(1),
  initialBudget: z.array(z.string()).min(1),
  fullBudget: z.array(z.string()).min(1),
  adjustedBudget: z.array(z.string()).min(1),
  budget: z.array(z.string()).min(1),
  /** 决算数大于预算数 / 小于. */
  overBudget: z.array(z.string()).min(1),
  underBudget: z.array(z.string()).min(1),
  /** 上年, 去年: the clause speaks of last year's figure. */
  priorYear: z.array(z.string()).min(1),
  /** 与…相比, 比, 较, 同比: a comparison, not a figure of that year. */
  compare: z.array(z.string()).min(1),
  /** 年初无预算, 未安排预算: a zero budget stated in words. */
  zeroBudget: z.array(z.string()).min(1),
  /** Where the text gives a change's cause (主要原因). */
  reason: z.array(z.string()).min(1),
  /** Words that may stand between a subject and its number without changing what the number is (为, 决算数 …). */
  fillers: z.array(z.string()).min(1),
  /** Several figures at once (各是 4125.49、4143.91万元): read in order against the subjects listed before. */
  several: z.array(z.string()).min(1),
});

/** The phrases and synonyms the text check reads a profile's 情况说明 with: data, checked when the profile loads. */
export const statementPhrasesSchema = z.object({
  subjects: z.array(subject).min(1),
  /** What a share (占…%) may be of. */
  bases: z.array(z.object({ terms: z.array(z.string().min(1)).min(1), value: source })).min(1),
  words,
  /** Fixed phrases whose numbers state nothing to check (单价100万元（含）以上). */
  ignore: z.array(z.string()),
  /** Template text left in (XXX, ××, 某某 …); 【待填写】 is reported on its own. */
  placeholders: z.array(z.string().min(1)),
  /** Counted categories whose counts must add up to a total stated with them (车辆 and its 用车 kinds). */
  sums: z.array(
    z.object({
      total: z.string(),
      parts: z.array(z.string()).min(1),
      /** parts ≤ total instead of parts = total (授予中小企业 ≤ 政府采购总额). */
      atMost: z.boolean().optional(),
    }),
  ),
  /** The 三公 items of 基本支出 (公开06表) against the 决算 columns of 公开09表: the 06 figure may not exceed it. */
  threePublicAcross: z.array(z.object({ name: z.string(), basic: z.string(), total: z.string() })),
  /** 机关运行经费 against 公用经费: a warning where it exceeds. */
  officeOperation: z.object({ fact: source, atMost: source }).optional(),
  /** The words naming the document kind: 部门决算 vs 单位决算, so the text does not mix them. */
  documentKinds: z.array(z.string()).optional(),
  /** Organisation suffixes, to find another unit's name in the text. */
  unitSuffixes: z.array(z.string()).optional(),
});

export type StatementPhrases = z.infer<typeof statementPhrasesSchema>;
export type StatementSubject = z.infer<typeof subject>;

/**
 * Every name the statement phrases use, checked against the profile: quantities are metrics of the publication
 * template or known 补充数据 facts, scoped and summed subjects exist, references parse (`isReference`).
 */
export function statementPhraseProblems(
  phrases: StatementPhrases,
  metricNames: ReadonlySet<string>,
  isReference: (text: string) => string | undefined,
): string[] {
  const problems: string[] = [];
  const where = '公开文本模板 statements';
  const facts = new Set<string>(FACT_PATHS);
  const checkSource = (value: string | undefined, at: string) => {
    if (value === undefined) return;
    if (value.startsWith('fact:')) {
      if (!facts.has(value.slice(5))) problems.push(`${where}.${at}：没有这项补充数据“${value}”`);
    } else if (!metricNames.has(value)) problems.push(`${where}.${at}：metrics 里没有“${value}”`);
  };
  const names = new Set(phrases.subjects.map((s) => s.name));
  phrases.subjects.forEach((s, i) => {
    const at = `subjects[${i}]（${s.name}）`;
    checkSource(s.actual, `${at}.actual`);
    checkSource(s.initialBudget, `${at}.initialBudget`);
    checkSource(s.fullBudget, `${at}.fullBudget`);
    checkSource(s.adjustedBudget, `${at}.adjustedBudget`);
    for (const [scope, target] of Object.entries(s.scoped ?? {}))
      if (!names.has(target)) problems.push(`${where}.${at}.scoped.${scope}：没有名为“${target}”的项目`);
    for (const part of s.parts ?? [])
      if (!names.has(part)) problems.push(`${where}.${at}.parts：没有名为“${part}”的项目`);
    for (const ref of s.sameAs ?? []) {
      const bad = isReference(ref);
      if (bad) problems.push(`${where}.${at}.sameAs：${ref}：${bad}`);
    }
    if (s.budget && !s[`${s.budget}Budget`])
      problems.push(`${where}.${at}.budget：没有给出${s.budget}Budget`);
  });
  phrases.bases.forEach((b, i) => checkSource(b.value, `bases[${i}]`));
  phrases.sums.forEach((s, i) => {
    for (const n of [s.total, ...s.parts])
      if (!names.has(n)) problems.push(`${where}.sums[${i}]：没有名为“${n}”的项目`);
  });
  phrases.threePublicAcross.forEach((t, i) => {
    for (const ref of [t.basic, t.total]) {
      const bad = isReference(ref);
      if (bad) problems.push(`${where}.threePublicAcross[${i}]：${ref}：${bad}`);
    }
  });
  if (phrases.officeOperation) {
    checkSource(phrases.officeOperation.fact, 'officeOperation.fact');
    checkSource(phrases.officeOperation.atMost, 'officeOperation.atMost');
  }
  return problems;
}
