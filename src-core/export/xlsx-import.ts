import type ExcelJS from 'exceljs';
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
import { readInfoSheet } from './xlsx-info-sheet';
import { loadXlsxBook } from './load-xlsx';

/** What was read from one table's sheet, and what was not (with why). */
export interface TableImportReport {
  readonly table: string;
  readonly code: string;
  readonly sheet: string | null;
  readonly rows: number;
  readonly values: number;
  readonly skipped: readonly string[];
}

export type XlsxImport =
  | { readonly ok: true; readonly document: GongkaiDocument; readonly report: readonly TableImportReport[] }
  | { readonly ok: false; readonly message: string };

const MAX_ROWS = 20_000;

interface Cell {
  readonly text: string;
  /** The value when the cell holds a number (or a formula with a numeric result). */
  readonly number?: number;
  readonly formulaWithoutResult?: boolean;
  /** An Excel error value (#REF!, #DIV/0! …). */
  readonly error?: boolean;
}

type Grid = Cell[][];

/**
 * Reads an .xlsx: the app's own export (losslessly) or an official template filled in by hand in Excel or WPS.
 * Each table is found by sheet name or title; rows by 行次 or 科目编码; columns by 栏次 or header text. Numbers stored
 * as text, merged cells, blank and extra rows are coped with; everything not read is reported. Refuses non-xlsx,
 * damaged, encrypted and unreasonably large files with a Chinese message.
 */
export async function importXlsx(formSet: FormSet, bytes: Uint8Array): Promise<XlsxImport> {
  const loaded = await loadXlsxBook(bytes);
  if (!loaded.ok) return loaded;
  const { book } = loaded;
  for (const ws of book.worksheets) {
    // Rows with content, not the last formatted row: a stray format far down must not refuse a good file.
    if (ws.actualRowCount > MAX_ROWS) {
      return {
        ok: false,
        message: `工作表“${ws.name}”有 ${ws.actualRowCount} 行内容，远超决算公开表的规模，没有读取。`,
      };
    }
  }
  const info = readInfoSheet(book);
  if (info && info.damaged.length > 0)
    // Importing the tables without them would quietly lose the text the user wrote: say so instead.
    return {
      ok: false,
      message: `隐藏工作表“文件信息”中的${info.damaged.join('、')}已损坏，无法读取，为免丢失内容没有导入。若只需导入报表，可在 Excel/WPS 中删除该工作表后再导入。`,
    };
  const grids = book.worksheets
    .filter((w) => w.state !== 'hidden')
    .map((w) => ({ name: w.name, grid: readGrid(w) }));

  const report: (Omit<TableImportReport, 'skipped'> & { skipped: readonly Note[] })[] = [];
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
        sheet: null,
        rows: 0,
        values: 0,
        skipped: [`没有找到${t.code}（按工作表名称或标题查找）`],
      });
      continue;
    }
    const meta = readMeta(found.grid);
    unitName ??= meta.unit;
    year ??= meta.year;
    if (meta.money) moneyUnits.add(meta.money);
    const result =
      t.kind === 'classification' ? readClassification(found.grid, t, formSet) : readFixed(found.grid, t);
    const extraNotes = readExtraNotes(found.grid, t);
    const note = info?.notes[t.id] ?? extraNotes;
    tables[t.id] = {
      ...(result.rows ? { rows: result.rows } : {}),
      values: result.values,
      ...(note ? { note } : {}),
    };
    report.push({
      table: t.id,
      code: t.code,
      sheet: found.name,
      rows: result.rowCount,
      values: Object.values(result.values).reduce((n, r) => n + Object.keys(r).length, 0),
      skipped: result.skipped,
    });
  }
  if (moneyUnits.size > 1) {
    return { ok: false, message: '各表的金额单位不一致（有的是元，有的是万元），请统一后再导入。' };
  }
  if (report.every((r) => r.sheet === null)) {
    return {
      ok: false,
      message: '这个 Excel 文件里没有找到任何部门决算公开表（工作表名应为“公开01表”等，或表头有表名）。',
    };
  }

  const base = newDocument(info?.formYear ?? formSet.year, {
    name: info?.unit.name ?? unitName ?? '',
    year: info?.unit.year ?? year ?? formSet.year,
    // The title block says 金额单位：元 or 万元; amounts are kept in that unit (元 can then be converted with 舍位平衡).
    moneyUnit: info?.unit.moneyUnit ?? [...moneyUnits][0] ?? '万元',
    publishDate: info?.unit.publishDate ?? '',
    phone: info?.unit.phone ?? '',
  });
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
  return { ok: true, document: dropRedundantValues(formSet, checked.document, wb), report: settled };
}

