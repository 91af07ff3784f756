import { ActionButton } from '../actions/ActionButton';
import { CheckField } from './CheckField';
import { formatDateTimeZh } from './format-date';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useEditorStore, useStore, useStoreSelector } from '../state/use-store';
import type { RendererHost } from '../host/get-host';
import { exportAuditReport, printPages } from '../state/export-commands';
import { convertProfile, formSetFor, listProfiles, profileConversionReport } from '../../src-core';
import { countRender } from '../state/render-counts';
import { PrintPreview } from '../preview/PrintPreview';

/** Modal dialogs: messages, restore after a crash, 公式说明, 关于. */
export function Dialogs({ host }: { host: RendererHost }) {
  countRender('Dialogs');
  const store = useEditorStore();
  // Nothing is drawn until a dialog opens; an open one follows every change (its own views subscribe too).
  useStoreSelector((s) => (s.dialog ? s.version : null));
  const d = store.dialog;
  if (!d) return null;
  const close = () => store.showDialog(null);
  let body: React.ReactNode;
  let title: string;
  let actions: React.ReactNode = (
    <ActionButton action="closeDialog" className="gk-button" data-testid="dialog-ok" autoFocus>
      确定
    </ActionButton>
  );
  switch (d.kind) {
    case 'choice':
      title = d.title;
      body = <pre className="gk-dialog-text">{d.text}</pre>;
      actions = d.choices.map((c, i) => (
        <ActionButton
          key={c.id}
          action="answerDialog"
          arg={c.id}
          className={`gk-button${c.primary ? '' : ' gk-secondary'}`}
          data-testid={`choice-${c.id}`}
          autoFocus={i === 0}
        >
          {c.label}
        </ActionButton>
      ));
      break;
    case 'message':
      title = d.title;
      body = <pre className="gk-dialog-text">{d.text}</pre>;
      break;
    case 'restore':
      title = '恢复未保存的工作';
      body = (
        <p>
          上次没有正常关闭。找到 {formatDateTimeZh(d.snapshot.at)} 自动保存的“
          {d.snapshot.fileName}”，是否恢复？
        </p>
      );
      actions = (
        <>
          <ActionButton
            action="restoreAutosave"
            className="gk-button"
            data-testid="restore-yes"
            autoFocus
            onPerform={() => {
              close();
              // Restored work has not been saved to its file yet.
              if (
                store.openText(
                  d.snapshot.text,
                  { filePath: d.snapshot.filePath, fileName: d.snapshot.fileName },
                  { dirty: true },
                )
              ) {
                store.notify('info', '已恢复自动保存的内容，请及时保存。');
              }
            }}
          >
            恢复
          </ActionButton>
          <ActionButton
            action="discardAutosave"
            className="gk-button gk-secondary"
            data-testid="restore-no"
            onPerform={() => {
              close();
              void host.api.clearRecovery();
            }}
          >
            不恢复
          </ActionButton>
        </>
      );
      break;
    case 'printOptions':
      title = d.mode === 'pdf' ? '导出PDF' : '打印';
      body = <PrintOptions mode={d.mode} host={host} onDone={close} />;
      actions = null;
      break;
    case 'printPreview':
      title = '打印预览';
      body = <PrintPreview host={host} onDone={close} whole={d.whole} />;
      actions = null;
      break;
    case 'auditReport':
      title = '导出审核报告';
      body = <AuditReportOptions host={host} onDone={close} />;
      actions = null;
      break;
    case 'importReport':
      title = `导入“${d.fileName}”`;
      body = (
        <div data-testid="import-report">
          <p>已导入为新文档（尚未保存）。各表读取情况：</p>
          <table className="gk-report">
            <tbody>
              {d.report.map((r) => (
                <tr key={r.table}>
                  <th>{r.code}</th>
                  <td>
                    {r.sheet === null
                      ? '未找到'
                      : `工作表“${r.sheet}”：读取 ${r.rows} 行、${r.values} 个数值`}
                    {r.skipped.length > 0 && (
                      <ul>
                        {r.skipped.slice(0, 12).map((s, i) => (
                          <li key={i}>{s}</li>
                        ))}
                        {r.skipped.length > 12 && <li>另有 {r.skipped.length - 12} 条</li>}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
      break;
    case 'formulaHelp':
      title = '公式说明';
      body = <FormulaHelp />;
      break;
    case 'convertProfile':
      title = '转换表样';
      body = <ConvertProfileChoice onDone={close} />;
      actions = null;
      break;
    case 'newDocument':
      title = '新建';
      body = <NewDocumentChoice onDone={close} />;
      actions = null;
      break;
    case 'about':
      title = '关于';
      body = (
        <div>
          <p>
            <strong>决算公开表编辑器</strong> <AppVersion host={host} />
          </p>
          <p>填报、审核并导出部门决算公开的九张表。离线运行，数据只保存在您选择的文件中。</p>
          <p>
            报表格式：{store.session.formSet.profile.name}；科目目录：
            {store.session.formSet.catalog.name}（{store.session.formSet.catalog.year}）。
          </p>
        </div>
      );
      break;
  }
  return (
    <ModalFrame
      title={title}
      kind={d.kind}
      onEscape={d.kind === 'restore' ? undefined : d.kind === 'choice' ? () => d.answer(null) : close}
      actions={actions}
    >
      {body}
    </ModalFrame>
  );
}

/** The modal box. It takes the keyboard when it opens (unless a field in it did), so Escape closes it at once. */
function ModalFrame({
  title,
  kind,
  onEscape,
  actions,
  children,
}: {
  title: string;
  kind: string;
  onEscape: (() => void) | undefined;
  actions: React.ReactNode;
  children: React.ReactNode;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (box.current && !box.current.contains(document.activeElement)) box.current.focus();
  }, [kind]);
  return (
    <div
      className="gk-modal-back"
      role="presentation"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && onEscape) onEscape();
      }}
    >
      <div
        ref={box}
        tabIndex={-1}
        className="gk-modal"
        role="dialog"
        aria-modal="true"
        aria-label={title}
        data-testid={`dialog-${kind}`}
      >
        <h2>{title}</h2>
        <div className="gk-modal-body">{children}</div>
        {actions && <div className="gk-modal-actions">{actions}</div>}
      </div>
    </div>
  );
}

/** 新建 asks which form profile (year × region) the new document is filled in; the open document's is preselected. */
function NewDocumentChoice({ onDone }: { onDone: () => void }) {
  const store = useStore();
  const current = store.session.formSet.profile;
  const profiles = listProfiles();
  const [chosen, setChosen] = useState(`${current.id}@${current.year}`);
  const create = () => {
    const picked = profiles.find((p) => `${p.id}@${p.year}` === chosen);
    onDone();
    if (picked) store.newDocument({ id: picked.id, year: picked.year });
  };
  return (
    <div className="gk-new-document">
      <p>请选择新文件使用的表样（地区和年度）：</p>
      {profiles.map((p) => {
        const key = `${p.id}@${p.year}`;
        return (
          <label key={key} className="gk-new-document-choice">
            <input
              type="radio"
              name="gk-new-profile"
              checked={chosen === key}
              onChange={() => setChosen(key)}
              data-testid={`new-profile-${key}`}
            />{' '}
            {p.name}
            <span className="gk-hint"> — {p.source}</span>
          </label>
        );
      })}
      <div className="gk-modal-actions">
        <ActionButton
          action="createDocument"
          className="gk-button"
          data-testid="new-create"
          onPerform={create}
        >
          新建
        </ActionButton>
        <ActionButton action="cancelDialog" className="gk-button gk-secondary" onPerform={onDone}>
          取消
        </ActionButton>
      </div>
    </div>
  );
}

/**
 * 转换表样: the open document on another profile's forms. The report (every amount the target cannot hold, with its
 * place and value; columns to fill; text parts left behind) is shown before anything changes; 转换 opens the result
 * as a new, unsaved document, so the original file stays as it was.
 */
function ConvertProfileChoice({ onDone }: { onDone: () => void }) {
  const store = useStore();
  const from = store.session.formSet;
  const targets = listProfiles().filter((p) => p.id !== from.profile.id || p.year !== from.profile.year);
  const [chosen, setChosen] = useState(targets[0] ? `${targets[0].id}@${targets[0].year}` : '');
  const picked = targets.find((p) => `${p.id}@${p.year}` === chosen);
  const to = picked ? formSetFor(picked.year, picked.id) : undefined;
  const doc = store.session.document;
  const result = useMemo(() => (to ? convertProfile(from, to, doc) : undefined), [from, to, doc]);
  const convert = () => {
    if (!result?.ok || !to) return;
    onDone();
    const u = store.session.document.unit;
    store.replaceDocument(
      result.conversion.document,
      {
        filePath: null,
        fileName: `${u.name || '未命名单位'}${u.year}年度部门决算公开（${to.profile.name.split('（')[0]}）.gongkai.json`,
      },
      { dirty: true },
    );
    store.notify(
      result.conversion.lost.length > 0 ? 'warning' : 'info',
      `已转换为“${to.profile.name}”（尚未保存）${result.conversion.lost.length > 0 ? `，${result.conversion.lost.length} 个金额未转入` : ''}。`,
    );
  };
  return (
    <div className="gk-new-document" data-testid="convert-profile">
      <p>当前表样：{from.profile.name}。转换为：</p>
      {targets.map((p) => {
        const key = `${p.id}@${p.year}`;
        return (
          <label key={key} className="gk-new-document-choice">
            <input
              type="radio"
              name="gk-convert-profile"
              checked={chosen === key}
              onChange={() => setChosen(key)}
              data-testid={`convert-profile-${key}`}
            />{' '}
            {p.name}
          </label>
        );
      })}
      {result && !result.ok && <p className="gk-error">{result.message}</p>}
      {result?.ok && (
        <ul className="gk-convert-report" data-testid="convert-report">
          {profileConversionReport(result.conversion).map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      )}
      <div className="gk-modal-actions">
        <ActionButton
          action="applyProfileConversion"
          className="gk-button"
          data-testid="convert-apply"
          disabled={!result?.ok}
          onPerform={convert}
        >
          转换（另存为新文件）
        </ActionButton>
        <ActionButton action="cancelDialog" className="gk-button gk-secondary" onPerform={onDone}>
          取消
        </ActionButton>
      </div>
    </div>
  );
}

function PrintOptions({
  mode,
  host,
  onDone,
}: {
  mode: 'pdf' | 'print';
  host: RendererHost;
  onDone: () => void;
}) {
  const store = useStore();
  const tables = store.session.formSet.tables;
  const [whole, setWhole] = useState(true);
  const [chosen, setChosen] = useState<string[]>(tables.map((t) => t.id));
  const [cover, setCover] = useState(true);
  const [toc, setToc] = useState(true);
  const toggle = (id: string) =>
    setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id].sort()));
  return (
    <div className="gk-print-options">
      <div className="gk-print-scope">
        <label>
          <input type="radio" checked={whole} onChange={() => setWhole(true)} data-testid="print-whole" />{' '}
          全文（封面、目录、六个部分、图表、绩效自评表）
        </label>
        <label>
          <input type="radio" checked={!whole} onChange={() => setWhole(false)} data-testid="print-tables" />{' '}
          仅部门决算表
        </label>
      </div>
      {!whole && (
        <>
          <fieldset>
            <legend>要输出的表</legend>
            {tables.map((t) => (
              <CheckField
                key={t.id}
                checked={chosen.includes(t.id)}
                onChange={() => toggle(t.id)}
                testId={`print-table-${t.id}`}
              >
                {t.code} {t.title}
              </CheckField>
            ))}
          </fieldset>
          <CheckField checked={cover} onChange={setCover}>
            封面（单位名称、年度、公开日期）
          </CheckField>
          <CheckField checked={toc} onChange={setToc}>
            目录
          </CheckField>
        </>
      )}
      <div className="gk-modal-actions">
        <ActionButton
          action="startPrint"
          className="gk-button"
          disabled={!whole && chosen.length === 0}
          data-testid="print-go"
          onPerform={() => {
            onDone();
            void printPages(store, host, mode, { whole, tables: chosen, cover, toc });
          }}
        >
          {mode === 'pdf' ? '导出PDF' : '打印'}
        </ActionButton>
        {/* See the pages first: 打印预览 of the same choice (the tables as its 页面设置 prints them). */}
        <ActionButton
          action="previewPrintOptions"
          className="gk-button gk-secondary"
          data-testid="print-preview-open"
          onPerform={() => {
            onDone();
            store.commitPendingEdits();
            store.showDialog({ kind: 'printPreview', whole });
          }}
        >
          预览…
        </ActionButton>
        <ActionButton action="cancelDialog" className="gk-button gk-secondary" onPerform={onDone}>
          取消
        </ActionButton>
      </div>
    </div>
  );
}

