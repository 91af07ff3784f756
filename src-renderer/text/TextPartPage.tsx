import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import {
  draftSection,
  DraftUnavailable,
  fillUnit,
  type SectionTemplate,
  type TextFinding,
} from '../../src-core';
import { useStore } from '../state/use-store';
import { useDocumentFindings } from '../state/use-document-findings';
import './text.css';

/** One part of the publication (概况, 情况说明 …): its sections, their text with inline marks, drafts from the tables. */
export function TextPartPage({ partKey }: { partKey: string }) {
  const store = useStore();
  const part = store.session.formSet.publication.parts.find((p) => p.key === partKey);
  const findings = useDocumentFindings(store);
  if (!part) return null;
  const unit = store.document.unit;
  const title = fillUnit(part.title, unit, '本单位');
  return (
    <div className="gk-text-page" data-testid={`part-${partKey}`}>
      <h1 className="gk-part-title">{title}</h1>
      {(part.sections ?? []).map((section) => (
        <SectionEditor
          key={section.key}
          section={section}
          findings={findings.filter(
            (f): f is TextFinding => (f.kind === 'text' || f.kind === 'todo') && f.section === section.key,
          )}
        />
      ))}
    </div>
  );
}

function SectionEditor({
  section,
  findings,
}: {
  section: SectionTemplate;
  findings: readonly TextFinding[];
}) {
  const store = useStore();
  const content = store.document.sections?.[section.key];
  const paragraphs = content?.paragraphs ?? [];
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const ref = useRef<HTMLElement>(null);
  const focus = store.textFocus;

  useEffect(() => {
    if (!focus || focus.section !== section.key || !ref.current) return;
    const target = ref.current.querySelector(`[data-paragraph="${focus.paragraph}"]`) ?? ref.current;
    target.scrollIntoView({ block: 'center' });
    target.classList.add('gk-flash');
    const t = setTimeout(() => target.classList.remove('gk-flash'), 1600);
    return () => clearTimeout(t);
  }, [focus, section.key]);

  // What is typed stays until it is in the document: leaving the page (another table, a finding elsewhere) commits
  // it, and so do save, export and opening another file (through the store's pending edits).
  const pending = useRef({ editing, draft, original: paragraphs.join('\n'), session: store.session });
  pending.current = { editing, draft, original: paragraphs.join('\n'), session: store.session };
  const commitTyped = useCallback(() => {
    const { editing: open, draft: text, original, session } = pending.current;
    // The document was replaced meanwhile (after its own pending edits were committed): this text was its.
    if (!open || store.session !== session) return;
    const lines = text
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '');
    if (lines.join('\n') !== original)
      store.apply(
        { type: 'setSection', key: section.key, value: lines.length === 0 ? null : { paragraphs: lines } },
        `修改${section.heading || '文字'}`,
      );
  }, [store, section.key, section.heading]);
  useEffect(() => {
    if (!editing) return;
    return store.holdPendingEdit(() => {
      commitTyped();
      pending.current = { ...pending.current, editing: false };
      setEditing(false);
    });
  }, [editing, store, commitTyped]);
  useEffect(() => () => commitTyped(), [commitTyped]);

  const save = (lines: string[]) =>
    store.apply(
      { type: 'setSection', key: section.key, value: lines.length === 0 ? null : { paragraphs: lines } },
      `修改${section.heading || '文字'}`,
    );

  const startEditing = () => {
    setDraft(paragraphs.join('\n'));
    setEditing(true);
  };

  const makeDraft = () => {
    let lines: string[] | undefined;
    try {
      lines = draftSection(section.key, {
        formSet: store.session.formSet,
        wb: store.workbook,
        doc: store.document,
      });
    } catch (e) {
      if (!(e instanceof DraftUnavailable)) throw e;
      store.showDialog({ kind: 'message', title: '无法生成草稿', text: e.message });
      return;
    }
    if (!lines) return;
    if (paragraphs.length > 0 && !window.confirm('用按报表生成的草稿替换本节现有文字？（可以撤销）')) return;
    save(lines);
    store.notify('info', `已按报表生成“${section.heading}”的草稿；【待填写】处请补充原因等说明。`);
  };

  const defaults = useMemo(
    () => (section.default ?? []).map((t) => fillUnit(t, store.document.unit, '本单位')),
    [section.default, store.document.unit],
  );

  return (
    <section className="gk-section" ref={ref} data-testid={`section-${section.key}`}>
      <header className="gk-section-head">
        {section.heading && <h2>{section.heading}</h2>}
        <div className="gk-section-actions">
          {section.draft && (
            <button
              type="button"
              className="gk-button gk-small"
              onClick={makeDraft}
              data-testid={`draft-${section.key}`}
            >
              按报表生成草稿
            </button>
          )}
          {!editing && (
            <button
              type="button"
              className="gk-button gk-small gk-secondary"
              onClick={startEditing}
              data-testid={`edit-${section.key}`}
            >
              编辑
            </button>
          )}
        </div>
      </header>
      {editing ? (
        <div className="gk-section-edit">
          <textarea
            autoFocus
            value={draft}
            rows={Math.min(24, Math.max(4, draft.split('\n').length + 2))}
            data-testid={`textarea-${section.key}`}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape' && !e.nativeEvent.isComposing) setEditing(false);
            }}
          />
          <div className="gk-hint">每段一行；“（一）”“1.”开头的行按小标题和条目排版。</div>
          <div className="gk-section-actions">
            <button
              type="button"
              className="gk-button gk-small"
              data-testid={`save-${section.key}`}
              onClick={() => {
                commitTyped();
                setEditing(false);
              }}
            >
              完成
            </button>
            <button
              type="button"
              className="gk-button gk-small gk-secondary"
              onClick={() => setEditing(false)}
            >
              取消
            </button>
          </div>
        </div>
      ) : paragraphs.length === 0 ? (
        <div className="gk-section-empty">
          {defaults.length > 0 ? (
            <>
              <div className="gk-hint">尚未填写。标准文本：</div>
              {defaults.map((d, i) => (
                <p key={i} className="gk-para gk-para-default">
                  {d}
                </p>
              ))}
              <button type="button" className="gk-button gk-small" onClick={() => save(defaults)}>
                采用标准文本
              </button>
            </>
          ) : (
            <div className="gk-hint">
              尚未填写。{section.draft ? '可以先“按报表生成草稿”，再补充原因等说明。' : '点“编辑”填写。'}
            </div>
          )}
        </div>
      ) : (
        <div className="gk-paras" onDoubleClick={startEditing}>
          {paragraphs.map((text, i) => (
            <Paragraph key={i} index={i} text={text} findings={findings.filter((f) => f.paragraph === i)} />
          ))}
        </div>
      )}
      {section.chart && <Chart chart={section.chart} />}
    </section>
  );
}

