import { useEffect, useMemo, useRef, useState } from 'react';
import { buildPrintHtml, resolvePageSetup, setPageSetup, type PageSetup } from '../../src-core';
import { ActionButton } from '../actions/ActionButton';
import type { RendererHost } from '../host/get-host';
import { CommitInput } from '../panels/CommitInput';
import { printPages } from '../state/export-commands';
import { useStore, useStoreSelector } from '../state/use-store';
import { paginatePrintDocument, type PreviewLayout } from './paginate';

const FIT_CHOICES: readonly { id: NonNullable<PageSetup['fit']>; label: string }[] = [
  { id: 'auto', label: '自动（能在一页内清楚打印的表缩到一页）' },
  { id: 'width', label: '适合页宽（不缩到一页）' },
  { id: 'onePage', label: '每张表缩到一页' },
  { id: 'scale', label: '按比例' },
];

/**
 * 文件 › 打印预览: the pages of the tables as they will print — built from the same print HTML as the PDF and the
 * printer get (buildPrintHtml with the document's 页面设置), laid out as A4 pages with their “— N —” numbers — and the
 * 页面设置 beside them. Every change is one undoable edit of the document and redraws the pages; 导出PDF and 打印
 * print exactly what is shown.
 */
export function PrintPreview({ host, onDone }: { host: RendererHost; onDone: () => void }) {
  const store = useStore();
  // Redrawn when the document changes (a setting, an undo, an edit behind the dialog).
  useStoreSelector((s) => s.session.document);
  const { formSet, document: doc } = store.session;
  const setup = resolvePageSetup(doc);
  // The print HTML and the margins its @page rule has, which the page boxes take.
  const built = useMemo(
    () => ({ html: buildPrintHtml(formSet, doc), margins: resolvePageSetup(doc).margins }),
    [formSet, doc],
  );
  const { html } = built;
  const frame = useRef<HTMLIFrameElement>(null);
  // The layout of the HTML it was made from: a changed setting shows “正在排版…” until its own pages are laid out.
  const [laidOut, setLaidOut] = useState<{ html: string; layout: PreviewLayout } | null>(null);
  const layout = laidOut?.html === html ? laidOut.layout : null;
  const [fitWidth, setFitWidth] = useState(true);
  const [refusal, setRefusal] = useState<string | null>(null);

  const change = (patch: Partial<PageSetup>): string | null => {
    const r = setPageSetup(formSet, store.session.document, patch);
    if (!r.ok) {
      // Nothing to change is no failure.
      if (r.message !== '页面设置没有变化。') setRefusal(r.message);
      return r.message === '页面设置没有变化。' ? null : r.message;
    }
    setRefusal(null);
    store.apply(r.operation, r.label);
    return null;
  };

  const onLoad = () => {
    const d = frame.current?.contentDocument;
    if (!d?.body) return;
    // Only the load of the HTML shown now is laid out (a quicker change may have replaced it already), and once.
    if (frame.current?.getAttribute('srcdoc') !== built.html || d.querySelector('.gk-pages')) return;
    setLaidOut({ html: built.html, layout: paginatePrintDocument(d, built.margins) });
    applyZoom();
  };
  const applyZoom = () => {
    const d = frame.current?.contentDocument;
    const pages = d?.querySelector<HTMLElement>('.gk-pages');
    if (!d || !pages || !frame.current) return;
    // Landscape pages are the widest: fit them to the pane (never larger than 100%).
    const widest = formSet.tables.some((t) => selected.has(t.id) && setup.orientationOf(t) === 'landscape')
      ? 297
      : 210;
    const zoom = fitWidth ? Math.min(1, (frame.current.clientWidth - 32) / (widest * (96 / 25.4))) : 1;
    pages.style.zoom = String(zoom);
  };
  useEffect(applyZoom);

  const selected = new Set(setup.tables ?? formSet.tables.map((t) => t.id));
  const toggleTable = (id: string) => {
    const next = formSet.tables
      .map((t) => t.id)
      .filter((t) => (t === id ? !selected.has(t) : selected.has(t)));
    change({ tables: next });
  };
  const m = setup.margins;
  const margin = (key: 'top' | 'bottom' | 'side') => (text: string) => {
    const n = Number(text.trim());
    if (text.trim() === '' || !Number.isFinite(n)) return '页边距应是毫米数，如 15';
    return change({ margins: { ...m, [key]: n } });
  };
  const run = (mode: 'pdf' | 'print') => {
    onDone();
    void printPages(store, host, mode, {
      whole: false,
      tables: setup.tables ?? formSet.tables.map((t) => t.id),
      cover: setup.cover,
      toc: setup.toc,
    });
  };

  return (
    <div className="gk-preview" data-testid="print-preview">
      <div className="gk-preview-setup" data-testid="page-setup">
        <fieldset>
          <legend>打印的表与方向</legend>
          {formSet.tables.map((t) => (
            <div key={t.id} className="gk-preview-table">
              <label title={t.title}>
                <input
                  type="checkbox"
                  checked={selected.has(t.id)}
                  onChange={() => toggleTable(t.id)}
                  data-testid={`setup-table-${t.id}`}
                />{' '}
                {t.code}
              </label>
              <select
                aria-label={`${t.code}方向`}
                value={setup.orientationOf(t)}
                onChange={(e) =>
                  change({ orientation: { [t.id]: e.target.value as 'portrait' | 'landscape' } })
                }
                data-testid={`setup-orientation-${t.id}`}
              >
                <option value="portrait">纵向</option>
                <option value="landscape">横向</option>
              </select>
            </div>
          ))}
          <label>
            <input
              type="checkbox"
              checked={setup.cover}
              onChange={(e) => change({ cover: e.target.checked })}
              data-testid="setup-cover"
            />{' '}
            封面
          </label>
          <label>
            <input
              type="checkbox"
              checked={setup.toc}
              onChange={(e) => change({ toc: e.target.checked })}
              data-testid="setup-toc"
            />{' '}
            目录
          </label>
        </fieldset>
        <fieldset>
          <legend>缩放</legend>
          {FIT_CHOICES.map((c) => (
            <label key={c.id}>
              <input
                type="radio"
                name="gk-setup-fit"
                checked={setup.fit === c.id}
                onChange={() =>
                  change(c.id === 'scale' ? { fit: 'scale', scale: setup.scale } : { fit: c.id })
                }
                data-testid={`setup-fit-${c.id}`}
              />{' '}
              {c.label}
              {c.id === 'scale' && (
                <>
                  {' '}
                  <CommitInput
                    className="gk-preview-number"
                    aria-label="缩放比例（%）"
                    inputMode="numeric"
                    value={String(setup.scale)}
                    disabled={setup.fit !== 'scale'}
                    data-testid="setup-scale"
                    onCommit={(text) => {
                      const n = Number(text.trim());
                      if (!Number.isInteger(n)) return '缩放比例应是整数，如 80';
                      return change({ fit: 'scale', scale: n });
                    }}
                  />
                  %
                </>
              )}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>页边距（毫米）</legend>
          <label>
            上{' '}
            <CommitInput
              className="gk-preview-number"
              value={String(m.top)}
              onCommit={margin('top')}
              data-testid="setup-margin-top"
            />
          </label>
          <label>
            下{' '}
            <CommitInput
              className="gk-preview-number"
              value={String(m.bottom)}
              onCommit={margin('bottom')}
              data-testid="setup-margin-bottom"
            />
          </label>
          <label>
            左右{' '}
            <CommitInput
              className="gk-preview-number"
              value={String(m.side)}
              onCommit={margin('side')}
              data-testid="setup-margin-side"
            />
          </label>
        </fieldset>
        <label>
          <input
            type="checkbox"
            checked={setup.repeatHeader}
            onChange={(e) => change({ repeatHeader: e.target.checked })}
            data-testid="setup-repeat-header"
          />{' '}
          每页重复表头
        </label>
        {refusal && (
          <p className="gk-error" role="alert">
            {refusal}
          </p>
        )}
        <p className="gk-hint">页面设置随文件保存，导出PDF、打印和导出Excel都按它输出；可撤销。</p>
        <div className="gk-preview-actions">
          <ActionButton
            action="resetPageSetup"
            className="gk-button gk-secondary"
            disabled={doc.pageSetup === undefined}
            onPerform={() => store.apply({ type: 'setPageSetup', value: null }, '页面设置')}
          >
            恢复默认
          </ActionButton>
        </div>
      </div>
      <div className="gk-preview-view">
        <div className="gk-preview-bar">
          <span data-testid="preview-count" aria-live="polite">
            {layout ? `共 ${layout.pages.length} 页` : '正在排版…'}
          </span>
          <label>
            <input type="checkbox" checked={fitWidth} onChange={(e) => setFitWidth(e.target.checked)} />{' '}
            适合窗口宽度
          </label>
          <span className="gk-preview-spacer" />
          <ActionButton
            action="previewExportPdf"
            className="gk-button"
            data-testid="preview-pdf"
            onPerform={() => run('pdf')}
          >
            导出PDF
          </ActionButton>
          <ActionButton
            action="previewPrint"
            className="gk-button"
            data-testid="preview-print"
            onPerform={() => run('print')}
          >
            打印
          </ActionButton>
          <ActionButton action="cancelDialog" className="gk-button gk-secondary" onPerform={onDone}>
            关闭
          </ActionButton>
        </div>
        <iframe
          ref={frame}
          className="gk-preview-frame"
          title="打印预览"
          srcDoc={html}
          onLoad={onLoad}
          data-testid="preview-frame"
        />
      </div>
    </div>
  );
}
