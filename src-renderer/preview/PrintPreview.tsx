import { useEffect, useMemo, useRef, useState } from 'react';
import { buildPrintHtml, resolvePageSetup, setPageSetup, type PageSetup } from '../../src-core';
import { ActionButton } from '../actions/ActionButton';
import type { RendererHost } from '../host/get-host';
import { CheckField } from '../panels/CheckField';
import { CommitInput } from '../panels/CommitInput';
import { printPages, printableHtml } from '../state/export-commands';
import { useStore, useStoreSelector } from '../state/use-store';
import { paginatePrintDocument, type PreviewLayout } from './paginate';
import { fitPages } from './fit-pages';
import { paginatePublicationDocument } from './paginate-publication';

/** The margins 页面设置 sets, with their labels. */
const MARGIN_FIELDS = [
  ['top', '上'],
  ['bottom', '下'],
  ['side', '左右'],
] as const;

const FIT_CHOICES: readonly { id: NonNullable<PageSetup['fit']>; label: string }[] = [
  { id: 'auto', label: '自动（能在一页内清楚打印的表缩到一页）' },
  { id: 'width', label: '适合页宽（不缩到一页）' },
  { id: 'onePage', label: '每张表缩到一页' },
  { id: 'scale', label: '按比例' },
];

/** What 打印预览 showed last: opened again from the menu, it shows the same (the tables, or the whole publication). */
let lastWhole = false;

/**
 * 文件 › 打印预览: the pages as they will print — the tables (buildPrintHtml with the document's 页面设置), or
 * 公开文本全文, the whole publication (the HTML its 导出PDF prints: cover, 目录, the six parts, charts, tables,
 * 绩效自评表) — laid out from the same print HTML as the PDF and the printer get, as A4 pages with their
 * “— N —” numbers, and the 页面设置 beside them. Every change is one undoable edit of the document and redraws the
 * pages; 导出PDF and 打印 print exactly what is shown.
 */
