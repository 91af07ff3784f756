import type { GongkaiDocument } from '../document/types';
import { Workbook, type WorkbookShape } from '../engine';
import type { FormSet } from '../template';
import type { CellRegistry } from './cell-registry';

/** A shared shape with what a 汇总 derives from it once: each shape cell's registry id, and the cells by that id. */
export interface CachedShape {
  readonly shape: WorkbookShape;
  /** The registry id of each cell of the shape (interned the first time the shape is used). */
  readonly regIds: Int32Array;
  /** The shape's cells ordered by registry id, so a member's figures come out sorted without a sort. */
  readonly byRegId: Int32Array;
}

/**
 * Workbook shapes (rows + rule graph) of the members seen so far, by their rows: units of one department mostly use
 * the same 科目, so most members are checked without expanding the rules again. Bounded, oldest dropped first.
 */
export class ShapeCache {
  private readonly shapes = new Map<string, CachedShape>();

  constructor(
    private readonly formSet: FormSet,
    private readonly registry: CellRegistry,
    private readonly limit = 32,
  ) {}

  /** The shape of a document, shared with the documents seen before that had the same rows. */
  shapeOf(doc: GongkaiDocument): CachedShape {
    const key = rowsKey(this.formSet, doc);
    let cached = this.shapes.get(key);
    if (!cached) {
      const shape = Workbook.shapeOf(this.formSet, doc);
      const cells = shape.graph.cells.addresses;
      const regIds = new Int32Array(cells.length);
      for (let c = 0; c < cells.length; c++) {
        const a = cells[c] as (typeof cells)[number];
        regIds[c] = this.registry.intern(a.table, a.row, a.col);
      }
      const byRegId = Int32Array.from(cells.keys()).sort(
        (a, b) => (regIds[a] as number) - (regIds[b] as number),
      );
      cached = { shape, regIds, byRegId };
      this.shapes.set(key, cached);
      if (this.shapes.size > this.limit) this.shapes.delete(this.shapes.keys().next().value as string);
    }
    return cached;
  }

  /** A workbook for a document, on a shared shape when another document had the same rows. */
  workbook(doc: GongkaiDocument): Workbook {
    return new Workbook(this.formSet, doc, this.shapeOf(doc).shape);
  }
}

/** The rows a document's table models are built from: each classification table's codes and names. */
function rowsKey(formSet: FormSet, doc: GongkaiDocument): string {
  const parts: string[] = [];
  for (const t of formSet.tables) {
    const rows = doc.tables[t.id]?.rows;
    if (!rows || rows.length === 0) continue;
    parts.push(t.id);
    for (const r of rows) parts.push(r.code, r.name);
  }
  return parts.join('\u0001');
}
