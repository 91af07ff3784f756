import { NodeKind, type CellRefNode, type EquationNode, type Level, type SigmaNode } from '../formula';
import type { CompiledRule } from '../template';
import type { CellIndex } from './cell-index';
import type { RowModel, TableModel } from './table-model';

const LEVELS: Record<Level, number> = { 类: 0, 款: 1, 项: 2 };

/**
 * One concrete equation: target = Σ sign·term. A rule expands into many (one per row, column and matched code).
 * target -1 means "there is no cell to hold the left-hand side" (a 类 in a detail table missing from a summary
 * table): then the terms must all be empty.
 */
export interface Equation {
  readonly rule: CompiledRule;
  readonly node: EquationNode;
  readonly target: number;
  readonly terms: Int32Array;
  readonly signs: Int8Array;
  /** The table and code named in a missing-row equation, for its message. */
  readonly missing?: { readonly table: string; readonly code: string };
}

/** Expands every rule against the current rows. Throws with the template problems found (a template bug). */
export function expandRules(
  rules: readonly CompiledRule[],
  tables: ReadonlyMap<string, TableModel>,
  cells: CellIndex,
): Equation[] {
  const out: Equation[] = [];
  const problems: string[] = [];
  for (const rule of rules) {
    for (const node of rule.equations) {
      try {
        expandEquation(rule, node, tables, cells, out);
      } catch (e) {
        problems.push(`规则 ${rule.id}“${node.text}”：${(e as Error).message}`);
      }
    }
  }
  if (problems.length > 0) throw new Error(`模板规则无法展开：\n${problems.join('\n')}`);
  return out;
}

interface Context {
  readonly row: RowModel;
  readonly col: string;
  readonly code?: string;
}

function expandEquation(
  rule: CompiledRule,
  node: EquationNode,
  tables: ReadonlyMap<string, TableModel>,
  cells: CellIndex,
  out: Equation[],
): void {
  const tableOf = (ref: { table: string | null }): TableModel => {
    const id = ref.table ?? rule.table;
    if (id === null) throw new Error('表间规则的每个引用都要写明表（如 公开03表）');
    const t = tables.get(id);
    if (!t) throw new Error(`没有公开${id}表`);
    return t;
  };
  const left = node.left;
  const leftTable = tableOf(left);

  const emit = (ctx: Context, skipIfNoTerms: boolean) => {
    const target = cells.find(leftTable.id, ctx.row.key, ctx.col);
    if (target < 0) throw new Error(`${leftTable.template.code} ${ctx.row.key} 行没有第 ${ctx.col} 栏`);
    const terms: number[] = [];
    const signs: number[] = [];
    for (const term of node.right.terms) {
      for (const id of resolveTerm(term.node, ctx, tableOf, cells)) {
        terms.push(id);
        signs.push(term.sign);
      }
    }
    if (skipIfNoTerms && terms.length === 0) return;
    out.push({ rule, node, target, terms: Int32Array.from(terms), signs: Int8Array.from(signs) });
  };

  const sel = left.row;
  if (sel?.by === 'matchCode') {
    // For each code of that level found in any table the equation names.
    const level = LEVELS[sel.level];
    const codes = new Set<string>();
    for (const ref of refsOf(node)) {
      if (ref.kind === NodeKind.CellRef && ref.row?.by === 'matchCode') {
        for (const r of tableOf(ref).rows) if (r.code && r.level === level) codes.add(r.code);
      }
    }
    for (const code of [...codes].sort()) {
      const row = leftTable.byCode.get(code);
      if (!row) {
        // The code exists on the right only: its amounts have nowhere to go on the left.
        const terms: number[] = [];
        const signs: number[] = [];
        for (const term of node.right.terms) {
          const ctxLess: Context = { row: undefined as unknown as RowModel, col: left.col ?? '', code };
          for (const id of resolveTerm(term.node, ctxLess, tableOf, cells)) {
            terms.push(id);
            signs.push(term.sign);
          }
        }
        if (terms.length > 0) {
          out.push({
            rule,
            node,
            target: -1,
            terms: Int32Array.from(terms),
            signs: Int8Array.from(signs),
            missing: { table: leftTable.id, code },
          });
        }
        continue;
      }
      for (const col of left.col ? [left.col] : row.columns) emit({ row, col, code }, false);
    }
    return;
  }

  let rows: RowModel[];
  let skipIfNoTerms = false;
  if (sel === null || sel.by === 'each') {
    rows = leftTable.rows.filter((r) => !r.blank && (left.col === null || r.columns.includes(left.col)));
  } else if (sel.by === 'lineNo') {
    const r = leftTable.byLineNo.get(sel.lineNo);
    if (!r) throw new Error(`${leftTable.template.code} 没有第 ${sel.lineNo} 行`);
    rows = [r];
  } else if (sel.by === 'key') {
    const r = leftTable.byKey.get(sel.key);
    if (!r) {
      if (leftTable.template.kind === 'classification' && /^\d+$/.test(sel.key)) return;
      throw new Error(`${leftTable.template.code} 没有“${sel.key}”行`);
    }
    rows = [r];
  } else {
    const level = LEVELS[sel.level];
    rows = leftTable.rows.filter((r) => r.level === level);
    skipIfNoTerms = true;
  }
  for (const row of rows) {
    if (row.blank) throw new Error(`${leftTable.template.code} 第 ${row.lineNo} 行是空行，不能有公式`);
    for (const col of left.col ? [left.col] : row.columns) emit({ row, col }, skipIfNoTerms);
  }
}

