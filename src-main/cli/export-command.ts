import { formSetOfDocument, Workbook } from '../../src-core';
import type { ChartOutput } from '../../src-core/publication/charts';
import { writeFileAtomic } from '../node/atomic-file';
import { parseArgs } from './args';
import { loadInput } from './load-input';
import type { CliIO } from './main';

const USAGE =
  '用法：gongkai export FILE [--xlsx OUT.xlsx] [--pdf OUT.pdf] [--tables 01,03,…] [--cover] [--toc] [--publication OUT.pdf] [--docx OUT.docx]';

/**
 * `gongkai export FILE …`: the official Excel templates (--xlsx), the tables as print PDF (--pdf, with a table
 * selection, cover and contents), the whole publication as PDF (--publication) and its text as Word (--docx).
 */
export async function exportCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, ['xlsx', 'pdf', 'tables', 'publication', 'docx']);
  if ('error' in args) return fail(io, args.error);
  for (const flag of args.flags.keys()) {
    if (!['xlsx', 'pdf', 'tables', 'cover', 'toc', 'publication', 'docx'].includes(flag)) {
      return fail(io, `不认识的参数 --${flag}。`);
    }
  }
  const [file, ...extra] = args.positional;
  const out = (name: string) => {
    const v = args.flags.get(name);
    return typeof v === 'string' ? v : undefined;
  };
  const xlsx = out('xlsx');
  const pdf = out('pdf');
  const publication = out('publication');
  const docx = out('docx');
  if (!file || extra.length > 0 || [xlsx, pdf, publication, docx].every((o) => o === undefined))
    return fail(io, USAGE);

  const input = await loadInput(file);
  if (!input.ok) return fail(io, input.message);
  const doc = input.document;
  const formSet = formSetOfDocument(doc);
  if (!formSet) return fail(io, `不支持 ${doc.formYear} 年度的报表格式。`);
  for (const n of input.notes) io.err(`导入提示：${n}\n`);

  let tables: string[] | undefined;
  const spec = out('tables');
  if (spec !== undefined) {
    tables = spec
      .split(/[,，\s]+/)
      .filter((s) => s !== '')
      .map((s) => s.replace(/^公开/, '').replace(/表$/, '').padStart(2, '0'));
    const unknown = tables.filter((t) => !formSet.tableById.has(t));
    if (unknown.length > 0 || tables.length === 0) {
      return fail(
        io,
        `--tables 应是 01 到 09 的表号，用逗号分隔，如 01,03；不认识：${unknown.join('、') || '（空）'}`,
      );
    }
  }

  // 图1—图4, drawn once for the Excel and the whole-publication exports that need them. Each output loads its own
  // libraries (echarts, exceljs, docx, Chromium's driver) only when asked for, after the arguments are checked.
  let drawnCharts: Record<string, ChartOutput> | undefined;
  const allCharts = async () => {
    const { buildCharts } = await import('../../src-core/publication/charts');
    return (drawnCharts ??= buildCharts(formSet, new Workbook(formSet, doc), doc));
  };
  const pdfRenderer = () => import('../node/pdf');
  try {
    if (xlsx !== undefined) {
      const [{ CHART_HEIGHT, CHART_WIDTH }, { exportXlsx }, { renderSvgsToPng }] = await Promise.all([
        import('../../src-core/publication/charts'),
        import('../../src-core/export/xlsx-export'),
        pdfRenderer(),
      ]);
      // 图1—图4 go in as pictures (spreadsheets take no SVG): rasterised with the same Chromium as the PDF.
      const drawn = Object.values(await allCharts()).filter((c) => c.svg !== null);
      const pngs = await renderSvgsToPng(
        drawn.map((c) => ({ svg: c.svg as string, width: CHART_WIDTH, height: CHART_HEIGHT })),
      );
      const charts = drawn.map((c, i) => ({
        title: c.title,
        png: pngs[i] as Uint8Array,
        width: CHART_WIDTH,
        height: CHART_HEIGHT,
      }));
      await writeFileAtomic(xlsx, await exportXlsx(formSet, doc, { tables, charts }), { backup: false });
      io.out(`已导出 Excel：${xlsx}\n`);
    }
    if (pdf !== undefined) {
      const [{ buildPrintHtml }, { renderPdf }] = await Promise.all([
        import('../../src-core/export/print-html'),
        pdfRenderer(),
      ]);
      const html = buildPrintHtml(formSet, doc, {
        tables,
        cover: args.flags.has('cover'),
        toc: args.flags.has('toc'),
      });
      await renderPdf(html, pdf);
      io.out(`已导出 PDF：${pdf}\n`);
    }
    if (publication !== undefined) {
      const [{ wholePublicationHtml }, { renderPdf }] = await Promise.all([
        import('../../src-core/export/whole-publication'),
        pdfRenderer(),
      ]);
      const html = wholePublicationHtml(formSet, doc, await allCharts());
      await renderPdf(html, publication);
      io.out(`已导出全文 PDF：${publication}\n`);
    }
    if (docx !== undefined) {
      const { exportDocx } = await import('../../src-core/export/docx-export');
      await writeFileAtomic(docx, await exportDocx(formSet, doc), { backup: false });
      io.out(`已导出 Word：${docx}\n`);
    }
  } catch (e) {
    return fail(io, `导出失败：${(e as Error).message}`);
  }
  return 0;
}

function fail(io: CliIO, message: string): number {
  io.err(`${message}\n`);
  return 2;
}
