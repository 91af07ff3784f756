import type { GongkaiDocument } from '../document/types';
import { columnLetter } from '../export/sheet-geometry';
import { expectedColumnHeaders, headerKey } from '../export/xlsx-header-match';
import type { XlsxCellRead, XlsxSheetRead } from '../export/xlsx-reader';
import type { FormSet, TableTemplate } from '../template';
import { addCodeLines, type CodeLine, type RowsByCodeReport } from './add-rows-by-code';
import type { CommandResult } from './command';

/** Where a table column's amounts come from in the sheet (0-based column), or nothing. */
export interface MappedColumn {
  /** The table's column key. */
  readonly key: string;
  /** The table's header for it, as printed (本年支出/基本支出). */
  readonly title: string;
  readonly from?: number;
  /** The sheet's header text over `from` ('' when mapped by position or not mapped). */
  readonly header: string;
}

/** How a block of 科目 lines sits in a sheet, as guessed: shown to the user before it is applied. */
export interface SheetBlockLayout {
  readonly sheet: string;
  /** 0-based row of the first line with a code; the rows above it are the header. */
  readonly firstRow: number;
  /** The column(s) of the code: one (2010101), or 类 | 款 | 项 (two or three). */
  readonly code: readonly number[];
  readonly name?: number;
  readonly columns: readonly MappedColumn[];
  /** No header text matched the table's: the amount columns were taken in order. */
  readonly byPosition: boolean;
  /** Sheet columns right of the code holding figures that no table column takes (not imported). */
  readonly unused: readonly { readonly col: number; readonly header: string }[];
}

const JOINED = /^\d{3}(?:\d{2}){0,2}$/;
const WITH_NAME = /^\d{3}(?:\d{2}){0,2}\s*[^\d\s]/;
const PART = /^\d{1,2}$/;
const FIGURE = /^[-(]?[\d,]*\.?\d+\)?$/;
const TOTAL_WORDS = new Set(['合计', '小计', '总计']);

function textOf(cell: XlsxCellRead | undefined): string {
  return (cell?.text ?? '').trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/** The sheet's texts with each merged range carrying its top-left cell's text (header cells are often merged). */
function gridOf(sheet: XlsxSheetRead): string[][] {
  const grid = sheet.rows.map((row) => Array.from({ length: sheet.width }, (_, c) => textOf(row[c])));
  for (const m of sheet.merges) {
    const master = grid[m.top]?.[m.left] ?? '';
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) {
        const row = grid[r];
        if (row && row[c] === '') row[c] = master;
      }
  }
  return grid;
}

/** The 1-based Excel name of a 0-based column. */
function letter(col: number): string {
  return columnLetter(col + 1);
}

/**
 * Guesses where a block of 科目 lines sits in an Excel file: the sheet and column holding 科目编码 (one column, or
 * split 类|款|项), the name column, and which sheet column feeds each of the table's columns — by header text, as
 * printed (“基本支出”, “本年支出/小计”), or in order when no header matches. The user sees this before it applies.
 */
