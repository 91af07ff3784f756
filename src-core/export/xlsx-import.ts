import { Decimal, canonicalAmount, parseAmount } from '../money';
import {
  newDocument,
  readDocument,
  writeDocument,
  type ClassRow,
  type GongkaiDocument,
  type TableData,
} from '../document';
import { dropRedundantValues, Workbook } from '../engine';
import { levelOfCode } from '../catalog/catalog';
import type { FormSet, TableTemplate } from '../template';
import { expectedColumnHeaders, headerKey, matchColumnsByHeader } from './xlsx-header-match';
import { readInfoSheet } from './xlsx-info-sheet';
import { loadXlsxSheets } from './load-xlsx';
import type { XlsxCellRead, XlsxSheetRead } from './xlsx-reader';

/** What was read from one table's sheet, and what was not (with why). */
export interface TableImportReport {
  readonly table: string;
  readonly code: string;
  /** The table's title, for reports of profiles whose tables print no 公开NN表 code. */
  readonly title: string;
  readonly sheet: string | null;
  /** read: the table was found and its header matched; unread: found, but not read (why: skipped[0]); absent. */
  readonly status: 'read' | 'unread' | 'absent';
  readonly rows: number;
  readonly values: number;
  readonly skipped: readonly string[];
}

export type XlsxImport =
  | {
      readonly ok: true;
      readonly document: GongkaiDocument;
      readonly report: readonly TableImportReport[];
      /** The profile the workbook was read as (named by the file, given by the caller, or recognised). */
      readonly profile: { readonly id: string; readonly year: number; readonly name: string };
    }
  | { readonly ok: false; readonly message: string; readonly report?: readonly TableImportReport[] };

/** Columns looked at on a sheet: the widest form has a few dozen; anything further right is not a table's. */
const MAX_COLUMNS = 60;

interface Cell {
  readonly text: string;
  /** The value when the cell holds a number (or a formula with a numeric result). */
  readonly number?: number;
  /** A formula's cached result (number above). */
  readonly formula?: boolean;
  readonly formulaWithoutResult?: boolean;
  /** An Excel error value (#REF!, #DIV/0! …). */
  readonly error?: boolean;
}

type Grid = Cell[][];

/**
 * Reads an .xlsx: the app's own export (losslessly) or a template of one of the given profiles filled in by hand in
 * Excel or WPS. The profile is the one the file names (its hidden 文件信息 sheet), else the one whose tables the
 * workbook matches best (sheet names, titles, header text). Each table is found by sheet name or title; rows by
 * 行次, 科目编码 (whole or split 类|款|项) or 项目; columns by 栏次 or header text. Numbers stored as text, merged
 * cells, blank and extra rows are coped with; everything not read is reported.
 *
 * A workbook from which no table could be read, or with a table whose header could not be matched, is an error
 * (never an empty document that would check clean); so are non-xlsx, damaged, encrypted and unreasonably large files.
 */
