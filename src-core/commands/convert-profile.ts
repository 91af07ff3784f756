import type { GongkaiDocument, TableData } from '../document/types';
import type { FormSet, TableTemplate } from '../template';

/** One amount (or typed text) of the source document that the target profile has no cell for. */
export interface ProfileConversionLoss {
  /** Where it stood in the source profile's terms (表号, row, column). */
  readonly table: string;
  readonly tableCode: string;
  readonly row: string;
  readonly rowName: string;
  readonly column: string;
  readonly columnName: string;
  readonly value: string;
  /** Why the target cannot hold it. */
  readonly reason: string;
}

/** What 转换表样 did: the document on the target forms, and everything the target could not take or leaves to fill. */
export interface ProfileConversion {
  readonly document: GongkaiDocument;
  /** Amounts that are not in the converted document (each with its place and value). */
  readonly lost: readonly ProfileConversionLoss[];
  /** Target columns no source column corresponds to, in tables that received figures: to be filled in by hand. */
  readonly unfilled: readonly { readonly tableCode: string; readonly columns: readonly string[] }[];
  /** Text sections the target publication has no place for (headings as the source names them). */
  readonly sectionsLost: readonly string[];
  /** 出错说明 (by finding id): they name the source profile's rules, so they do not carry over. */
  readonly findingNotesLost: readonly string[];
  /** 绩效自评表 data dropped because the target profile has no 绩效自评表 part. */
  readonly performanceLost: boolean;
}

interface TablePair {
  readonly from: TableTemplate;
  readonly to: TableTemplate;
  /** source column key → target column key. */
  readonly columns: ReadonlyMap<string, string>;
}

function columnsOf(t: TableTemplate): Map<string, string> {
  return new Map(t.blocks.flatMap((b) => b.columns.map((c) => [c.key, c.label] as const)));
}

/** The table pairs of the correspondence between the two profiles (either one may hold the file), or undefined. */
function tablePairs(from: FormSet, to: FormSet): TablePair[] | undefined {
  const same = (p: { id: string; year: number }, q: { id: string; year: number }) =>
    p.id === q.id && p.year === q.year;
  const own = from.correspondences.find((c) => same(c.with, to.profile));
  const theirs = to.correspondences.find((c) => same(c.with, from.profile));
  const c = own ?? theirs;
  if (!c) return undefined;
  const fromSide = own ? 0 : 1;
  const pairs: TablePair[] = [];
  for (const m of c.tables) {
    const fromId = fromSide === 0 ? m.table : m.other;
    const toId = fromSide === 0 ? m.other : m.table;
    const f = from.tableById.get(fromId);
    const t = to.tableById.get(toId);
    if (!f || !t) continue;
    const columns = new Map<string, string>();
    if (m.columns) for (const pair of m.columns) columns.set(pair[fromSide], pair[1 - fromSide] as string);
    else {
      const targetCols = columnsOf(t);
      for (const key of columnsOf(f).keys()) if (targetCols.has(key)) columns.set(key, key);
    }
    pairs.push({ from: f, to: t, columns });
  }
  return pairs;
}

/** The block of a fixed row in a template, with its row (undefined: no such row). */
function fixedRow(t: TableTemplate, key: string) {
  for (const b of t.blocks) {
    const row = b.rows?.find((r) => r.key === key);
    if (row) return { block: b, row };
  }
  return undefined;
}

function rowName(t: TableTemplate, data: TableData | undefined, key: string): string {
  if (t.kind === 'classification') {
    if (key === t.totalRow?.key) return t.totalRow.label;
    const r = data?.rows?.find((x) => x.code === key);
    return r ? `${r.code} ${r.name}` : key;
  }
  const f = fixedRow(t, key)?.row;
  return f
    ? [f.lineNo !== undefined ? `${f.lineNo}行` : (f.code ?? ''), f.label ?? ''].join(' ').trim()
    : key;
}

/**
 * 转换表样: the document on another profile's forms, where the profiles' tables correspond (profile data, see
 * src-core/template/correspondence.ts). Every amount the target has no cell for is listed in `lost` with its place
 * and value — nothing is dropped without being named. Fails when the profiles have no correspondence.
 */
