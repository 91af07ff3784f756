import { ActionButton } from '../actions/ActionButton';
import { useMemo, useState } from 'react';
import { addRowByCode } from '../../src-core';
import { importRowsFromExcel } from '../grid/rows-by-code';
import { useEditorStore, useHost, useStoreSelector } from '../state/use-store';
import type { GridHandle } from '../grid/TableGrid';
import { applyRowsByCode } from '../grid/rows-by-code';
import { parseTsv } from '../grid/clipboard';
import { countRender } from '../state/render-counts';

/** Classification tables: add a row by its 科目编码 (parents inserted, name from the catalog), delete rows. */
export function AddRowBar({ tableId, grid }: { tableId: string; grid: GridHandle | null }) {
  countRender('AddRowBar');
  const store = useEditorStore();
  const host = useHost();
  // The catalog it suggests from changes with the profile or the custom 科目, not with the figures.
  useStoreSelector((s) => [s.session, s.document.catalog]);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [needName, setNeedName] = useState(false);
  const catalog = useMemo(
    () => store.session.formSet.catalog.withCustom(store.document.catalog),
    [store.session.formSet, store.document.catalog],
  );
  const suggestions = catalog.search(code, 30);

  /** The code typed, or the one 科目 whose name was typed (事业运行 is under many 款: then the user chooses). */
  const resolveCode = (): string | null => {
    const typed = code.trim();
    if (typed === '' || /^\d+$/.test(typed)) return typed;
    const hits = catalog.search(typed, 200);
    const exact = hits.filter((h) => h.name === typed);
    const only =
      exact.length === 1 ? exact[0] : exact.length === 0 && hits.length === 1 ? hits[0] : undefined;
    if (only) return only.code;
    store.notify(
      'warning',
      hits.length === 0
        ? `目录里没有名称含“${typed}”的科目，请输入科目编码。`
        : `名称含“${typed}”的科目有 ${hits.length} 个，请从下拉列表中选一个，或输入编码。`,
      hits.slice(0, 8).map((h) => `${h.code} ${h.name}`),
    );
    return null;
  };

  const add = () => {
    const resolved = resolveCode();
    if (resolved === null) return;
    const command = addRowByCode(
      store.session.formSet,
      store.document,
      tableId,
      resolved,
      needName ? name : undefined,
    );
    if (!command.ok) {
      if ('needsName' in command && command.needsName) setNeedName(true);
      store.notify('warning', command.message);
      return;
    }
    store.apply(command.operation, command.label);
    for (const notice of command.notices) store.notify(notice.level, notice.text, [...notice.details]);
    store.focusCell({
      table: tableId,
      row: command.target.code,
      col: store.workbook.rows(tableId)[0]?.columns[1] ?? '1',
    });
    setCode('');
    setName('');
    setNeedName(false);
  };

  const remove = async () => {
    const rows = (grid?.focusedRows() ?? []).filter((r) => /^\d+$/.test(r));
    if (rows.length === 0) {
      store.notify('warning', '请先点选要删除的科目行（合计行不能删除）。');
      return;
    }
    const code = rows[0] as string;
    const below = (store.document.tables[tableId]?.rows ?? []).filter(
      (r) => r.code.startsWith(code) && r.code !== code,
    ).length;
    const text = below > 0 ? `删除科目 ${code} 及其下级 ${below} 行？` : `删除科目 ${code}？`;
    const choice = await store.ask('删除科目', `${text}\n（可以用“撤销”恢复）`, [
      { id: 'delete', label: '删除', primary: true },
      { id: 'cancel', label: '取消' },
    ]);
    if (choice !== 'delete') return;
    store.apply({ type: 'deleteRows', table: tableId, codes: [code] }, '删除科目');
    store.notify('info', `已删除科目 ${code}${below > 0 ? ` 及其下级 ${below} 行` : ''}`);
  };

  return (
    <div className="gk-rowbar">
      <label>
        添加科目编码
        <input
          value={code}
          list={`catalog-${tableId}`}
          placeholder="如 2013350 或 事业运行；可粘贴多行"
          data-testid="add-code"
          onChange={(e) => {
            setCode(e.target.value.replace(/\s.*$/, ''));
            setNeedName(false);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') add();
          }}
          onPaste={(e) => {
            // Several lines (codes, with names and amounts or not): all of them, by code, as one step.
            const text = e.clipboardData.getData('text/plain');
            if (!/\n./.test(text.trim())) return;
            e.preventDefault();
            if (applyRowsByCode(store, tableId, parseTsv(text))) setCode('');
          }}
        />
      </label>
      <datalist id={`catalog-${tableId}`}>
        {suggestions.map((s) => (
          <option key={s.code} value={s.code}>
            {s.name}
          </option>
        ))}
      </datalist>
      {needName && (
        <label>
          科目名称
          <input
            value={name}
            placeholder="目录里没有，请填写名称"
            data-testid="add-name"
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') add();
            }}
          />
        </label>
      )}
      <span className="gk-rowbar-name">{catalog.nameOf(code.trim()) ?? ''}</span>
      <ActionButton action="addRows" className="gk-button" onPerform={add} data-testid="add-row">
        添加
      </ActionButton>
      <ActionButton
        action="importRows"
        className="gk-button gk-secondary"
        onPerform={() => void store.runBusy('从Excel导入行', () => importRowsFromExcel(store, host, tableId))}
        data-testid="import-rows"
      >
        从Excel导入行…
      </ActionButton>
      <ActionButton
        action="deleteRows"
        className="gk-button gk-secondary"
        onPerform={() => void remove()}
        data-testid="delete-row"
      >
        删除所在科目行
      </ActionButton>
    </div>
  );
}
