import { useCallback, useEffect, useMemo, useRef } from 'react';
import { AgGridReact } from 'ag-grid-react';
import {
  AllCommunityModule,
  ModuleRegistry,
  themeQuartz,
  type CellClassParams,
  type ColDef,
  type ColGroupDef,
  type GridApi,
  type NavigateToNextCellParams,
  type CellPosition,
  type ValueGetterParams,
  type ValueSetterParams,
  type ColSpanParams,
  type EditableCallbackParams,
  type SuppressKeyboardEventParams,
  type GridReadyEvent,
  type GetRowIdParams,
  type RowClassParams,
} from 'ag-grid-community';
import { formatAmount, readCodeLine, tableLayout, type Finding, type TableModel } from '../../src-core';
import type { EditorStore } from '../state/editor-store';
import { cellAt, gridModel, type GridModel, type GridRow, type HeaderNode } from './grid-model';
import { copyText, planClear, planPaste, positionOf } from './grid-actions';
import { inRange, isSingle, normalise, samePos, type GridPos, type Range } from './selection';
import { parseTsv, toTsv } from './clipboard';
import { FindingTooltip } from './FindingTooltip';
import { applyRowsByCode } from './rows-by-code';
import { selectionStats, selectionStatsStore } from './selection-stats';
import { useNaturalGridHeight } from './natural-height';
import { AG_GRID_LOCALE_ZH } from './locale-zh';

ModuleRegistry.registerModules([AllCommunityModule]);

/** Body row height in px (the theme's, and what the grid's natural height is counted in). */
const ROW_HEIGHT = 28;

const theme = themeQuartz.withParams({
  fontFamily: ['"Noto Sans CJK SC"', '"Microsoft YaHei"', '"PingFang SC"', 'SimSun', 'sans-serif'],
  fontSize: 13,
  headerFontSize: 13,
  headerFontWeight: 600,
  headerBackgroundColor: '#eef1f5',
  headerTextColor: '#1f2933',
  borderColor: '#b8c0cc',
  rowBorder: { color: '#d5dbe3' },
  columnBorder: { color: '#d5dbe3' },
  headerColumnBorder: { color: '#b8c0cc' },
  headerRowBorder: { color: '#b8c0cc' },
  rowHeight: ROW_HEIGHT,
  headerHeight: 30,
  spacing: 5,
  wrapperBorderRadius: 0,
  cellHorizontalPadding: 6,
  accentColor: '#1d5fbf',
});

/** The actions the menu and global shortcuts ask of the grid that has focus. */
export interface GridHandle {
  copy(): Promise<void>;
  /**
   * Pastes `text`, or the clipboard. `byAccelerator`: Electron's menu raised it from Ctrl+V, which the page's own
   * paste event may already have handled.
   */
  paste(text?: string, options?: { readonly byAccelerator?: boolean }): Promise<void>;
  clear(): void;
  /** Ctrl+D: copies the selection's top row down over it (a single row: the row above it down onto it). */
  fillDown(): void;
  /** The logical rows on the focused display row (one per block). */
  focusedRows(): readonly string[];
}

interface Props {
  readonly store: EditorStore;
  readonly tableId: string;
  readonly onReady: (handle: GridHandle | null) => void;
}

