import {
  adoptComputed,
  builtinFormSet,
  DocumentSession,
  formSetFor,
  formSetOfDocument,
  newDocument,
  readDocument,
  writeDocument,
  type CellAddress,
  type GongkaiDocument,
  type Operation,
  type ProfileRef,
  type RecoverySnapshot,
  type TableImportReport,
  checkDocumentReport,
  type DocumentFinding,
  type DocumentReport,
  withDefaultSections,
  type ChartKey,
  type ChartOutput,
  type SessionUpdate,
} from '../../src-core';
import type { buildCharts } from '../../src-core/publication/charts';

type ChartDrawer = typeof buildCharts;

/** 图1—图4 as the page can show them: drawn, still loading the drawing code, or why it could not be loaded. */
export type ChartsState =
  | { readonly status: 'ready'; readonly charts: Record<ChartKey, ChartOutput> }
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly message: string };

export interface FileInfo {
  /** Where the document lives on disk; null for the sample, a new document, or any file in the browser. */
  readonly filePath: string | null;
  readonly fileName: string;
}

export interface Notice {
  readonly id: number;
  readonly kind: 'info' | 'warning' | 'error';
  readonly text: string;
  readonly details?: readonly string[];
}

export type Dialog =
  | { readonly kind: 'message'; readonly title: string; readonly text: string }
  | { readonly kind: 'printOptions'; readonly mode: 'pdf' | 'print' }
  /** 打印预览 with the 页面设置: of the tables, or of the whole publication (`whole`; else the last one shown). */
  | { readonly kind: 'printPreview'; readonly whole?: boolean }
  /** 导出审核报告: PDF or xlsx. */
  | { readonly kind: 'auditReport' }
  | {
      readonly kind: 'importReport';
      readonly fileName: string;
      readonly report: readonly TableImportReport[];
    }
  | { readonly kind: 'restore'; readonly snapshot: RecoverySnapshot }
  | { readonly kind: 'formulaHelp' }
  | { readonly kind: 'convertProfile' }
  | { readonly kind: 'about' }
  | { readonly kind: 'newDocument' }
  | ChoiceDialog;

/** A question with buttons (保存 / 不保存 / 取消 …); Esc or closing it answers null, as 取消 does. */
export interface ChoiceDialog {
  readonly kind: 'choice';
  readonly title: string;
  readonly text: string;
  readonly choices: readonly { readonly id: string; readonly label: string; readonly primary?: boolean }[];
  readonly answer: (id: string | null) => void;
}

/** A request to the grid to focus a cell (from 审核结果, 查找 …); seq makes repeated requests distinct. */
export interface FocusRequest {
  readonly cell: CellAddress;
  readonly seq: number;
  /** 查找: show and select the cell but leave the keyboard in the find box (Enter finds the next). */
  readonly keepFocus?: boolean;
}

export type FindingsFilter = 'all' | 'error' | 'warning';

/** Findings about the publication around the tables: its text, its empty tables. */
export type { DocumentFinding };

/** A request to show a paragraph of the text (from 审核结果). */
export interface TextFocusRequest {
  readonly section: string;
  readonly paragraph: number;
  readonly seq: number;
}

/** The page shown in the centre: a table, a text part of the publication, or one of the pages of their own. */
export type Page =
  | { readonly kind: 'table'; readonly table: string }
  | { readonly kind: 'part'; readonly part: string }
  /** The part holding the 绩效自评表: its text, then the forms. */
  | { readonly kind: 'performance' }
  /** 补充数据 */
  | { readonly kind: 'facts' }
  /** 单位信息 */
  | { readonly kind: 'unit' };

export function tablePage(table: string): Page {
  return { kind: 'table', table };
}

/** A page as one string — the table id, part:KEY, performance, facts, unit — for React keys and test ids. */
export function pageKey(page: Page): string {
  if (page.kind === 'table') return page.table;
  if (page.kind === 'part') return `part:${page.part}`;
  return page.kind;
}

export function samePage(a: Page, b: Page): boolean {
  return pageKey(a) === pageKey(b);
}

