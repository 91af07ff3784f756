import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { Decimal } from '../money';
import type { GongkaiDocument } from '../document/types';
import { toleranceFor } from '../document/tolerance';
import type { Workbook } from '../engine';
import type { FormSet } from '../template';
import { CHART_HEIGHT, CHART_TITLES, CHART_WIDTH, type ChartKey, type ChartOutput } from './chart-types';
import { EXPENDITURE_KINDS, INCOME_SOURCES, publicationMetrics, resolveReference } from './metrics';
import { figure, percentOf } from './text-format';

let registered = false;
/**
 * Registers only what the four figures use (bar, pie, grid, legend, the SVG renderer), on first use rather than on
 * import, so that a bundle importing src-core without drawing charts can leave ECharts out.
 */
function useECharts(): void {
  if (registered) return;
  echarts.use([BarChart, PieChart, GridComponent, LegendComponent, SVGRenderer]);
  registered = true;
}

export { CHART_HEIGHT, CHART_TITLES, CHART_WIDTH, type ChartKey, type ChartOutput };

/** Song first (what printed 决算公开 use on Windows), then the Noto CJK faces Linux has. */
const FONT = "SimSun, 'Noto Serif CJK SC', 'Noto Sans CJK SC', sans-serif";
const TEXT = '#222222';
/** Print-friendly: dark blue, grey, then lighter and darker shades that stay apart in black and white. */
const PALETTE = ['#1f3b6e', '#8c9199', '#5b7db1', '#c9ccd1', '#3d3d3d', '#a9bbd6'];

/** A value this year: known, or why not. */
type Read = { ok: true; value: Decimal } | { ok: false; missing: string };

/**
 * The four figures of 第三部分, drawn from the current tables (this year) and the facts (last year): 图1 and 图4
 * compare last year's and this year's totals in bars, 图2 and 图3 split this year's 收入 and 支出 in pies with the
 * shares the text states. Numbers are never invented: a figure without its data has svg null and a `missing`
 * message saying what to fill in. Pure and headless — the same in Node (CLI, export) and in the browser.
 */
export function buildCharts(
  formSet: FormSet,
  wb: Workbook,
  doc: GongkaiDocument,
): Record<ChartKey, ChartOutput> {
  const ctx = new ChartContext(formSet, wb, doc);
  return {
    totals: ctx.guard('totals', () =>
      ctx.comparison('totals', [
        { label: '收入总计', now: ['收入总计', '收支总计'], last: ['收入总计', '收支总计'] },
        { label: '支出总计', now: ['支出总计', '收支总计'], last: ['支出总计', '收支总计'] },
      ]),
    ),
    income: ctx.guard('income', () => ctx.structure('income', '本年收入合计', INCOME_SOURCES, '收入')),
    expenditure: ctx.guard('expenditure', () =>
      ctx.structure('expenditure', '本年支出合计', EXPENDITURE_KINDS, '支出'),
    ),
    fiscal: ctx.guard('fiscal', () =>
      ctx.comparison('fiscal', [
        {
          label: '财政拨款收入总计',
          now: ['财政拨款收入总计', '财政拨款收支总计'],
          last: ['财政拨款收入总计', '财政拨款收支总计'],
        },
        {
          label: '财政拨款支出总计',
          now: ['财政拨款支出总计'],
          last: ['财政拨款支出总计', '财政拨款收支总计'],
        },
      ]),
    ),
  };
}

interface BarSpec {
  /** The series name (legend). */
  readonly label: string;
  /** Metric names to read this year's value from, first found wins. */
  readonly now: readonly string[];
  /** Keys of facts.priorYear.metrics to read last year's value from, first found wins. */
  readonly last: readonly string[];
}

class ChartContext {
  readonly year: number;
  readonly prior: number;
  readonly unit: string;
  private readonly metrics: ReturnType<typeof publicationMetrics>;

  constructor(
    readonly formSet: FormSet,
    readonly wb: Workbook,
    readonly doc: GongkaiDocument,
  ) {
    this.year = doc.unit.year;
    this.prior = doc.facts?.priorYear?.year ?? doc.unit.year - 1;
    this.unit = doc.unit.moneyUnit;
    this.metrics = publicationMetrics(formSet, wb);
  }