export async function importXlsx(
  profiles: FormSet | readonly FormSet[],
  bytes: Uint8Array,
): Promise<XlsxImport> {
  const candidates: readonly FormSet[] = Array.isArray(profiles) ? profiles : [profiles as FormSet];
  // Sheets beyond any 决算's size were refused by the zip guard while it inflated them, before anything was built.
  const loaded = await loadXlsxSheets(bytes);
  if (!loaded.ok) return loaded;
  const { sheets } = loaded;
  const info = readInfoSheet(sheets);
  if (info && info.damaged.length > 0)
    // Importing the tables without them would quietly lose the text the user wrote: say so instead.
    return {
      ok: false,
      message: `隐藏工作表“文件信息”中的${info.damaged.join('、')}已损坏，无法读取，为免丢失内容没有导入。若只需导入报表，可在 Excel/WPS 中删除该工作表后再导入。`,
    };
  const grids = sheets.filter((w) => !w.hidden).map((w) => ({ name: w.name, grid: readGrid(w) }));

  const named = info?.profile
    ? candidates.find((f) => f.profile.id === info.profile?.id && f.profile.year === info.profile.year)
    : undefined;
  if (info?.profile && !named && candidates.length === 1 && candidates[0]?.profile.id !== info.profile.id)
    return {
      ok: false,
      message: `这个文件是按表样“${info.profile.id}”（${info.profile.year}年度）导出的，与指定的表样“${candidates[0]?.profile.name}”不符，没有导入。`,
    };
  // Recognition: the profile under which the most tables are read; among profiles that read as many (the same forms
  // in two years), the one of the year the titles print (2024年度…); then the earlier profile in the list.
  let best: { formSet: FormSet; read: TablesRead; score: number } | undefined;
  for (const formSet of named ? [named] : candidates) {
    const read = readTables(formSet, grids, info?.notes ?? {});
    const tablesRead = read.report.filter((r) => r.status === 'read').length;
    const score = tablesRead * 2 + (read.year === formSet.year ? 1 : 0);
    if (score > (best?.score ?? -1)) best = { formSet, read, score };
  }
  if (!best) return { ok: false, message: '没有可用的表样。' };
  const { formSet, read } = best;
  const { tables, unitName, year, moneyUnits } = read;
  const report = read.report;
  if (moneyUnits.size > 1) {
    return { ok: false, message: '各表的金额单位不一致（有的是元，有的是万元），请统一后再导入。' };
  }
  const plain = (r: (typeof report)[number]) => ({
    ...r,
    skipped: r.skipped.map((n) => (typeof n === 'string' ? n : n.text)),
  });
  if (report.every((r) => r.status !== 'read')) {
    const found = report.filter((r) => r.status === 'unread');
    return {
      ok: false,
      report: report.map(plain),
      message:
        found.length === 0
          ? noTableFound(grids, named ? [named] : candidates)
          : `这个 Excel 文件里没有一张表能读出：\n${found.map((r) => `· ${tableName(r)}（工作表“${r.sheet}”）：${String(r.skipped[0])}`).join('\n')}`,
    };
  }
  const unread = report.filter((r) => r.status === 'unread');
  if (unread.length > 0)
    return {
      ok: false,
      report: report.map(plain),
      message: `有 ${unread.length} 张表找到了却读不出，为免把没读到的表当作空表审核，没有导入：\n${unread
        .map((r) => `· ${tableName(r)}（工作表“${r.sheet}”）：${String(r.skipped[0])}`)
        .join('\n')}`,
    };

  const base = newDocument(
    formSet.year,
    {
      name: info?.unit.name ?? unitName ?? '',
      year: info?.unit.year ?? year ?? formSet.year,
      // The title block says 金额单位：元 or 万元; amounts are kept in that unit (元 can then be converted with 舍位平衡).
      moneyUnit: info?.unit.moneyUnit ?? [...moneyUnits][0] ?? '万元',
      publishDate: info?.unit.publishDate ?? '',
      phone: info?.unit.phone ?? '',
    },
    // Files written before profiles (and national files) keep naming none, so they read as before.
    formSet.profile.id === DEFAULT_PROFILE ? undefined : formSet.profile,
  );
  const raw: GongkaiDocument = {
    ...base,
    settings: {
      tolerance: info?.tolerance ?? base.settings.tolerance,
      ...(info?.ruleTolerance ? { ruleTolerance: info.ruleTolerance } : {}),
    },
    tables: Object.fromEntries(
      Object.entries(tables).filter(
        ([, d]) => (d.rows?.length ?? 0) > 0 || Object.keys(d.values).length > 0 || d.note,
      ),
    ),
    ...(info?.catalog ? { catalog: info.catalog as GongkaiDocument['catalog'] } : {}),
    ...(info?.sections ? { sections: info.sections as GongkaiDocument['sections'] } : {}),
    ...(info?.facts ? { facts: info.facts as GongkaiDocument['facts'] } : {}),
    ...(info?.performance ? { performance: info.performance as GongkaiDocument['performance'] } : {}),
  };
  // Through the same validation as a file from disk (also fills in missing 类/款 rows).
  const checked = readDocument(writeDocument(raw), () => formSet);
  if (!checked.ok) return { ok: false, message: `读出的内容不符合报表格式：${checked.message}` };
  const wb = new Workbook(formSet, checked.document);
  const settled = report.map((r) => ({
    ...r,
    skipped: r.skipped.flatMap((note) =>
      typeof note === 'string' ? [note] : wb.cell(r.table, note.row, note.col)?.derived ? [] : [note.text],
    ),
  }));
  const { id, year: profileYear, name } = formSet.profile;
  return {
    ok: true,
    document: dropRedundantValues(formSet, checked.document, wb),
    report: settled,
    profile: { id, year: profileYear, name },
  };
}

/**
 * Why nothing was imported from a workbook in which no table of any profile was found: the sheets that hold something
 * (each named, so the user sees what was looked at and not recognised) and the profiles they were compared with.
 */
