import { useEffect, useState } from 'react';
import { isEmptyTable, titleBlockOf } from '../../src-core';
import type { GridHandle } from '../grid/TableGrid';
import { TableGrid } from '../grid/TableGrid';
import { useEditorStore, useStoreSelector } from '../state/use-store';
import { AddRowBar } from './AddRowBar';
import { countRender } from '../state/render-counts';

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
  countRender(`TablePage-${tableId}`);
  const store = useEditorStore();
  // The title block and the 说明 follow the unit, the table's note and whether it is empty; the grid redraws itself.
  const empty = useStoreSelector((s) => isEmptyTable(s.workbook, tableId));
  useStoreSelector((s) => [s.session, s.document.unit, s.document.tables[tableId]?.note]);
  const template = store.session.formSet.tableById.get(tableId);
  if (!template) return null;
  const unit = store.document.unit;
  // As the form prints it; an unnamed unit shows a visible gap rather than an empty name.
  const block = titleBlockOf(template, { ...unit, name: unit.name || '（未填单位名称）' });
  const note = store.document.tables[tableId]?.note;
  return (
    <div className="gk-page gk-table-page" data-testid={`page-${tableId}`}>
      <div className="gk-title-block">
        {block.heading !== undefined && (
          <div className="gk-title-heading" data-testid={`title-heading-${tableId}`}>
            {block.heading}
          </div>
        )}
        <h1>{block.title}</h1>
        <div className="gk-title-meta">
          <span>{block.department}</span>
          {block.code !== undefined && <span className="gk-code-tag">{block.code}</span>}
          <span>{block.moneyUnit}</span>
        </div>
      </div>
      {template.kind === 'classification' && <AddRowBar tableId={tableId} grid={grid} />}
      <TableGrid key={tableId} store={store} tableId={tableId} onReady={onGrid} />
      <div className="gk-notes">
        {template.notes.map((n, i) => (
          <p key={i}>{n}</p>
        ))}
      </div>
      {(note || empty) && <EmptyTableNote tableId={tableId} note={note ?? ''} empty={empty} />}
    </div>
  );
}

/** The 说明 an empty table must carry (本部门没有…，故本表无数据), printed under it in Excel and the PDF. */
function EmptyTableNote({ tableId, note, empty }: { tableId: string; note: string; empty: boolean }) {
  const store = useEditorStore();
  const [draft, setDraft] = useState(note);
  useEffect(() => setDraft(note), [note]);
  return (
    <div className={`gk-table-note${empty && !note.trim() ? ' gk-table-note-missing' : ''}`}>
      <label>
        说明{empty ? '（本表无数据，请说明原因）' : ''}
        <textarea
          value={draft}
          rows={2}
          data-testid={`note-${tableId}`}
          placeholder="如：本部门没有政府性基金预算财政拨款收入，也没有使用政府性基金预算财政拨款安排的支出，故本表无数据。"
          onChange={(e) => setDraft(e.target.value)}
          onBlur={() => {
            if (draft.trim() !== note.trim())
              store.apply({ type: 'setNote', table: tableId, note: draft.trim() || null }, '修改说明');
          }}
        />
      </label>
    </div>
  );
}