  /** Runs one figure; should the chart library fail, that figure says so instead of taking the others down. */
  guard(key: ChartKey, make: () => ChartOutput): ChartOutput {
    try {
      return make();
    } catch (e) {
      return missing(key, `图表生成失败：${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /** This year's value of the first of `names` the template (or a fallback reference) resolves to a cell. */
  read(names: readonly string[]): Read {
    for (const name of names) {
      const cell = this.metrics.get(name)?.cell ?? this.fallbackCell(name);
      if (!cell) continue;
      const state = this.wb.cell(cell.table, cell.row, cell.col);
      const where = this.where(cell.table);
      if (!state || state.unknown)
        return { ok: false, missing: `${this.year}年度${name}无法确定（请先改正${where}中的无效数据）` };
      return { ok: true, value: state.value ?? new Decimal(0) };
    }
    return { ok: false, missing: `表中找不到${names[0] ?? ''}` };
  }

  private fallbackCell(name: string) {
    const ref = this.formSet.publication.chartReferences?.[name];
    return ref === undefined ? undefined : resolveReference(this.wb, ref);
  }

  private where(table: string): string {
    return this.formSet.tables.find((t) => t.id === table)?.code ?? `公开${table}表`;
  }

  /** Last year's value from the facts, by the first of `keys` entered. */
  last(keys: readonly string[]): Decimal | null {
    const entered = this.doc.facts?.priorYear?.metrics ?? {};
    for (const k of keys) {
      const text = entered[k];
      if (text !== undefined) return new Decimal(text);
    }
    return null;
  }

  /** 图1 / 图4: last year and this year side by side, one bar per total. */
  comparison(key: ChartKey, bars: readonly BarSpec[]): ChartOutput {
    const years = [`${this.prior}年度`, `${this.year}年度`];
    const series: { name: string; values: Decimal[] }[] = [];
    for (const bar of bars) {
      const last = this.last(bar.last);
      if (last === null) {
        // Name what the facts call it: 收支总计 when the two totals share one entry.
        const name = bar.last[bar.last.length - 1] ?? bar.label;
        return missing(key, `缺少${this.prior}年度${name}（请在补充数据中填写上年数）`);
      }
      const now = this.read(bar.now);
      if (!now.ok) return missing(key, now.missing);
      series.push({ name: bar.label, values: [last, now.value] });
    }
    if (series.every((s) => s.values.every((v) => v.isZero())))
      return missing(
        key,
        `${this.prior}、${this.year}年度的${bars.map((b) => b.label).join('、')}均为0，无可绘制的数据`,
      );

    if (series.some((s) => s.values.some((v) => v.isNegative())))
      return missing(key, `${bars.map((b) => b.label).join('、')}中有负数，无法绘制`);
    const scale = axisScale(Math.max(...series.flatMap((s) => s.values.map(toNumber))));

    const option = {
      ...base(),
      color: PALETTE.slice(0, 2),
      legend: {
        top: 4,
        left: 'center',
        itemWidth: 16,
        itemHeight: 10,
        itemGap: 24,
        textStyle: { fontFamily: FONT, fontSize: 12, color: TEXT },
        data: series.map((s) => s.name),
      },
      grid: { left: 72, right: 24, top: 58, bottom: 32 },
      xAxis: {
        type: 'category',
        data: years,
        axisTick: { show: false },
        axisLine: { lineStyle: { color: '#555555' } },
        axisLabel: { fontFamily: FONT, fontSize: 12, color: TEXT, margin: 10 },
      },
      yAxis: {
        type: 'value',
        name: `单位：${this.unit}`,
        nameLocation: 'end',
        nameGap: 14,
        nameTextStyle: { fontFamily: FONT, fontSize: 12, color: TEXT, align: 'right' },
        min: 0,
        max: scale.max,
        interval: scale.step,
        axisLine: { show: false },
        axisTick: { show: false },
        splitLine: { lineStyle: { color: '#d9d9d9', type: 'dashed' } },
        axisLabel: {
          fontFamily: FONT,
          fontSize: 11,
          color: '#444444',
          formatter: (v: number) => String(clean(v)),
        },
      },
      series: series.map((s) => ({
        type: 'bar',
        name: s.name,
        data: s.values.map(toNumber),
        barMaxWidth: 56,
        barGap: '15%',
        barCategoryGap: '38%',
        silent: true,
        emphasis: { disabled: true },
        label: {
          show: true,
          position: 'top',
          distance: 4,
          // On white, so a grid line behind a label never runs through it.
          backgroundColor: '#ffffff',
          padding: [1, 2],
          fontFamily: FONT,
          fontSize: 12,
          color: TEXT,
          formatter: (p: { dataIndex: number }) => figure(s.values[p.dataIndex] ?? new Decimal(0)),
        },
      })),
    };
    return { title: CHART_TITLES[key], svg: render(key, option) };
  }

  /** 图2 / 图3: this year's 收入 or 支出 split into its non-zero parts, labelled with amount and share. */
  structure(key: ChartKey, totalName: string, partNames: readonly string[], what: string): ChartOutput {
    const total = this.read([totalName]);
    if (!total.ok) return missing(key, total.missing);
    if (total.value.isZero())
      return missing(key, `${this.year}年度${totalName}为0，无${what}结构可绘制（请先填写公开01表）`);
    if (total.value.isNegative())
      return missing(key, `${this.year}年度${totalName}为负数，无法绘制${what}结构`);

    const parts: { name: string; value: Decimal }[] = [];
    for (const name of partNames) {
      const r = this.read([name]);
      if (!r.ok) return missing(key, r.missing);
      if (r.value.isNegative()) return missing(key, `${this.year}年度${name}为负数，无法绘制${what}结构`);
      if (!r.value.isZero()) parts.push({ name, value: r.value });
    }
    const sum = parts.reduce((a, p) => a.plus(p.value), new Decimal(0));
    // Each part may carry a 尾数 of up to the tolerance; beyond that the parts do not make up the whole, and a
    // pie of them would show shares that are not there.
    const tolerance = toleranceFor(this.doc).times(Math.max(parts.length, 1));
    if (sum.minus(total.value).abs().gt(tolerance))
      return missing(
        key,
        `${what}各项之和${figure(sum)}${this.unit}与${totalName}${figure(total.value)}${this.unit}不一致（请先核对公开01表至公开03表）`,
      );

    const labels = parts.map(
      (p) => `${p.name}\n${figure(p.value)}${this.unit}，${percentOf(p.value, total.value)}%`,
    );
    const option = {
      ...base(),
      color: PALETTE,
      series: [
        {
          type: 'pie',
          radius: '60%',
          center: ['50%', '50%'],
          // From 12 o'clock, clockwise; a single whole slice turns so its label sits beside the pie, not under it.
          startAngle: parts.length === 1 ? 180 : 90,
          clockwise: true,
          silent: true,
          emphasis: { disabled: true },
          avoidLabelOverlap: true,
          minShowLabelAngle: 0,
          itemStyle: { borderColor: '#ffffff', borderWidth: 1 },
          label: {
            show: true,
            position: 'outside',
            alignTo: 'edge',
            edgeDistance: 40,
            fontFamily: FONT,
            fontSize: 12,
            lineHeight: 17,
            color: TEXT,
            formatter: (p: { dataIndex: number }) => labels[p.dataIndex] ?? '',
          },
          labelLine: { show: true, length: 14, length2: 18, lineStyle: { color: '#666666' } },
          data: parts.map((p) => ({ name: p.name, value: toNumber(p.value) })),
        },
      ],
    };
    return { title: CHART_TITLES[key], svg: render(key, option) };
  }
}

function missing(key: ChartKey, reason: string): ChartOutput {
  return { title: CHART_TITLES[key], svg: null, missing: reason };
}

/** Print settings shared by every figure: no animation, no interaction, the CJK font stack, a white page. */
function base() {
  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: FONT, fontSize: 12, color: TEXT },
  };
}

/**
 * A value axis from 0 to a round maximum a little above the tallest bar: 3 to 6 steps of 1, 2, 2.5, 4 or 5 × 10ⁿ,
 * the lowest such maximum (then the step count nearest 5).
 */
function axisScale(top: number): { max: number; step: number } {
  const need = top * 1.08;
  const magnitude = 10 ** Math.floor(Math.log10(need / 5));
  let best = { max: clean(need), step: clean(need) };
  let bestCount = 1;
  for (const m of [1, 2, 2.5, 4, 5, 10, 20, 25, 40, 50]) {
    const step = clean(m * magnitude);
    const count = Math.ceil(need / step - 1e-9);
    if (count < 3 || count > 6) continue;
    const max = clean(step * count);
    if (
      bestCount === 1 ||
      max < best.max ||
      (max === best.max && Math.abs(count - 5) < Math.abs(bestCount - 5))
    ) {
      best = { max, step };
      bestCount = count;
    }
  }
  return best;
}

/** A float without binary noise (0.015000000000000001 → 0.015). */
function clean(n: number): number {
  return Number(n.toPrecision(12));
}

/** Decimal → Number only here, at the chart boundary, at the 2 decimals the publication prints. */
function toNumber(d: Decimal): number {
  return Number(d.toFixed(2));
}

/**
 * Renders with ECharts' server-side SVG renderer (no DOM needed) and makes the result a static, deterministic
 * picture: zrender's per-instance ids (zr0-, zr1- … growing with every chart made) become the figure's own, and the
 * hydration attributes (ecmeta_…) and the hover styles with their classes are dropped.
 */
function render(key: ChartKey, option: Record<string, unknown>): string {
  useECharts();
  const chart = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
  });
  try {
    chart.setOption(option);
    return chart
      .renderToSVGString()
      .replace(/<style\s*>[\s\S]*?<\/style>\s*/g, '')
      .replace(/ class="zr\d+-cls-\d+"/g, '')
      .replace(/ ecmeta_[a-z_]+="[^"]*"/g, '')
      .replace(/\bzr\d+-/g, `gongkai-${key}-`);
  } finally {
    chart.dispose();
  }
}
