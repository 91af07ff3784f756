import type { RowModel, TableModel } from './table-model';

/** How a row is named in messages: `27行 本年收入合计`, `201 一般公共服务支出`, `人员经费合计`. */
export function rowText(row: RowModel): string {
  if (row.lineNo !== undefined) return `${row.lineNo}行 ${row.label}`.trim();
  if (row.code !== undefined) return `${row.code} ${row.label}`.trim();
  if (row.columns.length > 0 && row.label === '金额') return '';
  return row.label;
}

/** How a column is named: `1栏（本年支出合计）`, or `决算数` on forms that print no 栏次. */
export function columnText(table: TableModel, col: string): string {
  const c = table.columnLabel.get(col);
  if (!c) return `${col}栏`;
  return c.no === undefined ? c.label : `${c.no}栏（${c.label}）`;
}

/** `公开03表 201 一般公共服务支出 1栏（本年支出合计）`. */
export function locationText(table: TableModel, row: RowModel, col: string): string {
  return [table.template.code, rowText(row), columnText(table, col)].filter((s) => s !== '').join(' ');
}

/** A compact name for a cell inside an equation, relative to the target cell. */
export function shortRef(
  table: TableModel,
  row: RowModel,
  col: string,
  target: { table: string; row: string; col: string } | null,
): string {
  const sameTable = target !== null && target.table === table.id;
  const tablePart = sameTable ? '' : table.template.code;
  const rowPart =
    row.lineNo !== undefined ? `${row.lineNo}行` : (row.code ?? (row.label === '金额' ? '' : row.label));
  const c = table.columnLabel.get(col);
  // Forms that print no 栏次 (上海) name the column by its header.
  const colPart = c?.no !== undefined ? `${c.no}栏` : row.columns.length > 1 ? (c?.label ?? '') : '';
  if (sameTable && target.row === row.key) return colPart || rowPart;
  if (sameTable && target.col === col && table.template.kind === 'classification') return rowPart;
  return `${tablePart}${rowPart}${colPart}` || row.key;
}
