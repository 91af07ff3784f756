import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createPortal, flushSync } from 'react-dom';
import {
  CellApiModule,
  CellStyleModule,
  ClientSideRowModelModule,
  ColumnApiModule,
  ColumnAutoSizeModule,
  LocaleModule,
  ModuleRegistry,
  PinnedRowModule,
  RenderApiModule,
  RowApiModule,
  RowStyleModule,
  ScrollApiModule,
  TextEditorModule,
  TooltipModule,
  type ColDef,
  type GridApi,
  type NavigateToNextCellParams,
  type CellPosition,
  type SuppressKeyboardEventParams,
  type GetRowIdParams,
  type RowClassParams,
  type IRowNode,
  type ITooltipParams,
} from 'ag-grid-community';
import { actionForKey, tableLayout, type TableModel } from '../../src-core';
import type { EditorStore, StoreChange } from '../state/editor-store';
import { useStoreSelector } from '../state/use-store';
import { cellAt, gridModel, type GridModel, type GridRow } from './grid-model';
import { copyText, positionOf } from './grid-actions';
import { inRange, normalise, type GridPos, type Range } from './selection';
import { SelectionController } from './selection-controller';
import { columnDefs } from './column-defs';
import { createGridCommands } from './grid-commands';
import {
  changedGridRows,
  findingsByCell,
  findingsOfCell,
  gridRowsOfLogicalRows,
  type FindingsByCell,
} from './changed-rows';
import { selectionStats, selectionStatsStore } from './selection-stats';
import type { GridHandle } from './grid-handle';
import { useActions } from '../actions/action-runner';
import { useHeldEdit } from './use-held-edit';
import { useNaturalGridHeight } from './natural-height';
import { AG_GRID_LOCALE_ZH } from './locale-zh';
import { GRID_THEME, ROW_HEIGHT } from './grid-theme';
import { countRender } from '../state/render-counts';
import { VanillaGrid } from './VanillaGrid';
import { FindingTooltip, type FindingTooltipParams } from './FindingTooltip';
import type { TooltipHost } from './portal-tooltip';

export type { GridHandle } from './grid-handle';

// Only the grid features the forms use (not AllCommunityModule): a smaller first chunk and fewer beans to start.
ModuleRegistry.registerModules([
  ClientSideRowModelModule,
  TextEditorModule,
  TooltipModule,
  PinnedRowModule,
  CellStyleModule,
  RowStyleModule,
  ColumnAutoSizeModule,
  LocaleModule,
  CellApiModule,
  ColumnApiModule,
  RowApiModule,
  RenderApiModule,
  ScrollApiModule,
]);

interface Props {
  readonly store: EditorStore;
  readonly tableId: string;
  readonly onReady: (handle: GridHandle | null) => void;
}

/**
 * One 公开 table in AG Grid, laid out as the paper form, with live values, marks and Excel-like keys. It puts the
 * parts together: the column factory (column-defs), the selection controller, the grid's commands for the action
 * registry (grid-commands), and the held cell edit; after an edit it redraws only the rows whose cells changed.
 */
