import { parseReference } from '../formula';
import type { Decimal } from '../money';
import type { GongkaiDocument } from '../document/types';
import { locationText, type Workbook } from '../engine';
import type { FormSet } from '../template';
import type { CellAddress } from '../document/types';

export { INCOME_SOURCES, EXPENDITURE_KINDS } from '../template/contract';

/** A named quantity the publication talks about (收支总计, 基本支出 …), where it comes from and its value. */
export interface Metric {
  readonly name: string;
  readonly cell: CellAddress;
  /** null: the cell is empty (the text says 0 or nothing). */
  readonly value: Decimal | null;
  /** The value cannot be known (an invalid amount below it, or a cycle): nothing may be said or checked about it. */
  readonly unknown: boolean;
}

/**
 * Where each named quantity stands, per workbook: rows change only with a new workbook (a structural edit builds
 * one), so the references are parsed and resolved once, not on every edit.
 */
const metricCells = new WeakMap<Workbook, ReadonlyMap<string, CellAddress>>();

function cellsOfMetrics(formSet: FormSet, wb: Workbook): ReadonlyMap<string, CellAddress> {
  let cells = metricCells.get(wb);
  if (!cells) {
    const resolved = new Map<string, CellAddress>();
    for (const [name, ref] of Object.entries(formSet.publication.metrics)) {
      const cell = resolveReference(wb, ref);
      if (cell) resolved.set(name, cell);
    }
    metricCells.set(wb, resolved);
    cells = resolved;
  }
  return cells;
}

/** Resolves every named quantity of the publication template against the current tables. */
export function publicationMetrics(formSet: FormSet, wb: Workbook): Map<string, Metric> {
  const out = new Map<string, Metric>();
  for (const [name, cell] of cellsOfMetrics(formSet, wb)) {
    const state = wb.cell(cell.table, cell.row, cell.col);
    out.set(name, { name, cell, value: state?.value ?? null, unknown: state?.unknown ?? false });
  }
  return out;
}

/** The cell a reference such as `公开03表[合计]2栏` names, or undefined if it names none. */
export function resolveReference(wb: Workbook, text: string): CellAddress | undefined {
  const ref = parseReference(text);
  const table = ref.table ? wb.tables.get(ref.table) : undefined;
  if (!table) return undefined;
  const sel = ref.row;
  const row =
    sel === null || sel.by === 'each'
      ? table.rows.find((r) => !r.blank && (ref.col === null || r.columns.includes(ref.col)))
      : sel.by === 'lineNo'
        ? table.byLineNo.get(sel.lineNo)
        : sel.by === 'key'
          ? table.byKey.get(sel.key)
          : undefined;
  if (!row) return undefined;
  const col = ref.col ?? (row.columns.length === 1 ? row.columns[0] : undefined);
  if (col === undefined || !row.columns.includes(col)) return undefined;
  return { table: table.id, row: row.key, col };
}

/** The 类 rows of 一般公共预算财政拨款支出 (or wherever the template says), with their amounts, in code order. */
export function classBreakdown(
  formSet: FormSet,
  wb: Workbook,
): { code: string; name: string; value: Decimal | null; unknown: boolean }[] {
  const { table, column } = formSet.publication.classes;
  return (wb.tables.get(table)?.rows ?? [])
    .filter((r) => r.level === 0 && r.code !== undefined)
    .map((r) => {
      const state = wb.cell(table, r.key, column);
      return {
        code: r.code as string,
        name: r.label,
        value: state?.value ?? null,
        unknown: state?.unknown ?? false,
      };
    });
}

/**
 * A metric as the text and the 绩效自评表 quote it: its value in 万元, where it stands in the tables (公开05表 合计
 * 3栏（项目支出）) and its cell. Undefined when there is no such metric or its value cannot be known — a sentence about
 * it is then left alone rather than checked against 0.
 */
export function quotedMetric(
  wb: Workbook,
  doc: GongkaiDocument,
  m: Metric | undefined,
): { value: Decimal | null; source: string; cell: CellAddress } | undefined {
  if (!m || m.unknown) return undefined;
  return {
    value: m.value === null ? null : toWanyuan(m.value, doc),
    source: cellLocation(wb, m.cell),
    cell: m.cell,
  };
}

/** Where a cell stands, as findings name it: 公开05表 合计 3栏（项目支出）. */
export function cellLocation(wb: Workbook, cell: CellAddress): string {
  const t = wb.tables.get(cell.table);
  const r = t?.byKey.get(cell.row);
  return t && r ? locationText(t, r, cell.col) : `公开${cell.table}表`;
}

/** An amount of the document in 万元, as the publication's text speaks (a document kept in 元 is divided by 10,000). */
export function toWanyuan(value: Decimal, doc: GongkaiDocument): Decimal {
  return doc.unit.moneyUnit === '元' ? value.div(10000) : value;
}