function noTableFound(grids: { name: string; grid: Grid }[], tried: readonly FormSet[]): string {
  const filled = grids.filter((g) => g.grid.some((row) => row.some((c) => c.text.trim() !== '')));
  const sheets =
    filled.length === 0
      ? '文件里没有填了内容的工作表'
      : `工作表${filled
          .slice(0, 8)
          .map((g) => `“${g.name}”`)
          .join('、')}${filled.length > 8 ? ` 等 ${filled.length} 张` : ''}的表名和表头都不是认得的表`;
  return `这个 Excel 文件里没有找到任何部门决算公开表，没有导入：${sheets}（已按表样${tried
    .map((f) => `“${f.profile.name}”`)
    .join('、')}比对；工作表名或表头应有表名，如“公开01表”“收入支出决算总表”）。`;
}

/** The profile documents name by default (they then store none, as files before profiles did). */
const DEFAULT_PROFILE = 'national';

const tableName = (r: { code: string; title: string }) =>
  r.code === r.title ? r.title : `${r.code} ${r.title}`;

interface TablesRead {
  readonly report: (Omit<TableImportReport, 'skipped'> & { skipped: readonly Note[] })[];
  readonly tables: Record<string, TableData>;
  readonly unitName?: string;
  readonly year?: number;
  readonly moneyUnits: Set<'元' | '万元'>;
}

/** Every table of one profile read from the sheets. */
function readTables(
  formSet: FormSet,
  grids: { name: string; grid: Grid }[],
  infoNotes: Readonly<Record<string, string>>,
): TablesRead {
  const report: TablesRead['report'] = [];
  const tables: Record<string, TableData> = {};
  let unitName: string | undefined;
  let year: number | undefined;
  const moneyUnits = new Set<'元' | '万元'>();
  for (const t of formSet.tables) {
    const found = findSheet(grids, t);
    if (!found) {
      report.push({
        table: t.id,
        code: t.code,
        title: t.title,
        sheet: null,
        status: 'absent',
        rows: 0,
        values: 0,
        skipped: [`没有找到${t.printCode === false ? `“${t.title}”` : t.code}（按工作表名称或标题查找）`],
      });
      continue;
    }
    const meta = readMeta(found.grid);
    unitName ??= meta.unit;
    year ??= meta.year;
    if (meta.money) moneyUnits.add(meta.money);
    const result =
      t.kind === 'classification' ? readClassification(found.grid, t, formSet) : readFixed(found.grid, t);
    if (result.unread !== undefined) {
      report.push({
        table: t.id,
        code: t.code,
        title: t.title,
        sheet: found.name,
        status: 'unread',
        rows: 0,
        values: 0,
        skipped: [result.unread, ...result.skipped],
      });
      continue;
    }
    const extraNotes = readExtraNotes(found.grid, t);
    const note = infoNotes[t.id] ?? extraNotes;
    tables[t.id] = {
      ...(result.rows ? { rows: result.rows } : {}),
      values: result.values,
      ...(note ? { note } : {}),
    };
    report.push({
      table: t.id,
      code: t.code,
      title: t.title,
      sheet: found.name,
      status: 'read',
      rows: result.rowCount,
      values: Object.values(result.values).reduce((n, r) => n + Object.keys(r).length, 0),
      skipped: result.skipped,
    });
  }
  return { report, tables, unitName, year, moneyUnits };
}

/** A sheet as a dense grid of its first MAX_COLUMNS columns; each cell of a merge shows the merge's value. */
function readGrid(ws: XlsxSheetRead): Grid {
  const width = Math.min(ws.width, MAX_COLUMNS);
  const grid: Grid = [];
  for (let r = 0; r < ws.rows.length; r++) {
    const source = ws.rows[r];
    const line: Cell[] = [];
    if (source) for (let c = 0; c < width; c++) line.push(cellOf(source[c]));
    grid.push(line);
  }
  for (const m of ws.merges) {
    const master = cellOf(ws.rows[m.top]?.[m.left]);
    for (let r = m.top; r <= Math.min(m.bottom, grid.length - 1); r++) {
      const line = grid[r] as Cell[];
      for (let c = line.length; c < width; c++) line.push(EMPTY);
      for (let c = m.left; c <= Math.min(m.right, width - 1); c++) line[c] = master;
    }
  }
  return grid;
}

const EMPTY: Cell = { text: '' };

function cellOf(cell: XlsxCellRead | undefined): Cell {
  if (!cell) return EMPTY;
  if (cell.number !== undefined)
    return cell.formula
      ? { text: cell.text, number: cell.number, formula: true }
      : { text: cell.text, number: cell.number };
  if (cell.error) return { text: cell.text, error: true };
  if (cell.formulaWithoutResult) return { text: '', formulaWithoutResult: true };
  return { text: cell.text.trim() };
}

