import { z } from 'zod';

// A CLI run parses each schema once: zod's JIT (new Function per schema) costs more than it saves here.
z.config({ jitless: true });

/** Where the CLI writes; injected so tests capture it. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** Ends a command that runs until stopped (`consolidate --watch`); without it Ctrl+C (SIGINT) does. */
  readonly signal?: AbortSignal;
}

/** One subcommand: its lines in the help, and its code, loaded only when it runs (check must not load exceljs). */
interface Command {
  readonly help: string;
  readonly load: () => Promise<(argv: readonly string[], io: CliIO) => Promise<number>>;
}

// Each command's module is imported on demand, so `gongkai check` loads neither exceljs, echarts, docx nor
// playwright-core; the build (scripts/build-cli.mjs) turns each import() into a chunk of its own.
const COMMANDS: Record<string, Command> = {
  check: {
    help: `  gongkai check FILE [--json] [--tolerance N] [--text]
                                                审核文件（.gongkai.json 或 .xlsx），按表列出错误和提示；
                                                --text 同时核对情况说明等文字与报表是否一致`,
    load: async () => (await import('./check-command')).checkCommand,
  },
  export: {
    help: `  gongkai export FILE [--xlsx OUT.xlsx] [--pdf OUT.pdf] [--tables 01,03,…] [--cover] [--toc]
                                                导出正式的 Excel 模板和可打印的 PDF
                    [--publication OUT.pdf] [--docx OUT.docx]
                                                全文 PDF（封面、目录、六个部分）和文字部分的 Word 文档`,
    load: async () => (await import('./export-command')).exportCommand,
  },
  profiles: {
    help: '  gongkai profiles [--json]                     列出可用的表样（全国通用 2023、上海 2024 …）',
    load: async () => (await import('./profiles-command')).profilesCommand,
  },
  import: {
    help: `  gongkai import IN.xlsx --out OUT.gongkai.json [--profile 标识@年度]
                                                把填好的 Excel 模板转为文件（自动识别表样）；有表读不出时不写文件`,
    load: async () => (await import('./import-command')).importCommand,
  },
  convert: {
    help: '  gongkai convert FILE --out OUT                元→万元 舍位平衡，写出新文件并列出调整',
    load: async () => (await import('./convert-command')).convertCommand,
  },
  'convert-profile': {
    help: `  gongkai convert-profile IN --to 标识@年度 --out OUT [--json]
                                                转换表样（如全国通用 2023 ↔ 上海 2024），列出目标表样容纳不下的每个金额`,
    load: async () => (await import('./convert-profile-command')).convertProfileCommand,
  },
  consolidate: {
    help: `  gongkai consolidate DIR_OR_FILES… --out DEPT.gongkai.json [--xlsx OUT.xlsx] [--json] [--name 部门名称] [--watch]
                                                汇总：逐个审核各单位，按科目编码逐行相加，审核汇总数；
                                                写出列出各单位的汇总文件（不给单位时按汇总文件里的单位重新汇总）`,
    load: async () => (await import('./consolidate-command')).consolidateCommand,
  },
};

const HELP = `决算公开表编辑器 命令行

用法：
${Object.values(COMMANDS)
  .map((c) => c.help)
  .join('\n')}
  gongkai help                                  显示本说明

退出码：0 无错误；1 有错误；2 文件无法读取或参数有误（原因写在标准错误）。
`;

/** Runs the CLI; returns the exit code. */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    io.out(HELP);
    return command === undefined ? 2 : 0;
  }
  const found = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!found) {
    io.err(`不认识的命令“${command}”。\n\n${HELP}`);
    return 2;
  }
  return (await found.load())(rest, io);
}
