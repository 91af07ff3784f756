import type { CellAddress, GongkaiDocument } from '../document/types';
import type { Indicator, ProjectForm } from '../template/performance-schema';
import { toleranceFor } from '../document/tolerance';
import type { Workbook } from '../engine';
import { Decimal } from '../money';
import { publicationMetrics, quotedMetric, toWanyuan } from '../publication/metrics';
import { figure, percentOf, roundLike } from '../publication/text-format';
import type { FormSet } from '../template';
import type { FormTableTemplate } from '../template/performance-forms';
import {
  amountOf,
  executionRate,
  formShortTitle,
  listBand,
  parsePercent,
  plainLabel,
  resolvedItems,
  summaryTotal,
} from './form-model';

/** Something wrong or missing on a 绩效自评表, in the shape of the text check's findings. */
export interface PerformanceFinding {
  readonly id: string;
  readonly kind: 'performance';
  /** error: a number that disagrees beyond rounding; warning: a value left empty, a 尾数 difference. */
  readonly severity: 'error' | 'warning';
  /**
   * Where in `doc.performance` (what the editor marks): `projects.1.rate`, `summary.total` (the computed 合计),
   * `summary.rows.2.amount`, `overall.basicTotal`, `overall.indicators.4.target`, `projects.0.indicators` …
   */
  readonly path: string;
  /** 附件 新闻宣传、政务新媒体项目绩效自评表 执行率 */
  readonly location: string;
  /** What the form says, as written (93%). */
  readonly written?: string;
  /** What it should say, as the form would write it. */
  readonly expected?: string;
  /** Where the expected number comes from (公开05表 合计 3栏（项目支出）). */
  readonly source?: string;
  /** A table cell behind the expected number, to jump to. */
  readonly cell?: CellAddress;
  readonly message: string;
}

/**
 * Checks the 绩效自评表 of `doc.performance`:
 * - each 项目绩效自评表's written 执行率 against 执行数 ÷ 预算数, at the precision written (93% for 93.26%, 74% for
 *   73.5%: half-up);
 * - the 汇总表's 合计 (Σ of its rows) against 公开05表 合计 项目支出 (3栏);
 * - the 部门整体绩效自评表's 基本支出总额 and 项目支出总额 against 公开05表 合计 基本支出 and 项目支出;
 * - every 绩效指标 row keeps its 年初目标值 and 实际完成值 (提示 when one is empty).
 * Amounts differing by no more than the document's 尾数容差 are a warning, beyond it an error. Forms the document does
 * not have are not checked.
 */