/**
 * What one change of the store touched (the engine's RecalcDelta passed on), so that a view re-reads only what it
 * shows: the grid redraws the changed cells' rows, the sidebar and 审核结果 wait for the findings to change.
 */
export interface StoreChange {
  /** The document's content changed (its revision moved): an edit, undo, redo, or another document. */
  readonly document: boolean;
  /** Another document, or the engine rebuilt (rows added or removed): every view of the tables reads again. */
  readonly rebuilt: boolean;
  /** Cells that may show something new — the edited ones and those the engine recomputed — by table id. */
  readonly cells: ReadonlyMap<string, readonly CellAddress[]>;
  /** Table findings appeared, went or changed. */
  readonly findings: boolean;
  /** The text check (shownReport) has a new answer. */
  readonly report?: boolean;
}

/** The text check's report as the views show it; `pending` until the document's first check has run. */
export interface ShownReport extends DocumentReport {
  readonly pending: boolean;
}

const PENDING_REPORT: ShownReport = {
  pending: true,
  findings: [],
  text: { unchecked: [], stated: 0, checked: 0 },
};

/** A change of what is shown only (page, dialog, notice …): the document is as it was. */
export const VIEW_CHANGE: StoreChange = {
  document: false,
  rebuilt: false,
  cells: new Map(),
  findings: false,
};

const REBUILT: StoreChange = { document: true, rebuilt: true, cells: new Map(), findings: true };

/**
 * The renderer's state: the open document (a DocumentSession: engine + undo history), the file it came from, what
 * is shown, and transient UI (notices, dialogs). Views subscribe and re-read on every change.
 */
export class EditorStore {
  session: DocumentSession;
  file: FileInfo;
  page: Page = tablePage('01');
  showSidebar = true;
  showFindings = true;
  findingsFilter: FindingsFilter = 'all';
  findOpen = false;
  /** Increases on every 查找 (Ctrl+F): the find box takes the focus again with its text selected. */
  findSeq = 0;
  /** A request to give the keyboard to a table's grid at its active cell (Ctrl+PageUp/PageDown, F6). */
  gridFocus: { readonly table: string; readonly seq: number } | null = null;
  /** Each table's active cell as the grid left it (display row, grid column), so coming back finds it. */
  readonly gridCells = new Map<string, { readonly row: number; readonly col: number }>();
  /** The 单位汇总 panel (opened from the sidebar). */
  consolidationOpen = false;
  /** A 汇总 file 文件 › 打开 picked: the 单位汇总 panel takes it (and its members) when it opens. */
  pendingDepartment: {
    readonly text: string;
    readonly filePath: string | null;
    readonly fileName: string;
  } | null = null;
  notice: Notice | null = null;
  /** Why the last autosave failed (shown in the status bar until one succeeds); null when autosave works. */
  autosaveProblem: string | null = null;
  dialog: Dialog | null = null;
  /** What is running that must not be started twice (an export, an import), shown in the status bar; null if idle. */
  busy: string | null = null;
  focusRequest: FocusRequest | null = null;
  textFocus: TextFocusRequest | null = null;
  /** A request to show a field of the 绩效自评表 (its path in doc.performance). */
  performanceFocus: { readonly path: string; readonly seq: number } | null = null;
  /** Results computed once per revision of the document (the findings of the text, the charts). */
  private readonly revisionCache = new Map<
    string,
    { session: DocumentSession; revision: number; value: unknown }
  >();
  /** Increases on every change; views compare it. */
  version = 0;
  /** What the latest change touched. */
  lastChange: StoreChange = REBUILT;
  private listeners = new Set<(change: StoreChange) => void>();
  private noticeSeq = 0;
  private readonly pendingEdits = new Set<() => void>();
  private focusSeq = 0;

  constructor(doc: GongkaiDocument, file: FileInfo) {
    this.session = new DocumentSession(formSetOfDocument(doc) ?? builtinFormSet(), doc);
    this.file = file;
  }

