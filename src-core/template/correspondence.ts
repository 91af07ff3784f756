import { z } from '../zod';
import type { TableTemplate } from './schema';

/**
 * How the tables of one profile correspond to another's (profile data: one file in either profile's folder serves
 * both directions). Rows correspond by row key (科目编码 or the fixed row's key); columns by the listed pairs
 * [this profile's column, the other's], or by the same key when a table lists none.
 */
export const correspondenceSchema = z.object({
  description: z.string().optional(),
  with: z.object({ id: z.string().min(1), year: z.number().int() }),
  tables: z
    .array(
      z.object({
        table: z.string().min(1),
        other: z.string().min(1),
        columns: z.array(z.tuple([z.string().min(1), z.string().min(1)])).optional(),
      }),
    )
    .min(1),
});

export type Correspondence = z.infer<typeof correspondenceSchema>;
export type TableCorrespondence = Correspondence['tables'][number];

function columnKeys(t: TableTemplate): Set<string> {
  return new Set(t.blocks.flatMap((b) => b.columns.map((c) => c.key)));
}

/**
 * The problems of one side of a correspondence: every table and column it names must exist in `tables` (side 0:
 * the profile holding the file; side 1: the other profile), each table may appear once, the kinds must agree.
 */
export function correspondenceProblems(
  c: Correspondence,
  side: 0 | 1,
  tables: ReadonlyMap<string, TableTemplate>,
  otherTables?: ReadonlyMap<string, TableTemplate>,
): string[] {
  const problems: string[] = [];
  const where = `表样对应（与 ${c.with.id}@${c.with.year}）`;
  const seen = new Set<string>();
  for (const m of c.tables) {
    const id = side === 0 ? m.table : m.other;
    const t = tables.get(id);
    if (!t) {
      problems.push(`${where}：没有表 ${id}`);
      continue;
    }
    if (seen.has(id)) problems.push(`${where}：表 ${id} 对应了两次`);
    seen.add(id);
    const keys = columnKeys(t);
    for (const pair of m.columns ?? []) {
      const col = pair[side];
      if (!keys.has(col)) problems.push(`${where}：${t.code} 没有栏 ${col}`);
    }
    const other = otherTables?.get(side === 0 ? m.other : m.table);
    if (other && other.kind !== t.kind)
      problems.push(`${where}：${t.code} 与 ${other.code} 一张是固定行表、一张是分类表，不能对应`);
  }
  return problems;
}
