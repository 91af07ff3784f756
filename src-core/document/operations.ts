import { canonicalAmount, parseAmount } from '../money';
import type { CustomCatalog } from '../catalog/catalog';
import type {
  CellAddress,
  ClassRow,
  GongkaiDocument,
  PageSetup,
  Settings,
  TableData,
  UnitInfo,
} from './types';
import type { Facts, SectionContent } from './publication-schema';
import type { PerformanceForms } from '../template/performance-schema';

/** One cell edit inside a setCells operation; text null clears the cell. */
export interface CellEdit {
  readonly row: string;
  readonly col: string;
  readonly text: string | null;
}

/**
 * The named, typed edits a document accepts. Every operation applied yields its inverse, so undo/redo,
 * autosave and tests all see the same thing.
 */
export type Operation =
  | { readonly type: 'setCells'; readonly table: string; readonly cells: readonly CellEdit[] }
  | { readonly type: 'insertRows'; readonly table: string; readonly rows: readonly ClassRow[] }
  | { readonly type: 'deleteRows'; readonly table: string; readonly codes: readonly string[] }
  | { readonly type: 'renameRow'; readonly table: string; readonly code: string; readonly name: string }
  | { readonly type: 'setUnit'; readonly unit: Partial<UnitInfo> }
  | { readonly type: 'setSettings'; readonly settings: Partial<Settings> }
  | { readonly type: 'setNote'; readonly table: string; readonly note: string | null }
  | { readonly type: 'setCatalog'; readonly catalog: CustomCatalog | null }
  | { readonly type: 'setSection'; readonly key: string; readonly value: SectionContent | null }
  | { readonly type: 'setFact'; readonly key: keyof Facts; readonly value: Facts[keyof Facts] | null }
  | { readonly type: 'setPerformance'; readonly value: PerformanceForms | null }
  /** The 说明 (出错说明) the unit writes for a finding, by finding id; null or blank removes it. */
  | { readonly type: 'setFindingNote'; readonly id: string; readonly note: string | null }
  /** The whole 页面设置; null removes it (the profile's layout again). */
  | { readonly type: 'setPageSetup'; readonly value: PageSetup | null }
  | { readonly type: 'batch'; readonly label?: string; readonly ops: readonly Operation[] };

/** What an applied operation changed, so the engine can recalc incrementally (cells) or rebuild (structure). */
export interface DocumentChange {
  readonly cells: readonly CellAddress[];
  /** Rows were added, removed or the catalog changed: rebuild the engine. */
  readonly structure: boolean;
  /** Tolerance settings changed: re-check everything. */
  readonly settings: boolean;
}

export interface Applied {
  readonly doc: GongkaiDocument;
  readonly inverse: Operation;
  readonly change: DocumentChange;
}

/** The text a document stores for what was typed: canonical digits when valid, the trimmed text otherwise. */
export function storedText(text: string): string | null {
  const parsed = parseAmount(text);
  if (parsed.ok) return parsed.value === null ? null : canonicalAmount(parsed.value);
  return text.trim();
}

/**
 * How `applyOperation` treats the document it is given. `copy` (the default) leaves it untouched. `owned` updates
 * the tables' `values` records in place (the rest is still copied): for an owner such as DocumentSession whose
 * document's value records no one else keeps, so that one edit costs the same in a table of 24,000 rows as in one
 * of 20 instead of copying the whole table per keystroke.
 */
export type ApplyMode = 'copy' | 'owned';