function readGrid(ws: ExcelJS.Worksheet): Grid {
  const grid: Grid = [];
  const width = Math.min(ws.columnCount, 60);
  ws.eachRow({ includeEmpty: true }, (row, rowNo) => {
    const line: Cell[] = [];
    for (let c = 1; c <= width; c++) line.push(cellOf(row.getCell(c)));
    grid[rowNo - 1] = line;
  });
  for (let i = 0; i < grid.length; i++) grid[i] ??= [];
  return grid;
}

function cellOf(cell: ExcelJS.Cell): Cell {
  const v = cell.isMerged && cell.master !== cell ? cell.master.value : cell.value;
  if (v === null || v === undefined) return { text: '' };
  if (typeof v === 'number') return { text: String(v), number: v };
  if (typeof v === 'string') return { text: v.trim() };
  if (typeof v === 'boolean') return { text: v ? 'TRUE' : 'FALSE' };
  if (v instanceof Date) return { text: v.toISOString().slice(0, 10) };
  if (typeof v === 'object') {
    if ('formula' in v || 'sharedFormula' in v) {
      const result = (v as { result?: unknown }).result;
      if (typeof result === 'number') return { text: String(result), number: result };
      if (typeof result === 'string') return { text: result.trim() };
      if (result && typeof result === 'object' && 'error' in result)
        return { text: String((result as { error: unknown }).error), error: true };
      if (result === undefined || result === null) return { text: '', formulaWithoutResult: true };
      return { text: '' };
    }
    if ('error' in v) return { text: String((v as { error: unknown }).error), error: true };
    if ('richText' in v)
      return {
        text: (v as { richText: { text: string }[] }).richText
          .map((r) => r.text)
          .join('')
          .trim(),
      };
    if ('text' in v) return { text: String((v as { text: unknown }).text).trim() };
  }
  return { text: String(v) };
}

const squash = (s: string) => s.replace(/[\s\u3000]/g, '');

function findSheet(
  grids: { name: string; grid: Grid }[],
  t: TableTemplate,
): { name: string; grid: Grid } | undefined {
  const no = Number(t.id);
  const byName = grids.find((g) => {
    const m = /公开0?(\d{1,2})表/.exec(squash(g.name));
    return m !== null && Number(m[1]) === no;
  });
  if (byName) return byName;
  return grids.find((g) =>
    g.grid.slice(0, 6).some((row) =>
      row.some((c) => {
        const s = squash(c.text);
        return s === t.code || s.replace(/^\d{4}年度?/, '') === t.title;
      }),
    ),
  );
}