export function convertProfile(
  from: FormSet,
  to: FormSet,
  doc: GongkaiDocument,
): { ok: true; conversion: ProfileConversion } | { ok: false; message: string } {
  if (from.profile.id === to.profile.id && from.profile.year === to.profile.year)
    return { ok: false, message: `文件已经是“${to.profile.name}”表样，不需要转换。` };
  const pairs = tablePairs(from, to);
  if (!pairs)
    return {
      ok: false,
      message: `“${from.profile.name}”与“${to.profile.name}”之间没有表样对应关系，无法转换。`,
    };
  const lost: ProfileConversionLoss[] = [];
  const unfilled: { tableCode: string; columns: string[] }[] = [];
  const tables: Record<string, TableData> = {};
  for (const source of from.tables) {
    const data = doc.tables[source.id];
    if (!data) continue;
    const pair = pairs.find((p) => p.from.id === source.id);
    const sourceCols = columnsOf(source);
    const lose = (row: string, col: string, value: string, reason: string) =>
      lost.push({
        table: source.id,
        tableCode: source.code,
        row,
        rowName: rowName(source, data, row),
        column: col,
        columnName: sourceCols.get(col) ?? col,
        value,
        reason,
      });
    if (!pair) {
      for (const [row, cols] of Object.entries(data.values))
        for (const [col, value] of Object.entries(cols))
          lose(row, col, value, `${to.profile.name}没有与${source.code}对应的表`);
      continue;
    }
    const target = pair.to;
    const targetCols = columnsOf(target);
    const values: Record<string, Record<string, string>> = {};
    for (const [row, cols] of Object.entries(data.values)) {
      for (const [col, value] of Object.entries(cols)) {
        const toCol = pair.columns.get(col);
        if (toCol === undefined) {
          lose(row, col, value, `${target.code}没有与这一栏对应的栏`);
          continue;
        }
        let toRow = row;
        if (target.kind === 'classification') {
          if (row === source.totalRow?.key) toRow = target.totalRow?.key ?? row;
        } else {
          const f = fixedRow(target, row);
          if (!f || f.row.blank) {
            lose(row, col, value, `${target.code}没有这一行`);
            continue;
          }
          if (!f.block.columns.some((c) => c.key === toCol)) {
            lose(row, col, value, `${target.code}这一行没有“${targetCols.get(toCol) ?? toCol}”栏`);
            continue;
          }
        }
        (values[toRow] ??= {})[toCol] = value;
      }
    }
    const converted: TableData = {
      ...(target.kind === 'classification' && data.rows ? { rows: data.rows } : {}),
      values,
      ...(data.note !== undefined ? { note: data.note } : {}),
    };
    tables[target.id] = converted;
    if (Object.keys(values).length > 0) {
      const covered = new Set(pair.columns.values());
      const missing = [...targetCols].filter(([key]) => !covered.has(key)).map(([, label]) => label);
      if (missing.length > 0) unfilled.push({ tableCode: target.code, columns: missing });
    }
  }

  const targetSections = new Set(to.publication.parts.flatMap((p) => (p.sections ?? []).map((s) => s.key)));
  const headings = new Map(
    from.publication.parts.flatMap((p) =>
      (p.sections ?? []).map((s) => [s.key, s.heading || p.title] as const),
    ),
  );
  const sections: Record<string, NonNullable<GongkaiDocument['sections']>[string]> = {};
  const sectionsLost: string[] = [];
  for (const [key, content] of Object.entries(doc.sections ?? {})) {
    if (targetSections.has(key)) sections[key] = content;
    else sectionsLost.push((headings.get(key) ?? key).replaceAll('{年度}', String(doc.unit.year)));
  }
  const findingNotesLost = Object.keys(doc.findingNotes ?? {});
  const targetHasPerformance = to.publication.parts.some((p) => p.performance === true);
  const performanceLost = doc.performance !== undefined && !targetHasPerformance;

  const { findingNotes: _notes, performance, sections: _sections, ...rest } = doc;
  void _notes;
  void _sections;
  const document: GongkaiDocument = {
    ...rest,
    formYear: to.year,
    profile: { id: to.profile.id, year: to.profile.year },
    tables,
    ...(Object.keys(sections).length > 0 ? { sections } : {}),
    ...(performance !== undefined && targetHasPerformance ? { performance } : {}),
  };
  return {
    ok: true,
    conversion: { document, lost, unfilled, sectionsLost, findingNotesLost, performanceLost },
  };
}

/** The report of a conversion as Chinese lines (the CLI prints them, the app's dialog lists them). */
export function profileConversionReport(c: ProfileConversion): string[] {
  const lines: string[] = [];
  if (c.lost.length === 0) lines.push('所有金额都已转入。');
  else {
    lines.push(`目标表样容纳不下的金额 ${c.lost.length} 个（未转入）：`);
    for (const l of c.lost)
      lines.push(`  ${l.tableCode} ${l.rowName} ${l.columnName}：${l.value}（${l.reason}）`);
  }
  for (const u of c.unfilled) lines.push(`${u.tableCode} 原表样没有的栏，需要补填：${u.columns.join('、')}`);
  if (c.sectionsLost.length > 0) lines.push(`目标表样没有的文字部分（未转入）：${c.sectionsLost.join('、')}`);
  if (c.findingNotesLost.length > 0)
    lines.push(`出错说明 ${c.findingNotesLost.length} 条针对原表样的审核规则，未转入。`);
  if (c.performanceLost) lines.push('目标表样没有绩效自评表，绩效自评表内容未转入。');
  return lines;
}