const squash = (s: string) => s.replace(/[\s\u3000]/g, '');

/** A title as compared: headerKey, without a leading number (一、 1. 表1) or a 单位/年度 prefix. */
function titleKey(text: string): string {
  return headerKey(text)
    .replace(/^.*\d{4}年度?(部门决算)?/, '')
    .replace(/^(表)?[一二三四五六七八九十\d]+[、.．:）)]?/, '');
}

function findSheet(
  grids: { name: string; grid: Grid }[],
  t: TableTemplate,
): { name: string; grid: Grid } | undefined {
  const no = Number(t.id);
  const title = titleKey(t.title);
  // A profile whose forms print 公开NN表 is found by that name first; titles are shared between profiles, codes not.
  if (t.printCode !== false) {
    const byName = grids.find((g) => {
      const m = /公开0?(\d{1,2})表/.exec(squash(g.name));
      return m !== null && Number(m[1]) === no;
    });
    if (byName) return byName;
  }
  const byTitle = grids.find((g) =>
    g.grid.slice(0, 6).some((row) =>
      row.some((c) => {
        const s = squash(c.text);
        return (t.printCode !== false && s === t.code) || (s !== '' && titleKey(c.text) === title);
      }),
    ),
  );
  return byTitle ?? grids.find((g) => titleKey(g.name) === title);
}

function readMeta(grid: Grid): { unit?: string; year?: number; money?: '元' | '万元' } {
  let unit: string | undefined;
  let year: number | undefined;
  let money: '元' | '万元' | undefined;
  for (const row of grid.slice(0, 6)) {
    for (const c of row) {
      const m =
        /^(?:金额)?单位[：:](万元|元)$/.exec(squash(c.text)) ?? /金额单位[：:](万元|元)/.exec(squash(c.text));
      if (m) {
        money ??= m[1] as '元' | '万元';
        continue;
      }
      const dept = /^(?:部门|单位|单位名称|编制单位)[：:]\s*(.+)$/.exec(c.text);
      if (dept && !unit) unit = (dept[1] as string).trim();
      // 上海: the unit is named in the line above the title (上海市XX局2024年度部门决算表), not on a 部门 line.
      const heading = /^(.+?)\d{4}年度部门决算表$/.exec(squash(c.text));
      if (heading && !unit) unit = heading[1] as string;
      // 2024年度… at the start, or inside a title (某某中心2024年度财政拨款“三公”经费支出决算表).
      const y = /^(\d{4})年度?/.exec(squash(c.text)) ?? /(20\d{2})年度/.exec(squash(c.text));
      if (y && !year) year = Number(y[1]);
    }
  }
  return { unit, year, money };
}

/** The row holding the 栏次 numbers, with the column of each number. */
function columnNumbers(grid: Grid, t: TableTemplate): { row: number; colOf: Map<number, number> } | null {
  const wanted = t.blocks
    .flatMap((b) => b.columns.map((c) => c.no))
    .filter((n): n is number => n !== undefined);
  if (wanted.length === 0) return null;
  for (let r = 0; r < Math.min(grid.length, 20); r++) {
    const colOf = new Map<number, number>();
    (grid[r] ?? []).forEach((c, i) => {
      const n = /^\d{1,2}$/.test(squash(c.text)) ? Number(squash(c.text)) : NaN;
      if (wanted.includes(n) && !colOf.has(n)) colOf.set(n, i);
    });
    if (wanted.every((n) => colOf.has(n))) return { row: r, colOf };
  }
  return null;
}

/** Columns whose header text is exactly one of `texts`, left to right (merged header cells count once). */
function headerColumns(grid: Grid, text: string | readonly string[], rows: number): number[] {
  const texts = (typeof text === 'string' ? [text] : text).map(headerKey);
  for (let r = 0; r < Math.min(grid.length, rows); r++) {
    const cols: number[] = [];
    (grid[r] ?? []).forEach((c, i) => {
      const s = headerKey(c.text);
      if (texts.includes(s) && !(i > 0 && headerKey(grid[r]?.[i - 1]?.text ?? '') === s)) cols.push(i);
    });
    if (cols.length > 0) return cols;
  }
  return [];
}