export function guessBlockLayout(
  sheets: readonly XlsxSheetRead[],
  template: TableTemplate,
):
  | { readonly ok: true; readonly layout: SheetBlockLayout }
  | { readonly ok: false; readonly message: string } {
  let best: { sheet: XlsxSheetRead; grid: string[][]; col: number; count: number } | undefined;
  for (const sheet of sheets) {
    if (sheet.hidden) continue;
    const grid = gridOf(sheet);
    for (let c = 0; c < sheet.width; c++) {
      let count = 0;
      for (const row of grid) {
        const t = row[c] ?? '';
        if (JOINED.test(t) || WITH_NAME.test(t)) count++;
      }
      if (count > (best?.count ?? 0)) best = { sheet, grid, col: c, count };
    }
  }
  if (!best)
    return {
      ok: false,
      message: '这个 Excel 文件里没有找到科目编码列：应有一列 3、5 或 7 位的科目编码（或分列的 类|款|项）。',
    };
  const { sheet, grid, col } = best;
  // The header ends at the first line with a code or a figure (a 合计 line above the 科目 is data, reported).
  const firstCode = grid.findIndex((row) => JOINED.test(row[col] ?? '') || WITH_NAME.test(row[col] ?? ''));
  const firstFigure = grid.findIndex((row) => row.some((t, c) => c !== col && FIGURE.test(t)));
  const firstRow = firstFigure >= 0 && firstFigure < firstCode ? firstFigure : firstCode;
  const data = grid.slice(firstRow);
  const headerOf = (c: number): string[] => {
    const out: string[] = [];
    for (let r = 0; r < firstRow; r++) {
      const s = headerKey(grid[r]?.[c] ?? '');
      if (s !== '' && out[out.length - 1] !== s) out.push(s);
    }
    return out;
  };
  // 类 | 款 | 项 in their own columns: the column right of a 3-digit 类 holds 1–2 digit 款 numbers.
  const code = [col];
  const labelled = headerOf(col + 1).some((h) => h.includes('款'));
  // Without a 款 header: split when the column holds only 3-digit 类 codes and the next one 1–2 digit numbers.
  const split =
    labelled ||
    (firstRow === 0 &&
      !data.some((row) => /^\d{5}(\d{2})?$/.test(row[col] ?? '')) &&
      data.some((row) => /^\d{3}$/.test(row[col] ?? '') && PART.test(row[col + 1] ?? '')));
  if (split) {
    code.push(col + 1);
    const item = labelled
      ? headerOf(col + 2).some((h) => h.includes('项') && !h.includes('项目'))
      : data.some((row) => PART.test(row[col + 2] ?? '') && PART.test(row[col + 1] ?? ''));
    if (item) code.push(col + 2);
  }
  let next = (code[code.length - 1] as number) + 1;
  const nameHeader = headerOf(next).join('');
  const texts = data.map((row) => row[next] ?? '').filter((t) => t !== '');
  const mostlyText = texts.length > 0 && texts.filter((t) => !/\d/.test(t)).length * 2 >= texts.length;
  let name: number | undefined;
  if (/名称|项目|科目/.test(nameHeader) || mostlyText) name = next++;

  const wanted = [...expectedColumnHeaders(template)].map(([key, headers]) => ({ key, headers }));
  const candidates: number[] = [];
  for (let c = next; c < sheet.width; c++) candidates.push(c);
  const matches = (want: readonly string[], have: readonly string[]): boolean => {
    if (want.length === 0 || have.length === 0) return false;
    // The whole printed path in order, or its last text (a hand-made block has one header row).
    let i = 0;
    for (const h of have) if (i < want.length && h === want[i]) i++;
    if (i === want.length) return true;
    const w = want[want.length - 1] as string;
    const h = have[have.length - 1] as string;
    if (w === h || (TOTAL_WORDS.has(w) && TOTAL_WORDS.has(h))) return true;
    // 本年支出合计 over a sheet's plain 合计, or the other way round.
    return (TOTAL_WORDS.has(h) && w.endsWith(h)) || (TOTAL_WORDS.has(w) && h.endsWith(w));
  };
  const columns: MappedColumn[] = [];
  const used = new Set<number>();
  let from = 0;
  for (const w of wanted) {
    const title = w.headers.join('/');
    let found = -1;
    for (let k = from; k < candidates.length; k++) {
      if (matches(w.headers, headerOf(candidates[k] as number))) {
        found = k;
        break;
      }
    }
    if (found < 0) columns.push({ key: w.key, title, header: '' });
    else {
      const c = candidates[found] as number;
      used.add(c);
      columns.push({ key: w.key, title, from: c, header: headerOf(c).join('/') });
      from = found + 1;
    }
  }
  const holdsFigures = (c: number) => data.some((row) => /\d/.test(row[c] ?? ''));
  const byPosition = used.size === 0;
  if (byPosition) {
    const figures = candidates.filter(holdsFigures);
    columns.forEach((m, i) => {
      const c = figures[i];
      if (c !== undefined) {
        used.add(c);
        columns[i] = { ...m, from: c, header: headerOf(c).join('/') };
      }
    });
  }
  const unused = candidates
    .filter((c) => !used.has(c) && holdsFigures(c))
    .map((c) => ({ col: c, header: headerOf(c).join('/') }));
  return { ok: true, layout: { sheet: sheet.name, firstRow, code, name, columns, byPosition, unused } };
}

