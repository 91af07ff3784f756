/**
 * What one sheet may hold, from what reading it costs: the reader keeps some 150 bytes per cell with a value and the
 * importer's grid a row array per row (measured on the 16× department workbook: see xlsx-limits.test.ts), so a sheet
 * at these limits is read in well under 300 MB, while the largest sheet this app exports (a 16× department's 28,000
 * rows, 280,000 cells) is far inside them. Anything bigger is refused while its XML streams past, in constant memory.
 */
export const MAX_SHEET_CELLS = 1_000_000;
/** Rows with values one sheet may have (each costs the importer a row array besides its cells). */
export const MAX_SHEET_ROWS = 200_000;
/** Most bytes one worksheet part may unpack to, read from the zip's central directory before anything is inflated. */
export const MAX_SHEET_BYTES = 60 * 1024 * 1024;

/** Whether a zip entry is a worksheet part (xl/worksheets/sheetN.xml). */
export function isWorksheetPart(name: string): boolean {
  return /^xl\/worksheets\/[^/]+\.xml$/i.test(name);
}

/**
 * Counts a worksheet's rows and cells with values as its XML streams past, chunk by chunk, in constant memory: no
 * XML tree is built, so a sheet of a million rows is measured (and refused) with a few kilobytes.
 */
export class SheetCounter {
  rows = 0;
  cells = 0;
  private carry = '';
  private rowHasValue = false;
  private readonly decoder = new TextDecoder();

  /** Feeds the next chunk of the part's bytes. */
  push(bytes: Uint8Array): void {
    const text = this.carry + this.decoder.decode(bytes, { stream: true });
    const seen = this.carry.length;
    // A tag cut by the chunk boundary is matched whole next time; one wholly inside the carry was counted already.
    for (const m of text.matchAll(/<(row|v|is)[\s>/]/g)) {
      if (m.index + m[0].length <= seen) continue;
      if (m[1] === 'row') this.rowHasValue = false;
      else {
        this.cells++;
        if (!this.rowHasValue) {
          this.rowHasValue = true;
          this.rows++;
        }
      }
    }
    this.carry = text.slice(-8);
  }

  /** Why the sheet is beyond any 决算 table, or null. */
  tooBig(sheet: string): string | null {
    if (this.rows > MAX_SHEET_ROWS)
      return `${sheet}有超过 ${MAX_SHEET_ROWS} 行内容（已数到 ${this.rows} 行），远超决算公开表的规模，没有读取。`;
    if (this.cells > MAX_SHEET_CELLS)
      return `${sheet}有超过 ${MAX_SHEET_CELLS} 个有内容的单元格，远超决算公开表的规模，没有读取。`;
    return null;
  }
}