/** Applies an operation; returns the new document, the operation that undoes it and what changed. */
export function applyOperation(doc: GongkaiDocument, op: Operation, mode: ApplyMode = 'copy'): Applied {
  switch (op.type) {
    case 'setCells':
      return setCells(doc, op.table, op.cells, mode);
    case 'insertRows':
      return insertRows(doc, op.table, op.rows);
    case 'deleteRows':
      return deleteRows(doc, op.table, op.codes);
    case 'renameRow': {
      const data = tableData(doc, op.table);
      const old = data.rows?.find((r) => r.code === op.code);
      if (!old) return noop(doc);
      const rows = (data.rows ?? []).map((r) => (r.code === op.code ? { ...r, name: op.name } : r));
      return {
        doc: withTable(doc, op.table, { ...data, rows }),
        inverse: { type: 'renameRow', table: op.table, code: op.code, name: old.name },
        change: { cells: [], structure: true, settings: false },
      };
    }
    case 'setUnit': {
      const before = Object.fromEntries(Object.keys(op.unit).map((k) => [k, doc.unit[k as keyof UnitInfo]]));
      return {
        doc: { ...doc, unit: { ...doc.unit, ...op.unit } },
        inverse: { type: 'setUnit', unit: before as Partial<UnitInfo> },
        change: { cells: [], structure: false, settings: false },
      };
    }
    case 'setSettings': {
      const before = Object.fromEntries(
        Object.keys(op.settings).map((k) => [k, doc.settings[k as keyof Settings]]),
      );
      return {
        doc: { ...doc, settings: { ...doc.settings, ...op.settings } },
        inverse: { type: 'setSettings', settings: before as Partial<Settings> },
        change: { cells: [], structure: false, settings: true },
      };
    }
    case 'setNote': {
      const data = tableData(doc, op.table);
      const { note: before, ...rest } = data;
      return {
        doc: withTable(doc, op.table, op.note === null || op.note === '' ? rest : { ...rest, note: op.note }),
        inverse: { type: 'setNote', table: op.table, note: before ?? null },
        change: { cells: [], structure: false, settings: false },
      };
    }
    case 'setCatalog': {
      const { catalog: before, ...rest } = doc;
      return {
        doc: op.catalog === null ? rest : { ...rest, catalog: op.catalog },
        inverse: { type: 'setCatalog', catalog: before ?? null },
        change: { cells: [], structure: true, settings: false },
      };
    }
    case 'setSection': {
      const current: Record<string, SectionContent> = { ...(doc.sections ?? {}) };
      const before = current[op.key] ?? null;
      if (op.value === null) delete current[op.key];
      else current[op.key] = op.value;
      const { sections: _old, ...rest } = doc;
      return {
        doc: Object.keys(current).length === 0 ? rest : { ...rest, sections: current },
        inverse: { type: 'setSection', key: op.key, value: before },
        change: { cells: [], structure: false, settings: false },
      };
    }
    case 'setFact': {
      const current: Record<string, unknown> = { ...(doc.facts ?? {}) };
      const before = (current[op.key] ?? null) as Facts[keyof Facts] | null;
      if (op.value === null || op.value === undefined) delete current[op.key];
      else current[op.key] = op.value;
      const { facts: _old, ...rest } = doc;
      return {
        doc: Object.keys(current).length === 0 ? rest : { ...rest, facts: current as Facts },
        inverse: { type: 'setFact', key: op.key, value: before },
        change: { cells: [], structure: false, settings: false },
      };
    }
    case 'setPerformance': {
      const { performance: before, ...rest } = doc;
      return {
        doc: op.value === null ? rest : { ...rest, performance: op.value },
        inverse: { type: 'setPerformance', value: before ?? null },
        change: { cells: [], structure: false, settings: false },
      };
    }
    case 'setFindingNote': {
      const current: Record<string, string> = { ...(doc.findingNotes ?? {}) };
      const before = current[op.id] ?? null;
      const note = op.note?.trim() ?? '';
      if (note === '') delete current[op.id];
      else current[op.id] = note;
      const { findingNotes: _old, ...rest } = doc;
      return {
        doc: Object.keys(current).length === 0 ? rest : { ...rest, findingNotes: current },
        inverse: { type: 'setFindingNote', id: op.id, note: before },
        change: { cells: [], structure: false, settings: false },
      };
    }
    case 'setPageSetup': {
      const { pageSetup: before, ...rest } = doc;
      return {
        doc: op.value === null ? rest : { ...rest, pageSetup: op.value },
        inverse: { type: 'setPageSetup', value: before ?? null },
        change: { cells: [], structure: false, settings: false },
      };
    }
    case 'batch': {
      let current = doc;
      const inverses: Operation[] = [];
      const cells: CellAddress[] = [];
      let structure = false;
      let settings = false;
      for (const sub of op.ops) {
        const applied = applyOperation(current, sub, mode);
        current = applied.doc;
        inverses.unshift(applied.inverse);
        cells.push(...applied.change.cells);
        structure ||= applied.change.structure;
        settings ||= applied.change.settings;
      }
      return {
        doc: current,
        inverse: { type: 'batch', label: op.label, ops: inverses },
        change: { cells, structure, settings },
      };
    }
  }
}

