import {
  ACTION_SPECS,
  type ActionId,
  type ActionSpec,
  type CellAddress,
  type KeyEventLike,
  type LocalActionId,
} from '../../src-core';
import type { HostCommand } from '../../src-core/host';
import { findingsLayoutStore } from '../state/findings-layout';
import type { FindingsFilter, Page } from '../state/editor-store';
import { importCatalog } from '../state/catalog-import';
import type { RendererHost } from '../host/get-host';
import type { GridHandle, GridMove } from '../grid/grid-handle';
import type { FileCommands } from '../state/app-commands';
import type { EditorStore } from '../state/editor-store';
import { runExportCommand } from '../state/export-commands';
import { cycleRegion } from './regions';

/** What an action may act on. */
export interface ActionContext {
  readonly store: EditorStore;
  readonly host: RendererHost;
  readonly files: FileCommands;
  /** The grid on the page, if a table is shown. */
  grid(): GridHandle | null;
}

/** What a button's action acts on (the page to show, the cell whose computed value to adopt …). */
export interface ActionArgs {
  showPage: Page;
  filterFindings: FindingsFilter;
  adoptComputed: CellAddress;
  showCell: CellAddress;
  /** The id of the choice, as the dialog lists them. */
  answerDialog: string;
  importCatalog: { readonly replace: boolean };
}

/** The actions the registry performs itself (a local action's perform is its button's component's). */
export type RegisteredActionId = Exclude<ActionId, LocalActionId>;

/**
 * How an action was raised: by a host command (the Electron menu), by a key (the event's keys), or by a button
 * (with its argument; a local action's button passes its component's perform as `run`).
 */
export interface ActionTrigger {
  readonly command?: HostCommand;
  readonly key?: KeyEventLike;
  readonly arg?: ActionArgs[keyof ActionArgs];
  readonly run?: () => void | Promise<void>;
}

/** The argument of a button's action, or undefined when it was raised some other way. */
function argOf<K extends keyof ActionArgs>(_id: K, t: ActionTrigger): ActionArgs[K] | undefined {
  return t.arg as ActionArgs[K] | undefined;
}

interface Behaviour {
  perform(ctx: ActionContext, trigger: ActionTrigger): void | Promise<void>;
  /** Whether it can be done now (a menu shows it disabled otherwise; its key is left alone). */
  predicate?(ctx: ActionContext): boolean;
}

/** An action: its spec (src-core/actions: id, label, keys, menu place) and what it does here. */
export type Action = ActionSpec & Behaviour;

/** Exports, import and print run one at a time (the status bar says what is running). */
const notBusy = (ctx: ActionContext) => ctx.store.busy === null;
const onTable = (ctx: ActionContext) => ctx.store.page.kind === 'table';
const hasGrid = (ctx: ActionContext) => ctx.grid() !== null;
const moveGrid =
  (move: GridMove): Behaviour['perform'] =>
  (ctx, trigger) => {
    if (trigger.key) ctx.grid()?.move(move, trigger.key.key, trigger.key.shiftKey);
  };

/** The previous or next table of the profile, keeping the keyboard in the grid. */
function stepTable(ctx: ActionContext, step: -1 | 1): void {
  const { store } = ctx;
  if (store.page.kind !== 'table') return;
  const ids = store.session.formSet.tables.map((t) => t.id);
  const next = ids[ids.indexOf(store.page.table) + step];
  if (next) store.focusGrid(next);
}

/**
 * What each action does. A mapped type over the registered ids: an action added to src-core's table without a
 * behaviour here (or a `local` mark) does not compile.
 */