/** The first row (from `from`) in which one of `texts` stands, or -1. */
function rowWith(grid: Grid, texts: readonly string[], from = 0, to = 20): number {
  const keys = texts.map(headerKey);
  for (let r = from; r < Math.min(grid.length, to); r++)
    if ((grid[r] ?? []).some((c) => keys.includes(headerKey(c.text)))) return r;
  return -1;
}

/** A line printed under a table (注：…, 说明：…, a formula line), never a row of amounts. */
function isNoteLine(row: readonly Cell[]): boolean {
  const first = row.find((c) => squash(c.text) !== '');
  const s = squash(first?.text ?? '');
  return (
    /^(注|说明)[：:0-9１-９.]/.test(s) || /故本表无数据/.test(s) || /^\d+栏/.test(s) || /^\d+行=/.test(s)
  );
}

/** The value columns of a block found by header text in sheet columns [from, to). */
function valueColumnsByHeader(
  grid: Grid,
  t: TableTemplate,
  headerEnd: number,
  keys: readonly string[],
  from: number,
  to: number,
): { colOf: Map<string, number>; missing: string[] } {
  const expected = expectedColumnHeaders(t);
  return matchColumnsByHeader(
    { rows: grid },
    headerEnd,
    keys.map((key) => ({ key, headers: expected.get(key) ?? [] })),
    from,
    to,
  );
}

const labelKey = (s: string) => headerKey(s).replace(/[.．、]/g, '');

interface ReadResult {
  rows?: ClassRow[];
  values: Record<string, Record<string, string>>;
  rowCount: number;
  skipped: Note[];
  /** Set when the table was found but could not be read at all (its header did not match): why. */
  unread?: string;
}

/** What was not read: a line of the report, or one that matters only if the cell is not computed by the rules. */
type Note = string | { readonly row: string; readonly col: string; readonly text: string };

/** An amount from a cell: numbers as they are, text as typed (invalid text kept, to be flagged, never 0). */

function amountOf(
  c: Cell | undefined,
  where: string,
  skipped: Note[],
  at?: { row: string; col: string },
): string | null {
  if (!c) return null;
  if (c.formulaWithoutResult) {
    // A total written as a formula with no cached value is computed here anyway; only an entered cell loses data.
    const text = `${where}：公式没有计算结果，未读取`;
    skipped.push(at ? { ...at, text } : text);
    return null;
  }
  if (c.error) {
    skipped.push(`${where}：单元格是错误值 ${c.text}，已原样保留并标为无效`);
    return c.text;
  }
  // A formula that came to 0 (an empty total, as this app writes it) adds nothing: a zero amount shows empty, and a
  // total is computed by the rules anyway.
  if (c.formula && c.number === 0) return null;
  if (c.number !== undefined) return canonicalAmount(new Decimal(c.number.toPrecision(15)));
  const text = c.text;
  if (text === '') return null;
  if (/^[-—–－]+$/.test(text)) return null;
  const parsed = parseAmount(text);
  if (parsed.ok) return parsed.value === null ? null : canonicalAmount(parsed.value);
  skipped.push(`${where}：“${text}”不是有效金额，已原样保留并标为无效`);
  return text;
}