/** 导出审核报告: the format, then the export, busy until the host has written it. */
function AuditReportOptions({ host, onDone }: { host: RendererHost; onDone: () => void }) {
  const store = useStore();
  const [format, setFormat] = useState<'pdf' | 'xlsx'>('pdf');
  const [busy, setBusy] = useState(false);
  const notes = store.document.findingNotes ?? {};
  const written = Object.values(notes).filter((n) => n.trim() !== '').length;
  return (
    <div className="gk-print-options" data-testid="audit-report-options">
      <p>
        审核报告列出每个错误和提示：表号、单元格、审核公式、应为、实际、差额、级别和您写的说明，并附汇总。
        {written > 0 ? `本文件已写说明 ${written} 条。` : '本文件还没有写说明（在审核结果中点“写说明”）。'}
        错误写了说明仍是错误，须改正后再报送。
      </p>
      <div className="gk-print-scope">
        <label>
          <input
            type="radio"
            checked={format === 'pdf'}
            onChange={() => setFormat('pdf')}
            data-testid="audit-report-pdf"
          />{' '}
          PDF
        </label>
        <label>
          <input
            type="radio"
            checked={format === 'xlsx'}
            onChange={() => setFormat('xlsx')}
            data-testid="audit-report-xlsx"
          />{' '}
          Excel（xlsx）
        </label>
      </div>
      <div className="gk-modal-actions">
        <ActionButton
          action="startAuditReport"
          className="gk-button"
          disabled={busy}
          aria-busy={busy}
          data-testid="audit-report-go"
          onPerform={() => {
            setBusy(true);
            void exportAuditReport(store, host, format).finally(onDone);
          }}
        >
          {busy ? '正在导出…' : '导出'}
        </ActionButton>
        <ActionButton
          action="cancelDialog"
          className="gk-button gk-secondary"
          disabled={busy}
          onPerform={onDone}
        >
          取消
        </ActionButton>
      </div>
    </div>
  );
}

