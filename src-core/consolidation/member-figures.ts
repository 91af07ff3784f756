import { Decimal } from '../money';
import type { CatalogEntry } from '../catalog/catalog';
import type { CellAddress, ClassRow, GongkaiDocument } from '../document/types';
import { centsText, checkInCents, type Finding, type FindingKind, type Severity } from '../engine';
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
  /**
   * The shown value of each cell (entered, or computed by the rules): in 分 when the member was checked in whole 分
   * (`cents`), else as decimals (null when it cannot be known). Read them with figureValue / figureText.
   */
  readonly values: readonly (Decimal | null)[] | null;
  readonly cents: Float64Array | null;
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
  return instanceKeyOf(f.rule.id, f.cell);
}

function instanceKeyOf(ruleId: string, cell: { table: string; row: string; col: string }): string {
  return `${ruleId}\u0001${cell.table}\u0001${cell.row}\u0001${cell.col}`;
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
  const cached = shapes.shapeOf(doc);
  const fast = checkInCents(cached.shape, doc);
  if (!fast) return takeWithWorkbook(shapes, doc, registry);
  // Every cell with a value, in registry order (the shape lists its cells by registry id).
  const { regIds, byRegId } = cached;
  let count = 0;
  for (let k = 0; k < byRegId.length; k++)
    if (fast.cents[byRegId[k] as number] === fast.cents[byRegId[k] as number]) count++;
  const ids = new Int32Array(count);
  const cents = new Float64Array(count);
  const entered = new Uint8Array(count);
  let j = 0;
  for (let k = 0; k < byRegId.length; k++) {
    const c = byRegId[k] as number;
    const v = fast.cents[c] as number;
    if (v !== v) continue;
    ids[j] = regIds[c] as number;
    cents[j] = v;
    entered[j] = fast.entered[c] as number;
    j++;
  }
  return {
    figures: {
      ids,
      values: null,
      cents,
      entered,
      unknown: new Map(),
      rows: rowsOf(doc),
      catalog: doc.catalog?.entries ?? [],
      differences: differencesOf(fast.failures),
    },
    check: lazyCheck(fast.failures, fast.findings),
  };
}

/** The same figures taken from the decimal Workbook: for members the check in 分 cannot take exactly. */
function takeWithWorkbook(
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
  return {
    figures: {
      ids: Int32Array.from(found.map((f) => f.id)),
      values: found.map((f) => f.value),
      cents: null,
      entered: Uint8Array.from(found.map((f) => (f.entered ? 1 : 0))),
      unknown,
      rows: rowsOf(doc),
      catalog: doc.catalog?.entries ?? [],
      differences: differencesOf(findings.map(failureOf)),
    },
    check: lazyCheck(findings.map(failureOf), () => findings),
  };
}

/** The counts now; the findings (their sentences) only when asked for, as the CLI's per-unit listing does. */
function lazyCheck(failures: readonly Failure[], findings: () => readonly Finding[]): MemberCheck {
  let errors = 0;
  let tails = 0;
  for (const f of failures) {
    if (f.severity === 'error') errors++;
    if (f.kind === 'tail') tails++;
  }
  return {
    errors,
    warnings: failures.length - errors,
    tails,
    get findings() {
      return findings();
    },
  };
}

/** What counting and 尾数 need of a finding (a Workbook's finding, or a failure found in 分). */
interface Failure {
  readonly ruleId: string | undefined;
  readonly kind: FindingKind;
  readonly severity: Severity;
  readonly cell: CellAddress | undefined;
  readonly difference: Decimal | string | undefined;
}

function failureOf(f: Finding): Failure {
  return { ruleId: f.rule?.id, kind: f.kind, severity: f.severity, cell: f.cell, difference: f.difference };
}

function differencesOf(failures: readonly Failure[]): Map<string, RuleDifference> {
  const differences = new Map<string, RuleDifference>();
  for (const f of failures) {
    if ((f.kind !== 'tail' && f.kind !== 'mismatch') || !f.cell || f.difference === undefined || !f.ruleId)
      continue;
    const key = instanceKeyOf(f.ruleId, f.cell);
    const prev = differences.get(key);
    const difference = new Decimal(f.difference).plus(prev?.difference ?? 0);
    differences.set(key, { difference, tail: f.kind === 'tail' && (prev?.tail ?? true) });
  }
  return differences;
}

function rowsOf(doc: GongkaiDocument): Map<string, readonly ClassRow[]> {
  const rows = new Map<string, readonly ClassRow[]>();
  for (const [table, data] of Object.entries(doc.tables)) if (data.rows?.length) rows.set(table, data.rows);
  return rows;
}

/** A member's figure at position k of its cells, as a decimal (null when it cannot be known). */
export function figureValue(figures: MemberFigures, k: number): Decimal | null {
  if (figures.cents) return new Decimal(figures.cents[k] as number).div(100);
  return figures.values?.[k] ?? null;
}

/** The same as decimal text (Decimal's toFixed()), null when it cannot be known. */
export function figureText(figures: MemberFigures, k: number): string | null {
  if (figures.cents) return centsText(figures.cents[k] as number);
  return figures.values?.[k]?.toFixed() ?? null;
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