export function checkPerformance(formSet: FormSet, wb: Workbook, doc: GongkaiDocument): PerformanceFinding[] {
  const perf = doc.performance;
  if (!perf) return [];
  const templates = formSet.performance;
  // Forms this profile does not print (上海 2024) are not checked: say so rather than let them pass as checked.
  if (!templates)
    return [
      {
        id: 'performance:unprinted',
        kind: 'performance',
        severity: 'warning',
        path: 'summary',
        location: '绩效自评表',
        message: `文件中有绩效自评表，但“${formSet.profile.name}”表样不印绩效自评表：这些表未核对，也不会印出或导出。`,
      },
    ];
  const out: PerformanceFinding[] = [];
  const metrics = publicationMetrics(formSet, wb);
  // The forms are in 万元 whatever unit the tables are kept in.
  const tolerance = toWanyuan(toleranceFor(doc), doc);
  const table = (name: string) => {
    const q = quotedMetric(wb, doc, metrics.get(name));
    return q && { ...q, value: (q.value ?? new Decimal(0)).toDecimalPlaces(2) };
  };

  /** An amount on a form against the tables. */
  const compare = (
    path: string,
    location: string,
    what: string,
    written: string,
    expected: ReturnType<typeof table>,
  ) => {
    if (!expected) return;
    const value = amountOf(written);
    if (value === null) {
      out.push({
        id: `performance:${path}`,
        kind: 'performance',
        severity: 'warning',
        path,
        location,
        expected: figure(expected.value),
        source: expected.source,
        cell: expected.cell,
        message: `${location}：未填写${what}（${expected.source}为${figure(expected.value)}万元）。`,
      });
      return;
    }
    const diff = value.minus(expected.value).abs();
    if (diff.isZero()) return;
    const tail = diff.lte(tolerance);
    out.push({
      id: `performance:${path}`,
      kind: 'performance',
      severity: tail ? 'warning' : 'error',
      path,
      location,
      written: figure(value),
      expected: figure(expected.value),
      source: expected.source,
      cell: expected.cell,
      message: `${location}：${what}${figure(value)}万元，与${expected.source}的${figure(expected.value)}万元${
        tail ? `相差${figure(diff)}万元（尾数差异）` : '不一致'
      }。`,
    });
  };

  const where = (t: FormTableTemplate, data?: Parameters<typeof formShortTitle>[2]) =>
    `附件 ${formShortTitle(t, doc, data)}`;

  // 汇总表: 合计 = 公开05表 项目支出.
  if (perf.summary) {
    const t = templates.summary;
    const base = where(t);
    perf.summary.rows.forEach((row, i) => {
      if (row.amount.trim() !== '') return;
      out.push({
        id: `performance:summary.rows.${i}.amount`,
        kind: 'performance',
        severity: 'warning',
        path: `summary.rows.${i}.amount`,
        location: `${base} 第${i + 1}行 财政资金总额`,
        message: `${base} 第${i + 1}行${row.name ? `（${row.name}）` : ''}：未填写财政资金总额。`,
      });
    });
    const total = summaryTotal(perf.summary);
    if (perf.summary.rows.length > 0)
      compare(
        'summary.total',
        `${base} 合计`,
        '合计',
        total === null ? '' : total.toFixed(),
        table('一般公共预算财政拨款项目支出'),
      );
  }

  // 部门整体表: 基本支出总额, 项目支出总额 = 公开05表 基本支出, 项目支出.
  if (perf.overall) {
    const t = templates.overall;
    const base = where(t);
    compare(
      'overall.basicTotal',
      `${base} 基本支出总额`,
      '基本支出总额',
      perf.overall.basicTotal,
      table('一般公共预算财政拨款基本支出'),
    );
    compare(
      'overall.projectTotal',
      `${base} 项目支出总额`,
      '项目支出总额',
      perf.overall.projectTotal,
      table('一般公共预算财政拨款项目支出'),
    );
    out.push(...checkIndicators(t, perf.overall.indicators, 'overall', base));
  }

  // 项目表: 执行率 = 执行数 / 预算数.
  (perf.projects ?? []).forEach((project, p) => {
    const t = templates.project;
    const base = where(t, project);
    out.push(...checkRate(project, `projects.${p}`, base));
    out.push(...checkIndicators(t, project.indicators, `projects.${p}`, base));
  });

  return out;
}

function checkRate(project: ProjectForm, at: string, base: string): PerformanceFinding[] {
  const f = (
    field: string,
    severity: PerformanceFinding['severity'],
    what: string,
    message: string,
    extra: Partial<PerformanceFinding> = {},
  ): PerformanceFinding => ({
    id: `performance:${at}.${field}`,
    kind: 'performance',
    severity,
    path: `${at}.${field}`,
    location: `${base} ${what}`,
    message: `${base} ${what}：${message}`,
    ...extra,
  });
  const a = amountOf(project.budget);
  const b = amountOf(project.actual);
  const out: PerformanceFinding[] = [];
  if (a === null) out.push(f('budget', 'warning', '预算数', '未填写预算数（A）。'));
  if (b === null) out.push(f('actual', 'warning', '执行数', '未填写执行数（B）。'));
  const ratio = executionRate(project);
  const written = project.rate.trim();
  if (ratio === null || a === null || b === null) return out;
  const how = `执行数${figure(b)}÷预算数${figure(a)}`;
  if (written === '') {
    out.push(
      f('rate', 'warning', '执行率', `未填写执行率（B/A），按${how}应为${percentOf(b, a)}%。`, {
        expected: `${percentOf(b, a)}%`,
      }),
    );
    return out;
  }
  const number = parsePercent(written);
  if (number === null) {
    out.push(
      f('rate', 'warning', '执行率', `执行率“${written}”不是百分数，应为${percentOf(b, a)}%。`, { written }),
    );
    return out;
  }
  const numberText = /-?\d+(?:\.\d+)?/.exec(written)?.[0] as string;
  const expected = roundLike(ratio, numberText);
  if (expected.equals(number)) return out;
  out.push(
    f(
      'rate',
      'error',
      '执行率',
      `执行率写为${written}，按${how}应为${percentOf(b, a)}%（按所写精度为${expected.toFixed()}%）。`,
      { written, expected: `${expected.toFixed()}%` },
    ),
  );
  return out;
}