/** One 公开 table in AG Grid, laid out as the paper form, with live values, marks and Excel-like keys. */
export function TableGrid({ store, tableId, onReady }: Props) {
  const apiRef = useRef<GridApi<GridRow> | null>(null);
  const rangeRef = useRef<Range | null>(null);
  const draggingRef = useRef(false);
  const extendingRef = useRef(false);
  /** Whether the page's paste event has already handled the latest Ctrl+V. */
  const keyPaste = useRef({ handled: false });
  const table = store.workbook.tables.get(tableId) as TableModel;
  // The table model is rebuilt only when rows change (add/delete a 科目, another document), not on a value edit.
  const model = useMemo(() => gridModel(tableLayout(table), table.template), [table]);
  const modelRef = useRef<GridModel>(model);
  modelRef.current = model;

  // The engine hands out the same findings list until an edit changes it.
  const findings = store.workbook.findings();
  const findingsByCell = useMemo(() => {
    const map = new Map<string, Finding[]>();
    for (const f of findings) {
      if (f.cell.table !== tableId) continue;
      const key = `${f.cell.row}\u0001${f.cell.col}`;
      const list = map.get(key);
      if (list) list.push(f);
      else map.set(key, [f]);
    }
    return map;
  }, [findings, tableId]);
  const findingsRef = useRef(findingsByCell);
  findingsRef.current = findingsByCell;

  const valueCell = useCallback((row: GridRow | undefined, col: number) => {
    if (!row) return null;
    const at = cellAt(modelRef.current, row, col);
    return at && at.cell.kind === 'value' ? at.cell : null;
  }, []);

  const columnDefs = useMemo<(ColDef<GridRow> | ColGroupDef<GridRow>)[]>(() => {
    const leaf = (text: string, index: number): ColDef<GridRow> => {
      const column = model.columns[index];
      const numeric = column?.kind === 'value';
      return {
        colId: `g${index}`,
        headerName: text,
        width: column?.width ?? 110,
        minWidth: 40,
        headerClass: numeric ? 'gk-head gk-head-num' : 'gk-head',
        wrapHeaderText: true,
        autoHeaderHeight: true,
        sortable: false,
        suppressMovable: true,
        suppressHeaderMenuButton: true,
        resizable: true,
        colSpan: (p: ColSpanParams<GridRow>) => spanOf(p.data, index),
        valueGetter: (p: ValueGetterParams<GridRow>) => displayValue(p.data, index),
        valueSetter: (p: ValueSetterParams<GridRow>) => {
          const cell = valueCell(p.data, index);
          if (!cell) return false;
          const text = p.newValue === null || p.newValue === undefined ? null : String(p.newValue);
          store.apply(
            { type: 'setCells', table: tableId, cells: [{ row: cell.row, col: cell.col, text }] },
            '输入',
          );
          return true;
        },
        // A computed cell takes a typed figure too (a 合计 copied from a published table): it is kept as the cell's
        // own figure with the corner mark, checked against the formula, and 采用计算值 returns it to the formula.
        editable: (p: EditableCallbackParams<GridRow>) => !!valueCell(p.data, index),
        cellClassRules: cellClassRules(index),
        tooltipValueGetter: (p) => {
          const cell = valueCell(p.data, index);
          if (!cell) return null;
          const f = findingsRef.current.get(`${cell.row}\u0001${cell.col}`);
          const s = store.workbook.cell(tableId, cell.row, cell.col);
          if (f?.length) return f.map((x) => x.message).join('\n');
          if (s?.unknown) return '无法计算：它依赖的单元格里有无效数值';
          if (s?.derived && s.entered) return '保存的是自己的数值';
          return null;
        },
        tooltipComponent: FindingTooltip,
        tooltipComponentParams: { store, tableId, valueCell: (row: GridRow) => valueCell(row, index) },
      };
    };
    const toDef = (node: HeaderNode): ColDef<GridRow> | ColGroupDef<GridRow> =>
      node.kind === 'leaf'
        ? leaf(node.text, node.column.index)
        : {
            headerName: node.text,
            headerClass: 'gk-head gk-group',
            marryChildren: true,
            children: node.children.map(toDef),
          };
    return model.header.map(toDef);

    function spanOf(row: GridRow | undefined, index: number): number {
      if (!row) return 1;
      if (row.columnNo) return Math.max(1, row.columnNo[index]?.span ?? 1);
      const at = cellAt(model, row, index);
      return at ? Math.max(1, at.span) : 1;
    }

    function displayValue(row: GridRow | undefined, index: number): string {
      if (!row) return '';
      if (row.columnNo) return row.columnNo[index]?.text ?? '';
      const at = cellAt(model, row, index);
      if (!at) return '';
      const c = at.cell;
      if (c.kind === 'text') return c.text;
      if (c.kind !== 'value') return '';
      const s = store.workbook.cell(tableId, c.row, c.col);
      if (!s) return '';
      if (s.invalidText !== undefined) return s.invalidText;
      if (s.unknown) return '—';
      return formatAmount(s.value);
    }

    function cellClassRules(index: number): ColDef<GridRow>['cellClassRules'] {
      const kindOf = (p: CellClassParams<GridRow>) => {
        if (!p.data) return null;
        if (p.data.columnNo) return 'colno';
        const at = cellAt(model, p.data, index);
        return at?.cell.kind ?? null;
      };
      const stateOf = (p: CellClassParams<GridRow>) => {
        const cell = valueCell(p.data, index);
        return cell ? store.workbook.cell(tableId, cell.row, cell.col) : undefined;
      };
      const findingsOf = (p: CellClassParams<GridRow>) => {
        const cell = valueCell(p.data, index);
        return cell ? findingsRef.current.get(`${cell.row}\u0001${cell.col}`) : undefined;
      };
      return {
        'gk-colno': (p) => kindOf(p) === 'colno',
        'gk-num': (p) => kindOf(p) === 'value',
        'gk-text': (p) => kindOf(p) === 'text',
        'gk-blank': (p) => kindOf(p) === 'empty',
        'gk-linenum': () => model.columns[index]?.kind === 'lineNo',
        'gk-code': (p) => model.columns[index]?.kind === 'code' && kindOf(p) === 'text',
        'gk-derived': (p) => !!stateOf(p)?.derived,
        'gk-entered': (p) => {
          const s = stateOf(p);
          return !!s && !s.derived;
        },
        'gk-override': (p) => {
          const s = stateOf(p);
          return !!s && s.derived && s.entered;
        },
        'gk-invalid': (p) => stateOf(p)?.invalidText !== undefined,
        'gk-error': (p) => !!findingsOf(p)?.some((f) => f.severity === 'error'),
        'gk-warning': (p) => {
          const f = findingsOf(p);
          return !!f && f.length > 0 && f.every((x) => x.severity === 'warning');
        },
        'gk-selected': (p) =>
          !!p.data &&
          !p.data.columnNo &&
          rangeRef.current !== null &&
          !isSingle(rangeRef.current) &&
          inRange(rangeRef.current, p.data.index, index),
      };
    }
  }, [model, store, tableId, valueCell]);

  const refresh = useCallback(() => apiRef.current?.refreshCells({ force: false }), []);

  // Every change of the document re-reads values and marks of the rendered cells (a new selection refreshes itself).
  const { session } = store;
  const revision = session.revision;
  useEffect(() => {
    refresh();
  }, [session, revision, refresh]);

  const showStats = useCallback(() => {
    selectionStatsStore.set(selectionStats(modelRef.current, store.workbook, table, rangeRef.current));
  }, [store, table]);

  const setRange = useCallback(
    (range: Range | null) => {
      rangeRef.current = range;
      refresh();
      showStats();
    },
    [refresh, showStats],
  );
  // 求和/计数/平均 follow edits of the selected cells, and leave with the grid.
  useEffect(() => {
    showStats();
  }, [session, revision, showStats]);
  useEffect(() => () => selectionStatsStore.set(null), []);

  // Focus requests from 审核结果 and 查找 (also when they arrive before this grid has rendered).
  const focusRequest = store.focusRequest;
  const doneFocus = useRef(0);
  const applyFocusRequest = useCallback(() => {
    const api = apiRef.current;
    const request = store.focusRequest;
    if (!api || !request || request.cell.table !== tableId || doneFocus.current === request.seq) return;
    const pos = positionOf(modelRef.current, request.cell.row, request.cell.col);
    if (!pos) return;
    doneFocus.current = request.seq;
    api.ensureIndexVisible(pos.row, 'middle');
    api.ensureColumnVisible(`g${pos.col}`);
    // AG Grid moves the keyboard focus onto the cell; 查找 gives it back so Enter finds the next hit and typing
    // corrects the query instead of overwriting the found cell.
    const keep = request.keepFocus ? document.activeElement : null;
    api.setFocusedCell(pos.row, `g${pos.col}`);
    setRange({ anchor: pos, focus: pos });
    if (keep instanceof HTMLElement && keep !== document.activeElement) keep.focus();
  }, [store, tableId, setRange]);
  useEffect(() => {
    applyFocusRequest();
  }, [focusRequest, applyFocusRequest]);

  const focused = (): GridPos | null => {
    const f = apiRef.current?.getFocusedCell();
    if (!f || f.rowPinned) return null;
    return { row: f.rowIndex, col: colIndex(f.column.getColId()) };
  };
  const currentRange = (): Range | null => {
    const pos = focused();
    const r = rangeRef.current;
    // The focused cell is Excel's active cell: after a drag or Ctrl+A it stays where it was, inside the range.
    if (r && pos && inRange(r, pos.row, pos.col)) return r;
    // No body cell has the focus (a header was clicked): there is nothing to act on.
    return pos ? { anchor: pos, focus: pos } : null;
  };

  const handle = useMemo<GridHandle>(
    () => ({
      async copy() {
        const range = currentRange();
        if (!range) return;
        const text = toTsv(copyText(modelRef.current, store.workbook, table, range));
        await writeClipboard(text);
        store.notify('info', `已复制 ${text.split('\n').length} 行`);
      },
      async paste(given?: string, options: { readonly byAccelerator?: boolean } = {}) {
        // In Electron one Ctrl+V can raise both the page's paste event and the menu's command: paste once.
        if (options.byAccelerator && keyPaste.current.handled) {
          keyPaste.current = { handled: false };
          return;
        }
        const range = currentRange();
        if (!range) {
          store.notify('warning', '请先选中要粘贴到的单元格。');
          return;
        }
        const text = given ?? (await readClipboard());
        if (text === null) {
          store.notify('error', '无法读取剪贴板，请用 Ctrl+V 粘贴。');
          return;
        }
        const block = parseTsv(text);
        // Lines starting with 科目编码 pasted on the 编码/名称 column of a classification table go in by code: the
        // rows are created (with their 类/款) and filled whatever their order. Figures pasted on figures stay positional.
        const left = Math.min(range.anchor.col, range.focus.col);
        if (
          table.template.kind === 'classification' &&
          modelRef.current.columns[left]?.kind !== 'value' &&
          block.some((cells, i) => readCodeLine(cells, i + 1) !== null)
        ) {
          applyRowsByCode(store, table.template, block);
          return;
        }
        const plan = planPaste(modelRef.current, store.workbook, table, range, block);
        if (plan.edits.length > 0)
          store.apply({ type: 'setCells', table: tableId, cells: plan.edits }, '粘贴');
        const details: string[] = [];
        if (plan.onDerived.length > 0) {
          details.push(
            `${plan.onDerived.length} 个值填入计算单元格，作为填报数保留并与公式核对（右上角三角；“采用计算值”可改回公式）：${plan.onDerived.slice(0, 6).join('；')}${plan.onDerived.length > 6 ? ' …' : ''}`,
          );
        }
        if (plan.onText > 0) details.push(`${plan.onText} 个值落在项目名称、行次或空白处，未粘贴`);
        if (plan.outside > 0) details.push(`${plan.outside} 个值超出了表格范围，未粘贴`);
        store.notify(
          plan.onText > 0 || plan.outside > 0 ? 'warning' : 'info',
          `已粘贴 ${plan.edits.length} 个单元格`,
          details,
        );
      },
      fillDown() {
        const range = currentRange();
        if (!range) return;
        const r = normalise(range);
        const source = r.top === r.bottom ? r.top - 1 : r.top;
        if (source < 0) return;
        const from = { row: source, col: r.left };
        const line =
          copyText(modelRef.current, store.workbook, table, {
            anchor: from,
            focus: { row: source, col: r.right },
          })[0] ?? [];
        const target = { anchor: { row: source + 1, col: r.left }, focus: { row: r.bottom, col: r.right } };
        const block = Array.from({ length: r.bottom - source }, () => line);
        const plan = planPaste(modelRef.current, store.workbook, table, target, block);
        if (plan.edits.length === 0) {
          store.notify('info', '没有可以向下填充的单元格。');
          return;
        }
        store.apply({ type: 'setCells', table: tableId, cells: plan.edits }, '向下填充');
      },
      focusedRows() {
        const pos = focused();
        return pos ? (modelRef.current.rows[pos.row]?.layout?.rows ?? []) : [];
      },
      clear() {
        const range = currentRange();
        if (!range) return;
        const edits = planClear(modelRef.current, store.workbook, table, range);
        if (edits.length > 0) store.apply({ type: 'setCells', table: tableId, cells: edits }, '清除');
        else if (isSingle(range) && isComputed(range.focus)) store.notify('info', COMPUTED_CELL_NOTICE);
      },
    }),
    [store, table, tableId],
  );

  useEffect(() => {
    onReady(handle);
    return () => onReady(null);
  }, [handle, onReady]);

  // Excel habits the Community grid does not have: shift+arrows extend, Delete clears, Ctrl+C/V copy and paste.
  const onKeyDownCapture = (e: React.KeyboardEvent) => {
    extendingRef.current = e.shiftKey && EXTENDING_KEYS.test(e.key);
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
    const mod = e.ctrlKey || e.metaKey;
    const pos = focused();
    const model = modelRef.current;
    const last = { row: model.rows.length - 1, col: model.columns.length - 1 };
    // A new Ctrl+V: whether its paste event comes is not known yet.
    if (mod && e.key.toLowerCase() === 'v') keyPaste.current = { handled: false };
    const take = () => {
      e.preventDefault();
      e.stopPropagation();
    };
    if (mod && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'd') {
      // Ctrl+D: fill down, as in Excel (one row selected: from the row above).
      take();
      handle.fillDown();
    } else if (mod && e.key.toLowerCase() === 'c') {
      e.preventDefault();
      void handle.copy();
    } else if (e.key === 'Delete') {
      // Delete clears the selection; Backspace, as in Excel, empties the active cell and starts editing it (the
      // grid's own behaviour).
      take();
      handle.clear();
    } else if (mod && e.key.toLowerCase() === 'a' && pos && last.row >= 0) {
      take();
      setRange({ anchor: { row: 0, col: 0 }, focus: last });
    } else if (mod && !e.altKey && pos && e.key in ARROW_STEPS) {
      // Ctrl+arrow: to the edge of the figures in that direction, as Excel goes (not to the table's last row).
      take();
      goTo(dataEdge(pos, ARROW_STEPS[e.key] as [number, number], last), e.shiftKey);
    } else if ((e.key === 'Home' || e.key === 'End') && pos) {
      // Home/End: the row's first or last cell; with Ctrl, the table's first or last; with Shift, extending.
      take();
      const home = e.key === 'Home';
      const to = mod ? (home ? { row: 0, col: 0 } : last) : { row: pos.row, col: home ? 0 : last.col };
      goTo(to, e.shiftKey);
    }
  };

  const goTo = (target: GridPos, extend: boolean) => {
    const api = apiRef.current;
    const model = modelRef.current;
    if (!api) return;
    // A cell covered by a merged one (the blank blocks of 公开06表) is not rendered: go to where the merge starts.
    let col = target.col;
    const row = model.rows[target.row];
    while (row && col > 0 && cellAt(model, row, col)?.span === 0) col--;
    const to = { row: target.row, col };
    const r = rangeRef.current;
    setRange(extend && r ? { anchor: r.anchor, focus: to } : { anchor: to, focus: to });
    api.ensureIndexVisible(to.row);
    api.ensureColumnVisible(`g${to.col}`);
    api.setFocusedCell(to.row, `g${to.col}`);
  };

  /**
   * Excel's Ctrl+arrow: from a filled cell with a filled neighbour, to the last filled one before a gap; otherwise to
   * the next filled cell, or to the table's edge when there is none.
   */
  const dataEdge = (from: GridPos, [dr, dc]: [number, number], last: GridPos): GridPos => {
    const inside = (p: GridPos) => p.row >= 0 && p.col >= 0 && p.row <= last.row && p.col <= last.col;
    const filled = (p: GridPos) =>
      copyText(modelRef.current, store.workbook, table, { anchor: p, focus: p })[0]?.[0] !== '';
    const step = (p: GridPos) => ({ row: p.row + dr, col: p.col + dc });
    let at = from;
    let next = step(at);
    if (!inside(next)) return at;
    if (filled(at) && filled(next)) {
      while (inside(next) && filled(next)) [at, next] = [next, step(next)];
      return at;
    }
    while (inside(next)) {
      at = next;
      if (filled(at)) return at;
      next = step(at);
    }
    return at;
  };

  /** A value the rules compute and the user has not overridden: Delete has nothing to clear. */
  const isComputed = (pos: GridPos) => {
    const cell = valueCell(modelRef.current.rows[pos.row], pos.col);
    const state = cell ? store.workbook.cell(tableId, cell.row, cell.col) : undefined;
    return !!state && state.derived && !state.entered;
  };

  const onPaste = (e: React.ClipboardEvent) => {
    const api = apiRef.current;
    if (!api || api.getEditingCells().length > 0) return;
    e.preventDefault();
    keyPaste.current = { handled: true };
    void handle.paste(e.clipboardData.getData('text/plain'));
  };

  const onGridReady = useCallback((e: GridReadyEvent<GridRow>) => {
    apiRef.current = e.api;
  }, []);
  const onGridPreDestroyed = useCallback(() => {
    apiRef.current = null;
  }, []);

  const navigateToNextCell = useCallback(
    (p: NavigateToNextCellParams<GridRow>): CellPosition | null => {
      const next = p.nextCellPosition;
      if (!next) return null;
      if (next.rowPinned) return next;
      const pos = { row: next.rowIndex, col: colIndex(next.column.getColId()) };
      if (extendingRef.current && rangeRef.current) setRange({ anchor: rangeRef.current.anchor, focus: pos });
      else setRange({ anchor: pos, focus: pos });
      return next;
    },
    [setRange],
  );

  // A cell editor holding typed text counts as an unsaved change, and is committed before a save, an export or
  // opening another file (Ctrl+S from the keyboard does not take the focus out of the editor as a click would).
  const heldEdit = useRef<(() => void) | null>(null);
  const releaseEdit = useCallback(() => {
    const release = heldEdit.current;
    heldEdit.current = null;
    release?.();
  }, []);
  const holdOpenEditor = () => {
    const api = apiRef.current;
    if (heldEdit.current || !api || api.getEditingCells().length === 0) return;
    heldEdit.current = store.holdPendingEdit(() => {
      releaseEdit();
      api.stopEditing();
    });
  };
  const onCellEditingStopped = useCallback(() => {
    // The event comes a task late: another cell's editor may already be open by then.
    if ((apiRef.current?.getEditingCells().length ?? 0) === 0) releaseEdit();
  }, [releaseEdit]);
  useEffect(() => releaseEdit, [releaseEdit]);

  // The range follows the focused cell through the DOM's focusin, which AG Grid's key handlers cause synchronously
  // (Enter, Tab, Home, Ctrl+arrows, a click): its own cellFocused event comes a task later, after quicker keys.
  const onFocus = (e: React.FocusEvent) => {
    const pos = cellUnder(e.target);
    const r = rangeRef.current;
    if (!pos || draggingRef.current) return;
    // The window got the focus back (from Excel, another page): the selection stays as it was.
    if (r && e.relatedTarget === null && inRange(r, pos.row, pos.col)) return;
    if (r && (samePos(r.focus, pos) || (samePos(r.anchor, pos) && !extendingRef.current))) return;
    if (extendingRef.current && r) setRange({ anchor: r.anchor, focus: pos });
    else setRange({ anchor: pos, focus: pos });
  };

  // Mouse selection reads the native events, which run in order with the keys; AG Grid's own cell mouse events come
  // a task later, after a quick Shift+arrow or after the mouseup that ends the drag.
  const onMouseDown = (e: React.MouseEvent) => {
    // A click inside an open editor places the caret (or drags text); it selects no cells.
    if (e.target instanceof Element && e.target.closest('.ag-cell-inline-editing')) return;
    const pos = e.button === 0 ? cellUnder(e.target) : null;
    if (!pos) return;
    draggingRef.current = true;
    if (e.shiftKey && rangeRef.current) setRange({ anchor: rangeRef.current.anchor, focus: pos });
    else setRange({ anchor: pos, focus: pos });
    const up = () => {
      draggingRef.current = false;
      window.removeEventListener('mouseup', up);
    };
    window.addEventListener('mouseup', up);
  };

  const onMouseOver = (e: React.MouseEvent) => {
    const r = rangeRef.current;
    if (!draggingRef.current || !r) return;
    // The button came up where no mouseup reached us (a drag and drop): the drag is over.
    if ((e.buttons & 1) === 0) {
      draggingRef.current = false;
      return;
    }
    const pos = cellUnder(e.target);
    if (pos && !samePos(r.focus, pos)) setRange({ anchor: r.anchor, focus: pos });
  };

  // The grid scrolls inside itself with its header rows pinned; it is as tall as its rows at most (a short table
  // ends like the paper form) and shrinks to the room the window leaves (see .gk-grid in app.css).
  const containerRef = useRef<HTMLDivElement>(null);
  const naturalHeight = useNaturalGridHeight(containerRef, model.rows.length, ROW_HEIGHT);
  // A short table keeps all its rows in the DOM (as when it grew with the page); a long one renders what is in view.
  const short = model.rows.length <= 80;

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
        if (e.key.length === 1 || e.key === 'Backspace') holdOpenEditor();
      }}
      onInput={holdOpenEditor}
      onPaste={onPaste}
    >
      <AgGridReact<GridRow>
        theme={theme}
        rowBuffer={short ? model.rows.length : undefined}
        autoSizeStrategy={AUTO_SIZE}
        onRowDataUpdated={fitWidth}
        onGridSizeChanged={fitWidth}
        rowData={model.rows as GridRow[]}
        pinnedTopRowData={model.columnNoRow ? [model.columnNoRow] : undefined}
        columnDefs={columnDefs}
        getRowId={getRowId}
        getRowClass={getRowClass}
        suppressCellFocus={false}
        enterNavigatesVertically
        enterNavigatesVerticallyAfterEdit
        stopEditingWhenCellsLoseFocus
        suppressRowHoverHighlight={false}
        tooltipShowDelay={350}
        tooltipHideDelay={60_000}
        tooltipInteraction
        navigateToNextCell={navigateToNextCell}
        onCellEditingStopped={onCellEditingStopped}
        defaultColDef={DEFAULT_COL_DEF}
        onGridReady={onGridReady}
        onFirstDataRendered={applyFocusRequest}
        onGridPreDestroyed={onGridPreDestroyed}
        localeText={AG_GRID_LOCALE_ZH}
        overlayNoRowsTemplate="本表没有数据行"
      />
    </div>
  );
}

