import { listProfiles } from '../../src-core';
import type { CliIO } from './main';

/** `gongkai profiles [--json]`: the form profiles documents can follow (id, year, name, source). */
export async function profilesCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const extra = argv.filter((a) => a !== '--json');
  if (extra.length > 0) {
    io.err('用法：gongkai profiles [--json]\n');
    return 2;
  }
  const profiles = listProfiles();
  if (argv.includes('--json')) {
    io.out(`${JSON.stringify(profiles, null, 2)}\n`);
    return 0;
  }
  io.out('可用的表样（新建或导入时用 --profile 标识@年度 指定）：\n');
  for (const p of profiles) io.out(`  ${p.id}@${p.year}\t${p.name}\n\t\t来源：${p.source}\n`);
  return 0;
}