const BEHAVIOURS: { readonly [K in RegisteredActionId]: Behaviour } = {
  new: { perform: (ctx) => ctx.files.newDocument() },
  open: { perform: (ctx, t) => ctx.files.open(t.command ?? { type: 'open' }) },
  openRecent: { perform: (ctx, t) => ctx.files.open(t.command ?? { type: 'openRecent' }) },
  save: { perform: (ctx) => void ctx.files.save(false) },
  saveAs: { perform: (ctx) => void ctx.files.save(true) },
  saveAndClose: { perform: (ctx) => ctx.files.saveAndClose() },
  importExcel: { perform: (ctx) => runExportCommand('importExcel', ctx.store, ctx.host), predicate: notBusy },
  exportExcel: { perform: (ctx) => runExportCommand('exportExcel', ctx.store, ctx.host), predicate: notBusy },
  exportPdf: { perform: (ctx) => runExportCommand('exportPdf', ctx.store, ctx.host), predicate: notBusy },
  exportDocx: { perform: (ctx) => runExportCommand('exportDocx', ctx.store, ctx.host), predicate: notBusy },
  convertProfile: {
    perform: (ctx) => {
      ctx.store.commitPendingEdits();
      ctx.store.showDialog({ kind: 'convertProfile' });
    },
  },
  exportAuditReport: {
    perform: (ctx) => {
      ctx.store.commitPendingEdits();
      ctx.store.showDialog({ kind: 'auditReport' });
    },
  },
  print: { perform: (ctx) => runExportCommand('print', ctx.store, ctx.host), predicate: notBusy },
  printPreview: {
    perform: (ctx) => {
      ctx.store.commitPendingEdits();
      ctx.store.showDialog({ kind: 'printPreview' });
    },
    predicate: notBusy,
  },
  undo: { perform: (ctx) => ctx.store.undo() },
  redo: { perform: (ctx) => ctx.store.redo() },
  copy: { perform: (ctx) => ctx.grid()?.copy() },
  paste: {
    perform: (ctx, t) => ctx.grid()?.paste(undefined, { byAccelerator: t.command?.byAccelerator === true }),
  },
  find: { perform: (ctx) => ctx.store.openFind() },
  closeFind: {
    perform: (ctx) => {
      ctx.store.toggle('findOpen', false);
      ctx.grid()?.focus();
    },
  },
  toggleSidebar: { perform: (ctx) => ctx.store.toggle('showSidebar') },
  toggleFindings: { perform: (ctx) => ctx.store.toggle('showFindings') },
  unitInfo: { perform: (ctx) => ctx.store.setPage({ kind: 'unit' }) },
  formulaHelp: { perform: (ctx) => ctx.store.showDialog({ kind: 'formulaHelp' }) },
  about: { perform: (ctx) => ctx.store.showDialog({ kind: 'about' }) },
  previousTable: { perform: (ctx) => stepTable(ctx, -1), predicate: onTable },
  nextTable: { perform: (ctx) => stepTable(ctx, 1), predicate: onTable },
  nextRegion: { perform: (ctx) => cycleRegion(1, ctx.grid()) },
  previousRegion: { perform: (ctx) => cycleRegion(-1, ctx.grid()) },
  fillDown: { perform: (ctx) => ctx.grid()?.fillDown(), predicate: hasGrid },
  clearCells: { perform: (ctx) => ctx.grid()?.clear(), predicate: hasGrid },
  selectAll: { perform: (ctx) => ctx.grid()?.selectAll(), predicate: hasGrid },
  dataEdge: { perform: moveGrid('dataEdge'), predicate: hasGrid },
  rowEdge: { perform: moveGrid('rowEdge'), predicate: hasGrid },
  tableEdge: { perform: moveGrid('tableEdge'), predicate: hasGrid },
  showPage: {
    perform: (ctx, t) => {
      const page = argOf('showPage', t);
      if (page) ctx.store.setPage(page);
    },
  },
  openConsolidation: { perform: (ctx) => ctx.store.toggle('consolidationOpen', true) },
  filterFindings: {
    perform: (ctx, t) => ctx.store.setFindingsFilter(argOf('filterFindings', t) ?? 'all'),
  },
  foldFindings: {
    perform: () => findingsLayoutStore.set({ collapsed: !findingsLayoutStore.get().collapsed }),
  },
  adoptComputed: {
    perform: (ctx, t) => {
      const cell = argOf('adoptComputed', t);
      if (cell) ctx.store.adoptComputed(cell);
    },
  },
  showCell: {
    perform: (ctx, t) => {
      const cell = argOf('showCell', t);
      if (cell) ctx.store.focusCell(cell);
    },
  },
  dismissNotice: { perform: (ctx) => ctx.store.dismissNotice() },
  answerDialog: {
    perform: (ctx, t) => {
      const d = ctx.store.dialog;
      if (d?.kind === 'choice') d.answer(argOf('answerDialog', t) ?? null);
    },
  },
  closeDialog: { perform: (ctx) => ctx.store.showDialog(null) },
  importCatalog: {
    perform: (ctx, t) => importCatalog(ctx.store, ctx.host, argOf('importCatalog', t)?.replace ?? false),
  },
  clearCatalog: {
    perform: (ctx) => ctx.store.apply({ type: 'setCatalog', catalog: null }, '清除自定义科目'),
  },
};

/** A local action: it performs what its button passed (its component's state is the component's). */
const LOCAL: Behaviour = { perform: (_ctx, t) => t.run?.() };

/** Every action of the app, by id: one table for the menus, the buttons and the keys (Excalidraw's register). */
export const ACTIONS: ReadonlyMap<ActionId, Action> = new Map(
  ACTION_SPECS.map((spec) => [
    spec.id,
    { ...spec, ...(spec.local ? LOCAL : BEHAVIOURS[spec.id as RegisteredActionId]) },
  ]),
);

/** The ids that have a behaviour (for the test that every non-local spec has one and no behaviour lacks a spec). */
export const BEHAVIOUR_IDS: readonly ActionId[] = Object.keys(BEHAVIOURS) as ActionId[];