function readMeta(grid: Grid): { unit?: string; year?: number; money?: '元' | '万元' } {
  let unit: string | undefined;
  let year: number | undefined;
  let money: '元' | '万元' | undefined;
  for (const row of grid.slice(0, 6)) {
    for (const c of row) {
      const dept = /^(?:部门|单位|单位名称|编制单位)[：:]\s*(.+)$/.exec(c.text);
      if (dept && !unit) unit = (dept[1] as string).trim();
      const y = /^(\d{4})年度?/.exec(squash(c.text));
      if (y && !year) year = Number(y[1]);
      const m = /金额单位[：:](万元|元)/.exec(squash(c.text));
      if (m && !money) money = m[1] as '元' | '万元';
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

/** Columns whose header text is exactly `text`, left to right (merged header cells count once). */
function headerColumns(grid: Grid, text: string, rows: number): number[] {
  for (let r = 0; r < Math.min(grid.length, rows); r++) {
    const cols: number[] = [];
    (grid[r] ?? []).forEach((c, i) => {
      if (squash(c.text) === text && !(i > 0 && squash(grid[r]?.[i - 1]?.text ?? '') === text)) cols.push(i);
    });
    if (cols.length > 0) return cols;
  }
  return [];
}

interface ReadResult {
  rows?: ClassRow[];
  values: Record<string, Record<string, string>>;
  rowCount: number;
  skipped: Note[];
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
  const numbers = columnNumbers(grid, t);
  const start = numbers ? numbers.row + 1 : 0;
  const colOfKey = new Map<string, number>();
  for (const b of t.blocks)
    for (const c of b.columns)
      if (c.no !== undefined && numbers?.colOf.has(c.no))
        colOfKey.set(c.key, numbers.colOf.get(c.no) as number);

  if (t.blocks.every((b) => b.show.length === 0)) {
    // A table of one row of amounts (公开09表): the first row under the 栏次 row that holds any.
    if (!numbers) return { values, rowCount: 0, skipped: ['没有找到栏次行（1、2、3…），无法对应各栏'] };
    for (let r = start; r < grid.length; r++) {
      const row = grid[r] ?? [];
      const key = t.blocks[0]?.rows?.[0]?.key ?? 'main';
      const cols = t.blocks[0]?.columns ?? [];
      if (!cols.some((c) => (row[colOfKey.get(c.key) ?? -1]?.text ?? '') !== '')) continue;
      for (const c of cols)
        put(
          key,
          c.key,
          amountOf(row[colOfKey.get(c.key) ?? -1], `第 ${r + 1} 行 ${c.no}栏`, skipped, {
            row: key,
            col: c.key,
          }),
        );
      rowCount = 1;
      break;
    }
    return { values, rowCount, skipped };
  }

  const byLineNo = t.blocks.some((b) => b.show.includes('lineNo'));
  if (byLineNo) {
    if (!numbers) return { values, rowCount: 0, skipped: ['没有找到栏次行（1、2…），无法对应各栏'] };
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

  // Rows keyed by code in side-by-side blocks (公开06表), then the footer totals.
  const codeCols = headerColumns(grid, '科目代码', 10);
  const valueCols = headerColumns(grid, '决算数', 10);
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
      const v = amountOf(valueCell, `第 ${r + 1} 行 ${footer.label}`, skipped, { row: footer.key, col: '1' });
      if (v !== null) used = true;
      put(footer.key, '1', v);
    }
    if (used) rowCount++;
  }
  if (codeCols.length < t.blocks.length)
    skipped.push(`表头里“科目代码”只找到 ${codeCols.length} 处，应有 ${t.blocks.length} 处`);
  return { values, rowCount, skipped };
}

function readClassification(grid: Grid, t: TableTemplate, formSet: FormSet): ReadResult {
  const values: Record<string, Record<string, string>> = {};
  const rows: ClassRow[] = [];
  const skipped: Note[] = [];
  const numbers = columnNumbers(grid, t);
  if (!numbers) return { rows, values, rowCount: 0, skipped: ['没有找到栏次行（1、2、3…），无法对应各栏'] };
  const nameCol = headerColumns(grid, '科目名称', numbers.row + 1)[0] ?? 3;
  const firstValueCol = Math.min(...numbers.colOf.values());
  const codeCols = Array.from({ length: Math.max(0, Math.min(nameCol, firstValueCol)) }, (_, i) => i);
  const seen = new Set<string>();
  let rowCount = 0;
  for (let r = numbers.row + 1; r < grid.length; r++) {
    const row = grid[r] ?? [];
    const first = squash(row[0]?.text ?? '');
    if (/^注/.test(first) || /^\d+栏/.test(first)) break;
    const parts = codeCols.map((c) => squash(row[c]?.text ?? ''));
    // The code is either whole in one cell, or split as 类 (3 digits) / 款 (2) / 项 (2) across the three columns.
    const split = /^\d{3}$/.test(parts[0] ?? '') && /^\d{2}$/.test(parts[1] ?? '');
    const code = split
      ? `${parts[0]}${parts[1]}${/^\d{2}$/.test(parts[2] ?? '') ? parts[2] : ''}`
      : (parts.find((p) => levelOfCode(p) !== undefined) ?? '');
    const name = (row[nameCol]?.text ?? '').trim();
    const isTotal =
      code === '' && (squash(name) === '合计' || parts.includes('合计') || squash(name) === '总计');
    const hasValue = [...numbers.colOf.values()].some((c) => (row[c]?.text ?? '') !== '');
    if (!isTotal && code === '') {
      if (hasValue || (name !== '' && !/故本表无数据/.test(name)))
        skipped.push(`第 ${r + 1} 行：没有有效的科目编码（3、5 或 7 位），未读取`);
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
    for (const c of t.blocks[0]?.columns ?? []) {
      const col = c.no === undefined ? undefined : numbers.colOf.get(c.no);
      const v = amountOf(
        col === undefined ? undefined : row[col],
        `第 ${r + 1} 行 ${isTotal ? '合计' : code} ${c.no}栏`,
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
      if (/故本表无数据|本表无数据/.test(s) && !known.has(s)) return c.text.trim();
    }
  }
  return undefined;
}
