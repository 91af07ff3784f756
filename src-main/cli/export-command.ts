import { formSetOfDocument, Workbook } from '../../src-core';
import type { ChartOutput } from '../../src-core/publication/charts';
import { writeFileAtomic } from '../node/atomic-file';
import { fileErrorMessage } from '../node/file-errors';
import { exists, isSameFile } from '../node/same-file';
import { parseArgs } from './args';
import { loadFiguresInput } from './figures-input';
import type { CliIO } from './main';
import type { ChromiumRenderer } from '../node/pdf';

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

  // Nothing is written before every output is known to be safe: not the input, not another output of this call.
  const outputs = (
    [
      ['xlsx', xlsx],
      ['pdf', pdf],
      ['publication', publication],
      ['docx', docx],
    ] as const
  ).filter((o): o is readonly [OutputFlag, string] => o[1] !== undefined);
  for (const [i, [flag, target]] of outputs.entries()) {
    if (await isSameFile(target, file))
      return fail(io, `--${flag} 的输出文件“${target}”就是输入文件，导出会把它覆盖掉。请换一个文件名。`);
    for (const [otherFlag, other] of outputs.slice(i + 1))
      if (await isSameFile(target, other))
        return fail(
          io,
          `--${flag} 和 --${otherFlag} 指向同一个文件“${target}”，后导出的会覆盖先导出的。请分别指定文件名。`,
        );
  }

  const input = await loadFiguresInput(file);
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

  /** Writes one output; says so, and says when it replaced a file that was there. */
  const write = async (flag: OutputFlag, target: string, produce: () => Promise<void>): Promise<void> => {
    const replacing = await exists(target);
    current = { flag, target };
    await produce();
    io.out(`已导出${OUTPUT_NAMES[flag]}：${target}${replacing ? '（已替换原有文件）' : ''}\n`);
  };
  let current: { flag: OutputFlag; target: string } | null = null;
  // 图1—图4, drawn once for the Excel and the whole-publication exports that need them. Each output loads its own
  // libraries (echarts, the xlsx writer, docx, Chromium's driver) only when asked for, after the arguments are checked.
  let drawnCharts: Record<string, ChartOutput> | undefined;
  const allCharts = async () => {
    const { buildCharts } = await import('../../src-core/publication/charts');
    return (drawnCharts ??= buildCharts(formSet, new Workbook(formSet, doc), doc));
  };
  // One Chromium for every output of this call that needs one (the charts, the PDFs), closed when the call ends.
  let chromium: ChromiumRenderer | undefined;
  const pdfRenderer = async () => {
    const pdfModule = await import('../node/pdf');
    chromium ??= pdfModule.createChromiumRenderer();
    return { ...pdfModule, renderer: chromium };
  };
  try {
    if (xlsx !== undefined) {
      const [{ CHART_HEIGHT, CHART_WIDTH }, { exportXlsx }, { renderer }] = await Promise.all([
        import('../../src-core/publication/charts'),
        import('../../src-core/export/xlsx-export'),
        pdfRenderer(),
      ]);
      // 图1—图4 go in as pictures (spreadsheets take no SVG): rasterised with the same Chromium as the PDF.
      const drawn = Object.values(await allCharts()).filter((c) => c.svg !== null);
      const pngs = await renderer.svgsToPng(
        drawn.map((c) => ({ svg: c.svg as string, width: CHART_WIDTH, height: CHART_HEIGHT })),
      );
      const charts = drawn.map((c, i) => ({
        title: c.title,
        png: pngs[i] as Uint8Array,
        width: CHART_WIDTH,
        height: CHART_HEIGHT,
      }));
      const bytes = await exportXlsx(formSet, doc, { tables, charts });
      await write('xlsx', xlsx, () => writeFileAtomic(xlsx, bytes, { backup: false }));
    }
    if (pdf !== undefined) {
      const [{ buildPrintHtml }, { renderPdf, renderer }] = await Promise.all([
        import('../../src-core/export/print-html'),
        pdfRenderer(),
      ]);
      // What the flags do not say follows the document's 页面设置 (tables, cover, 目录, orientation, fit, margins).
      const html = buildPrintHtml(formSet, doc, {
        ...(tables ? { tables } : {}),
        ...(args.flags.has('cover') ? { cover: true } : {}),
        ...(args.flags.has('toc') ? { toc: true } : {}),
      });
      await write('pdf', pdf, () => renderPdf(html, pdf, renderer));
    }
    if (publication !== undefined) {
      const [{ wholePublicationHtml }, { renderPdf, renderer }] = await Promise.all([
        import('../../src-core/export/whole-publication'),
        pdfRenderer(),
      ]);
      const html = wholePublicationHtml(formSet, doc, await allCharts());
      await write('publication', publication, () => renderPdf(html, publication, renderer));
    }
    if (docx !== undefined) {
      const { exportDocx } = await import('../../src-core/export/docx-export');
      const bytes = await exportDocx(formSet, doc);
      await write('docx', docx, () => writeFileAtomic(docx, bytes, { backup: false }));
    }
  } catch (e) {
    return fail(io, exportFailure(current, e));
  } finally {
    await chromium?.close();
  }
  return 0;
}

type OutputFlag = 'xlsx' | 'pdf' | 'publication' | 'docx';
const OUTPUT_NAMES: Record<OutputFlag, string> = {
  xlsx: ' Excel',
  pdf: ' PDF',
  publication: '全文 PDF',
  docx: ' Word',
};

/**
 * Why an export failed, in Chinese and naming the output: a file-system error by its meaning (never Node's code or
 * the temporary file's name), a failure our own code explains (Chromium missing) as it says.
 */
function exportFailure(current: { flag: OutputFlag; target: string } | null, e: unknown): string {
  const what = current ? `导出${OUTPUT_NAMES[current.flag].trim()}失败` : '导出失败';
  if (current && typeof (e as NodeJS.ErrnoException).code === 'string')
    return `${what}：${fileErrorMessage(current.target, e)}`;
  const message = e instanceof Error ? e.message : '';
  if (/[\u4e00-\u9fa5]/.test(message)) return `${what}：${message}`;
  return `${what}：${current ? `无法生成“${current.target}”` : '内部错误'}。`;
}

function fail(io: CliIO, message: string): number {
  io.err(`${message}\n`);
  return 2;
}