function checkIndicators(
  t: FormTableTemplate,
  items: readonly Indicator[],
  at: string,
  base: string,
): PerformanceFinding[] {
  const list = listBand(t);
  if (!list) return [];
  const label = (key: string, fallback: string) =>
    plainLabel(list.columns.find((c) => c.key === key)?.text ?? fallback);
  const targetLabel = label('target', '年初目标值');
  const actualLabel = label('actual', '实际完成值');
  const named = resolvedItems(items, list.columns);
  const out: PerformanceFinding[] = [];
  items.forEach((item, i) => {
    const r = named[i] as Indicator;
    const name = [r.level3, r.level2, r.level1].find((s) => s && s.trim() !== '') ?? '';
    const row = `第${i + 1}行${list.item}${name ? `（${name}）` : ''}`;
    const blank = (s: string | undefined) => (s ?? '').trim() === '';
    if (Object.values(item).every(blank)) {
      out.push({
        id: `performance:${at}.indicators.${i}`,
        kind: 'performance',
        severity: 'warning',
        path: `${at}.indicators.${i}`,
        location: `${base} 第${i + 1}行${list.item}`,
        message: `${base} 第${i + 1}行${list.item}是空行：请填写或删除。`,
      });
      return;
    }
    for (const [key, what] of [
      ['target', targetLabel],
      ['actual', actualLabel],
    ] as const) {
      if (!blank(item[key])) continue;
      out.push({
        id: `performance:${at}.indicators.${i}.${key}`,
        kind: 'performance',
        severity: 'warning',
        path: `${at}.indicators.${i}.${key}`,
        location: `${base} ${row} ${what}`,
        message: `${base} ${row}：未填写${what}。`,
      });
    }
  });
  return out;
}

/**
 * The project forms together, and the 补充数据 the 情况说明 quotes about them: Σ 执行数 against 公开05表 项目支出,
 * Σ 预算数 against 项目全年预算数, the number of projects. 提示 only: forms may group several projects.
 */
export function checkPerformanceSet(
  formSet: FormSet,
  wb: Workbook,
  doc: GongkaiDocument,
): PerformanceFinding[] {
  const perf = doc.performance;
  if (!perf) return [];
  const out: PerformanceFinding[] = [];
  const quoted = quotedMetric(wb, doc, publicationMetrics(formSet, wb).get('一般公共预算财政拨款项目支出'));
  const table = () => quoted && { ...quoted, value: (quoted.value ?? new Decimal(0)).toDecimalPlaces(2) };
  // The project forms together, and the 补充数据 the text quotes about them (提示: the forms may group projects).
  const projects = perf.projects ?? [];
  if (projects.length > 0) {
    const sum = (field: 'budget' | 'actual') =>
      projects.reduce((acc, pr) => acc.plus(amountOf(pr[field]) ?? 0), new Decimal(0));
    const actual = sum('actual');
    const expected = table();
    if (expected && !actual.toDecimalPlaces(2).eq(expected.value)) {
      out.push({
        id: 'performance:projects.actual',
        kind: 'performance',
        severity: 'warning',
        path: 'projects',
        location: '附件 各项目绩效自评表 执行数合计',
        written: figure(actual),
        expected: figure(expected.value),
        source: expected.source,
        cell: expected.cell,
        message: `附件 各项目绩效自评表的执行数合计${figure(actual)}万元，与${expected.source}的${figure(expected.value)}万元不一致，请核对是否每个项目都有自评表。`,
      });
    }
    const budgetFact = doc.facts?.performance?.projectBudget;
    if (budgetFact !== undefined) {
      const budget = sum('budget');
      const fact = toWanyuan(new Decimal(budgetFact), doc);
      if (!budget.toDecimalPlaces(2).eq(fact.toDecimalPlaces(2))) {
        out.push({
          id: 'performance:projects.budget',
          kind: 'performance',
          severity: 'warning',
          path: 'projects',
          location: '附件 各项目绩效自评表 预算数合计',
          written: figure(budget),
          expected: figure(fact),
          source: '补充数据：项目全年预算数',
          message: `附件 各项目绩效自评表的预算数合计${figure(budget)}万元，与补充数据中的项目全年预算数${figure(fact)}万元（情况说明十三所述）不一致。`,
        });
      }
    }
  }
  const countFact = doc.facts?.performance?.projects;
  if (countFact !== undefined && perf.summary && perf.summary.rows.length !== Number(countFact)) {
    out.push({
      id: 'performance:summary.count',
      kind: 'performance',
      severity: 'warning',
      path: 'summary',
      location: '附件 绩效自评情况汇总表 项目个数',
      written: String(perf.summary.rows.length),
      expected: countFact,
      source: '补充数据：绩效自评项目个数',
      message: `附件 绩效自评情况汇总表列了${perf.summary.rows.length}个项目，补充数据（情况说明十三所述）为${countFact}个。`,
    });
  }
  return out;
}
