import type { GridHandle } from '../grid/TableGrid';
import { TableGrid } from '../grid/TableGrid';
import { useStore } from '../state/use-store';
import { AddRowBar } from './AddRowBar';

/** One table as on paper: title block, the grid, the 注 lines under it. */
export function TablePage({
  tableId,
  onGrid,
  grid,
}: {
  tableId: string;
  onGrid: (h: GridHandle | null) => void;
  grid: GridHandle | null;
}) {
  const store = useStore();
  const template = store.session.formSet.tableById.get(tableId);
  if (!template) return null;
  const unit = store.document.unit;
  const note = store.document.tables[tableId]?.note;
  return (
    <div className="gk-page" data-testid={`page-${tableId}`}>
      <div className="gk-title-block">
        <h1>
          {unit.year}年度{template.title}
        </h1>
        <div className="gk-title-meta">
          <span>部门：{unit.name || '（未填单位名称）'}</span>
          <span className="gk-code-tag">{template.code}</span>
          <span>金额单位：{unit.moneyUnit}</span>
        </div>
      </div>
      {template.kind === 'classification' && <AddRowBar tableId={tableId} grid={grid} />}
      <TableGrid key={tableId} store={store} tableId={tableId} onReady={onGrid} />
      <div className="gk-notes">
        {template.notes.map((n, i) => (
          <p key={i}>{n}</p>
        ))}
        {note && <p className="gk-empty-reason">{note}</p>}
      </div>
    </div>
  );
}
