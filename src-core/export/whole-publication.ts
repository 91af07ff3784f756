import type { GongkaiDocument } from '../document/types';
import { Workbook } from '../engine';
import { buildCharts, type ChartKey, type ChartOutput } from '../publication/charts';
import type { FormSet } from '../template';
import { performanceHtml, performancePrintCss } from './performance-print';
import { buildPublicationHtml } from './publication-html';

/**
 * The whole publication as print HTML — cover, 目录, the six parts, the charts and the 绩效自评表 — the one function
 * behind `gongkai export --publication` and the app's 全文 print and PDF, so both print the same pages. `charts`
 * lets a caller that has drawn them already (the app keeps them per revision) pass them in; else they are drawn.
 */
export function wholePublicationHtml(
  formSet: FormSet,
  doc: GongkaiDocument,
  charts?: Partial<Record<ChartKey, ChartOutput>>,
): string {
  return buildPublicationHtml(formSet, doc, {
    charts: charts ?? buildCharts(formSet, new Workbook(formSet, doc), doc),
    performanceHtml: performanceHtml(formSet, doc),
    performanceCss: performancePrintCss,
  });
}