  /** Calls `listener` after every change with what it touched. */
  subscribe = (listener: (change: StoreChange) => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  /** Tells the views that something changed (by default only what is shown, not the document). */
  changed(change: StoreChange = VIEW_CHANGE): void {
    this.version++;
    this.lastChange = change;
    for (const l of this.listeners) l(change);
  }

  /** The views' account of an applied, undone or redone edit. */
  private documentChanged(update: SessionUpdate, findingsBefore: number): void {
    if (update.change.structure) {
      this.changed(REBUILT);
      return;
    }
    const cells = new Map<string, CellAddress[]>();
    const add = (c: CellAddress) => {
      const list = cells.get(c.table);
      if (list) list.push(c);
      else cells.set(c.table, [c]);
    };
    update.change.cells.forEach(add);
    update.delta?.changed.forEach(add);
    this.changed({
      document: true,
      rebuilt: false,
      cells,
      findings: this.workbook.findingsRevision !== findingsBefore,
    });
  }

  get document(): GongkaiDocument {
    return this.session.document;
  }

  get workbook() {
    return this.session.workbook;
  }

  /**
   * An editor holding typed text that is not in the document yet (an open 情况说明 section) registers how to put it
   * there; the returned function unregisters. While one is held the document counts as unsaved.
   */
  holdPendingEdit(flush: () => void): () => void {
    this.pendingEdits.add(flush);
    this.changed();
    return () => {
      if (this.pendingEdits.delete(flush)) this.changed();
    };
  }

  /** Puts what open editors hold into the document — before a save, an export, or leaving the document. */
  commitPendingEdits(): void {
    for (const flush of [...this.pendingEdits]) flush();
  }

  /** Unsaved changes, counting text typed in an editor that is still open. */
  get unsaved(): boolean {
    return this.session.dirty || this.pendingEdits.size > 0;
  }

  /** 采用计算值: clears a derived cell's own value so that it shows what the rules compute (undoable). */
  adoptComputed(cell: CellAddress): void {
    const command = adoptComputed(this.workbook, cell);
    if (!command.ok) this.notify('warning', command.message);
    else this.apply(command.operation, command.label);
  }

  /**
   * Writes, replaces or (with a blank text) removes the 说明 of a finding — undoable, stored in the document under
   * the finding's id, so it comes back whenever the same finding does.
   */
  setFindingNote(id: string, note: string): void {
    const before = this.document.findingNotes?.[id] ?? '';
    if (before === note.trim()) return;
    const label = note.trim() === '' ? '删除说明' : before === '' ? '写说明' : '修改说明';
    this.apply({ type: 'setFindingNote', id, note }, label);
  }

  /** Applies a named edit (undoable). */
  apply(op: Operation, label: string): void {
    const before = this.workbook.findingsRevision;
    this.documentChanged(this.session.apply(op, label), before);
  }

  undo(): void {
    const before = this.workbook.findingsRevision;
    const update = this.session.undo();
    if (update) this.documentChanged(update, before);
    else this.notify('info', '没有可撤销的操作。');
  }

  redo(): void {
    const before = this.workbook.findingsRevision;
    const update = this.session.redo();
    if (update) this.documentChanged(update, before);
    else this.notify('info', '没有可重做的操作。');
  }

  /** Replaces the open document (打开, 新建, 恢复); history starts afresh. */
  replaceDocument(doc: GongkaiDocument, file: FileInfo, opts: { dirty?: boolean } = {}): void {
    this.session = new DocumentSession(formSetOfDocument(doc) ?? builtinFormSet(), doc);
    // An imported or restored document has not been saved to a file yet.
    if (opts.dirty) this.session.markUnsaved();
    this.file = file;
    if (!this.hasPage(this.page)) this.page = tablePage(this.session.formSet.tables[0]?.id ?? '01');
    this.focusRequest = null;
    this.textFocus = null;
    this.performanceFocus = null;
    this.changed(REBUILT);
  }

  /**
   * Opens document text from a file. A damaged or foreign file shows the core's message and keeps the current
   * document untouched.
   */
  openText(text: string, file: FileInfo, opts: { dirty?: boolean } = {}): boolean {
    const read = readDocument(text, formSetFor);
    if (!read.ok) {
      this.showDialog({ kind: 'message', title: `无法打开“${file.fileName}”`, text: read.message });
      return false;
    }
    this.replaceDocument(read.document, file, opts);
    this.notify('info', `已打开 ${file.fileName}`);
    // A damaged 页面设置 does not keep the file from opening; the user is told what fell back to the default.
    for (const n of read.notices ?? []) this.notify('warning', `“${file.fileName}”${n}`);
    return true;
  }

  /**
   * A new, empty document of the given form profile (by default the open document's own), so a 上海 user's 新建
   * stays on the 上海 forms and the file names its profile.
   */
  newDocument(profile: ProfileRef = this.session.formSet.profile): void {
    const formSet = formSetFor(profile.year, profile.id);
    if (!formSet) {
      this.showDialog({
        kind: 'message',
        title: '无法新建',
        text: `没有表样“${profile.id}@${profile.year}”。`,
      });
      return;
    }
    const ref: ProfileRef = { id: formSet.profile.id, year: formSet.profile.year };
    const doc = withDefaultSections(formSet, newDocument(formSet.year, {}, ref));
    this.replaceDocument(doc, { filePath: null, fileName: '未命名.gongkai.json' });
    this.page = { kind: 'unit' };
    this.changed();
  }

  /** The document as the file stores it. */
  text(): string {
    return writeDocument(this.session.document);
  }

  suggestedName(): string {
    if (this.file.fileName && this.file.fileName !== '未命名.gongkai.json') return this.file.fileName;
    const u = this.session.document.unit;
    return `${u.name || '未命名单位'}${u.year}年度部门决算公开.gongkai.json`;
  }

  /** The page showing a part of the publication: the 绩效自评表 page for the part holding them, else the part's own. */
  pageOfPart(partKey: string): Page {
    const part = this.session.formSet.publication.parts.find((p) => p.key === partKey);
    return part?.performance ? { kind: 'performance' } : { kind: 'part', part: partKey };
  }

  /** A page this document has (a table of its forms, a text part, or one of the fixed pages). */
  hasPage(page: Page): boolean {
    const { formSet } = this.session;
    if (page.kind === 'table') return formSet.tableById.has(page.table);
    if (page.kind === 'part')
      return formSet.publication.parts.some((p) => !p.tables && !p.performance && p.key === page.part);
    return true;
  }

  setPage(page: Page): void {
    this.page = page;
    // Going somewhere by hand ends any earlier “show me this” request: coming back must not jump to it again.
    this.focusRequest = null;
    this.textFocus = null;
    this.performanceFocus = null;
    this.gridFocus = null;
    this.changed();
  }

  /** Shows a table with the keyboard in its grid, at the cell that was active there (Excel's sheet switch). */
  focusGrid(table: string): void {
    this.page = tablePage(table);
    this.focusRequest = null;
    this.textFocus = null;
    this.performanceFocus = null;
    this.gridFocus = { table, seq: ++this.focusSeq };
    this.changed();
  }

  /** 查找: opens the find box, or gives it the focus again, with the last text selected. */
  openFind(): void {
    this.findOpen = true;
    this.findSeq++;
    this.changed();
  }

  /** Opens a table and focuses a cell in it (with keepFocus, the keyboard stays where it is). */
  focusCell(cell: CellAddress, options: { readonly keepFocus?: boolean } = {}): void {
    this.page = tablePage(cell.table);
    this.focusRequest = { cell, seq: ++this.focusSeq, keepFocus: options.keepFocus };
    this.changed();
  }

  /** The text ↔ table, empty-table and 绩效自评表 findings of the current document (computed once per revision). */
  documentFindings(): readonly DocumentFinding[] {
    return this.documentReport().findings;
  }

  /** documentFindings with the numbers of the text that were not read and the coverage (once per revision). */
  documentReport(): DocumentReport {
    return this.perRevision('findings', () =>
      checkDocumentReport(this.session.formSet, this.workbook, this.document),
    );
  }

  /**
   * The text check as the views show it. A document's first check waits until the document has been painted (the
   * grid first: the text check of a publication costs more than drawing the table), and until then the report says
   * `pending` — the views say 正在核对, never 通过. After an edit the check runs again once the edit has been painted
   * (a keystroke in the grid does not wait for it) and the views hear of it only if its answer changed; the same
   * report object is handed out until then.
   */
  shownReport(): ShownReport {
    const shown = this.shown;
    if (shown && shown.session === this.session) {
      if (shown.revision !== this.session.revision) this.scheduleReport(false);
      return shown.report;
    }
    this.scheduleReport(true);
    return PENDING_REPORT;
  }

  private shown: {
    readonly session: DocumentSession;
    readonly revision: number;
    readonly report: ShownReport;
  } | null = null;
  private reportPending = false;

  private scheduleReport(afterPaint: boolean): void {
    if (this.reportPending) return;
    this.reportPending = true;
    const run = () => {
      if (!this.reportPending) return;
      this.reportPending = false;
      const before = this.shown;
      const report: ShownReport = { ...this.documentReport(), pending: false };
      const same = before !== null && before.session === this.session && sameReport(before.report, report);
      this.shown = {
        session: this.session,
        revision: this.session.revision,
        report: same ? before.report : report,
      };
      if (!same) this.changed({ ...VIEW_CHANGE, report: true });
    };
    this.runReport = run;
    if (!afterPaint || typeof requestAnimationFrame !== 'function') setTimeout(run, 0);
    // A table page says when its rows are drawn (tableDrawn); any other page is drawn in the next frame.
    else if (this.page.kind !== 'table') afterNextPaint(run);
    // A window that is not shown draws nothing: the check must not wait for it forever.
    else setTimeout(run, 3000);
  }

  private runReport: (() => void) | null = null;

  /** A table's grid has drawn its first rows: a text check waiting for the first paint runs once it is painted. */
  tableDrawn(): void {
    const run = this.runReport;
    if (run && this.reportPending && typeof requestAnimationFrame === 'function') afterNextPaint(run);
  }

  /**
   * 图1—图4 for the current tables and facts (drawn once per revision). The drawing code (ECharts) is loaded on first
   * use so the editor opens without it: until it has loaded the answer is 'loading' (the page says 图表生成中), and if
   * it cannot be loaded, why — never an empty figure that looks like missing data.
   */
  charts(): ChartsState {
    const drawer = this.chartDrawer;
    if (drawer === null) {
      void this.loadChartDrawer().catch(() => {});
      return this.chartLoadError === null
        ? { status: 'loading' }
        : { status: 'failed', message: this.chartLoadError };
    }
    const charts = this.perRevision('charts', () =>
      drawer(this.session.formSet, this.workbook, this.document),
    );
    return { status: 'ready', charts };
  }

  /** The charts once they can be drawn, for an export that needs them. @throws when the drawing code cannot load. */
  async chartsReady(): Promise<Record<ChartKey, ChartOutput>> {
    await this.loadChartDrawer();
    const state = this.charts();
    if (state.status !== 'ready') throw new Error(state.status === 'failed' ? state.message : '图表生成中');
    return state.charts;
  }

  private chartDrawer: ChartDrawer | null = null;
  private chartLoad: Promise<void> | null = null;
  private chartLoadError: string | null = null;

  private loadChartDrawer(): Promise<void> {
    this.chartLoad ??= import('../../src-core/publication/charts').then(
      (module) => {
        this.chartDrawer = module.buildCharts;
        this.chartLoadError = null;
        this.changed();
      },
      (error: unknown) => {
        // A later look at the charts tries again (the chunk may have been briefly unreadable).
        this.chartLoad = null;
        this.chartLoadError = `图表程序未能载入（${error instanceof Error ? error.message : String(error)}）`;
        this.changed();
        throw error;
      },
    );
    return this.chartLoad;
  }

  private perRevision<T>(key: string, compute: () => T): T {
    const c = this.revisionCache.get(key);
    if (c && c.session === this.session && c.revision === this.session.revision) return c.value as T;
    const value = compute();
    this.revisionCache.set(key, { session: this.session, revision: this.session.revision, value });
    return value;
  }

  /** Opens the 绩效自评表 on the form holding a field and shows it. */
  focusPerformance(path: string): void {
    this.page = { kind: 'performance' };
    this.performanceFocus = { path, seq: ++this.focusSeq };
    this.changed();
  }

  /** Opens the part holding a section and shows one of its paragraphs. */
  focusText(section: string, paragraph: number): void {
    const part = this.session.formSet.publication.parts.find((p) =>
      p.sections?.some((s) => s.key === section),
    );
    if (part) this.page = this.pageOfPart(part.key);
    this.textFocus = { section, paragraph, seq: ++this.focusSeq };
    this.changed();
  }

  notify(kind: Notice['kind'], text: string, details?: readonly string[]): void {
    this.notice = { id: ++this.noticeSeq, kind, text, details };
    this.changed();
  }

  /**
   * Autosave's outcome: a failure is shown in the status bar and as a warning naming the file and the reason; the
   * first success after one clears it and says so.
   */
  setAutosaveOutcome(
    outcome: { readonly ok: true } | { readonly ok: false; readonly message: string },
  ): void {
    if (outcome.ok) {
      if (this.autosaveProblem === null) return;
      this.autosaveProblem = null;
      this.notify('info', `自动保存已恢复：“${this.file.fileName}”的修改已备份。`);
      return;
    }
    const first = this.autosaveProblem === null;
    this.autosaveProblem = `“${this.file.fileName}”自动保存失败：${outcome.message}未保存的修改还没有备份，请尽快保存；30 秒后自动重试。`;
    if (first || this.notice?.kind !== 'warning') this.notify('warning', this.autosaveProblem);
    else this.changed();
  }

  dismissNotice(): void {
    this.notice = null;
    this.changed();
  }

  showDialog(dialog: Dialog | null): void {
    // A question replaced by another dialog is answered 取消: nobody's decision is left waiting for ever.
    const open = this.dialog;
    this.dialog = dialog;
    if (open?.kind === 'choice' && open !== dialog) open.answer(null);
    this.changed();
  }

  /** Asks a question in the app's own dialog; resolves to the id of the button chosen, or null for 取消/Esc. */
  ask(title: string, text: string, choices: ChoiceDialog['choices']): Promise<string | null> {
    return new Promise((resolve) => {
      let answered = false;
      const dialog: ChoiceDialog = {
        kind: 'choice',
        title,
        text,
        choices,
        answer: (id) => {
          if (answered) return;
          answered = true;
          if (this.dialog === dialog) {
            this.dialog = null;
            this.changed();
          }
          resolve(id);
        },
      };
      this.showDialog(dialog);
    });
  }

  /**
   * Runs a long task (an export …) once: while it runs the status bar says so and a second start is refused with a
   * notice; a failure is shown in Chinese with what failed, never swallowed.
   */
  async runBusy(label: string, task: () => Promise<void>): Promise<void> {
    if (this.busy !== null) {
      this.notify('warning', `正在${this.busy}，请等它完成后再试。`);
      return;
    }
    this.busy = label;
    this.changed();
    try {
      await task();
    } catch (e) {
      this.showDialog({
        kind: 'message',
        title: `${label}失败`,
        text: `${label}没有完成：${e instanceof Error ? e.message : String(e)}`,
      });
    } finally {
      this.busy = null;
      this.changed();
    }
  }

  /** 文件 › 打开 picked a 汇总 file: it opens in the 单位汇总 panel; the document being edited stays as it is. */
  openDepartmentFile(file: {
    readonly text: string;
    readonly filePath: string | null;
    readonly fileName: string;
  }): void {
    this.pendingDepartment = file;
    this.consolidationOpen = true;
    this.changed();
  }

  toggle(what: 'showSidebar' | 'showFindings' | 'findOpen' | 'consolidationOpen', value?: boolean): void {
    this[what] = value ?? !this[what];
    this.changed();
  }

  setFindingsFilter(filter: FindingsFilter): void {
    this.findingsFilter = filter;
    this.changed();
  }
}

/** Two text checks with the same answer (findings, numbers read and not read). */
/** Runs `f` once the next frame has been painted (a frame's callbacks run before its paint, the task after it). */
function afterNextPaint(f: () => void): void {
  requestAnimationFrame(() => setTimeout(f, 0));
}

function sameReport(a: DocumentReport, b: DocumentReport): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