function readFixed(grid: Grid, t: TableTemplate): ReadResult {
  const values: Record<string, Record<string, string>> = {};
  const skipped: Note[] = [];
  let rowCount = 0;
  const put = (row: string, col: string, v: string | null) => {
    if (v === null) return;
    (values[row] ??= {})[col] = v;
  };
  const unread = (why: string): ReadResult => ({ values: {}, rowCount: 0, skipped: [], unread: why });
  const numbers = columnNumbers(grid, t);
  const colOfKey = new Map<string, number>();
  for (const b of t.blocks)
    for (const c of b.columns)
      if (c.no !== undefined && numbers?.colOf.has(c.no))
        colOfKey.set(c.key, numbers.colOf.get(c.no) as number);

  if (t.blocks.every((b) => b.show.length === 0)) {
    // A table of one row of amounts (the “三公” table): the first row under the header that holds any.
    const block = t.blocks[0];
    const key = block?.rows?.[0]?.key ?? 'main';
    const cols = block?.columns ?? [];
    let start: number;
    if (numbers) start = numbers.row + 1;
    else {
      const leaves = [...new Set([...expectedColumnHeaders(t).values()].map((h) => h[h.length - 1] ?? ''))];
      let last = -1;
      for (let r = 0; r < Math.min(grid.length, 15); r++)
        if ((grid[r] ?? []).some((c) => leaves.includes(headerKey(c.text)))) last = r;
      if (last < 0) return unread('表头与表样不符：没有找到栏次行，也没有找到表头文字');
      start = last + 1;
      const m = valueColumnsByHeader(
        grid,
        t,
        start,
        cols.map((c) => c.key),
        0,
        60,
      );
      if (m.missing.length > 0) return unread(`表头与表样不符：没有找到“${m.missing.join('”“')}”栏`);
      for (const [k, v] of m.colOf) colOfKey.set(k, v);
    }
    for (let r = start; r < grid.length; r++) {
      const row = grid[r] ?? [];
      if (isNoteLine(row)) break;
      if (!cols.some((c) => (row[colOfKey.get(c.key) ?? -1]?.text ?? '') !== '')) continue;
      for (const c of cols)
        put(
          key,
          c.key,
          amountOf(
            row[colOfKey.get(c.key) ?? -1],
            `第 ${r + 1} 行 ${c.no ? `${c.no}栏` : c.label}`,
            skipped,
            {
              row: key,
              col: c.key,
            },
          ),
        );
      rowCount = 1;
      break;
    }
    return { values, rowCount, skipped };
  }

  const byLineNo = t.blocks.some((b) => b.show.includes('lineNo'));
  if (byLineNo) {
    if (!numbers) return unread('表头与表样不符：没有找到栏次行（1、2…），无法对应各栏');
    const start = numbers.row + 1;
    const lineCols = headerColumns(grid, '行次', numbers.row + 1);
    if (lineCols.length < t.blocks.length) skipped.push(`表头里“行次”列只找到 ${lineCols.length} 个`);
    for (let r = start; r < grid.length; r++) {
      const row = grid[r] ?? [];
      let used = false;
      t.blocks.forEach((b, k) => {
        const lc = lineCols[k];
        if (lc === undefined) return;
        const text = squash(row[lc]?.text ?? '');
        if (!/^\d+$/.test(text)) return;
        const tr = b.rows?.find((x) => x.lineNo === Number(text));
        if (!tr) {
          skipped.push(`第 ${r + 1} 行：行次 ${text} 不在${t.code}的${b.title ?? ''}部分`);
          return;
        }
        if (tr.blank) return;
        for (const c of b.columns) {
          const col = colOfKey.get(c.key);
          const v = amountOf(
            col === undefined ? undefined : row[col],
            `第 ${r + 1} 行（行次 ${text}）${c.no}栏`,
            skipped,
            { row: tr.key, col: c.key },
          );
          if (v !== null) used = true;
          put(tr.key, c.key, v);
        }
      });
      if (used) rowCount++;
    }
    return { values, rowCount, skipped };
  }

  if (t.blocks.every((b) => b.show.includes('label'))) return readByLabel(grid, t);

  // Rows keyed by code in side-by-side blocks (the 基本支出 table), then the footer totals.
  const codeCols = headerColumns(grid, ['科目代码', '科目编码', '经济分类科目编码'], 10);
  const valueCols = headerColumns(grid, '决算数', 10);
  if (codeCols.length < t.blocks.length || valueCols.length < t.blocks.length)
    return unread(
      `表头与表样不符：“科目编码/科目代码”找到 ${codeCols.length} 处、“决算数”找到 ${valueCols.length} 处，应各有 ${t.blocks.length} 处`,
    );
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r] ?? [];
    let used = false;
    t.blocks.forEach((b, k) => {
      const cc = codeCols[k];
      const vc = valueCols[k];
      if (cc === undefined || vc === undefined) return;
      const code = squash(row[cc]?.text ?? '');
      if (!/^\d{3,5}$/.test(code)) return;
      const tr = b.rows?.find((x) => x.code === code);
      if (!tr) {
        skipped.push(`第 ${r + 1} 行：科目代码 ${code} 不在${t.code}的格式中`);
        return;
      }
      const v = amountOf(row[vc], `第 ${r + 1} 行 ${code}`, skipped, {
        row: tr.key,
        col: b.columns[0]?.key ?? '1',
      });
      if (v !== null) used = true;
      put(tr.key, b.columns[0]?.key ?? '1', v);
    });
    for (const footer of t.blocks.flatMap((b) => (b.rows ?? []).filter((x) => x.placement === 'footer'))) {
      const at = row.findIndex((c) => squash(c.text) === footer.label);
      if (at < 0) continue;
      // The amount is in the first cell after the label and its merged continuation.
      const valueCell = row.slice(at + 1).find((c) => squash(c.text) !== footer.label);
      const col = t.blocks.find((b) => b.rows?.includes(footer))?.columns[0]?.key ?? '1';
      const v = amountOf(valueCell, `第 ${r + 1} 行 ${footer.label}`, skipped, { row: footer.key, col });
      if (v !== null) used = true;
      put(footer.key, col, v);
    }
    if (used) rowCount++;
  }
  return { values, rowCount, skipped };
}