export const TableGrid = memo(function TableGrid({ store, tableId, onReady }: Props) {
  countRender(`TableGrid-${tableId}`);
  const actions = useActions();
  const apiRef = useRef<GridApi<GridRow> | null>(null);
  /** Whether the page's paste event has already handled the latest Ctrl+V. */
  const keyPaste = useRef({ handled: false });
  // The table model is rebuilt only when rows change (add/delete a 科目, another document), not on a value edit.
  const table = useStoreSelector((s) => s.workbook.tables.get(tableId)) as TableModel;
  const model = useMemo(() => gridModel(tableLayout(table), table.template), [table]);
  const modelRef = useRef<GridModel>(model);
  modelRef.current = model;
  const rowsOf = useMemo(() => gridRowsOfLogicalRows(model), [model]);
  // The 栏次 row pinned under the header (one array per model: a new one would make the grid draw it again).
  const pinnedTop = useMemo(() => (model.columnNoRow ? [model.columnNoRow] : undefined), [model]);

  // The findings on this table's cells, kept current by the change listener below (read while cells draw).
  const findingsRef = useRef<FindingsByCell>(new Map());
  const findingsRevision = useRef(-1);
  const readFindings = useCallback(() => {
    findingsRevision.current = store.workbook.findingsRevision;
    findingsRef.current = findingsByCell(store.workbook.findings(), tableId);
  }, [store, tableId]);

  const rowNodes = (ids: Iterable<string>): IRowNode<GridRow>[] => {
    const api = apiRef.current;
    const nodes: IRowNode<GridRow>[] = [];
    if (!api) return nodes;
    for (const id of ids) {
      const node = api.getRowNode(id);
      if (node) nodes.push(node);
    }
    return nodes;
  };
  const rangeRows = (range: Range | null): string[] => {
    if (!range) return [];
    const r = normalise(range);
    return modelRef.current.rows.slice(r.top, r.bottom + 1).map((row) => row.id);
  };

  const showStats = useCallback(
    (range: Range | null) =>
      selectionStatsStore.set(selectionStats(modelRef.current, store.workbook, table, range)),
    [store, table],
  );
  const showStatsRef = useRef(showStats);
  showStatsRef.current = showStats;

  const tableRef = useRef(table);
  tableRef.current = table;
  // The selection: a plain controller, kept while rows change; a new range redraws the rows it leaves and enters
  // (their 选区 marks) and the status bar's 求和.
  const [selection] = useState(() => {
    let drawn: Range | null = null;
    return new SelectionController(
      {
        last: () => ({ row: modelRef.current.rows.length - 1, col: modelRef.current.columns.length - 1 }),
        filled: (p) =>
          copyText(modelRef.current, store.workbook, tableRef.current, { anchor: p, focus: p })[0]?.[0] !==
          '',
        covered: (p) => {
          const row = modelRef.current.rows[p.row];
          return !!row && cellAt(modelRef.current, row, p.col)?.span === 0;
        },
      },
      (range) => {
        if (range) store.gridCells.set(tableId, range.focus);
        const rows = new Set([...rangeRows(drawn), ...rangeRows(range)]);
        drawn = range;
        apiRef.current?.refreshCells({ rowNodes: rowNodes(rows), force: false });
        showStatsRef.current(range);
      },
    );
  });

  // The open tooltip of a marked cell: the grid's element for it and the cell's params, drawn below as a portal.
  const [tooltip, setTooltip] = useState<{
    readonly el: HTMLElement;
    readonly params: ITooltipParams<GridRow> & FindingTooltipParams;
  } | null>(null);
  const tooltipHost = useMemo<TooltipHost<GridRow>>(
    () => ({
      // The grid measures and places the tooltip as soon as it has its element: the content must be there by then.
      show: (el, params) =>
        flushSync(() => setTooltip({ el, params: params as ITooltipParams<GridRow> & FindingTooltipParams })),
      hide: (el) => setTooltip((open) => (open?.el === el ? null : open)),
    }),
    [],
  );

  const colDefs = useMemo(
    () =>
      columnDefs(model, {
        store,
        tableId,
        findingsAt: (row, col) => findingsOfCell(findingsRef.current, row, col),
        range: () => selection.range,
        tooltipHost,
      }),
    [model, store, tableId, selection, tooltipHost],
  );

  // Rows changed or another document: every drawn cell reads its value and marks again.
  useEffect(() => {
    readFindings();
    apiRef.current?.refreshCells({ force: false });
  }, [table, readFindings]);

  // An edit, undo or redo: only the rows of the cells whose value or marks changed are redrawn (the engine's
  // RecalcDelta, passed on by the store); a change of another table or of the page leaves this grid alone.
  useEffect(
    () =>
      store.subscribe((change: StoreChange) => {
        if (!change.document || change.rebuilt) return;
        const cells = change.cells.get(tableId) ?? [];
        const before = findingsRef.current;
        if (store.workbook.findingsRevision !== findingsRevision.current) readFindings();
        if (cells.length === 0 && before === findingsRef.current) return;
        const rows = changedGridRows(rowsOf, cells, before, findingsRef.current);
        if (rows.size > 0) apiRef.current?.refreshCells({ rowNodes: rowNodes(rows), force: false });
        countRender(`rows redrawn ${tableId}`, rows.size);
        // 求和/计数/平均 follow edits of the selected cells.
        if (cells.length > 0) showStats(selection.range);
      }),
    [store, tableId, rowsOf, readFindings, showStats, selection],
  );
  useEffect(() => () => selectionStatsStore.set(null), []);

  const focused = (): GridPos | null => {
    const f = apiRef.current?.getFocusedCell();
    if (!f || f.rowPinned) return null;
    return { row: f.rowIndex, col: colIndex(f.column.getColId()) };
  };

  /** Shows a cell and gives it AG Grid's focus. */
  const reveal = (api: GridApi<GridRow>, at: GridPos, where?: 'middle') => {
    api.ensureIndexVisible(at.row, where);
    api.ensureColumnVisible(`g${at.col}`);
    api.setFocusedCell(at.row, `g${at.col}`);
  };

  // Ctrl+PageUp/PageDown: the keyboard comes with the switch, at the cell that was active in this table.
  const focusAt = (api: GridApi<GridRow>, pos: GridPos) => {
    const row = Math.min(pos.row, modelRef.current.rows.length - 1);
    if (row < 0) return;
    const at = { row, col: Math.min(pos.col, modelRef.current.columns.length - 1) };
    reveal(api, at);
    if (!inRange(selection.range, at.row, at.col)) selection.select(at);
    // Just after the first render the cell's element may not exist yet when the grid marks it focused, or its row may
    // still be hidden (the grid shows a row once it has placed it) and refuse the focus: the keyboard goes to it once
    // it can take it (else the keys would go to the page body). Only a keyboard that went nowhere is brought back; one
    // that went elsewhere meanwhile (a click, F6) stays there.
    const settle = (tries: number) => {
      const root = containerRef.current;
      if (!root || root.contains(document.activeElement)) return;
      if (
        tries < SETTLE_FRAMES &&
        document.activeElement !== null &&
        document.activeElement !== document.body
      )
        return;
      root
        .querySelector<HTMLElement>(
          `.ag-row:not(.ag-row-pinned)[row-index="${at.row}"] .ag-cell[col-id="g${at.col}"]`,
        )
        ?.focus();
      if (!root.contains(document.activeElement) && tries > 0) requestAnimationFrame(() => settle(tries - 1));
    };
    requestAnimationFrame(() => settle(SETTLE_FRAMES));
  };

  // Focus requests from 审核结果, 查找 and the table switch (also when they arrive before this grid has rendered).
  const [focusRequest, gridFocus] = useStoreSelector((s) => [s.focusRequest, s.gridFocus] as const);
  const doneFocus = useRef(0);
  // A focus request waits for the grid's first rows (it is applied again when they are drawn): a cell focused
  // before then has no element to take the keyboard.
  const rowsDrawn = useRef(false);
  const applyFocusRequest = () => {
    const api = apiRef.current;
    if (!api || !rowsDrawn.current) return;
    if (gridFocus && gridFocus.table === tableId && doneFocus.current !== gridFocus.seq) {
      doneFocus.current = gridFocus.seq;
      focusAt(api, store.gridCells.get(tableId) ?? { row: 0, col: 0 });
    }
    if (!focusRequest || focusRequest.cell.table !== tableId || doneFocus.current === focusRequest.seq)
      return;
    const pos = positionOf(modelRef.current, focusRequest.cell.row, focusRequest.cell.col);
    if (!pos) return;
    doneFocus.current = focusRequest.seq;
    // AG Grid moves the keyboard focus onto the cell; 查找 gives it back so Enter finds the next hit and typing
    // corrects the query instead of overwriting the found cell.
    const keep = focusRequest.keepFocus ? document.activeElement : null;
    reveal(api, pos, 'middle');
    selection.select(pos);
    if (keep instanceof HTMLElement && keep !== document.activeElement) keep.focus();
  };
  const applyFocusRef = useRef(applyFocusRequest);
  applyFocusRef.current = applyFocusRequest;
  useEffect(() => applyFocusRef.current(), [focusRequest, gridFocus]);

  const handle = useMemo<GridHandle>(
    () =>
      createGridCommands({
        store,
        table,
        model: () => modelRef.current,
        selection,
        focused,
        reveal: (pos) => {
          if (apiRef.current) reveal(apiRef.current, pos);
        },
        focus: () => {
          const api = apiRef.current;
          if (api) focusAt(api, selection.range?.focus ?? store.gridCells.get(tableId) ?? { row: 0, col: 0 });
        },
        keyPaste: keyPaste.current,
      }),
    [store, table, tableId, selection],
  );

  useEffect(() => {
    onReady(handle);
    return () => onReady(null);
  }, [handle, onReady]);

  const heldEdit = useHeldEdit(
    store,
    useCallback(() => apiRef.current, []),
  );

  // Excel habits the Community grid does not have: shift+arrows extend, Delete clears, Ctrl+C/V copy and paste.
  const onKeyDownCapture = (e: React.KeyboardEvent) => {
    selection.keyDown(e);
    const api = apiRef.current;
    if (!api) return;
    if (api.getEditingCells().length > 0) {
      // Excel: Tab commits the entry and moves the selection; the next cell is not opened for editing (the arrows
      // then move between cells, and Ctrl+Z undoes the entry just committed).
      if (e.key === 'Tab' && !e.ctrlKey && !e.altKey && !e.metaKey) {
        e.preventDefault();
        e.stopPropagation();
        api.stopEditing();
        if (e.shiftKey) api.tabToPreviousCell();
        else api.tabToNextCell();
      }
      return;
    }
    // A new Ctrl+V: whether its paste event comes is not known yet.
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'v') keyPaste.current.handled = false;
    // Excel's keys the Community grid lacks (Ctrl+D, Delete, Ctrl+A, Ctrl+arrows, Home/End, Ctrl+C) are actions
    // of the registry (src-core/actions), performed on this grid's handle.
    actions.runKey(e, 'grid');
  };

  const onPaste = (e: React.ClipboardEvent) => {
    const api = apiRef.current;
    if (!api || api.getEditingCells().length > 0) return;
    e.preventDefault();
    keyPaste.current.handled = true;
    void handle.paste(e.clipboardData.getData('text/plain'));
  };

  const navigateToNextCell = useCallback(
    (p: NavigateToNextCellParams<GridRow>): CellPosition | null => {
      const next = p.nextCellPosition;
      if (!next) return null;
      if (next.rowPinned) return next;
      selection.navigated({ row: next.rowIndex, col: colIndex(next.column.getColId()) });
      return next;
    },
    [selection],
  );

  // The range follows the focused cell through the DOM's focusin, which AG Grid's key handlers cause synchronously
  // (Enter, Tab, Home, Ctrl+arrows, a click): its own cellFocused event comes a task later, after quicker keys.
  const onFocus = (e: React.FocusEvent) => {
    const pos = cellUnder(e.target);
    if (pos) selection.focusArrived(pos, e.relatedTarget === null);
  };

  // Mouse selection reads the native events, which run in order with the keys; AG Grid's own cell mouse events come
  // a task later, after a quick Shift+arrow or after the mouseup that ends the drag.
  const onMouseDown = (e: React.MouseEvent) => {
    // A click inside an open editor places the caret (or drags text); it selects no cells.
    if (e.target instanceof Element && e.target.closest('.ag-cell-inline-editing')) return;
    const pos = e.button === 0 ? cellUnder(e.target) : null;
    if (!pos) return;
    selection.pressed(pos, e.shiftKey);
    const up = () => {
      selection.released();
      window.removeEventListener('mouseup', up);
    };
    window.addEventListener('mouseup', up);
  };

  const onMouseOver = (e: React.MouseEvent) => {
    if (selection.isDragging) selection.dragOver(cellUnder(e.target), (e.buttons & 1) !== 0);
  };

  // The grid scrolls inside itself with its header rows pinned; it is as tall as its rows at most (a short table
  // ends like the paper form) and shrinks to the room the window leaves (see .gk-grid in app.css).
  const containerRef = useRef<HTMLDivElement>(null);
  const naturalHeight = useNaturalGridHeight(containerRef, model.rows.length, ROW_HEIGHT);
  // A short table keeps all its rows in the DOM (as when it grew with the page); a long one renders what is in view.
  // Its first paint has only the rows in view (AG Grid's own buffer): the rest follow in the next frame, out of
  // sight below the fold, so the table shows sooner (`npm run bench:ui` cold load) and ends up as before.
  const short = model.rows.length <= 80;
  const [firstPainted, setFirstPainted] = useState(false);

  return (
    <div
      ref={containerRef}
      className="gk-grid"
      style={{ height: naturalHeight ?? 400 }}
      data-testid={`grid-${tableId}`}
      onKeyDownCapture={onKeyDownCapture}
      onMouseDown={onMouseDown}
      onMouseOver={onMouseOver}
      onFocus={onFocus}
      onKeyDown={(e) => {
        // Bubbling here, after the grid's own listener opened the editor with this key's character in it.
        if (e.key.length === 1 || e.key === 'Backspace') heldEdit.hold();
      }}
      onInput={heldEdit.hold}
      onPaste={onPaste}
    >
      <VanillaGrid<GridRow>
        apiRef={apiRef}
        options={{
          theme: GRID_THEME,
          rowBuffer: short && firstPainted ? model.rows.length : undefined,
          autoSizeStrategy: AUTO_SIZE,
          onRowDataUpdated: (e) => {
            fitWidth(e);
            // Another document in the same grid: its text check may follow once these rows are painted.
            store.tableDrawn();
          },
          onGridSizeChanged: fitWidth,
          rowData: model.rows as GridRow[],
          pinnedTopRowData: pinnedTop,
          columnDefs: colDefs,
          getRowId,
          getRowClass,
          suppressCellFocus: false,
          enterNavigatesVertically: true,
          enterNavigatesVerticallyAfterEdit: true,
          stopEditingWhenCellsLoseFocus: true,
          suppressRowHoverHighlight: false,
          tooltipShowDelay: 350,
          tooltipHideDelay: 60_000,
          tooltipInteraction: true,
          navigateToNextCell,
          onCellEditingStopped: heldEdit.stopped,
          defaultColDef: DEFAULT_COL_DEF,
          onFirstDataRendered: () => {
            rowsDrawn.current = true;
            applyFocusRef.current();
            if (short) requestAnimationFrame(() => setFirstPainted(true));
            // The first rows are drawn: the text check that waited for them runs after this paint.
            store.tableDrawn();
          },
          localeText: AG_GRID_LOCALE_ZH,
          overlayNoRowsTemplate: '本表没有数据行',
        }}
      />
      {tooltip && createPortal(<FindingTooltip {...tooltip.params} />, tooltip.el)}
    </div>
  );
});