function FormulaHelp() {
  const store = useStore();
  const fs = store.session.formSet;
  const sourceName = { printed: '表注公式', implied: '表内隐含规则', interTable: '表间审核' } as const;
  return (
    <div className="gk-help">
      <p>
        “强制”规则不满足为错误；“提示”规则不满足为提示。差额不超过尾数容差（当前{' '}
        {store.document.settings.tolerance}）的记为尾数差异提示。
      </p>
      {fs.tables.map((t) => (
        <section key={t.id}>
          <h3>
            {t.code} {t.title}
          </h3>
          <ul>
            {fs.rules
              .filter((r) => r.table === t.id)
              .map((r) => (
                <li key={r.id}>
                  {r.quotesFormula ? <code>{r.formula}</code> : r.description}{' '}
                  <span className={`gk-help-src gk-help-${r.severity}`}>
                    {r.severity === 'error' ? '强制' : '提示'}
                  </span>{' '}
                  <span className="gk-help-src">{sourceName[r.source]}</span>
                  {r.source !== 'printed' && r.quotesFormula && (
                    <div className="gk-help-desc">
                      {r.description}。{r.rationale}
                    </div>
                  )}
                </li>
              ))}
          </ul>
        </section>
      ))}
      <section>
        <h3>表间审核</h3>
        <ul>
          {fs.rules
            .filter((r) => r.table === null)
            .map((r) => (
              <li key={r.id}>
                {r.quotesFormula ? <code>{r.formula}</code> : r.description}{' '}
                <span className={`gk-help-src gk-help-${r.severity}`}>
                  {r.severity === 'error' ? '强制' : '提示'}
                </span>
                <div className="gk-help-desc">
                  {r.quotesFormula ? `${r.description}。` : ''}
                  {r.rationale}
                </div>
              </li>
            ))}
        </ul>
      </section>
    </div>
  );
}

/** The version the host reports (Electron's app version, or the build's in a browser). */
function AppVersion({ host }: { host: RendererHost }) {
  const [version, setVersion] = useState('');
  useEffect(() => {
    let live = true;
    void host.api.info().then((i) => live && setVersion(i.appVersion));
    return () => {
      live = false;
    };
  }, [host]);
  return <>{version}</>;
}