export function PrintPreview({
  host,
  onDone,
  whole: wholeAsked,
}: {
  host: RendererHost;
  onDone: () => void;
  /** Show the whole publication (true) or the tables (false); the last choice when not given. */
  whole?: boolean | undefined;
}) {
  const store = useStore();
  // Redrawn when the document changes (a setting, an undo, an edit behind the dialog).
  useStoreSelector((s) => s.session.document);
  const { formSet, document: doc } = store.session;
  const setup = resolvePageSetup(doc);
  const [whole, setWhole] = useState(wholeAsked ?? lastWhole);
  useEffect(() => {
    lastWhole = whole;
  }, [whole]);
  // The tables' print HTML and the margins its @page rule has, which the page boxes take.
  const built = useMemo(
    () => ({ html: buildPrintHtml(formSet, doc), margins: resolvePageSetup(doc).margins }),
    [formSet, doc],
  );
  // The whole publication's, as 导出PDF makes it (its charts are drawn asynchronously): null until it is made.
  const [publication, setPublication] = useState<{ doc: typeof doc; html: string } | null>(null);
  useEffect(() => {
    if (!whole) return;
    let stale = false;
    printableHtml(store, { whole: true, tables: [], cover: true, toc: true }).then(
      (h) => {
        if (!stale) setPublication({ doc, html: h });
      },
      (e: unknown) => {
        // Said, not left at 正在排版… for ever (the export itself would fail the same way and say so too).
        if (!stale) setRefusal(`无法生成公开文本全文：${e instanceof Error ? e.message : String(e)}`);
      },
    );
    return () => {
      stale = true;
    };
  }, [whole, doc, store]);
  const html = whole ? (publication?.doc === doc ? publication.html : '') : built.html;
  const frame = useRef<HTMLIFrameElement>(null);
  // The layout of the HTML it was made from: a changed setting shows “正在排版…” until its own pages are laid out.
  const [laidOut, setLaidOut] = useState<{ html: string; layout: PreviewLayout; ms: number } | null>(null);
  const layout = html !== '' && laidOut?.html === html ? laidOut.layout : null;
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
    if (!d?.body || html === '') return;
    // Only the load of the HTML shown now is laid out (a quicker change may have replaced it already), and once.
    const current = () =>
      frame.current?.getAttribute('srcdoc') === html && frame.current.contentDocument === d;
    if (!current() || d.querySelector('.gk-pages, .gk-source')) return;
    const started = performance.now();
    if (!whole) {
      setLaidOut({ html, layout: paginatePrintDocument(d, built.margins), ms: performance.now() - started });
      applyZoom();
      return;
    }
    // The publication's pages are laid out a section at a time, the app responsive in between.
    void paginatePublicationDocument(d).then((made) => {
      if (!current()) return;
      setLaidOut({ html, layout: made, ms: performance.now() - started });
      applyZoom();
    });
  };
  const applyZoom = () => {
    const pages = frame.current?.contentDocument?.querySelector<HTMLElement>('.gk-pages');
    // The widest page (a landscape table's) fits the pane; the frame's body is the pane less its scroll bar.
    if (pages?.ownerDocument.body) fitPages(pages, pages.ownerDocument.body.clientWidth, fitWidth);
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
    void printPages(
      store,
      host,
      mode,
      whole
        ? { whole: true, tables: formSet.tables.map((t) => t.id), cover: true, toc: true }
        : {
            whole: false,
            tables: setup.tables ?? formSet.tables.map((t) => t.id),
            cover: setup.cover,
            toc: setup.toc,
          },
    );
  };

  return (
    <div className="gk-preview" data-testid="print-preview">
      <div className="gk-preview-setup" data-testid="page-setup">
        <fieldset className="gk-preview-mode">
          <legend>预览内容</legend>
          <label>
            <input
              type="radio"
              name="gk-preview-mode"
              checked={!whole}
              onChange={() => setWhole(false)}
              data-testid="preview-mode-tables"
            />{' '}
            表格
          </label>
          <label title="封面、目录、六个部分、图表、部门决算表和绩效自评表，与导出的全文PDF逐页相同">
            <input
              type="radio"
              name="gk-preview-mode"
              checked={whole}
              onChange={() => setWhole(true)}
              data-testid="preview-mode-whole"
            />{' '}
            公开文本全文
          </label>
        </fieldset>
        <fieldset>
          <legend>{whole ? '第二部分各表的方向' : '打印的表与方向'}</legend>
          {formSet.tables.map((t) => (
            <div key={t.id} className="gk-preview-table">
              {whole ? (
                <span title={t.title}>{t.code}</span>
              ) : (
                <CheckField
                  title={t.title}
                  checked={selected.has(t.id)}
                  onChange={() => toggleTable(t.id)}
                  testId={`setup-table-${t.id}`}
                >
                  {t.code}
                </CheckField>
              )}
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
          {!whole && (
            <>
              <CheckField checked={setup.cover} onChange={(cover) => change({ cover })} testId="setup-cover">
                封面
              </CheckField>
              <CheckField checked={setup.toc} onChange={(toc) => change({ toc })} testId="setup-toc">
                目录
              </CheckField>
            </>
          )}
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
        {!whole && (
          <fieldset>
            <legend>页边距（毫米）</legend>
            {MARGIN_FIELDS.map(([key, label]) => (
              <label key={key}>
                {label}{' '}
                <CommitInput
                  className="gk-preview-number"
                  value={String(m[key])}
                  onCommit={margin(key)}
                  data-testid={`setup-margin-${key}`}
                />
              </label>
            ))}
          </fieldset>
        )}
        <CheckField
          checked={setup.repeatHeader}
          onChange={(repeatHeader) => change({ repeatHeader })}
          testId="setup-repeat-header"
        >
          每页重复表头
        </CheckField>
        {refusal && (
          <p className="gk-error" role="alert">
            {refusal}
          </p>
        )}
        {whole && (
          <p className="gk-hint">
            全文按党政机关公文格式（GB/T 9704）排版：A4，版心 156×225
            毫米，仿宋三号正文；第二部分的表按上面的方向、缩放和表头设置，页边距固定。
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
          <span
            data-testid="preview-count"
            aria-live="polite"
            data-layout-ms={layout && laidOut ? Math.round(laidOut.ms) : undefined}
          >
            {layout ? `共 ${layout.pages.length} 页` : '正在排版…'}
          </span>
          <CheckField checked={fitWidth} onChange={setFitWidth}>
            适合窗口宽度
          </CheckField>
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
