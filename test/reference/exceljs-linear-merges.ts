// exceljs's merge check made linear, for the reference exceljs export (test/reference/exceljs-xlsx-export.ts).
import ExcelJS from 'exceljs';

/** The part of exceljs's Worksheet this patch touches (internal, stable across exceljs 4.x). */
interface MergingSheet {
  _merges: Record<string, MergeRange>;
  getCell(row: number, col: number): MergingCell;
  findCell(row: number, col: number): MergingCell | undefined;
}
interface MergeRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}
interface MergingCell {
  readonly address: string;
  readonly isMerged: boolean;
  merge(master: MergingCell, ignoreStyle?: boolean): void;
}

let installed = false;

/**
 * exceljs checks every new merge against every merge already on the sheet, on export (mergeCells) and on import
 * (the loaded sheet's merges are applied one by one) — quadratic: a 24,000-row 公开03表 takes minutes. This replaces
 * that check, once per process, with an equivalent one that looks only at the cells of the new merge (a cell belongs
 * to a merge exactly when it is marked merged), so both are linear; the merges written and read are the same.
 * Idempotent; safe for the Node and the browser build of exceljs alike.
 */
export function useLinearMerges(): void {
  if (installed) return;
  const proto = Object.getPrototypeOf(new ExcelJS.Workbook().addWorksheet('probe')) as MergingSheet & {
    _mergeCellsInternal?: (this: MergingSheet, d: MergeRange, ignoreStyle?: boolean) => void;
  };
  if (typeof proto._mergeCellsInternal !== 'function') return; // another exceljs: keep its own code
  proto._mergeCellsInternal = function mergeCellsLinear(d: MergeRange, ignoreStyle?: boolean): void {
    for (let i = d.top; i <= d.bottom; i++) {
      for (let j = d.left; j <= d.right; j++) {
        if (this.findCell(i, j)?.isMerged) throw new Error('Cannot merge already merged cells');
      }
    }
    const master = this.getCell(d.top, d.left);
    for (let i = d.top; i <= d.bottom; i++) {
      for (let j = d.left; j <= d.right; j++) {
        if (i > d.top || j > d.left) this.getCell(i, j).merge(master, ignoreStyle);
      }
    }
    this._merges[master.address] = d;
  };
  installed = true;
}
