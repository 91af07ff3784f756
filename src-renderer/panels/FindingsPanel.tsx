import { ActionButton } from '../actions/ActionButton';
import { Fragment, useEffect, useState, useSyncExternalStore } from 'react';
import { FINDING_KIND_NAMES as KIND, type Finding } from '../../src-core';
import { clampFindingsHeight, findingsLayoutStore } from '../state/findings-layout';
import { PanelSplitter } from './PanelSplitter';
import { amount } from '../state/amount-text';
import { useEditorStore, useStoreSelector } from '../state/use-store';
import { useDocumentReport } from '../state/use-document-findings';
import { tablePage, type DocumentFinding } from '../state/editor-store';
import { FindingNoteRow } from './FindingNote';
import { countRender } from '../state/render-counts';

/** The columns of a finding row: 级别, 位置, 规则, 应为, 实际, 差额, actions, 说明. */
const COLUMNS = 8;

/** 审核结果: every finding of every table, filterable by severity; a click opens the table at the cell. */
export function FindingsPanel() {
  countRender('FindingsPanel');
  const store = useEditorStore();
  // Redrawn when the findings change (an edit that moves no finding leaves the list alone), or their 说明, the filter.
  useStoreSelector((s) => [
    s.workbook,
    s.workbook.findingsRevision,
    s.findingsFilter,
    s.document.findingNotes,
  ]);
  const [editingNote, setEditingNote] = useState<string | null>(null);
  const tableFindings = store.workbook.findings();
  const report = useDocumentReport();
  const documentFindings = report.findings;
  const { unchecked, checked, stated } = report.text;
  const all: readonly (Finding | DocumentFinding)[] = [...tableFindings, ...documentFindings];
  const errors = all.filter((f) => f.severity === 'error').length;
  const warnings = all.length - errors;
  const notes = store.document.findingNotes ?? {};
  const explained = all.filter((f) => (notes[f.id] ?? '') !== '').length;
  // Errors first (they block submission), each group in table, row, column order.
  const shown = all
    .filter((f) => store.findingsFilter === 'all' || f.severity === store.findingsFilter)
    .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  const layout = useSyncExternalStore(findingsLayoutStore.subscribe, findingsLayoutStore.get);
  const windowHeight = useWindowHeight();
  // The remembered height, within what this window allows (a laptop screen keeps room for the table).
  const height = clampFindingsHeight(layout.height, windowHeight);
  const toggleCollapsed = () => findingsLayoutStore.set({ collapsed: !layout.collapsed });
  return (
    <section
      className={`gk-findings${layout.collapsed ? ' gk-findings-collapsed' : ''}`}
      style={layout.collapsed ? undefined : { height }}
      aria-label="审核结果"
      data-testid="findings-panel"
      data-text-check={report.pending ? 'pending' : 'done'}
    >
      {!layout.collapsed && (
        <PanelSplitter
          label="调整审核结果的高度"
          height={height}
          testId="findings-splitter"
          onResize={(h) => findingsLayoutStore.set({ height: clampFindingsHeight(h, windowHeight) })}
          onToggle={toggleCollapsed}
        />
      )}
      <header className="gk-findings-head">
        <strong>审核结果</strong>
        <span className="gk-findings-count">
          {errors} 个错误 · {warnings} 个提示
        </span>
        {report.pending && (
          <span
            className="gk-findings-count"
            data-testid="text-check-pending"
            title="打开文件后先显示报表，公开文本和绩效自评表随后核对"
          >
            公开文本核对中…
          </span>
        )}
        {stated > 0 && (
          <span
            className="gk-findings-count"
            data-testid="text-coverage"
            title="情况说明中写出的数，已与报表、补充数据或同段文字核对的个数"
          >
            文字核对 {checked}/{stated} 个数
          </span>
        )}
        {explained > 0 && (
          <span className="gk-findings-count" data-testid="notes-count" title="写了说明的错误和提示">
            已写说明 {explained} 条
          </span>
        )}
        <div className="gk-seg" role="group" aria-label="按严重程度筛选">
          {(['all', 'error', 'warning'] as const).map((f) => (
            <ActionButton
              key={f}
              action="filterFindings"
              arg={f}
              className={store.findingsFilter === f ? 'active' : ''}
              data-testid={`filter-${f}`}
            >
              {f === 'all' ? '全部' : f === 'error' ? '错误' : '提示'}
            </ActionButton>
          ))}
        </div>
        <ActionButton
          action="exportAuditReport"
          className="gk-button gk-small gk-secondary"
          data-testid="export-audit-report"
          title="导出审核报告：每个错误和提示及其说明（PDF 或 Excel）"
        >
          导出审核报告…
        </ActionButton>
        <ActionButton
          action="foldFindings"
          className="gk-link gk-findings-fold"
          data-testid="findings-collapse"
          aria-expanded={!layout.collapsed}
          title={layout.collapsed ? '展开审核结果' : '收起审核结果（只留这一行）'}
        >
          {layout.collapsed ? '▴ 展开' : '▾ 收起'}
        </ActionButton>
        <ActionButton
          action="toggleFindings"
          className="gk-link"
          title="隐藏审核结果（视图 › 审核结果 可再打开）"
          aria-label="隐藏审核结果"
        >
          ✕
        </ActionButton>
      </header>
      {!layout.collapsed && (
        <div className="gk-findings-list">
          {shown.length === 0 ? (
            <div className="gk-empty-note">
              {all.length === 0
                ? report.pending
                  ? '报表没有错误和提示；公开文本正在核对…'
                  : unchecked.length > 0
                    ? `没有错误和提示，但文字中有 ${unchecked.length} 个数没有核对（见下）。`
                    : '全部审核通过。'
                : '没有符合筛选条件的结果。'}
            </div>
          ) : (
            <table>
              <thead>
                <tr>
                  <th>级别</th>
                  <th>位置</th>
                  <th>规则</th>
                  <th className="num">应为</th>
                  <th className="num">实际</th>
                  <th className="num">差额</th>
                  <th />
                  <th>说明</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((f) => (
                  <Fragment key={f.id}>
                    {TABLE_KINDS.has(f.kind) ? (
                      <TableFindingRow f={f as Finding} onNote={() => setEditingNote(f.id)} />
                    ) : (
                      <DocumentFindingRow f={f as DocumentFinding} onNote={() => setEditingNote(f.id)} />
                    )}
                    <FindingNoteRow
                      id={f.id}
                      severity={f.severity}
                      forced={f.severity === 'error' && 'rule' in f && f.rule?.severity === 'error'}
                      editing={editingNote === f.id}
                      onClose={() => setEditingNote(null)}
                      columns={COLUMNS}
                    />
                  </Fragment>
                ))}
              </tbody>
            </table>
          )}
          {unchecked.length > 0 && store.findingsFilter === 'all' && (
            <details className="gk-unchecked" data-testid="unchecked-numbers">
              <summary>
                未核对的数（{unchecked.length}）：没有读懂这些数说的是什么，审核通过不代表它们正确
              </summary>
              <table>
                <tbody>
                  {unchecked.map((u) => (
                    <tr
                      key={`${u.section}:${u.paragraph}:${u.start}`}
                      className="gk-finding"
                      data-testid="unchecked-row"
                      title={u.sentence}
                      onClick={() => store.focusText(u.section, u.paragraph)}
                    >
                      <td>未核对</td>
                      <td>{u.location}</td>
                      <td className="num">{u.written}</td>
                      <td>{u.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          )}
        </div>
      )}
    </section>
  );
}

/** The window's inner height, following resizes (the panel's largest height depends on it). */
function useWindowHeight(): number {
  const [h, setH] = useState(() => window.innerHeight);
  useEffect(() => {
    const on = () => setH(window.innerHeight);
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, []);
  return h;
}

/** The kinds of the tables' own findings (the rest are about the text, the facts or between tables). */
const TABLE_KINDS: ReadonlySet<string> = new Set<Finding['kind']>([
  'mismatch',
  'tail',
  'invalid',
  'cycle',
  'missingRow',
]);

/** A row of 审核结果: severity and kind, where, then the caller's cells; a click opens what it is about. */
function FindingRow({
  f,
  onOpen,
  onNote,
  children,
}: {
  f: Finding | DocumentFinding;
  onOpen: () => void;
  onNote: () => void;
  children: React.ReactNode;
}) {
  const hasNote = useStoreSelector((s) => (s.document.findingNotes?.[f.id] ?? '') !== '');
  return (
    <tr
      className={`gk-finding gk-finding-${f.severity}`}
      data-testid="finding-row"
      onClick={onOpen}
      title={f.message}
    >
      <td>
        <span className={`gk-dot gk-dot-${f.severity}`} />
        {f.severity === 'error' ? '错误' : '提示'}·{KIND[f.kind]}
      </td>
      <td className="gk-wrap">{f.location}</td>
      {children}
      <td>
        <ActionButton
          action="editFindingNote"
          stopClick
          onPerform={onNote}
          className="gk-button gk-small gk-secondary"
          data-testid="finding-note-edit"
          title={
            f.severity === 'error'
              ? '为这个错误写说明（随审核报告报送；错误写了说明仍是错误，须改正）'
              : '为这个提示写说明，如尾数差异的原因（随审核报告报送）'
          }
        >
          {hasNote ? '改说明' : '写说明'}
        </ActionButton>
      </td>
    </tr>
  );
}

function TableFindingRow({ f, onNote }: { f: Finding; onNote: () => void }) {
  const store = useEditorStore();
  return (
    <FindingRow f={f} onOpen={() => store.focusCell(f.cell)} onNote={onNote}>
      <td className="gk-rule">
        {f.kind === 'invalid' ? f.message.split('：').slice(1).join('：') : (f.rule?.text ?? '')}
      </td>
      <td className="num">{amount(f.expected)}</td>
      <td className="num">{f.kind === 'invalid' ? f.actual : amount(f.actual)}</td>
      <td className="num">{amount(f.difference)}</td>
      <td>
        {f.canUseComputed && (
          <ActionButton
            action="adoptComputed"
            arg={f.cell}
            stopClick
            className="gk-button gk-small"
            data-testid="use-computed"
          >
            采用计算值
          </ActionButton>
        )}
      </td>
    </FindingRow>
  );
}

/** A finding about the text, an empty table or a 绩效自评表: a click opens the paragraph, the table or the forms. */
function DocumentFindingRow({ f, onNote }: { f: DocumentFinding; onNote: () => void }) {
  const store = useEditorStore();
  const open = () => {
    if (f.kind === 'emptyTable') store.setPage(tablePage(f.table));
    else if (f.kind === 'performance') store.focusPerformance(f.path);
    else if ('section' in f) store.focusText(f.section, f.paragraph);
    else if (f.cell) store.focusCell(f.cell);
  };
  const numbers = f.kind === 'text' || f.kind === 'performance';
  return (
    <FindingRow f={f} onOpen={open} onNote={onNote}>
      <td className="gk-rule">
        {f.kind === 'emptyTable' ||
        f.kind === 'crossTable' ||
        f.kind === 'facts' ||
        (f.kind === 'performance' && f.written === undefined)
          ? f.message
          : f.kind === 'todo'
            ? f.message.split('：').slice(1).join('：')
            : f.kind === 'mistake'
              ? f.message.split('：').slice(1).join('：')
              : `${f.kind === 'text' ? '文字' : '表中'}“${'written' in f ? f.written : ''}”`}
      </td>
      <td className="num">{numbers ? (f.expected ?? '') : ''}</td>
      <td className="num">{numbers ? (f.written ?? '') : ''}</td>
      <td className="num" />
      <td className="gk-wrap">
        {numbers && f.source ? <span className="gk-hint">{f.source}</span> : null}{' '}
        {numbers && f.cell ? (
          <ActionButton action="showCell" arg={f.cell} stopClick className="gk-button gk-small gk-secondary">
            查看报表
          </ActionButton>
        ) : null}
      </td>
    </FindingRow>
  );
}
