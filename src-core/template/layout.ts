import type { Block, HeaderCell, TableTemplate } from './schema';

/** What a display column shows. */
export type DisplayColumnKind = 'label' | 'lineNo' | 'code' | 'codeLevel' | 'name' | 'value';

/** One column of the form as printed, left to right (blocks side by side). */
export interface DisplayColumn {
  readonly index: number;
  readonly kind: DisplayColumnKind;
  readonly blockId: string;
  /** For value columns: the 栏次 key. */
  readonly valueKey?: string;
  /** For codeLevel columns: 0 = 类, 1 = 款, 2 = 项. */
  readonly level?: number;
}

/** The display columns of a table, derived from its blocks. */
export function displayColumns(template: TableTemplate): DisplayColumn[] {
  const out: DisplayColumn[] = [];
  const push = (c: Omit<DisplayColumn, 'index'>) => out.push({ ...c, index: out.length });
  for (const block of template.blocks) {
    for (const part of block.show) {
      if (part === 'codeLevels')
        for (let level = 0; level < 3; level++) push({ kind: 'codeLevel', blockId: block.id, level });
      else push({ kind: part, blockId: block.id });
    }
    for (const col of block.columns) push({ kind: 'value', blockId: block.id, valueKey: col.key });
  }
  return out;
}

/** A header cell with its position resolved. */
export interface PlacedHeaderCell extends HeaderCell {
  readonly row: number;
  readonly col: number;
  readonly colSpan: number;
  readonly rowSpan: number;
}

/**
 * Places the header cells like an HTML table does (row spans push later cells right) and checks that they tile
 * the header exactly. Returns the placed cells or a Chinese description of what does not fit.
 */
export function placeHeader(
  header: readonly (readonly HeaderCell[])[],
  width: number,
): { cells: PlacedHeaderCell[]; problems: string[] } {
  const taken: boolean[][] = header.map(() => new Array<boolean>(width).fill(false));
  const cells: PlacedHeaderCell[] = [];
  const problems: string[] = [];
  header.forEach((rowCells, r) => {
    let c = 0;
    for (const cell of rowCells) {
      while (c < width && taken[r]?.[c]) c++;
      const colSpan = cell.colSpan ?? 1;
      const rowSpan = cell.rowSpan ?? 1;
      if (c + colSpan > width || r + rowSpan > header.length) {
        problems.push(`表头第${r + 1}行“${cell.text}”超出了表格范围`);
        continue;
      }
      for (let rr = r; rr < r + rowSpan; rr++) {
        for (let cc = c; cc < c + colSpan; cc++) {
          const line = taken[rr] as boolean[];
          if (line[cc]) problems.push(`表头第${rr + 1}行第${cc + 1}列被重复占用（“${cell.text}”）`);
          line[cc] = true;
        }
      }
      cells.push({ ...cell, row: r, col: c, colSpan, rowSpan });
      c += colSpan;
    }
  });
  taken.forEach((line, r) => {
    const gap = line.indexOf(false);
    if (gap >= 0) problems.push(`表头第${r + 1}行第${gap + 1}列没有内容`);
  });
  return { cells, problems };
}

/** The block a value column belongs to. */
export function blockOfColumn(template: TableTemplate, valueKey: string): Block | undefined {
  return template.blocks.find((b) => b.columns.some((c) => c.key === valueKey));
}