function* refsOf(node: EquationNode): Generator<CellRefNode | SigmaNode> {
  yield node.left;
  for (const t of node.right.terms) yield t.node;
}

/** The cells a right-hand term stands for in a context. */
function resolveTerm(
  ref: CellRefNode | SigmaNode,
  ctx: Context,
  tableOf: (ref: { table: string | null }) => TableModel,
  cells: CellIndex,
): number[] {
  const table = tableOf(ref);
  if (ref.kind === NodeKind.Sigma) {
    let rows: RowModel[];
    if (ref.of.by === 'level') {
      const level = LEVELS[ref.of.level];
      const parent = ctx.row;
      rows = descendantsAt(table, parent.isTotal || !parent.code ? '' : parent.code, level);
    } else {
      const pattern = new RegExp(`^${ref.of.pattern.replace(/x/g, '\\d')}$`);
      rows = table.rows.filter((r) => r.code !== undefined && pattern.test(r.code));
    }
    return rows.map((r) => cellOf(table, r, pairColumn(ctx, r), cells));
  }
  const sel = ref.row;
  let row: RowModel | undefined;
  if (sel === null || sel.by === 'each') row = table.byKey.get(ctx.row.key);
  else if (sel.by === 'lineNo') {
    row = table.byLineNo.get(sel.lineNo);
    if (!row) throw new Error(`${table.template.code} 没有第 ${sel.lineNo} 行`);
  } else if (sel.by === 'key') {
    row = table.byKey.get(sel.key);
    if (!row && table.template.kind !== 'classification')
      throw new Error(`${table.template.code} 没有“${sel.key}”行`);
  } else if (sel.by === 'matchCode') row = ctx.code === undefined ? undefined : table.byCode.get(ctx.code);
  else throw new Error('“=”右边不能用“类/款/项”表示各行，请用 Σ');
  if (!row) return [];
  const col = ref.col ?? pairColumn(ctx, row);
  return [cellOf(table, row, col, cells)];
}

const descendantIndex = new WeakMap<TableModel, Map<string, RowModel[]>>();

/** Rows of a level whose code starts with a prefix ('' = all), from an index built once per table. */
function descendantsAt(table: TableModel, prefix: string, level: number): RowModel[] {
  let index = descendantIndex.get(table);
  if (!index) {
    index = new Map();
    for (const r of table.rows) {
      if (r.code === undefined || r.level === undefined) continue;
      for (let len = 0; len < r.code.length; len += len === 0 ? 3 : 2) {
        const key = `${r.code.slice(0, len)}|${r.level}`;
        const list = index.get(key);
        if (list) list.push(r);
        else index.set(key, [r]);
      }
    }
    descendantIndex.set(table, index);
  }
  return index.get(`${prefix}|${level}`) ?? [];
}

/** The column of `row` that pairs with the context's column: the same 栏次, or the only one. */
function pairColumn(ctx: Context, row: RowModel): string {
  if (row.columns.includes(ctx.col)) return ctx.col;
  if (row.columns.length === 1) return row.columns[0] as string;
  throw new Error(`${row.key} 行没有与第 ${ctx.col} 栏对应的栏，请写明栏次`);
}

function cellOf(table: TableModel, row: RowModel, col: string, cells: CellIndex): number {
  const id = cells.find(table.id, row.key, col);
  if (id < 0) throw new Error(`${table.template.code} ${row.key} 行没有第 ${col} 栏`);
  return id;
}