async function writeClipboard(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    document.body.append(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  }
}

async function readClipboard(): Promise<string | null> {
  try {
    return await navigator.clipboard.readText();
  } catch {
    return null;
  }
}

const AUTO_SIZE = { type: 'fitGridWidth' as const };

/** The columns fill the grid's width again after rows change (a 科目 added or undone) or the window resizes. */
const fitWidth = (e: { readonly api: GridApi<GridRow> }) => e.api.sizeColumnsToFit();

const COMPUTED_CELL_NOTICE = '这是计算单元格（灰底），显示公式算出的数值，没有可清除的填报数。';

/** Ctrl+arrow directions as [row, column] steps. */
const ARROW_STEPS: Record<string, [number, number]> = {
  ArrowDown: [1, 0],
  ArrowUp: [-1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

/** With Shift, these keys extend the selection (Shift+Tab and Shift+Enter move backwards instead). */
const EXTENDING_KEYS = /^(?:Arrow|Home$|End$|Page)/;

const DEFAULT_COL_DEF: ColDef<GridRow> = {
  // Keys the wrapper handles Excel's way: Delete clears the selection, Home/End, Ctrl+A select.
  suppressKeyboardEvent: (p: SuppressKeyboardEventParams<GridRow>) =>
    !p.editing &&
    (['Delete', 'Home', 'End'].includes(p.event.key) ||
      ((p.event.ctrlKey || p.event.metaKey) &&
        (['a', 'd'].includes(p.event.key.toLowerCase()) ||
          p.event.key in ARROW_STEPS ||
          p.event.key === 'PageUp' ||
          p.event.key === 'PageDown'))),
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