/** The layout in Chinese, one line per decision, as the preview shows it. */
export function describeLayout(layout: SheetBlockLayout): string[] {
  const codeCols = layout.code.map(letter);
  const lines = [
    `工作表“${layout.sheet}”，从第 ${layout.firstRow + 1} 行起`,
    codeCols.length === 1
      ? `科目编码：${codeCols[0]} 列`
      : `科目编码：${codeCols.join('、')} 列（${['类', '款', '项'].slice(0, codeCols.length).join('|')}）`,
    layout.name === undefined ? '科目名称：没有名称列（按科目目录）' : `科目名称：${letter(layout.name)} 列`,
  ];
  if (layout.byPosition) lines.push('表头没有认出：金额列按从左到右的顺序对应本表各栏，请核对');
  for (const m of layout.columns)
    lines.push(
      m.from === undefined
        ? `${m.title} ← 没有对应的列，不填`
        : `${m.title} ← ${letter(m.from)} 列${m.header ? `“${m.header}”` : ''}`,
    );
  for (const u of layout.unused)
    lines.push(`${letter(u.col)} 列${u.header ? `“${u.header}”` : ''}：本表没有对应的栏，不导入`);
  return lines;
}

/** The sheet's lines under a layout: one CodeLine per row with a code, and what was not taken (Excel row numbers). */
export function linesFromSheet(
  sheet: XlsxSheetRead,
  layout: SheetBlockLayout,
): { readonly lines: CodeLine[]; readonly skipped: string[] } {
  const grid = gridOf(sheet);
  const lines: CodeLine[] = [];
  const skipped: string[] = [];
  for (let r = layout.firstRow; r < grid.length; r++) {
    const row = grid[r] ?? [];
    const cells = sheet.rows[r] ?? [];
    const excelRow = r + 1;
    if (row.every((t) => t === '')) continue;
    const parts = layout.code.map((c) => row[c] ?? '');
    let code: string;
    let inlineName: string | undefined;
    if (parts.length === 1) {
      const m = /^(\d{3}(?:\d{2}){0,2})\s*(.*)$/.exec(parts[0] as string);
      code = m?.[1] ?? '';
      inlineName = m?.[2] || undefined;
    } else {
      // 款/项 typed as numbers lose their leading 0 (“01” → 1).
      const [kind, ...rest] = parts;
      code =
        (kind ?? '') +
        rest
          .filter((p) => p !== '')
          .map((p) => p.padStart(2, '0'))
          .join('');
      if (kind === '' && code !== '') code = '';
    }
    if (!JOINED.test(code)) {
      skipped.push(
        `第 ${excelRow} 行“${row
          .filter((t) => t !== '')
          .join(' ')
          .slice(0, 30)}”没有科目编码，未导入`,
      );
      continue;
    }
    const amounts = layout.columns.map((m) => {
      if (m.from === undefined) return '';
      const cell = cells[m.from];
      if (cell?.formulaWithoutResult) {
        skipped.push(
          `第 ${excelRow} 行 ${letter(m.from)} 列是没有计算结果的公式，未导入（请在 Excel 里重算并保存）`,
        );
        return '';
      }
      return row[m.from] ?? '';
    });
    const name = layout.name === undefined ? inlineName : row[layout.name] || inlineName;
    lines.push({ line: excelRow, code, name, amounts });
  }
  return { lines, skipped };
}

/**
 * 导入行…: the rows of an Excel block by 科目编码 into a classification table — the layout guessed (shown to the
 * user first, in `preview`), then the addRowsByCode rules: missing rows and their 类/款 created, amounts filled by
 * code, one undoable step, every line or value not taken reported with its Excel row.
 */
export function importRowsFromSheet(
  formSet: FormSet,
  doc: GongkaiDocument,
  tableId: string,
  sheets: readonly XlsxSheetRead[],
): CommandResult<
  RowsByCodeReport & { readonly layout: SheetBlockLayout; readonly preview: readonly string[] }
> {
  const template = formSet.tableById.get(tableId);
  if (!template) return { ok: false, message: `表样里没有表 ${tableId}。` };
  if (template.kind !== 'classification')
    return { ok: false, message: `${template.code}不是按科目编码分行的表，不能按编码导入行。` };
  const guessed = guessBlockLayout(sheets, template);
  if (!guessed.ok) return guessed;
  const layout = guessed.layout;
  const sheet = sheets.find((s) => s.name === layout.sheet) as XlsxSheetRead;
  const { lines, skipped } = linesFromSheet(sheet, layout);
  const result = addCodeLines(formSet, doc, tableId, lines, skipped);
  if (!result.ok) return result;
  const preview = describeLayout(layout);
  return { ...result, layout, preview, confirm: preview.join('\n') };
}
