import type { DisplayColumnKind, LayoutCell, LayoutRow, TableLayout, TableTemplate } from '../../src-core';

/** A grid column: one display column, except that the three 类/款/项 columns become one 科目编码 column. */
export interface GridColumn {
  readonly index: number;
  readonly field: string;
  readonly kind: DisplayColumnKind;
  readonly displayCols: readonly number[];
  readonly valueKey?: string;
  readonly width: number;
}

export type HeaderNode =
  | { readonly kind: 'group'; readonly text: string; readonly children: readonly HeaderNode[] }
  | { readonly kind: 'leaf'; readonly text: string; readonly column: GridColumn };

/** A row of the grid: a display row of the form, or the 栏次 row pinned under the header. */
export interface GridRow {
  readonly id: string;
  readonly index: number;
  readonly layout: LayoutRow | null;
  /** For the pinned 栏次 row: text and span per grid column (span 0 = covered). */
  readonly columnNo?: readonly { readonly text: string; readonly span: number }[];
}

export interface GridModel {
  readonly columns: readonly GridColumn[];
  readonly header: readonly HeaderNode[];
  readonly rows: readonly GridRow[];
  readonly columnNoRow: GridRow | null;
}

/** Builds the grid's columns, header tree and rows from a table's paper layout. */
export function gridModel(layout: TableLayout, template: TableTemplate): GridModel {
  const columns: GridColumn[] = [];
  const gridOfDisplay: number[] = [];
  for (const dc of layout.columns) {
    if (dc.kind === 'codeLevel' && (dc.level ?? 0) > 0) {
      const last = columns[columns.length - 1] as GridColumn;
      (last.displayCols as number[]).push(dc.index);
      gridOfDisplay.push(last.index);
      continue;
    }
    const index = columns.length;
    columns.push({
      index,
      field: `g${index}`,
      kind: dc.kind === 'codeLevel' ? 'code' : dc.kind,
      displayCols: [dc.index],
      valueKey: dc.valueKey,
      width: widthOf(dc.kind, template),
    });
    gridOfDisplay.push(index);
  }
  const spanToGrid = (start: number, span: number) => {
    const first = gridOfDisplay[start] as number;
    const last = gridOfDisplay[start + span - 1] as number;
    return { first, count: last - first + 1 };
  };

  const headerRows = layout.columnNoRow ?? layout.headerRows;
  const cells = layout.header
    .filter((c) => c.row < headerRows)
    .map((c) => {
      const g = spanToGrid(c.col, c.colSpan);
      return {
        text: c.text,
        row: c.row,
        bottom: Math.min(c.row + c.rowSpan, headerRows),
        first: g.first,
        count: g.count,
      };
    });
  const build = (row: number, first: number, last: number): HeaderNode[] => {
    const out: HeaderNode[] = [];
    let g = first;
    while (g <= last) {
      const cell = cells.find((c) => c.row === row && c.first === g);
      if (!cell) {
        // Nothing starts here on this row (a cell from above spans down): look one row lower.
        const below = row + 1 < headerRows ? build(row + 1, g, g) : [];
        out.push(...below);
        g++;
        continue;
      }
      const end = cell.first + cell.count - 1;
      if (cell.bottom >= headerRows && cell.count === 1) {
        out.push({ kind: 'leaf', text: cell.text, column: columns[g] as GridColumn });
      } else if (cell.bottom >= headerRows) {
        // A bottom cell over several grid columns (cannot happen with the 2023 forms): one leaf per column.
        for (let k = g; k <= end; k++)
          out.push({ kind: 'leaf', text: cell.text, column: columns[k] as GridColumn });
      } else {
        out.push({ kind: 'group', text: cell.text, children: build(cell.bottom, g, end) });
      }
      g = end + 1;
    }
    return out;
  };
  const header = build(0, 0, columns.length - 1);

  const rows: GridRow[] = layout.body.map((r, i) => ({ id: r.id, index: i, layout: r }));
  let columnNoRow: GridRow | null = null;
  if (layout.columnNoRow !== undefined) {
    const texts = columns.map(() => ({ text: '', span: 1 }));
    for (const c of layout.header.filter((h) => h.row === layout.columnNoRow)) {
      const g = spanToGrid(c.col, c.colSpan);
      const slot = texts[g.first] as { text: string; span: number };
      // 类/款/项 share the one code column.
      slot.text = slot.text ? `${slot.text}\u3000${c.text}` : c.text;
      if (g.count > 1) {
        slot.span = g.count;
        for (let k = g.first + 1; k < g.first + g.count; k++) (texts[k] as { span: number }).span = 0;
      }
    }
    columnNoRow = { id: '__colno', index: -1, layout: null, columnNo: texts };
  }
  return { columns, header, rows, columnNoRow };
}

/** The layout cell under a grid cell, with its span counted in grid columns. */
export function cellAt(
  model: GridModel,
  row: GridRow,
  col: number,
): { cell: LayoutCell; span: number } | null {
  if (!row.layout) return null;
  const column = model.columns[col];
  if (!column) return null;
  const cell = row.layout.cells[column.displayCols[0] as number];
  if (!cell) return null;
  if (cell.kind === 'covered') return { cell, span: 0 };
  let span = 1;
  const end = (column.displayCols[0] as number) + cell.colSpan;
  for (
    let k = col + 1;
    k < model.columns.length && ((model.columns[k] as GridColumn).displayCols[0] as number) < end;
    k++
  )
    span++;
  return { cell, span };
}

function widthOf(kind: DisplayColumnKind, template: TableTemplate): number {
  const fixed = template.kind === 'fixed';
  switch (kind) {
    case 'label':
      return template.blocks.length > 1 && template.blocks.some((b) => b.columns.length > 1) ? 210 : 250;
    case 'lineNo':
      return 52;
    case 'code':
    case 'codeLevel':
      return fixed ? 72 : 96;
    case 'name':
      return fixed ? 210 : 250;
    case 'value':
      return template.blocks[0]?.columns.length && template.blocks[0].columns.length > 6 ? 96 : 118;
  }
}
