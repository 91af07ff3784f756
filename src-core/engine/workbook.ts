import type { Decimal } from '../money';
import { toleranceFor } from '../document/tolerance';
import type { CellAddress, GongkaiDocument } from '../document/types';
import type { FormSet } from '../template';
import { knownOrNull, UNKNOWN } from './cell-value';
import { Evaluator, type InputEdit } from './evaluator';
import { FindingBuilder } from './finding-builder';
import type { Finding } from './findings';
import { RuleGraph } from './rule-graph';
import { buildTableModels, type RowModel, type TableModel } from './table-model';

/** What the grid needs to show one cell. */
export interface CellState {
  /** The value shown: the cell's own if it has one, else the computed one. null = empty. */
  readonly value: Decimal | null;
  /** The value cannot be known (invalid text here or below, or a cycle). */
  readonly unknown: boolean;
  /** The text the user typed, when it is not a valid amount. */
  readonly invalidText?: string;
  readonly invalidMessage?: string;
  /** The user (or an import) filled this cell. */
  readonly entered: boolean;
  /** A rule computes this cell. */
  readonly derived: boolean;
  /** The computed value of a derived cell (also when the user's own value overrides it). */
  readonly computed: Decimal | null;
}

/** The rules of a workbook as equations over cell ids: target = Σ sign·term. */
export interface LinearSystem {
  readonly cells: readonly CellAddress[];
  readonly equations: readonly {
    readonly target: number;
    readonly terms: Int32Array;
    readonly signs: Int8Array;
    /** This equation computes its target (when the target has no value of its own). */
    readonly defines: boolean;
  }[];
  value(cell: number): Decimal | null | undefined;
  entered(cell: number): boolean;
  derived(cell: number): boolean;
  location(cell: number): string;
}

/** What changed in one recalculation. */
export interface RecalcDelta {
  /** Cells whose shown value changed. */
  readonly changed: readonly CellAddress[];
  /** Number of rule instances re-evaluated (for benchmarks and tests). */
  readonly evaluated: number;
}

/**
 * A document's rows and rule graph: everything of a workbook that depends only on the rows, not on the figures.
 * Documents with the same rows (names included) can share one, so checking many of them (a 汇总's members) does not
 * expand the rules again for each.
 */
export interface WorkbookShape {
  readonly tables: ReadonlyMap<string, TableModel>;
  readonly graph: RuleGraph;
}

/**
 * The live engine over one document: derived values, and findings kept up to date incrementally. Built from a
 * form set and a document; `setCells` re-evaluates only what depends on the edited cells; anything that changes
 * rows is handled by building a new Workbook.
 *
 * It puts three parts together: the RuleGraph (which cells each rule links, in which order), the Evaluator (the
 * values and running sums) and the FindingBuilder (the Chinese messages); the Workbook keeps the findings current.
 */
export class Workbook {
  readonly tables: ReadonlyMap<string, TableModel>;
  private readonly graph: RuleGraph;
  private readonly values: Evaluator;
  private readonly build: FindingBuilder;
  private settings: GongkaiDocument['settings'];
  private readonly ruleFindings = new Map<number, Finding>();
  private readonly inputFindings = new Map<number, Finding>();
  private readonly cycleFindings: Finding[];
  private sorted: Finding[] | null = null;
  private findingsRev = 0;
  private readonly toleranceOf = (ruleId: string) => toleranceFor({ settings: this.settings }, ruleId);

  /** `shape`: the rows and rule graph of a document with the same rows (Workbook.shapeOf), shared rather than rebuilt. */
  constructor(
    readonly formSet: FormSet,
    doc: GongkaiDocument,
    shape: WorkbookShape = Workbook.shapeOf(formSet, doc),
  ) {
    this.tables = shape.tables;
    this.graph = shape.graph;
    const inputs: InputEdit[] = [];
    for (const [tableId, data] of Object.entries(doc.tables)) {
      for (const [row, cols] of Object.entries(data.values)) {
        for (const [col, text] of Object.entries(cols)) {
          const cell = this.graph.cells.find(tableId, row, col);
          if (cell >= 0) inputs.push({ cell, text });
        }
      }
    }
    this.values = new Evaluator(this.graph, inputs);
    this.build = new FindingBuilder(this.graph, this.values);
    this.settings = doc.settings;
    for (const { cell } of inputs) this.refreshInputFinding(cell);
    this.cycleFindings = this.graph.cycles.map((c) => this.build.cycle(c));
    this.graph.equations.forEach((_, e) => this.refreshRuleFinding(e));
  }

  /** The rows and rule graph of a document, to share with documents that have the same rows. */
  static shapeOf(formSet: FormSet, doc: GongkaiDocument): WorkbookShape {
    const tables = buildTableModels(formSet, doc);
    return { tables, graph: new RuleGraph(formSet.rules, tables) };
  }