/**
 * A fixed-row form that prints no 行次 (上海's 收支总表, 财政拨款收支总表): each block's rows are found by their
 * 项目 text under the block's 项目 column, in the form's order (a label printed twice, such as 一般公共预算财政拨款
 * under 本年收入 and under 年初结转和结余, is matched in turn); its columns by header text.
 */
function readByLabel(grid: Grid, t: TableTemplate): ReadResult {
  const values: Record<string, Record<string, string>> = {};
  const skipped: Note[] = [];
  const labelHeaders = [...new Set(t.header.flat().map((h) => h.text))].filter((x) => /^项\s*目$/.test(x));
  const labelCols = headerColumns(grid, labelHeaders.length > 0 ? labelHeaders : ['项目'], 12);
  if (labelCols.length < t.blocks.length)
    return {
      values,
      rowCount: 0,
      skipped,
      unread: `表头与表样不符：“项目”列只找到 ${labelCols.length} 个，应有 ${t.blocks.length} 个`,
    };
  const firstLabels = t.blocks.map((b) => labelKey(b.rows?.find((r) => !r.blank)?.label ?? ''));
  let dataStart = -1;
  for (let r = 0; r < Math.min(grid.length, 20) && dataStart < 0; r++)
    if (t.blocks.some((_, k) => labelKey(grid[r]?.[labelCols[k] as number]?.text ?? '') === firstLabels[k]))
      dataStart = r;
  if (dataStart < 0)
    return { values, rowCount: 0, skipped, unread: `没有找到第一行“${t.blocks[0]?.rows?.[0]?.label ?? ''}”` };
  const colOfKey = new Map<string, number>();
  const missing: string[] = [];
  t.blocks.forEach((b, k) => {
    const m = valueColumnsByHeader(
      grid,
      t,
      dataStart,
      b.columns.map((c) => c.key),
      (labelCols[k] as number) + 1,
      labelCols[k + 1] ?? 60,
    );
    missing.push(...m.missing);
    for (const [key, col] of m.colOf) colOfKey.set(key, col);
  });
  if (missing.length > 0)
    return { values, rowCount: 0, skipped, unread: `表头与表样不符：没有找到“${missing.join('”“')}”栏` };
  const used = new Set<string>();
  let rowCount = 0;
  const cursor = t.blocks.map(() => 0);
  for (let r = dataStart; r < grid.length; r++) {
    const row = grid[r] ?? [];
    if (isNoteLine(row)) break;
    let any = false;
    t.blocks.forEach((b, k) => {
      const text = labelKey(row[labelCols[k] as number]?.text ?? '');
      if (text === '') return;
      const rows = b.rows ?? [];
      const at = rows.findIndex(
        (x, i) => i >= (cursor[k] as number) && !x.blank && labelKey(x.label ?? '') === text,
      );
      if (at < 0) {
        const hasValue = b.columns.some((c) => (row[colOfKey.get(c.key) ?? -1]?.text ?? '') !== '');
        if (hasValue)
          skipped.push(`第 ${r + 1} 行：“${row[labelCols[k] as number]?.text ?? ''}”不是本表的项目，未读取`);
        return;
      }
      cursor[k] = at + 1;
      const tr = rows[at] as (typeof rows)[number];
      used.add(tr.key);
      for (const c of b.columns) {
        const col = colOfKey.get(c.key);
        const v = amountOf(
          col === undefined ? undefined : row[col],
          `第 ${r + 1} 行 ${tr.label} ${c.label}`,
          skipped,
          {
            row: tr.key,
            col: c.key,
          },
        );
        if (v !== null) {
          (values[tr.key] ??= {})[c.key] = v;
          any = true;
        }
      }
    });
    if (any) rowCount++;
  }
  return { values, rowCount, skipped };
}

