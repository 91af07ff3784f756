import type {
  CellClassParams,
  ColDef,
  ColGroupDef,
  ColSpanParams,
  EditableCallbackParams,
  ValueGetterParams,
  ValueSetterParams,
} from 'ag-grid-community';
import { formatAmount, type CellState, type Finding } from '../../src-core';
import { cellAt, type GridModel, type GridRow, type HeaderNode } from './grid-model';
import { PortalTooltip, type TooltipHost } from './portal-tooltip';
import { inRange, isSingle, type Range } from './selection';
import type { EditorStore } from '../state/editor-store';

/** A value cell of the table (its logical row and column). */
export interface ValueCellRef {
  readonly kind: 'value';
  readonly row: string;
  readonly col: string;
}

/** What the column definitions read while the grid draws: the live engine, the findings, the selection. */
export interface ColumnSource {
  readonly store: EditorStore;
  readonly tableId: string;
  /** The findings on this table's cells by `row\u0001col` (kept current by TableGrid). */
  findingsAt(row: string, col: string): readonly Finding[] | undefined;
  /** The selection as drawn (a single cell is not marked: AG Grid's focus ring shows it). */
  range(): Range | null;
  /** Draws a marked cell's tooltip (FindingTooltip) into the element the grid opens for it. */
  readonly tooltipHost: TooltipHost<GridRow>;
}

/** The value cell under a grid row and column, or null for labels, blanks and the 栏次 row. */
export function valueCellOf(model: GridModel, row: GridRow | undefined, col: number): ValueCellRef | null {
  if (!row) return null;
  const at = cellAt(model, row, col);
  return at && at.cell.kind === 'value' ? at.cell : null;
}

/**
 * The AG Grid column definitions of a table's grid model: the header tree (groups over leaves), each leaf's value,
 * span, editability, CSS classes and tooltip. Built once per model; the values are read live from the engine.
 */
export function columnDefs(
  model: GridModel,
  source: ColumnSource,
): (ColDef<GridRow> | ColGroupDef<GridRow>)[] {
  const { store, tableId } = source;
  const stateAt = (row: GridRow | undefined, index: number): CellState | undefined => {
    const cell = valueCellOf(model, row, index);
    return cell ? store.workbook.cell(tableId, cell.row, cell.col) : undefined;
  };
  const findingsAt = (row: GridRow | undefined, index: number) => {
    const cell = valueCellOf(model, row, index);
    return cell ? source.findingsAt(cell.row, cell.col) : undefined;
  };

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
        const cell = valueCellOf(model, p.data, index);
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
      editable: (p: EditableCallbackParams<GridRow>) => !!valueCellOf(model, p.data, index),
      cellClassRules: cellClassRules(index),
      tooltipValueGetter: (p) => {
        const f = findingsAt(p.data, index);
        const s = stateAt(p.data, index);
        if (f?.length) return f.map((x) => x.message).join('\n');
        if (s?.unknown) return '无法计算：它依赖的单元格里有无效数值';
        if (s?.derived && s.entered) return '保存的是自己的数值';
        return null;
      },
      tooltipComponent: PortalTooltip,
      tooltipComponentParams: {
        host: source.tooltipHost,
        store,
        tableId,
        valueCell: (row: GridRow) => valueCellOf(model, row, index),
      },
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
      return cellAt(model, p.data, index)?.cell.kind ?? null;
    };
    return {
      'gk-colno': (p) => kindOf(p) === 'colno',
      'gk-num': (p) => kindOf(p) === 'value',
      'gk-text': (p) => kindOf(p) === 'text',
      'gk-blank': (p) => kindOf(p) === 'empty',
      'gk-linenum': () => model.columns[index]?.kind === 'lineNo',
      'gk-code': (p) => model.columns[index]?.kind === 'code' && kindOf(p) === 'text',
      'gk-derived': (p) => !!stateAt(p.data, index)?.derived,
      'gk-entered': (p) => {
        const s = stateAt(p.data, index);
        return !!s && !s.derived;
      },
      'gk-override': (p) => {
        const s = stateAt(p.data, index);
        return !!s && s.derived && s.entered;
      },
      'gk-invalid': (p) => stateAt(p.data, index)?.invalidText !== undefined,
      'gk-error': (p) => !!findingsAt(p.data, index)?.some((f) => f.severity === 'error'),
      'gk-warning': (p) => {
        const f = findingsAt(p.data, index);
        return !!f && f.length > 0 && f.every((x) => x.severity === 'warning');
      },
      'gk-selected': (p) => {
        const range = source.range();
        return (
          !!p.data &&
          !p.data.columnNo &&
          range !== null &&
          !isSingle(range) &&
          inRange(range, p.data.index, index)
        );
      },
    };
  }
}
