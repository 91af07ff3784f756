import type { CellEdit } from '../document/operations';
import { locationText, type TableModel, type Workbook } from '../engine';
import type { CommandNotice } from './command';

/** What one cell of a pasted block falls on: a value cell (logical address), a label or blank of the form, or nothing. */
export type PasteLanding =
  | { readonly kind: 'value'; readonly row: string; readonly col: string }
  | { readonly kind: 'text' }
  | { readonly kind: 'outside' };

/** What a paste would do, before it is applied. */
export interface PastePlan {
  readonly edits: readonly CellEdit[];
  /** Locations of computed cells that received a figure: kept as the entered figure and checked against the formula. */
  readonly onDerived: readonly string[];
  /** Values that fell on labels, codes or blank parts of the form. */
  readonly onText: number;
  /** Values that fell outside the table. */
  readonly outside: number;
  /** What to tell the user: how many cells took a figure, and every value not taken. */
  readonly notice: CommandNotice;
}

/**
 * Plans pasting a block onto a table: values land on value cells; a figure landing on a computed cell (a 合计 copied
 * from a published table) is kept as that cell's own figure, checked against the formula, and listed in the notice;
 * what lands on text or outside the table is counted, never silently dropped. `landing(i, j)` says where the block's
 * cell i, j falls (the grid maps its positions, `landingFrom` the table's own rows and columns). `fill`: a single
 * value pasted over a selection of that size fills it, as in Excel.
 */
export function planPaste(
  wb: Workbook,
  table: TableModel,
  block: readonly (readonly string[])[],
  landing: (i: number, j: number) => PasteLanding,
  fill?: { readonly height: number; readonly width: number },
): PastePlan {
  const edits: CellEdit[] = [];
  const onDerived: string[] = [];
  let onText = 0;
  let outside = 0;
  const single = fill !== undefined && block.length === 1 && block[0]?.length === 1;
  const height = single ? fill.height : block.length;
  const width = single ? fill.width : Math.max(0, ...block.map((b) => b.length));
  for (let i = 0; i < height; i++) {
    for (let j = 0; j < width; j++) {
      const text = single ? (block[0]?.[0] as string) : block[i]?.[j];
      if (text === undefined) continue;
      const at = landing(i, j);
      if (at.kind !== 'value') {
        if (text.trim() === '') continue;
        if (at.kind === 'outside') outside++;
        else onText++;
        continue;
      }
      const state = wb.cell(table.id, at.row, at.col);
      if (!state) {
        if (text.trim() !== '') outside++;
        continue;
      }
      if (state.derived && !state.entered) {
        // An empty cell of the block leaves the formula's value alone.
        if (text.trim() === '') continue;
        onDerived.push(locationOf(table, at.row, at.col));
      }
      edits.push({ row: at.row, col: at.col, text: text.trim() === '' ? null : text });
    }
  }
  const details: string[] = [];
  if (onDerived.length > 0)
    details.push(
      `${onDerived.length} 个值填入计算单元格，作为填报数保留并与公式核对（右上角三角；“采用计算值”可改回公式）：${onDerived.slice(0, 6).join('；')}${onDerived.length > 6 ? ' …' : ''}`,
    );
  if (onText > 0) details.push(`${onText} 个值落在项目名称、行次或空白处，未粘贴`);
  if (outside > 0) details.push(`${outside} 个值超出了表格范围，未粘贴`);
  const notice: CommandNotice = {
    level: onText > 0 || outside > 0 ? 'warning' : 'info',
    text: `已粘贴 ${edits.length} 个单元格`,
    details,
  };
  return { edits, onDerived, onText, outside, notice };
}

/**
 * Where a block falls when its top-left cell is a table's cell and it goes on down the table's rows and across that
 * row's columns (the CLI and tests paste by logical address; the grid maps its own positions).
 */
export function landingFrom(
  table: TableModel,
  row: string,
  col: string,
): (i: number, j: number) => PasteLanding {
  const top = table.rows.findIndex((r) => r.key === row);
  return (i, j) => {
    const r = top < 0 ? undefined : table.rows[top + i];
    if (!r) return { kind: 'outside' };
    const left = r.columns.indexOf(col);
    const c = left < 0 ? undefined : r.columns[left + j];
    return c === undefined ? { kind: 'outside' } : { kind: 'value', row: r.key, col: c };
  };
}

function locationOf(table: TableModel, row: string, col: string): string {
  const r = table.byKey.get(row);
  return r ? locationText(table, r, col) : `${table.template.code} ${row} ${col}`;
}