function readClassification(grid: Grid, t: TableTemplate, formSet: FormSet): ReadResult {
  const values: Record<string, Record<string, string>> = {};
  const rows: ClassRow[] = [];
  const skipped: Note[] = [];
  const columns = t.blocks[0]?.columns ?? [];
  const numbers = columnNumbers(grid, t);
  const nameRow = rowWith(grid, ['科目名称'], 0, 15);
  const nameCol = nameRow < 0 ? undefined : headerColumns(grid, '科目名称', nameRow + 1)[0];
  if (!numbers && nameCol === undefined)
    return {
      rows,
      values,
      rowCount: 0,
      skipped,
      unread: '表头与表样不符：没有找到栏次行，也没有找到“科目名称”',
    };
  const colOfKey = new Map<string, number>();
  let start: number;
  const isCode = (s: string) => /^\d{3}(\d{2}){0,2}$/.test(s);
  if (numbers) {
    start = numbers.row + 1;
    for (const c of columns)
      if (c.no !== undefined && numbers.colOf.has(c.no))
        colOfKey.set(c.key, numbers.colOf.get(c.no) as number);
  } else {
    // No 栏次 (上海's forms): the data start at the first row with a 科目编码 or 合计 left of the values.
    const nc = nameCol as number;
    start = -1;
    for (let r = nameRow + 1; r < grid.length && start < 0; r++) {
      const row = grid[r] ?? [];
      const desc = row.slice(0, nc + 1).map((c) => squash(c.text));
      if (desc.some((d) => isCode(d) || d === '合计' || d === '总计')) start = r;
      else if (isNoteLine(row)) break;
    }
    const headerEnd = start < 0 ? Math.min(grid.length, nameRow + 4) : start;
    const m = valueColumnsByHeader(
      grid,
      t,
      headerEnd,
      columns.map((c) => c.key),
      nc + 1,
      60,
    );
    if (m.missing.length > 0)
      return {
        rows,
        values,
        rowCount: 0,
        skipped,
        unread: `表头与表样不符：没有找到“${m.missing.join('”“')}”栏`,
      };
    for (const [k, v] of m.colOf) colOfKey.set(k, v);
    if (start < 0) return { rows, values, rowCount: 0, skipped };
  }
  const valueCols = [...colOfKey.values()];
  const nc = nameCol ?? 3;
  const firstValueCol = Math.min(...valueCols);
  const codeCols = Array.from({ length: Math.max(0, Math.min(nc, firstValueCol)) }, (_, i) => i);
  const seen = new Set<string>();
  let rowCount = 0;
  for (let r = start; r < grid.length; r++) {
    const row = grid[r] ?? [];
    if (isNoteLine(row)) break;
    const parts = codeCols.map((c) => squash(row[c]?.text ?? ''));
    // The code is either whole in one cell, or split as 类 (3 digits) / 款 (2) / 项 (2) across the three columns.
    const split = /^\d{3}$/.test(parts[0] ?? '') && /^\d{2}$/.test(parts[1] ?? '');
    const code = split
      ? `${parts[0]}${parts[1]}${/^\d{2}$/.test(parts[2] ?? '') ? parts[2] : ''}`
      : (parts.find((p) => levelOfCode(p) !== undefined) ?? '');
    const name = (row[nc]?.text ?? '').trim();
    const isTotal =
      code === '' && (squash(name) === '合计' || parts.includes('合计') || squash(name) === '总计');
    const hasValue = valueCols.some((c) => (row[c]?.text ?? '') !== '');
    if (!isTotal && code === '') {
      if (hasValue || name !== '') skipped.push(`第 ${r + 1} 行：没有有效的科目编码（3、5 或 7 位），未读取`);
      continue;
    }
    const key = isTotal ? (t.totalRow?.key ?? '合计') : code;
    if (!isTotal) {
      if (seen.has(code)) {
        skipped.push(`第 ${r + 1} 行：科目 ${code} 重复出现，只取第一次`);
        continue;
      }
      seen.add(code);
      rows.push({ code, name: name || (formSet.catalog.nameOf(code) ?? '') });
    }
    rowCount++;
    for (const c of columns) {
      const col = colOfKey.get(c.key);
      const v = amountOf(
        col === undefined ? undefined : row[col],
        `第 ${r + 1} 行 ${isTotal ? '合计' : code} ${c.no !== undefined ? `${c.no}栏` : c.label}`,
        skipped,
        { row: key, col: c.key },
      );
      if (v !== null) (values[key] ??= {})[c.key] = v;
    }
  }
  return { rows, values, rowCount, skipped };
}

/** Lines under a table that are not the form's own notes: an empty table's 说明, say. */
function readExtraNotes(grid: Grid, t: TableTemplate): string | undefined {
  const known = new Set(t.notes.map(squash));
  for (const row of grid) {
    for (const c of row) {
      const s = squash(c.text);
      if ((/故本表无数据|本表无数据/.test(s) || /^说明[：:]/.test(s)) && !known.has(s)) return c.text.trim();
    }
  }
  return undefined;
}