const AUTO_SIZE = { type: 'fitGridWidth' as const };

/** How many frames a switched-to table tries to take the keyboard for (about a third of a second). */
const SETTLE_FRAMES = 20;

/** The columns fill the grid's width again after rows change (a 科目 added or undone) or the window resizes. */
const fitWidth = (e: { readonly api: GridApi<GridRow> }) => e.api.sizeColumnsToFit();

const DEFAULT_COL_DEF: ColDef<GridRow> = {
  // Keys that are actions of the registry (the grid's and the window's, like Ctrl+PageUp) are not the grid's own.
  suppressKeyboardEvent: (p: SuppressKeyboardEventParams<GridRow>) =>
    !p.editing && (actionForKey(p.event, 'grid') !== null || actionForKey(p.event, 'window') !== null),
};

const getRowId = (p: GetRowIdParams<GridRow>) => p.data.id;

const getRowClass = (p: RowClassParams<GridRow>) =>
  p.data?.columnNo
    ? 'gk-colno-row'
    : p.data?.layout?.kind === 'total'
      ? 'gk-total-row'
      : p.data?.layout?.kind === 'footer'
        ? 'gk-footer-row'
        : undefined;

/** The body cell under a DOM node (not the pinned 栏次 row), as grid coordinates. */
function cellUnder(target: EventTarget): GridPos | null {
  if (!(target instanceof Element)) return null;
  const cellEl = target.closest('.ag-cell');
  const rowEl = cellEl?.closest('.ag-row');
  if (!cellEl || !rowEl || rowEl.classList.contains('ag-row-pinned')) return null;
  const row = Number(rowEl.getAttribute('row-index'));
  const colId = cellEl.getAttribute('col-id');
  if (!Number.isInteger(row) || row < 0 || !colId) return null;
  return { row, col: colIndex(colId) };
}

/** Grid column ids are `g` + the layout's column index. */
function colIndex(colId: string | undefined): number {
  return Number((colId ?? 'g0').slice(1));
}
