import { checkCommand } from './check-command';
import { consolidateCommand } from './consolidate-command';
import { convertCommand } from './convert-command';
import { exportCommand } from './export-command';

/** Where the CLI writes; injected so tests capture it. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
}

const HELP = `决算公开表编辑器 命令行

用法：
  gongkai check FILE [--json] [--tolerance N] [--text]
                                                审核文件（.gongkai.json 或 .xlsx），按表列出错误和提示；
                                                --text 同时核对情况说明等文字与报表是否一致
  gongkai export FILE [--xlsx OUT.xlsx] [--pdf OUT.pdf] [--tables 01,03,…] [--cover] [--toc]
                                                导出正式的 Excel 模板和可打印的 PDF
                    [--publication OUT.pdf] [--docx OUT.docx]
                                                全文 PDF（封面、目录、六个部分）和文字部分的 Word 文档
  gongkai convert FILE --out OUT                元→万元 舍位平衡，写出新文件并列出调整
  gongkai consolidate DIR_OR_FILES… --out DEPT.gongkai.json [--xlsx OUT.xlsx] [--json] [--name 部门名称] [--watch]
                                                汇总：逐个审核各单位，按科目编码逐行相加，审核汇总数；
                                                写出列出各单位的汇总文件（不给单位时按汇总文件里的单位重新汇总）
  gongkai help                                  显示本说明

退出码：0 无错误；1 有错误；2 文件无法读取或参数有误（原因写在标准错误）。
`;

/** Runs the CLI; returns the exit code. */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'check':
      return checkCommand(rest, io);
    case 'convert':
      return convertCommand(rest, io);
    case 'consolidate':
      return consolidateCommand(rest, io);
    case 'export':
      return exportCommand(rest, io);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      io.out(HELP);
      return command === undefined ? 2 : 0;
    default:
      io.err(`不认识的命令“${command}”。\n\n${HELP}`);
      return 2;
  }
}
