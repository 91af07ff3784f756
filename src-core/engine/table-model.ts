import type { GongkaiDocument } from '../document/types';
import type { FormSet, TableTemplate } from '../template';
import { levelOfCode } from '../catalog/catalog';

/** A row as the engine sees it: fixed rows from the template, classification rows from the document. */
export interface RowModel {
  readonly table: string;
  readonly key: string;
  readonly index: number;
  readonly blockId: string;
  readonly lineNo?: number;
  readonly code?: string;
  readonly label: string;
  /** 0 类, 1 款, 2 项 for rows with a 科目编码; undefined otherwise. */
  readonly level?: number;
  /** The classification table's 合计 row. */
  readonly isTotal: boolean;
  readonly blank: boolean;
  /** The row's value columns (栏次 keys); empty for a blank row. */
  readonly columns: readonly string[];
}

/** A table's rows with lookups by key, 行次 and code. */
export interface TableModel {
  readonly id: string;
  readonly index: number;
  readonly template: TableTemplate;
  readonly rows: readonly RowModel[];
  readonly byKey: ReadonlyMap<string, RowModel>;
  readonly byLineNo: ReadonlyMap<number, RowModel>;
  readonly byCode: ReadonlyMap<string, RowModel>;
  /** Column labels by 栏次 key, for messages. */
  readonly columnLabel: ReadonlyMap<string, { no?: number; label: string }>;
}

/** Builds the row models of every table of the form set for a document. */
export function buildTableModels(formSet: FormSet, doc: GongkaiDocument): Map<string, TableModel> {
  const out = new Map<string, TableModel>();
  formSet.tables.forEach((template, index) => out.set(template.id, buildTable(template, index, doc)));
  return out;
}

function buildTable(template: TableTemplate, index: number, doc: GongkaiDocument): TableModel {
  const rows: RowModel[] = [];
  const columnLabel = new Map<string, { no?: number; label: string }>();
  for (const b of template.blocks)
    for (const c of b.columns) columnLabel.set(c.key, { no: c.no, label: c.label });
  if (template.kind === 'classification') {
    const block = template.blocks[0];
    if (!block || !template.totalRow) throw new Error(`${template.code} 模板缺少区块或合计行`);
    const columns = block.columns.map((c) => c.key);
    const total = (index: number): RowModel => ({
      table: template.id,
      key: (template.totalRow as NonNullable<TableTemplate['totalRow']>).key,
      index,
      blockId: block.id,
      label: (template.totalRow as NonNullable<TableTemplate['totalRow']>).label,
      isTotal: true,
      blank: false,
      columns,
    });
    // The grid, the print and the Excel layout all follow this order, so the 合计 sits where the form prints it.
    const totalAtBottom = template.totalRow.position === 'bottom';
    if (!totalAtBottom) rows.push(total(0));
    const docRows = [...(doc.tables[template.id]?.rows ?? [])].sort((a, b) =>
      a.code < b.code ? -1 : a.code > b.code ? 1 : 0,
    );
    for (const r of docRows) {
      rows.push({
        table: template.id,
        key: r.code,
        index: rows.length,
        blockId: block.id,
        code: r.code,
        label: r.name,
        level: levelOfCode(r.code),
        isTotal: false,
        blank: false,
        columns,
      });
    }
    if (totalAtBottom) rows.push(total(rows.length));
  } else {
    for (const block of template.blocks) {
      const columns = block.columns.map((c) => c.key);
      for (const r of block.rows ?? []) {
        rows.push({
          table: template.id,
          key: r.key,
          index: rows.length,
          blockId: block.id,
          lineNo: r.lineNo,
          code: r.code,
          label: r.label ?? '',
          level: r.code ? levelOfCode(r.code) : undefined,
          isTotal: r.total ?? false,
          blank: r.blank ?? false,
          columns: r.blank ? [] : columns,
        });
      }
    }
  }
  const byLineNo = new Map<number, RowModel>();
  const byCode = new Map<string, RowModel>();
  for (const r of rows) {
    if (r.lineNo !== undefined) byLineNo.set(r.lineNo, r);
    if (r.code !== undefined) byCode.set(r.code, r);
  }
  return {
    id: template.id,
    index,
    template,
    rows,
    byKey: new Map(rows.map((r) => [r.key, r])),
    byLineNo,
    byCode,
    columnLabel,
  };
}
