import { buildPrintHtml, exportXlsx, formSetFor } from '../../src-core';
import { writeFileAtomic } from '../node/atomic-file';
import { renderPdf } from '../node/pdf';
import { parseArgs } from './args';
import { loadInput } from './load-input';
import type { CliIO } from './main';

/** `gongkai export FILE [--xlsx OUT.xlsx] [--pdf OUT.pdf] [--tables 01,03,…] [--cover] [--toc]`. */
export async function exportCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, ['xlsx', 'pdf', 'tables']);
  if ('error' in args) return fail(io, args.error);
  for (const flag of args.flags.keys()) {
    if (!['xlsx', 'pdf', 'tables', 'cover', 'toc'].includes(flag))
      return fail(io, `不认识的参数 --${flag}。`);
  }
  const [file, ...extra] = args.positional;
  const xlsx = args.flags.get('xlsx');
  const pdf = args.flags.get('pdf');
  if (!file || extra.length > 0 || (typeof xlsx !== 'string' && typeof pdf !== 'string')) {
    return fail(
      io,
      '用法：gongkai export FILE [--xlsx OUT.xlsx] [--pdf OUT.pdf] [--tables 01,03,…] [--cover] [--toc]',
    );
  }
  const input = await loadInput(file);
  if (!input.ok) return fail(io, input.message);
  const formSet = formSetFor(input.document.formYear);
  if (!formSet) return fail(io, `不支持 ${input.document.formYear} 年度的报表格式。`);
  for (const n of input.notes) io.err(`导入提示：${n}\n`);

  let tables: string[] | undefined;
  const spec = args.flags.get('tables');
  if (typeof spec === 'string') {
    tables = spec
      .split(/[,，\s]+/)
      .filter((s) => s !== '')
      .map((s) => s.replace(/^公开/, '').replace(/表$/, '').padStart(2, '0'));
    const unknown = tables.filter((t) => !formSet.tableById.has(t));
    if (unknown.length > 0 || tables.length === 0)
      return fail(
        io,
        `--tables 应是 01 到 09 的表号，用逗号分隔，如 01,03；不认识：${unknown.join('、') || '（空）'}`,
      );
  }

  try {
    if (typeof xlsx === 'string') {
      await writeFileAtomic(xlsx, await exportXlsx(formSet, input.document, { tables }), { backup: false });
      io.out(`已导出 Excel：${xlsx}\n`);
    }
    if (typeof pdf === 'string') {
      const html = buildPrintHtml(formSet, input.document, {
        tables,
        cover: args.flags.has('cover'),
        toc: args.flags.has('toc'),
      });
      await renderPdf(html, pdf);
      io.out(`已导出 PDF：${pdf}\n`);
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