  /** The state of one cell; undefined if the table has no such cell. */
  cell(table: string, row: string, col: string): CellState | undefined {
    const id = this.graph.cells.find(table, row, col);
    if (id < 0) return undefined;
    const shown = this.values.value(id);
    const invalid = this.values.invalidInput(id);
    return {
      value: knownOrNull(shown),
      unknown: shown === UNKNOWN,
      invalidText: invalid?.text,
      invalidMessage: invalid?.message,
      entered: this.values.isEntered(id),
      derived: this.graph.isDerived(id),
      computed: knownOrNull(this.values.computedValue(id)),
    };
  }

  /** Rows of a table as the engine sees them (classification rows in code order, with the 合计 row first). */
  rows(table: string): readonly RowModel[] {
    return this.tables.get(table)?.rows ?? [];
  }

  /**
   * Increases whenever a finding appears, goes or changes its message: a view showing findings compares it instead of
   * the lists (the same list is handed out until it changes).
   */
  get findingsRevision(): number {
    return this.findingsRev;
  }

  /** Every finding, in table, row, column order. */
  findings(): readonly Finding[] {
    if (!this.sorted) {
      const all = [...this.inputFindings.values(), ...this.cycleFindings, ...this.ruleFindings.values()];
      const cells = this.graph.cells;
      const order = (f: Finding) => {
        const id = cells.find(f.cell.table, f.cell.row, f.cell.col);
        return id < 0 ? 0 : (cells.order[id] as number);
      };
      this.sorted = all
        .map((f) => ({ f, o: order(f) }))
        .sort(
          (a, b) =>
            a.o - b.o ||
            (a.f.severity === b.f.severity ? 0 : a.f.severity === 'error' ? -1 : 1) ||
            (a.f.id < b.f.id ? -1 : a.f.id > b.f.id ? 1 : 0),
        )
        .map((x) => x.f);
    }
    return this.sorted;
  }

  /**
   * Applies edits to entered cells (text as typed; undefined or blank clears) and re-evaluates only what
   * depends on them.
   */
  setCells(edits: readonly { readonly cell: CellAddress; readonly text: string | undefined }[]): RecalcDelta {
    const inputs: InputEdit[] = [];
    for (const { cell, text } of edits) {
      const id = this.graph.cells.find(cell.table, cell.row, cell.col);
      if (id >= 0) inputs.push({ cell: id, text });
    }
    const { changed, affected } = this.values.setInputs(inputs);
    for (const { cell } of inputs) this.refreshInputFinding(cell);
    for (const e of affected) this.refreshRuleFinding(e);
    return { changed: [...changed].map((c) => this.graph.address(c)), evaluated: affected.size };
  }

  /** New tolerance settings: every rule instance is checked again; no value changes. */
  setTolerance(doc: GongkaiDocument): void {
    this.settings = doc.settings;
    this.graph.equations.forEach((_, e) => this.refreshRuleFinding(e));
  }

  /** The derived cells, for tests and tools: address and computed value. */
  *derivedCells(): Generator<{ cell: CellAddress; computed: Decimal | null; entered: boolean }> {
    for (const c of this.graph.order) {
      yield {
        cell: this.graph.address(c),
        computed: knownOrNull(this.values.computedValue(c)),
        entered: this.values.isEntered(c),
      };
    }
  }

  /**
   * The rules as a linear system over cell ids — for tools that reason about all of them at once (舍位平衡).
   * `value` is the shown value (undefined when unknown).
   */
  linearSystem(): LinearSystem {
    const g = this.graph;
    return {
      cells: g.cells.addresses,
      equations: g.equations
        .map((eq, e) => ({
          target: eq.target,
          terms: eq.terms,
          signs: eq.signs,
          defines: g.definingEquation[eq.target] === e,
        }))
        .filter((eq) => eq.target >= 0),
      value: (c) => {
        const v = this.values.value(c);
        return v === UNKNOWN ? undefined : v;
      },
      entered: (c) => this.values.isEntered(c),
      derived: (c) => g.isDerived(c),
      location: (c) => this.build.location(c),
    };
  }

  /** Number of rule instances (for benchmarks). */
  get equationCount(): number {
    return this.graph.equations.length;
  }

  private refreshInputFinding(c: number): void {
    const invalid = this.values.invalidInput(c);
    if (invalid) {
      this.inputFindings.set(c, this.build.invalidInput(c, invalid.text, invalid.message));
      this.invalidateFindings();
    } else if (this.inputFindings.delete(c)) {
      this.invalidateFindings();
    }
  }

  private refreshRuleFinding(e: number): void {
    const finding = this.build.equation(e, this.toleranceOf);
    const had = this.ruleFindings.get(e);
    if (finding) {
      if (!had || had.message !== finding.message || had.severity !== finding.severity) {
        this.ruleFindings.set(e, finding);
        this.invalidateFindings();
      }
    } else if (had) {
      this.ruleFindings.delete(e);
      this.invalidateFindings();
    }
  }

  private invalidateFindings(): void {
    this.sorted = null;
    this.findingsRev++;
  }
}
