import type { CellAddress } from '../document/types';
import type { Workbook } from '../engine';
import type { CommandResult } from './command';

/**
 * 采用计算值: clears a derived cell's own value so that it shows what the rules compute (one undoable step). Refused
 * for a cell no rule computes (clearing it would lose the figure, not correct it) or one without a value of its own.
 */
export function adoptComputed(wb: Workbook, cell: CellAddress): CommandResult {
  const state = wb.cell(cell.table, cell.row, cell.col);
  if (!state?.derived) return { ok: false, message: '这个单元格不是按公式计算的，没有计算值可以采用。' };
  if (!state.entered) return { ok: false, message: '这个单元格已经显示计算值。' };
  return {
    ok: true,
    operation: { type: 'setCells', table: cell.table, cells: [{ row: cell.row, col: cell.col, text: null }] },
    label: '采用计算值',
    notices: [],
  };
}