/** A paragraph with the spans the checker found marked (red: 与报表不一致; amber: 待填写), the message as a tooltip. */
function Paragraph({
  index,
  text,
  findings,
}: {
  index: number;
  text: string;
  findings: readonly TextFinding[];
}) {
  const sorted = [...findings].sort((a, b) => a.start - b.start);
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const f of sorted) {
    if (f.start < at) continue;
    if (f.start > at) parts.push(text.slice(at, f.start));
    parts.push(
      <mark
        key={f.id}
        className={f.kind === 'todo' ? 'gk-mark-todo' : 'gk-mark-error'}
        title={f.message}
        data-testid={f.kind === 'todo' ? 'text-todo' : 'text-mismatch'}
      >
        {text.slice(f.start, f.end)}
      </mark>,
    );
    at = f.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  const kind = /^[（(][一二三四五六七八九十]+[)）]/.test(text)
    ? 'sub'
    : /^(\d+[.、]|[（(]\d+[)）])/.test(text)
      ? 'item'
      : 'body';
  return (
    <p className={`gk-para gk-para-${kind}`} data-paragraph={index}>
      {parts}
    </p>
  );
}

/** 图N under its section, drawn from the tables (SVG as an image: nothing in it runs). */
function Chart({ chart }: { chart: 'totals' | 'income' | 'expenditure' | 'fiscal' }) {
  const store = useStore();
  const version = useDeferredValue(store.version);
  const out = useMemo(() => store.charts()[chart], [store, version, chart]);
  return (
    <figure className="gk-chart" data-testid={`chart-${chart}`}>
      {out.svg ? (
        <img alt={out.title} src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(out.svg)}`} />
      ) : (
        <div className="gk-chart-missing">{out.missing}</div>
      )}
      <figcaption>{out.title}</figcaption>
    </figure>
  );
}
