// What the four figures are, without drawing them: the renderer shows captions and sizes before ECharts (which only
// drawing needs) has loaded.
import type { SectionTemplate } from '../template';

/** The four figures of 第三部分 (情况说明); a section's `chart` in publication.json names one. */
export type ChartKey = NonNullable<SectionTemplate['chart']>;

/** One figure: its caption as published, and the SVG, or why it cannot be drawn yet. */
export interface ChartOutput {
  /** The caption under the figure, e.g. 图1：收、支决算总计变动情况. */
  readonly title: string;
  /** A self-contained SVG (560×300, viewBox), or null when the figure cannot be drawn. */
  readonly svg: string | null;
  /** Why svg is null, in Chinese, with what to fill in. */
  readonly missing?: string;
}

export const CHART_TITLES: Readonly<Record<ChartKey, string>> = {
  totals: '图1：收、支决算总计变动情况',
  income: '图2：收入决算结构',
  expenditure: '图3：支出决算结构',
  fiscal: '图4：财政拨款收、支决算总计变动情况',
};

/** About the width of an A4 text block at 96 dpi, and a height that leaves room for the text around it. */
export const CHART_WIDTH = 560;
export const CHART_HEIGHT = 300;
