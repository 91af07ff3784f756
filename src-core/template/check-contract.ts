import { parseReference, FormulaSyntaxError } from '../formula';
import { CHART_QUANTITIES, DRAFT_IDS, REQUIRED_QUANTITIES } from './contract';
import type { PublicationTemplate } from './publication-template';
import type { TableTemplate } from './schema';

/**
 * Every name the code looks up in a profile's publication, checked against the profile: the quantities the
 * drafts, text check and charts read, each section's draft and shareBase, the tables the 类 and 经济分类
 * breakdowns read, and that each quantity's reference names a table, row and column the profile has.
 * Returns one Chinese line per problem, naming it.
 */
export function checkPublicationContract(
  publication: PublicationTemplate,
  tables: readonly TableTemplate[],
): string[] {
  const problems: string[] = [];
  const metrics = publication.metrics;
  const sections = publication.parts.flatMap((p) => p.sections ?? []);
  const lists = sections.filter((s) => s.unitList);
  if (lists.length > 1)
    problems.push(
      `公开文本模板 有 ${lists.length} 节标为单位构成（unitList）：${lists.map((s) => s.key).join('、')}，只能有一节`,
    );
  for (const s of sections)
    if (s.unitTable && !s.unitList)
      problems.push(`公开文本模板 ${s.key} 有单位构成表（unitTable），但没有标为单位构成（unitList）`);
  for (const name of REQUIRED_QUANTITIES)
    if (!(name in metrics)) problems.push(`公开文本模板 metrics 缺少程序要用的数量“${name}”`);
  for (const name of CHART_QUANTITIES)
    if (!(name in metrics) && !(name in (publication.chartReferences ?? {})))
      problems.push(`公开文本模板 缺少图表要用的数量“${name}”（metrics 或 chartReferences）`);
  const drafts = new Set<string>(DRAFT_IDS);
  const keys = new Set<string>();
  for (const part of publication.parts) {
    for (const s of part.sections ?? []) {
      if (keys.has(s.key)) problems.push(`公开文本模板 章节键重复：${s.key}`);
      keys.add(s.key);
      if (s.draft !== undefined && !drafts.has(s.draft))
        problems.push(`公开文本模板 ${s.key} 的草稿“${s.draft}”不存在（可用：${DRAFT_IDS.join('、')}）`);
      if (s.shareBase !== undefined && !(s.shareBase in metrics))
        problems.push(`公开文本模板 ${s.key} 的占比基数“${s.shareBase}”不是 metrics 中的数量`);
    }
  }
  const byId = new Map(tables.map((t) => [t.id, t]));
  const columnsOf = (t: TableTemplate) => new Set(t.blocks.flatMap((b) => b.columns.map((c) => c.key)));
  const classes = byId.get(publication.classes.table);
  if (!classes) problems.push(`公开文本模板 classes.table “${publication.classes.table}”不是本套报表的表`);
  else if (!columnsOf(classes).has(publication.classes.column))
    problems.push(`公开文本模板 classes.column “${publication.classes.column}”不是${classes.code}的栏`);
  for (const s of publication.parts.flatMap((p) => p.sections ?? [])) {
    if (!s.classes) continue;
    const t = byId.get(s.classes.table);
    if (!t) problems.push(`公开文本模板 ${s.key} 的 classes.table “${s.classes.table}”不是本套报表的表`);
    else if (t.kind !== 'classification')
      problems.push(`公开文本模板 ${s.key} 的 classes.table “${s.classes.table}”不是按功能分类科目列示的表`);
    else if (!columnsOf(t).has(s.classes.column))
      problems.push(`公开文本模板 ${s.key} 的 classes.column “${s.classes.column}”不是${t.code}的栏`);
  }
  if (publication.economic && !byId.has(publication.economic.table))
    problems.push(`公开文本模板 economic.table “${publication.economic.table}”不是本套报表的表`);
  const refs = { ...metrics, ...(publication.chartReferences ?? {}) };
  for (const [name, text] of Object.entries(refs)) {
    let ref;
    try {
      ref = parseReference(text);
    } catch (e) {
      if (!(e instanceof FormulaSyntaxError)) throw e;
      problems.push(`公开文本模板 数量“${name}”（${text}）：${e.message}`);
      continue;
    }
    const where = `公开文本模板 数量“${name}”（${text}）`;
    const t = ref.table === null ? undefined : byId.get(ref.table);
    if (!t) {
      problems.push(`${where}：本套报表没有这张表`);
      continue;
    }
    if (ref.col !== null && !columnsOf(t).has(ref.col)) problems.push(`${where}：${t.code}没有这一栏`);
    const row = ref.row;
    const fixed = t.blocks.flatMap((b) => b.rows ?? []);
    if (row?.by === 'lineNo' && !fixed.some((r) => r.lineNo === row.lineNo))
      problems.push(`${where}：${t.code}没有这一行次`);
    if (row?.by === 'key' && !fixed.some((r) => r.key === row.key) && t.totalRow?.key !== row.key)
      problems.push(`${where}：${t.code}没有“${row.key}”这一行`);
  }
  return problems;
}
