import type { GongkaiDocument } from '../document/types';
import { Workbook, type WorkbookShape } from '../engine';
import type { FormSet } from '../template';

/**
 * Workbook shapes (rows + rule graph) of the members seen so far, by their rows: units of one department mostly use
 * the same 科目, so most members are checked without expanding the rules again. Bounded, oldest dropped first.
 */
export class ShapeCache {
  private readonly shapes = new Map<string, WorkbookShape>();

  constructor(
    private readonly formSet: FormSet,
    private readonly limit = 32,
  ) {}

  /** A workbook for a document, on a shared shape when another document had the same rows. */
  workbook(doc: GongkaiDocument): Workbook {
    const key = rowsKey(this.formSet, doc);
    let shape = this.shapes.get(key);
    if (!shape) {
      shape = Workbook.shapeOf(this.formSet, doc);
      this.shapes.set(key, shape);
      if (this.shapes.size > this.limit) this.shapes.delete(this.shapes.keys().next().value as string);
    }
    return new Workbook(this.formSet, doc, shape);
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
