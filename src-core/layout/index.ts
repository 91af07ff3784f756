export { tableLayout, type LayoutCell, type LayoutRow, type TableLayout } from './table-layout';
