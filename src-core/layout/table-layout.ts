import type { TableModel } from '../engine/table-model';
import { displayColumns, placeHeader, type DisplayColumn, type PlacedHeaderCell } from '../template';

/** One cell of the form's body as laid out on paper. */
export type LayoutCell =
  | {
      readonly kind: 'text';
      readonly text: string;
      readonly role: 'label' | 'lineNo' | 'code' | 'name' | 'footer';
      readonly colSpan: number;
      /** The logical row the text describes (for selection, find and row actions). */
      readonly row?: string;
      readonly indent?: number;
    }
  | { readonly kind: 'value'; readonly row: string; readonly col: string; readonly colSpan: number }
  | { readonly kind: 'empty'; readonly colSpan: number }
  /** Covered by the colSpan of a cell to its left. */
  | { readonly kind: 'covered' };

export interface LayoutRow {
  /** Stable id of the display row. */
  readonly id: string;
  readonly kind: 'body' | 'total' | 'footer';
  /** One entry per display column (covered entries included), left to right. */
  readonly cells: readonly LayoutCell[];
  /** The logical rows shown on this display row (one per block). */
  readonly rows: readonly string[];
  /** 0 类 / 1 款 / 2 项 on classification tables. */
  readonly level?: number;
}

/** A table laid out as the official form: display columns, the placed multi-row header, the body rows. */
export interface TableLayout {
  readonly columns: readonly DisplayColumn[];
  readonly header: readonly PlacedHeaderCell[];
  readonly headerRows: number;
  /** The header row holding the 栏次 numbers, if the form prints one. */
  readonly columnNoRow?: number;
  readonly body: readonly LayoutRow[];
}

/**
 * Lays out a table the way the paper form does: blocks side by side (公开01/04 income | expenditure, 公开06 three
 * blocks), rows aligned by position, footers spanning as the template says. Pure: the grid, the print HTML and the
 * Excel export all draw from it.
 */
export function tableLayout(table: TableModel): TableLayout {
  const template = table.template;
  const columns = displayColumns(template);
  const { cells: header } = placeHeader(template.header, columns.length);
  const headerRows = template.header.length;
  const last = template.header[headerRows - 1] ?? [];
  const columnNoRow = last.some((c) => /^\d+$/.test(c.text)) ? headerRows - 1 : undefined;
  const body: LayoutRow[] = [];

  if (template.kind === 'classification') {
    const block = template.blocks[0];
    for (const row of table.rows) {
      const cells: LayoutCell[] = [];
      const isTotal = row.isTotal;
      // 类|款|项 printed as three columns (the code spans them) or the code in one column, as the block shows it.
      if (block?.show.includes('codeLevels'))
        cells.push(
          { kind: 'text', role: 'code', text: row.code ?? '', colSpan: 3, row: row.key },
          { kind: 'covered' },
          { kind: 'covered' },
        );
      else cells.push({ kind: 'text', role: 'code', text: row.code ?? '', colSpan: 1, row: row.key });
      cells.push({
        kind: 'text',
        role: 'name',
        text: row.label,
        colSpan: 1,
        row: row.key,
        indent: row.level ?? 0,
      });
      for (const col of block?.columns ?? [])
        cells.push({ kind: 'value', row: row.key, col: col.key, colSpan: 1 });
      body.push({ id: row.key, kind: isTotal ? 'total' : 'body', cells, rows: [row.key], level: row.level });
    }
  } else {
    // Each block's template rows by key, looked up once per row (not a scan of the block per row and cell).
    const blocks = template.blocks.map((b) => {
      const byKey = new Map((b.rows ?? []).map((x) => [x.key, x]));
      return {
        block: b,
        byKey,
        width: columns.filter((c) => c.blockId === b.id).length,
        rows: table.rows.filter(
          (r) => r.blockId === b.id && (byKey.get(r.key)?.placement ?? 'body') === 'body',
        ),
      };
    });
    const height = Math.max(...blocks.map((b) => b.rows.length));
    for (let i = 0; i < height; i++) {
      const cells: LayoutCell[] = [];
      const rows: string[] = [];
      let total = false;
      for (const { block, byKey, width, rows: blockRows } of blocks) {
        const row = blockRows[i];
        if (!row) {
          cells.push({ kind: 'empty', colSpan: width });
          for (let k = 1; k < width; k++) cells.push({ kind: 'covered' });
          continue;
        }
        rows.push(row.key);
        total ||= row.isTotal;
        for (const part of block.show) {
          if (part === 'label')
            cells.push({
              kind: 'text',
              role: 'label',
              text: row.label,
              colSpan: 1,
              row: row.key,
              indent: byKey.get(row.key)?.indent ?? 0,
            });
          else if (part === 'lineNo')
            cells.push({
              kind: 'text',
              role: 'lineNo',
              text: row.lineNo === undefined ? '' : String(row.lineNo),
              colSpan: 1,
              row: row.key,
            });
          else if (part === 'code')
            cells.push({ kind: 'text', role: 'code', text: row.code ?? '', colSpan: 1, row: row.key });
          else if (part === 'name')
            cells.push({ kind: 'text', role: 'name', text: row.label, colSpan: 1, row: row.key });
        }
        for (const col of block.columns) {
          cells.push(
            row.blank
              ? { kind: 'empty', colSpan: 1 }
              : { kind: 'value', row: row.key, col: col.key, colSpan: 1 },
          );
        }
      }
      body.push({ id: `r${i + 1}`, kind: total ? 'total' : 'body', cells, rows });
    }
    (template.footer ?? []).forEach((line, i) => {
      const cells: LayoutCell[] = [];
      const rows: string[] = [];
      for (const spec of line) {
        const span = spec.colSpan ?? 1;
        if (spec.row !== undefined && spec.col !== undefined) {
          cells.push({ kind: 'value', row: spec.row, col: spec.col, colSpan: span });
          rows.push(spec.row);
        } else cells.push({ kind: 'text', role: 'footer', text: spec.text ?? '', colSpan: span });
        for (let k = 1; k < span; k++) cells.push({ kind: 'covered' });
      }
      body.push({ id: `f${i + 1}`, kind: 'footer', cells, rows });
    });
  }
  return { columns, header, headerRows, columnNoRow, body };
}
