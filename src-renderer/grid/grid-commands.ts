import { readCodeLine, type TableModel } from '../../src-core';
import type { EditorStore } from '../state/editor-store';
import { parseTsv, toTsv } from './clipboard';
import { copyText, planClear, planGridPaste } from './grid-actions';
import type { GridHandle } from './grid-handle';
import type { GridModel } from './grid-model';
import { applyRowsByCode } from './rows-by-code';
import { isSingle, normalise, type GridPos } from './selection';
import type { SelectionController } from './selection-controller';
import { readClipboard, writeClipboard } from './system-clipboard';
import { valueCellOf } from './column-defs';

/** What the grid's commands act on: the table, its grid model, the selection and the grid's focus. */
export interface GridCommandDeps {
  readonly store: EditorStore;
  readonly table: TableModel;
  model(): GridModel;
  readonly selection: SelectionController;
  /** The focused body cell (Excel's active cell), or null. */
  focused(): GridPos | null;
  /** Shows and focuses a cell. */
  reveal(pos: GridPos): void;
  /** Gives the keyboard back to the grid at its active cell. */
  focus(): void;
  /** Whether the page's paste event has already handled the latest Ctrl+V (reset by the grid's key handler). */
  readonly keyPaste: { handled: boolean };
}

const COMPUTED_CELL_NOTICE = '这是计算单元格（灰底），显示公式算出的数值，没有可清除的填报数。';

/**
 * The grid's half of the action registry: copy, paste, fill down, clear, select all and the movement keys on the
 * table shown, each deciding through src-core's commands and applying one undoable step.
 */
export function createGridCommands(deps: GridCommandDeps): GridHandle {
  const { store, table, selection } = deps;
  const tableId = table.id;
  const acting = () => selection.actingRange(deps.focused());

  /** A value the rules compute and the user has not overridden: Delete has nothing to clear. */
  const isComputed = (pos: GridPos) => {
    const cell = valueCellOf(deps.model(), deps.model().rows[pos.row], pos.col);
    const state = cell ? store.workbook.cell(tableId, cell.row, cell.col) : undefined;
    return !!state && state.derived && !state.entered;
  };

  return {
    async copy() {
      const range = acting();
      if (!range) return;
      const text = toTsv(copyText(deps.model(), store.workbook, table, range));
      await writeClipboard(text);
      store.notify('info', `已复制 ${text.split('\n').length} 行`);
    },
    async paste(given, options = {}) {
      // In Electron one Ctrl+V can raise both the page's paste event and the menu's command: paste once.
      if (options.byAccelerator && deps.keyPaste.handled) {
        deps.keyPaste.handled = false;
        return;
      }
      const range = acting();
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
      const model = deps.model();
      // Lines starting with 科目编码 pasted on the 编码/名称 column of a classification table go in by code: the
      // rows are created (with their 类/款) and filled whatever their order. Figures pasted on figures stay positional.
      const left = Math.min(range.anchor.col, range.focus.col);
      if (
        table.template.kind === 'classification' &&
        model.columns[left]?.kind !== 'value' &&
        block.some((cells, i) => readCodeLine(cells, i + 1) !== null)
      ) {
        applyRowsByCode(store, tableId, block);
        return;
      }
      const plan = planGridPaste(model, store.workbook, table, range, block);
      if (plan.edits.length > 0) store.apply({ type: 'setCells', table: tableId, cells: plan.edits }, '粘贴');
      store.notify(plan.notice.level, plan.notice.text, plan.notice.details);
    },
    fillDown() {
      const range = acting();
      if (!range) return;
      const model = deps.model();
      const r = normalise(range);
      const source = r.top === r.bottom ? r.top - 1 : r.top;
      if (source < 0) return;
      const line =
        copyText(model, store.workbook, table, {
          anchor: { row: source, col: r.left },
          focus: { row: source, col: r.right },
        })[0] ?? [];
      const target = { anchor: { row: source + 1, col: r.left }, focus: { row: r.bottom, col: r.right } };
      const block = Array.from({ length: r.bottom - source }, () => line);
      const plan = planGridPaste(model, store.workbook, table, target, block);
      if (plan.edits.length === 0) {
        store.notify('info', '没有可以向下填充的单元格。');
        return;
      }
      store.apply({ type: 'setCells', table: tableId, cells: plan.edits }, '向下填充');
    },
    selectAll() {
      selection.selectAll();
    },
    move(move, key, extend) {
      const from = deps.focused();
      if (!from) return;
      const to = selection.move(move, key, from, extend);
      if (to) deps.reveal(to);
    },
    focus() {
      deps.focus();
    },
    focusedRows() {
      const pos = deps.focused();
      return pos ? (deps.model().rows[pos.row]?.layout?.rows ?? []) : [];
    },
    clear() {
      const range = acting();
      if (!range) return;
      const edits = planClear(deps.model(), store.workbook, table, range);
      if (edits.length > 0) store.apply({ type: 'setCells', table: tableId, cells: edits }, '清除');
      else if (isSingle(range) && isComputed(range.focus)) store.notify('info', COMPUTED_CELL_NOTICE);
    },
  };
}
