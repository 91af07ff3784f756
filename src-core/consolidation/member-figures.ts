import { Decimal } from '../money';
import type { CatalogEntry } from '../catalog/catalog';
import type { ClassRow, GongkaiDocument } from '../document/types';
import type { Finding } from '../engine';
import type { CellRegistry } from './cell-registry';
import type { ShapeCache } from './shape-cache';

/** A rule instance's difference in one document (actual − expected), keyed by rule and target cell. */
export interface RuleDifference {
  readonly difference: Decimal;
  /** Within the document's 尾数容差. */
  readonly tail: boolean;
}

/** What one document contributes to a 汇总, in the registry's cell numbering; its workbook is not kept. */
export interface MemberFigures {
  /** Cell ids in increasing order. */
  readonly ids: Int32Array;
  /** The shown value of each cell (entered, or computed by the rules); null when it cannot be known. */
  readonly values: readonly (Decimal | null)[];
  /** 1 where the member entered the cell itself. */
  readonly entered: Uint8Array;
  /** Why a value cannot be known (the text typed, or “cannot be computed”), by cell id. */
  readonly unknown: ReadonlyMap<number, string>;
  /** Classification rows, by table id. */
  readonly rows: ReadonlyMap<string, readonly ClassRow[]>;
  /** The member's own 科目 (names for codes the built-in catalog lacks). */
  readonly catalog: readonly CatalogEntry[];
  /** Rule instances that do not hold in the member, by instance key. */
  readonly differences: ReadonlyMap<string, RuleDifference>;
}

/** One document checked by its profile's rules. */
export interface MemberCheck {
  readonly errors: number;
  readonly warnings: number;
  /** 尾数差异 among the warnings. */
  readonly tails: number;
  readonly findings: readonly Finding[];
}

/** The key of a rule instance, the same in every document with that cell: rule id and target cell. */
export function instanceKey(f: Finding): string | undefined {
  if (!f.rule || (f.kind !== 'tail' && f.kind !== 'mismatch')) return undefined;
  return `${f.rule.id}\u0001${f.cell.table}\u0001${f.cell.row}\u0001${f.cell.col}`;
}

/**
 * Checks a document with its profile's rules and takes what it contributes to a 汇总: every cell that shows a value
 * (what was entered, and what the rules compute from it, so that a total one unit typed and another left to the
 * rules still sum correctly), its rows, and where its rules do not hold.
 */
export function takeMemberFigures(
  shapes: ShapeCache,
  doc: GongkaiDocument,
  registry: CellRegistry,
): { figures: MemberFigures; check: MemberCheck } {
  const wb = shapes.workbook(doc);
  const sys = wb.linearSystem();
  const found: { id: number; value: Decimal | null; entered: boolean; why?: string }[] = [];
  for (let c = 0; c < sys.cells.length; c++) {
    const entered = sys.entered(c);
    const v = sys.value(c);
    if (v === null || (!entered && v === undefined && !sys.derived(c))) continue;
    const cell = sys.cells[c] as (typeof sys.cells)[number];
    const id = registry.intern(cell.table, cell.row, cell.col);
    if (v === undefined) {
      const typed = entered ? doc.tables[cell.table]?.values[cell.row]?.[cell.col] : undefined;
      found.push({ id, value: null, entered, why: typed !== undefined ? `填了“${typed}”` : '此格无法计算' });
    } else found.push({ id, value: v, entered });
  }
  found.sort((a, b) => a.id - b.id);
  const unknown = new Map<number, string>();
  for (const f of found) if (f.why !== undefined) unknown.set(f.id, f.why);

  const findings = wb.findings();
  const differences = new Map<string, RuleDifference>();
  let errors = 0;
  let tails = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    if (f.kind === 'tail') tails++;
    const key = instanceKey(f);
    if (key === undefined || f.difference === undefined) continue;
    const prev = differences.get(key);
    const difference = new Decimal(f.difference).plus(prev?.difference ?? 0);
    differences.set(key, { difference, tail: f.kind === 'tail' && (prev?.tail ?? true) });
  }
  const rows = new Map<string, readonly ClassRow[]>();
  for (const [table, data] of Object.entries(doc.tables)) if (data.rows?.length) rows.set(table, data.rows);
  return {
    figures: {
      ids: Int32Array.from(found.map((f) => f.id)),
      values: found.map((f) => f.value),
      entered: Uint8Array.from(found.map((f) => (f.entered ? 1 : 0))),
      unknown,
      rows,
      catalog: doc.catalog?.entries ?? [],
      differences,
    },
    check: { errors, warnings: findings.length - errors, tails, findings },
  };
}

/** The position of a cell id in a member's figures, or -1. */
export function indexOfCell(figures: MemberFigures, id: number): number {
  const ids = figures.ids;
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = ids[mid] as number;
    if (v === id) return mid;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
