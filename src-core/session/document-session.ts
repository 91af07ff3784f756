import { applyOperation, type DocumentChange, type Operation } from '../document/operations';
import type { GongkaiDocument } from '../document/types';
import { Workbook, type RecalcDelta } from '../engine';
import type { FormSet } from '../template';

interface HistoryEntry {
  readonly label: string;
  readonly redo: Operation;
  readonly undo: Operation;
}

/** The result of applying, undoing or redoing an edit. */
export interface SessionUpdate {
  readonly change: DocumentChange;
  /** Cells whose shown value changed; null when the engine was rebuilt (rows changed). */
  readonly delta: RecalcDelta | null;
}

/**
 * An open document with its live engine and undo history. Every edit goes through `apply` as a named operation;
 * undo and redo replay the recorded inverses. Headless, so the renderer, the CLI and the tests share it.
 */
export class DocumentSession {
  private current: GongkaiDocument;
  private engine: Workbook;
  private readonly past: HistoryEntry[] = [];
  private readonly future: HistoryEntry[] = [];
  private revisionNo = 0;
  private savedRevision = 0;

  constructor(
    readonly formSet: FormSet,
    doc: GongkaiDocument,
    private readonly historyLimit = 500,
  ) {
    this.current = ownValues(doc);
    this.engine = new Workbook(formSet, this.current);
  }

  /**
   * The document as it is now. Its tables' `values` records are the session's own and later edits update them in
   * place (so an edit's cost does not grow with the table): serialise it (writeDocument) or copy what must stay as
   * it is now.
   */
  get document(): GongkaiDocument {
    return this.current;
  }

  get workbook(): Workbook {
    return this.engine;
  }

  /** Increases with every change; lets views know when to re-read. */
  get revision(): number {
    return this.revisionNo;
  }

  /** Unsaved changes since the last `markSaved`. */
  get dirty(): boolean {
    return this.revisionNo !== this.savedRevision;
  }

  /** The document as of `revision` (default: now) is on disk. Edits made while a save was running stay unsaved. */
  markSaved(revision: number = this.revisionNo): void {
    this.savedRevision = revision;
  }

  /** The document is not on disk as it is now (imported, restored from autosave). */
  markUnsaved(): void {
    this.savedRevision = -1;
  }

  get undoLabel(): string | undefined {
    return this.past[this.past.length - 1]?.label;
  }

  get redoLabel(): string | undefined {
    return this.future[this.future.length - 1]?.label;
  }

  /** Applies a named edit and records it for undo. */
  apply(op: Operation, label: string): SessionUpdate {
    const { update, inverse } = this.run(op);
    if (!isEmpty(inverse)) {
      this.past.push({ label, redo: op, undo: inverse });
      if (this.past.length > this.historyLimit) this.past.shift();
      this.future.length = 0;
    }
    return update;
  }

  undo(): SessionUpdate | undefined {
    const entry = this.past.pop();
    if (!entry) return undefined;
    const { update, inverse } = this.run(entry.undo);
    this.future.push({ label: entry.label, redo: inverse, undo: entry.undo });
    return update;
  }

  redo(): SessionUpdate | undefined {
    const entry = this.future.pop();
    if (!entry) return undefined;
    const { update, inverse } = this.run(entry.redo);
    this.past.push({ label: entry.label, redo: entry.redo, undo: inverse });
    return update;
  }

  private run(op: Operation): { update: SessionUpdate; inverse: Operation } {
    const applied = applyOperation(this.current, op, 'owned');
    const before = this.current;
    this.current = applied.doc;
    if (before !== applied.doc) this.revisionNo++;
    let delta: RecalcDelta | null = null;
    if (applied.change.structure) {
      this.engine = new Workbook(this.formSet, this.current);
    } else {
      if (applied.change.settings) this.engine.setTolerance(this.current);
      if (applied.change.cells.length > 0) {
        delta = this.engine.setCells(
          applied.change.cells.map((cell) => ({
            cell,
            text: this.current.tables[cell.table]?.values[cell.row]?.[cell.col],
          })),
        );
      }
    }
    return { update: { change: applied.change, delta }, inverse: applied.inverse };
  }
}

/** The document with value records of its own (copied once), which `applyOperation(…, 'owned')` may then update. */
function ownValues(doc: GongkaiDocument): GongkaiDocument {
  const tables = Object.fromEntries(
    Object.entries(doc.tables).map(([id, data]) => [id, { ...data, values: { ...data.values } }]),
  );
  return { ...doc, tables };
}

function isEmpty(op: Operation): boolean {
  return op.type === 'batch' && op.ops.every(isEmpty);
}