function setCells(doc: GongkaiDocument, table: string, edits: readonly CellEdit[], mode: ApplyMode): Applied {
  const data = tableData(doc, table);
  const values: Record<string, Readonly<Record<string, string>>> = mode === 'owned'
    ? (data.values as Record<string, Readonly<Record<string, string>>>)
    : { ...data.values };
  const inverse: CellEdit[] = [];
  const cells: CellAddress[] = [];
  for (const edit of edits) {
    const row = { ...(values[edit.row] ?? {}) };
    const before = row[edit.col] ?? null;
    const after = edit.text === null ? null : storedText(edit.text);
    inverse.unshift({ row: edit.row, col: edit.col, text: before });
    if (after === null) delete row[edit.col];
    else row[edit.col] = after;
    if (!hasKeys(row)) delete values[edit.row];
    else values[edit.row] = row;
    cells.push({ table, row: edit.row, col: edit.col });
  }
  return {
    doc: withTable(doc, table, { ...data, values }),
    inverse: { type: 'setCells', table, cells: inverse },
    change: { cells, structure: false, settings: false },
  };
}

function insertRows(doc: GongkaiDocument, table: string, rows: readonly ClassRow[]): Applied {
  const data = tableData(doc, table);
  const have = new Set((data.rows ?? []).map((r) => r.code));
  const added = rows.filter((r) => !have.has(r.code));
  if (added.length === 0) return noop(doc);
  const merged = [...(data.rows ?? []), ...added].sort((a, b) =>
    a.code < b.code ? -1 : a.code > b.code ? 1 : 0,
  );
  return {
    doc: withTable(doc, table, { ...data, rows: merged }),
    inverse: { type: 'deleteRows', table, codes: added.map((r) => r.code) },
    change: { cells: [], structure: true, settings: false },
  };
}

/** Deletes rows and everything below them (a 款 takes its 项 with it), with their values. */
function deleteRows(doc: GongkaiDocument, table: string, codes: readonly string[]): Applied {
  const data = tableData(doc, table);
  const doomed = (code: string) => codes.some((c) => code.startsWith(c));
  const removed = (data.rows ?? []).filter((r) => doomed(r.code));
  if (removed.length === 0) return noop(doc);
  const removedCodes = new Set(removed.map((r) => r.code));
  const values: Record<string, Readonly<Record<string, string>>> = {};
  const restore: CellEdit[] = [];
  for (const [row, cols] of Object.entries(data.values)) {
    if (removedCodes.has(row)) {
      for (const [col, text] of Object.entries(cols)) restore.push({ row, col, text });
    } else values[row] = cols;
  }
  const inverse: Operation = {
    type: 'batch',
    ops: [
      { type: 'insertRows', table, rows: removed },
      ...(restore.length > 0 ? [{ type: 'setCells' as const, table, cells: restore }] : []),
    ],
  };
  return {
    doc: withTable(doc, table, {
      ...data,
      rows: (data.rows ?? []).filter((r) => !removedCodes.has(r.code)),
      values,
    }),
    inverse,
    change: { cells: [], structure: true, settings: false },
  };
}

function tableData(doc: GongkaiDocument, table: string): TableData {
  return doc.tables[table] ?? { values: {} };
}

/** Replaces a table's data; a table left with nothing in it is dropped, so undo gives back the same file. */
function withTable(doc: GongkaiDocument, table: string, data: TableData): GongkaiDocument {
  const tables = { ...doc.tables, [table]: data };
  const empty = (data.rows ?? []).length === 0 && data.note === undefined && !hasKeys(data.values);
  if (empty) delete tables[table];
  return { ...doc, tables };
}

function hasKeys(o: object): boolean {
  for (const _ in o) return true;
  return false;
}

function noop(doc: GongkaiDocument): Applied {
  return {
    doc,
    inverse: { type: 'batch', ops: [] },
    change: { cells: [], structure: false, settings: false },
  };
}
