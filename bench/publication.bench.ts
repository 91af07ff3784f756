import { loadSampleDocument } from './sample';
import { Workbook, buildCharts, builtinFormSet, checkDocument } from '../src-core';
import { buildPublicationHtml, exportDocx } from '../src-core/export';
import { line, measure, measureAsync } from './stats';

/** Four figures' worth of SVG, about the size the chart builder makes, so that the HTML carries them as it will. */
function placeholderCharts() {
  const bars = Array.from(
    { length: 40 },
    (_, i) =>
      `<rect x="${20 + i * 13}" y="${60 + (i % 7) * 20}" width="10" height="${200 - (i % 7) * 20}" fill="#1f3b6e"/>`,
  ).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="560" height="300" viewBox="0 0 560 300">${bars}<text x="280" y="290" text-anchor="middle" font-size="12">2022年 2023年</text></svg>`;
  return {
    totals: { title: '图1：收、支决算总计变动情况', svg },
    income: { title: '图2：收入决算结构', svg },
    expenditure: { title: '图3：支出决算结构', svg },
    fiscal: { title: '图4：财政拨款收、支决算总计变动情况', svg },
  };
}

/**
 * 导出全文: the whole publication of the sample (cover, 目录, six parts with the nine tables and four figures) —
 * building its HTML (pure, src-core) and the Word file of its text. Its PDF is measured with the other PDFs, cold
 * and warm, in pdf.bench.ts.
 */
export async function runPublicationBench(out: (s: string) => void): Promise<void> {
  const formSet = builtinFormSet();
  const doc = loadSampleDocument();
  const charts = placeholderCharts();
  // What the editor recomputes (at low priority) after each change: every text and 绩效 finding, and the charts.
  const wb = new Workbook(formSet, doc);
  const checkTimes = measure(() => void checkDocument(formSet, wb, doc), 200);
  out(`${line('text ↔ table + 绩效 checks, sample (all findings)', checkTimes)}\n`);
  const chartTimes = measure(() => void buildCharts(formSet, wb, doc), 50, 5);
  out(`${line('charts 图1—图4 as SVG (ECharts SSR), sample', chartTimes)}\n`);
  const size = buildPublicationHtml(formSet, doc, { charts }).length;
  const htmlTimes = measure(() => void buildPublicationHtml(formSet, doc, { charts }), 50, 2);
  out(`${line(`publication HTML, sample (${(size / 1024).toFixed(0)} KB)`, htmlTimes)}\n`);
  const docxTimes = await measureAsync(
    async () => {
      await exportDocx(formSet, doc);
    },
    20,
    2,
  );
  out(`${line('publication .docx (text parts), sample', docxTimes)}\n`);
}
