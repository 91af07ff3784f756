import { ActionButton } from '../actions/ActionButton';
import { useEffect, useReducer, useRef, useState } from 'react';
import {
  formatExact,
  formSetFor,
  readDocument,
  writeDocument,
  Decimal,
  FINDING_KIND_NAMES as KIND,
} from '../../src-core';
import type { MemberFile } from '../../src-core/host';
import { useEditorStore, useHost, useStoreSelector } from '../state/use-store';
import { ConsolidationState } from './consolidation-state';
import './consolidation.css';
import { countRender } from '../state/render-counts';

/**
 * 单位汇总: pick the units' files, see each unit's check (errors / warnings / 尾数) in the 单位 overview, the
 * consolidated findings (尾数 at 汇总 with their reason), any consolidated table; a click on a cell shows which units
 * contribute what, and opens a unit at that cell. Self-contained: the editor's document is only replaced when the
 * user opens a unit.
 */
export function ConsolidationPanel() {
  countRender('ConsolidationPanel');
  const store = useEditorStore();
  // Closed, an edit of the open document does not concern it; open, it follows every change.
  const open = useStoreSelector((s) => s.consolidationOpen);
  useStoreSelector((s) => (s.consolidationOpen ? s.version : null));
  const setOpen = (value: boolean) => store.toggle('consolidationOpen', value);
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  const state = useRef(new ConsolidationState()).current;
  // The table shown: the user's pick, else the profile's first classification table (where units differ most).
  const [chosenTable, setTable] = useState<string | null>(null);
  const [picked, setPicked] = useState<{ row: string; col: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const host = useHost();
  const c = state.consolidation;
  const memberKey = state.followedIds().join('\u0001');

  // The desktop app follows the member files on disk: a unit re-saved (or replaced) is re-read and re-summed, and
  // the panel says what changed. A browser tab cannot; its 重新读取 says to pick the files again.
  useEffect(() => {
    const ids = memberKey === '' ? [] : memberKey.split('\u0001');
    void host.api.watchMemberFiles(ids);
  }, [host, memberKey]);
  useEffect(
    () =>
      host.api.onMemberChanged((id) => {
        void host.api.readMemberFiles({ ids: [id] }).then((r) => {
          if (r.status !== 'read') return;
          void state.addFiles(r.files, '单位文件在磁盘上变了，已重新读取并汇总：').then(() => {
            // Seen even with the panel closed: which unit, which cells, by how much (the panel lists them all).
            const [heading, ...lines] = state.lastChange;
            if (heading !== undefined) store.notify('info', heading, lines);
            redraw();
          });
        });
      }),
    [host, state, store],
  );

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } finally {
      setBusy(false);
      redraw();
    }
  };
  const take = (files: readonly MemberFile[]) => state.addFiles(files);
  const pick = () =>
    run(async () => {
      const r = await host.api.pickMemberFiles();
      if (r.status === 'read') await take(r.files);
    });
  const pickFolder = () =>
    run(async () => {
      const r = await host.api.pickMemberFolder();
      if (r.status !== 'read') return;
      state.addFolders(r.folders);
      const name = r.folders?.[0]?.label;
      await state.addFiles(
        r.files,
        name !== undefined
          ? `已添加文件夹“${name}”中的 ${r.files.length} 个单位文件；以后放入这个文件夹的单位文件在重新读取时加入汇总：`
          : // A browser tab reads the folder once; it cannot follow it.
            `已添加所选文件夹中的 ${r.files.length} 个单位文件（浏览器不能跟踪文件夹：以后放入的文件请重新选择文件夹）：`,
      );
    });
  const refresh = () =>
    run(async () => {
      const r = await host.api.readMemberFiles({ ids: state.followedIds() });
      if (r.status === 'read') await state.syncFolders(r.files, '已重新读取各单位文件：');
      else if (r.status === 'unsupported') state.lastChange = [r.message];
    });
  const openDepartment = () =>
    run(async () => {
      const opened = await host.api.openDocument();
      if (opened.status === 'cancelled') return;
      if (opened.status === 'failed') {
        state.lastChange = [opened.message];
        return;
      }
      await loadDepartment(opened);
    });
  // 文件 › 打开 picked a 汇总 file: the panel opens with it.
  const pending = useStoreSelector((s) => s.pendingDepartment);
  useEffect(() => {
    if (!open || !pending) return;
    store.pendingDepartment = null;
    void run(() => loadDepartment(pending));
  }, [open, pending]);
  async function loadDepartment(opened: {
    readonly text: string;
    readonly filePath: string | null;
    readonly fileName: string;
  }): Promise<void> {
    {
      const read = readDocument(opened.text, formSetFor);
      if (!read.ok || !read.document.consolidation) {
        state.lastChange = [
          `${opened.fileName}：${read.ok ? '不是汇总文件（没有列出汇总单位），请用“打开”在编辑器中打开它。' : read.message}`,
        ];
        return;
      }
      const members =
        opened.filePath !== null
          ? await host.api.readMemberFiles({ departmentFile: opened.filePath })
          : await host.api.readMemberFiles({ ids: [] });
      await state.openDepartment(
        read.document,
        members.status === 'read' ? members.files : [],
        members.status === 'unsupported' ? members.message : null,
        members.status === 'read' ? members.folders : undefined,
      );
      state.savedPath = opened.filePath;
      state.savedName = opened.fileName;
      setTable(null);
      setPicked(null);
    }
  }
  const save = () =>
    run(async () => {
      const doc = state.departmentFile();
      if (!doc) return;
      const r = await host.api.saveDocument({
        text: writeDocument(doc),
        filePath: state.savedPath,
        saveAs: state.savedPath === null,
        suggestedName: state.savedName ?? `${state.departmentName || '部门'}汇总.gongkai.json`,
      });
      if (r.status === 'saved') {
        // Saved under a name just picked: the members are written again relative to where it now is.
        const placed = r.filePath !== null ? state.departmentFile(r.filePath) : null;
        if (placed && writeDocument(placed) !== writeDocument(doc)) {
          const again = await host.api.saveDocument({
            text: writeDocument(placed),
            filePath: r.filePath,
            saveAs: false,
            suggestedName: r.fileName,
          });
          if (again.status === 'failed') {
            state.lastChange = [again.message];
            return;
          }
        }
        state.savedPath = r.filePath;
        state.savedName = r.fileName;
        state.lastChange = [
          `已保存汇总文件 ${r.fileName}：列出 ${doc.consolidation?.members.length ?? 0} 个单位；汇总数不保存，打开时按各单位文件重新汇总。`,
        ];
      } else if (r.status === 'failed') state.lastChange = [r.message];
    });

  // The consolidated document out as the official Excel or the whole publication (PDF): its 单位构成 lists the
  // members. Sums missing a unit are said to be incomplete before anything is written.
  const exportAs = (kind: 'xlsx' | 'pdf') =>
    run(async () => {
      const c = state.consolidation;
      if (!c) return;
      const missing = c.members().filter((m) => m.status !== 'included').length;
      if (
        missing > 0 &&
        (await store.ask(
          kind === 'xlsx' ? '导出汇总Excel' : '导出汇总PDF',
          `有 ${missing} 个单位没有汇总，汇总数不完整。仍要导出吗？`,
          [
            { id: 'export', label: '仍要导出', primary: true },
            { id: 'cancel', label: '取消' },
          ],
        )) !== 'export'
      )
        return;
      const doc = c.document();
      const base = `${state.departmentName || '部门'}${doc.unit.year}年度部门决算（汇总）`;
      const outcome =
        kind === 'xlsx'
          ? await host.api.exportFile({
              kind,
              suggestedName: `${base}.xlsx`,
              data: await (await import('../../src-core/export/xlsx-export')).exportXlsx(c.formSet, doc),
            })
          : await host.api.exportFile({
              kind,
              suggestedName: `${base}.pdf`,
              html: (await import('../../src-core/export/whole-publication')).wholePublicationHtml(
                c.formSet,
                doc,
              ),
            });
      if (outcome.status === 'failed') state.lastChange = [outcome.message];
      else if (outcome.status === 'saved')
        state.lastChange = [
          host.kind === 'browser' && kind === 'pdf'
            ? '已打开打印对话框：请选择“另存为 PDF”。'
            : `已导出${kind === 'xlsx' ? '汇总 Excel' : '汇总 PDF'}：${outcome.fileName}（单位构成列出 ${c.includedCount} 个单位）。`,
        ];
    });

  const openUnit = async (id: string, cell?: { table: string; row: string; col: string }) => {
    const text = state.unitText(id);
    if (text === undefined) return;
    store.commitPendingEdits();
    if (store.session.dirty) {
      const choice = await store.ask(
        '打开单位',
        `“${store.file.fileName}”有未保存的修改，打开单位将放弃这些修改。是否继续？`,
        [
          { id: 'discard', label: '放弃修改并打开', primary: true },
          { id: 'cancel', label: '取消' },
        ],
      );
      if (choice !== 'discard') return;
    }
    if (!store.openText(text, { filePath: null, fileName: id })) return;
    setOpen(false);
    if (cell) store.focusCell(cell);
  };

  if (!open) return null;

  const wb = c?.workbook();
  const findings = c?.findings() ?? [];
  const errors = findings.filter((f) => f.severity === 'error').length;
  const rounding = c?.roundingReport();
  const tables = c?.formSet.tables ?? [];
  const table = chosenTable ?? tables.find((t) => t.kind === 'classification')?.id ?? tables[0]?.id ?? '';
  const model = wb?.tables.get(table);
  const parts = picked ? state.contributions(table, picked.row, picked.col) : [];
  return (
    <div className="gk-modal-back">
      <section
        className="gk-modal gk-cons"
        role="dialog"
        aria-label="单位汇总"
        data-testid="consolidation-panel"
      >
        <header className="gk-cons-head">
          <h2>单位汇总</h2>
          <label>
            部门名称
            <input
              key={state.savedName ?? ''}
              defaultValue={state.departmentName}
              data-testid="consolidation-name"
              onBlur={(e) => {
                state.rename(e.target.value.trim());
                redraw();
              }}
            />
          </label>
          <ActionButton
            action="consolidationPick"
            className="gk-button"
            data-testid="consolidation-pick"
            disabled={busy}
            onPerform={() => void pick()}
          >
            {c ? '添加或替换单位…' : '选择单位文件…'}
          </ActionButton>
          <ActionButton
            action="consolidationPickFolder"
            className="gk-button"
            data-testid="consolidation-pick-folder"
            disabled={busy}
            onPerform={() => void pickFolder()}
          >
            添加单位文件夹…
          </ActionButton>
          <ActionButton
            action="consolidationOpenFile"
            className="gk-button"
            data-testid="consolidation-open-file"
            disabled={busy}
            onPerform={() => void openDepartment()}
          >
            打开汇总文件…
          </ActionButton>
          {c && (
            <>
              <ActionButton
                action="consolidationRefresh"
                className="gk-button"
                data-testid="consolidation-refresh"
                disabled={busy}
                onPerform={() => void refresh()}
              >
                重新读取单位
              </ActionButton>
              <ActionButton
                action="consolidationSave"
                className="gk-button"
                data-testid="consolidation-save"
                disabled={busy}
                onPerform={() => void save()}
              >
                保存汇总文件…
              </ActionButton>
              <ActionButton
                action="consolidationExportXlsx"
                className="gk-button"
                data-testid="consolidation-export-xlsx"
                disabled={busy}
                onPerform={() => void exportAs('xlsx')}
              >
                导出Excel…
              </ActionButton>
              <ActionButton
                action="consolidationExportPdf"
                className="gk-button"
                data-testid="consolidation-export-pdf"
                disabled={busy}
                onPerform={() => void exportAs('pdf')}
              >
                导出PDF…
              </ActionButton>
            </>
          )}
          <ActionButton
            action="consolidationClose"
            className="gk-link"
            onPerform={() => setOpen(false)}
            title="关闭"
          >
            ✕
          </ActionButton>
        </header>
        {busy && <p>正在读取和审核各单位…</p>}
        {state.folders.size > 0 && (
          <p data-testid="consolidation-folders">
            跟踪的文件夹：{[...state.folders.values()].map((f) => f.label).join('、')}
            （其中的单位文件变化、新增或移走时自动重新汇总）
          </p>
        )}
        {state.lastChange.length > 0 && (
          <div className="gk-cons-change" data-testid="consolidation-change">
            {state.lastChange.map((l, i) => (
              <div key={i}>{l}</div>
            ))}
          </div>
        )}
        {!c ? (
          <p>
            选择各单位的 .gongkai.json 文件或填好的 Excel
            表样（.xlsx，可多选）。每个单位先按本表样的规则审核，再按科目编码逐行相加。
          </p>
        ) : (
          <div className="gk-cons-body">
            <table className="gk-cons-units" data-testid="consolidation-units">
              <thead>
                <tr>
                  <th>单位</th>
                  <th>文件</th>
                  <th className="num">错误</th>
                  <th className="num">提示</th>
                  <th className="num">尾数</th>
                  <th>状态</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {c.members().map((m) => (
                  <tr
                    key={m.source.id}
                    data-testid="consolidation-unit"
                    className={m.status === 'included' ? '' : 'gk-cons-out'}
                  >
                    <td>{m.status === 'failed' ? '—' : m.unit}</td>
                    <td>{m.source.label}</td>
                    <td className="num">{m.status === 'included' ? m.counts.errors : ''}</td>
                    <td className="num">{m.status === 'included' ? m.counts.warnings : ''}</td>
                    <td className="num">{m.status === 'included' ? m.counts.tails : ''}</td>
                    <td>
                      {m.status === 'included'
                        ? '已汇总'
                        : m.status === 'refused'
                          ? `未汇总：${m.reason}`
                          : `无法读取：${m.reason}`}
                      {m.status === 'included' && m.notes.length > 0 && (
                        // What an xlsx import read per table and skipped: the user sees what the sums rest on.
                        <ul className="gk-cons-notes" data-testid="consolidation-unit-notes">
                          {m.notes.slice(0, 4).map((n, i) => (
                            <li key={i}>{n}</li>
                          ))}
                          {m.notes.length > 4 && <li>另有 {m.notes.length - 4} 条导入提示。</li>}
                        </ul>
                      )}
                    </td>
                    <td>
                      {m.status !== 'failed' &&
                        !(m.status === 'included' && m.own) &&
                        state.files.has(m.source.id) && (
                          <ActionButton
                            action="consolidationOpenUnit"
                            className="gk-button gk-small"
                            onPerform={() => void openUnit(m.source.id)}
                          >
                            打开
                          </ActionButton>
                        )}{' '}
                      <ActionButton
                        action="consolidationRemoveUnit"
                        className="gk-button gk-small"
                        onPerform={() => {
                          state.remove(m.source.id);
                          redraw();
                        }}
                      >
                        移出
                      </ActionButton>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p data-testid="consolidation-summary">
              已汇总 {c.includedCount} 个单位
              {c.members().length > c.includedCount
                ? `，${c.members().length - c.includedCount} 个没有汇总（汇总数不完整）`
                : ''}
              。 汇总审核：{errors} 个错误，{findings.length - errors} 个提示。舍位平衡：
              {rounding?.balanced
                ? '汇总各表没有尾数差异。'
                : rounding?.tables
                    .map((t) => `${t.tableCode} ${t.tails} 处尾数差异（差额绝对值合计 ${t.absTotal}）`)
                    .join('；')}
            </p>
            <ul className="gk-cons-findings" data-testid="consolidation-findings">
              {findings.map((f) => (
                <li key={f.id} className={`gk-finding-${f.severity}`}>
                  <ActionButton
                    action="consolidationShowFinding"
                    className="gk-link"
                    onPerform={() => {
                      setTable(f.cell.table);
                      setPicked({ row: f.cell.row, col: f.cell.col });
                    }}
                  >
                    [{f.severity === 'error' ? '错误' : '提示'}·{KIND[f.kind]}]
                  </ActionButton>{' '}
                  {f.message}
                </li>
              ))}
            </ul>
            <div className="gk-cons-tabs">
              {tables.map((t) => (
                <ActionButton
                  action="consolidationShowTable"
                  key={t.id}
                  className={t.id === table ? 'active' : ''}
                  data-testid={`consolidation-table-${t.id}`}
                  onPerform={() => {
                    setTable(t.id);
                    setPicked(null);
                  }}
                >
                  {t.code}
                </ActionButton>
              ))}
            </div>
            <div className="gk-cons-grid-wrap">
              {model && wb && (
                <table className="gk-cons-grid" data-testid="consolidation-grid">
                  <thead>
                    <tr>
                      <th>项目</th>
                      {(model.rows.find((r) => r.columns.length > 0)?.columns ?? []).map((col) => (
                        <th key={col}>{model.columnLabel.get(col)?.label ?? col}</th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {model.rows.map((r) => (
                      <tr key={r.key}>
                        <td>{r.code ? `${r.code} ${r.label}` : r.label}</td>
                        {r.columns.map((col) => {
                          const s = wb.cell(table, r.key, col);
                          const mark = findings.find(
                            (f) => f.cell.table === table && f.cell.row === r.key && f.cell.col === col,
                          );
                          const active = picked?.row === r.key && picked.col === col;
                          return (
                            <td
                              key={col}
                              className={`num${mark ? ` gk-cons-${mark.severity}` : ''}${active ? ' active' : ''}`}
                              data-testid={`consolidation-cell-${r.key}-${col}`}
                              onClick={() => setPicked({ row: r.key, col })}
                            >
                              {s?.unknown ? '—' : s?.value ? formatExact(s.value) : ''}
                            </td>
                          );
                        })}
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </div>
            {picked && model && (
              <aside className="gk-cons-drill" data-testid="consolidation-drill">
                <strong>{c.locate(wb!, { table, row: picked.row, col: picked.col })}：各单位数</strong>
                {parts.length === 0 ? (
                  <p>没有单位在这一格有数。</p>
                ) : (
                  <table>
                    <tbody>
                      {parts.map((p) => (
                        <tr key={p.source.id} data-testid="consolidation-part">
                          <td>{p.unit}</td>
                          <td className="num">
                            {p.value === null
                              ? `无法计算（${p.unknown ?? ''}）`
                              : formatExact(new Decimal(p.value))}
                          </td>
                          <td>{p.entered ? '填报' : '按公式计算'}</td>
                          <td>
                            {!p.own && (
                              <ActionButton
                                action="consolidationOpenUnit"
                                className="gk-button gk-small"
                                data-testid="consolidation-open-unit"
                                onPerform={() => void openUnit(p.source.id, p.cell)}
                              >
                                打开该单位的这一格
                              </ActionButton>
                            )}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </aside>
            )}
          </div>
        )}
      </section>
    </div>
  );
}
