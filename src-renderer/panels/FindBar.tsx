import { ActionButton } from '../actions/ActionButton';
import { useEffect, useMemo, useRef, useState } from 'react';
import { formatAmount, locationText, parseAmount, type CellAddress } from '../../src-core';
import { useActions } from '../actions/action-runner';
import { useEditorStore, useStoreSelector } from '../state/use-store';
import type { EditorStore } from '../state/editor-store';
import { countRender } from '../state/render-counts';

interface Hit {
  readonly cell: CellAddress;
  readonly where: string;
}

/** 查找 (Ctrl+F): a 科目 by code or name, or an amount, across all nine tables. */
export function FindBar() {
  countRender('FindBar');
  const store = useEditorStore();
  // Closed, it waits for Ctrl+F; open, it searches again when the document changes.
  useStoreSelector((s) => [
    s.findOpen,
    s.findSeq,
    s.findOpen ? s.session : null,
    s.findOpen ? s.session.revision : 0,
  ]);
  const actions = useActions();
  const input = useRef<HTMLInputElement>(null);
  // The bar keeps its text while closed; each Ctrl+F gives it the focus with that text selected, so typing
  // replaces it and Enter searches it again.
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(0);
  // The first Enter goes to the first hit; each further Enter to the next one.
  const [visited, setVisited] = useState(false);
  // Searched again when the document changes, not on every repaint (a jump to a hit is one).
  const { session } = store;
  const revision = session.revision;
  const hits = useMemo(
    () => (store.findOpen ? search(store, query.trim()) : []),
    [store, store.findOpen, session, revision, query],
  );
  const { findOpen, findSeq } = store;
  useEffect(() => {
    if (!findOpen) return;
    input.current?.focus();
    input.current?.select();
  }, [findOpen, findSeq]);
  if (!findOpen) return null;
  const go = (i: number) => {
    if (hits.length === 0) return;
    const k = ((i % hits.length) + hits.length) % hits.length;
    setIndex(k);
    setVisited(true);
    store.focusCell((hits[k] as Hit).cell, { keepFocus: true });
  };
  return (
    <div className="gk-findbar" role="search">
      <input
        ref={input}
        value={query}
        placeholder="查找科目编码、名称或金额"
        data-testid="find-input"
        onChange={(e) => {
          setQuery(e.target.value);
          setIndex(0);
          setVisited(false);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') go(e.shiftKey ? index - 1 : visited ? index + 1 : index);
          // Esc closes the bar and gives the keyboard back to the grid, at the cell found last.
          else if (!e.nativeEvent.isComposing) actions.runKey(e, 'find');
        }}
      />
      <span className="gk-find-count" data-testid="find-count">
        {query.trim() === '' ? '' : hits.length === 0 ? '没有找到' : `${index + 1} / ${hits.length}`}
      </span>
      <ActionButton
        action="findPrevious"
        className="gk-button gk-small"
        onPerform={() => go(index - 1)}
        disabled={hits.length === 0}
      >
        上一个
      </ActionButton>
      <ActionButton
        action="findNext"
        className="gk-button gk-small"
        onPerform={() => go(index + 1)}
        disabled={hits.length === 0}
      >
        下一个
      </ActionButton>
      {hits[index] && <span className="gk-find-where">{hits[index].where}</span>}
      <ActionButton action="closeFind" className="gk-link" title="关闭查找">
        ✕
      </ActionButton>
    </div>
  );
}

function search(store: EditorStore, q: string): Hit[] {
  if (q === '') return [];
  const hits: Hit[] = [];
  const amount = parseAmount(q);
  const wanted = amount.ok && amount.value !== null ? amount.value : null;
  for (const [tableId, table] of store.workbook.tables) {
    for (const row of table.rows) {
      const first = row.columns[0];
      if (first !== undefined && (row.code?.startsWith(q) || (row.label !== '' && row.label.includes(q)))) {
        hits.push({
          cell: { table: tableId, row: row.key, col: first },
          where: locationText(table, row, first),
        });
        continue;
      }
      for (const col of row.columns) {
        const s = store.workbook.cell(tableId, row.key, col);
        const v = s?.value;
        const match = wanted ? v?.eq(wanted) : v ? formatAmount(v).includes(q) : s?.invalidText?.includes(q);
        if (match)
          hits.push({ cell: { table: tableId, row: row.key, col }, where: locationText(table, row, col) });
      }
    }
  }
  return hits;
}
