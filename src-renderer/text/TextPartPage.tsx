import { ActionButton } from '../actions/ActionButton';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import {
  draftSection,
  DraftUnavailable,
  fillUnit,
  type SectionTemplate,
  type TextFinding,
  TODO_OPEN,
  paragraphRoles,
  type ParagraphRole,
} from '../../src-core';
import { CHART_TITLES } from '../../src-core/publication/chart-types';
import { useStore } from '../state/use-store';
import { useDocumentFindings } from '../state/use-document-findings';
import './text.css';

/** One part of the publication (概况, 情况说明 …): its sections, their text with inline marks, drafts from the tables. */
export function TextPartPage({ partKey }: { partKey: string }) {
  const store = useStore();
  const part = store.session.formSet.publication.parts.find((p) => p.key === partKey);
  const findings = useDocumentFindings();
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
            (f): f is TextFinding =>
              (f.kind === 'text' || f.kind === 'todo' || f.kind === 'mistake') && f.section === section.key,
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
  const roles = useMemo(() => paragraphRoles(paragraphs), [paragraphs]);
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
        { type: 'setSection', key: section.key, value: sectionValue(lines, content?.units) },
        `修改${section.heading || '文字'}`,
      );
  }, [store, section.key, section.heading, content?.units]);
  // Only text that differs from the document makes it unsaved: opening the editor changes nothing yet.
  const typed = editing && draft !== paragraphs.join('\n');
  useEffect(() => {
    if (!typed) return;
    return store.holdPendingEdit(() => {
      commitTyped();
      pending.current = { ...pending.current, editing: false };
      setEditing(false);
    });
  }, [typed, store, commitTyped]);
  useEffect(() => () => commitTyped(), [commitTyped]);

  const save = (lines: string[]) =>
    store.apply(
      { type: 'setSection', key: section.key, value: sectionValue(lines, content?.units) },
      `修改${section.heading || '文字'}`,
    );

  const startEditing = () => {
    setDraft(paragraphs.join('\n'));
    setEditing(true);
  };

  const makeDraft = async () => {
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
    if (paragraphs.length > 0) {
      const choice = await store.ask(
        '替换本节文字',
        `用按报表生成的草稿替换“${section.heading || '本节'}”现有的 ${paragraphs.length} 段文字？（可以撤销）`,
        [
          { id: 'replace', label: '替换', primary: true },
          { id: 'cancel', label: '取消' },
        ],
      );
      if (choice !== 'replace') return;
    }
    save(lines);
    const open = lines.filter((l) => l.includes(TODO_OPEN)).length;
    store.notify(
      'info',
      open > 0
        ? `已按报表生成“${section.heading}”的草稿；还有 ${open} 处【待填写】，请补充原因等说明。`
        : `已按报表生成“${section.heading}”的草稿，请核对。`,
    );
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
            <ActionButton
              action="draftSection"
              className="gk-button gk-small"
              onPerform={() => void makeDraft()}
              data-testid={`draft-${section.key}`}
            >
              按报表生成草稿
            </ActionButton>
          )}
          {!editing && (
            <ActionButton
              action="editSection"
              className="gk-button gk-small gk-secondary"
              onPerform={startEditing}
              data-testid={`edit-${section.key}`}
            >
              编辑
            </ActionButton>
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
            <ActionButton
              action="saveSection"
              className="gk-button gk-small"
              data-testid={`save-${section.key}`}
              onPerform={() => {
                commitTyped();
                setEditing(false);
              }}
            >
              完成
            </ActionButton>
            <ActionButton
              action="cancelSection"
              className="gk-button gk-small gk-secondary"
              onPerform={() => setEditing(false)}
            >
              取消
            </ActionButton>
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
              <ActionButton
                action="fillSectionDefaults"
                className="gk-button gk-small"
                onPerform={() => save(defaults)}
              >
                采用标准文本
              </ActionButton>
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
            <Paragraph
              key={i}
              index={i}
              text={text}
              role={roles[i]}
              findings={findings.filter((f) => f.paragraph === i)}
            />
          ))}
        </div>
      )}
      {section.unitTable && (
        <UnitTable
          columns={section.unitTable.columns}
          units={content?.units ?? []}
          onChange={(units, label) =>
            store.apply({ type: 'setSection', key: section.key, value: { paragraphs, units } }, label)
          }
        />
      )}
      {section.chart && <Chart chart={section.chart} />}
    </section>
  );
}

type UnitRow = { readonly name: string; readonly note: string };

/** A section's text with its 单位构成 rows kept: editing the paragraphs never drops the table. */
function sectionValue(lines: string[], units: readonly UnitRow[] | undefined) {
  if (units !== undefined) return { paragraphs: lines, units: [...units] };
  return lines.length === 0 ? null : { paragraphs: lines };
}

/**
 * 部门决算单位构成 as the template prints it (序号, 单位名称, 备注; 本级 first): edited here in a unit's document;
 * in a 汇总 it is filled from the member list. Each change is one undoable step.
 */
function UnitTable({
  columns,
  units,
  onChange,
}: {
  columns: readonly [string, string, string];
  units: readonly UnitRow[];
  onChange: (units: UnitRow[], label: string) => void;
}) {
  const set = (i: number, field: 'name' | 'note', value: string) => {
    const v = value.trim();
    if ((units[i] as UnitRow)[field] === v) return;
    onChange(
      units.map((u, k) => (k === i ? { ...u, [field]: v } : u)),
      `修改单位构成第 ${i + 1} 行`,
    );
  };
  return (
    <div className="gk-unit-table">
      <table data-testid="unit-table">
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c}>{c}</th>
            ))}
            <th />
          </tr>
        </thead>
        <tbody>
          {units.map((u, i) => (
            <tr key={`${i}\u0001${u.name}\u0001${u.note}`} data-testid="unit-table-row">
              <td className="num">{i + 1}</td>
              <td>
                <input
                  defaultValue={u.name}
                  aria-label={`第 ${i + 1} 行${columns[1]}`}
                  maxLength={200}
                  onBlur={(e) => set(i, 'name', e.target.value)}
                />
              </td>
              <td>
                <input
                  defaultValue={u.note}
                  aria-label={`第 ${i + 1} 行${columns[2]}`}
                  maxLength={500}
                  onBlur={(e) => set(i, 'note', e.target.value)}
                />
              </td>
              <td>
                <ActionButton
                  action="removeUnitRow"
                  className="gk-button gk-small gk-secondary"
                  onPerform={() =>
                    onChange(
                      units.filter((_, k) => k !== i),
                      `删除单位构成第 ${i + 1} 行`,
                    )
                  }
                >
                  删除
                </ActionButton>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {units.length === 0 && <div className="gk-hint">尚未填写单位。本级列第一行，然后是各下属单位。</div>}
      <ActionButton
        action="addUnitRow"
        className="gk-button gk-small"
        data-testid="unit-table-add"
        onPerform={() => onChange([...units, { name: '', note: '' }], '添加单位构成行')}
      >
        添加单位
      </ActionButton>
    </div>
  );
}

/**
 * A paragraph as print sets it (the roles come from the same paragraphRoles): a 一、 or （一） heading, or a run-in
 * heading before its text, in 黑体/楷体; numbered items and body text plain. The spans the checker found are marked
 * (red: 与报表不一致; amber: 待填写), the message as a tooltip.
 */
function Paragraph({
  index,
  text,
  role,
  findings,
}: {
  index: number;
  text: string;
  role: ParagraphRole | undefined;
  findings: readonly TextFinding[];
}) {
  const headEnd = role && (role.kind === 'heading1' || role.kind === 'heading2') ? role.head.length : 0;
  const sorted = [...findings].sort((a, b) => a.start - b.start);
  // Plain and marked runs, cut where the heading ends so that only the heading takes its font.
  const runs: { start: number; end: number; finding?: TextFinding }[] = [];
  let at = 0;
  for (const f of sorted) {
    if (f.start < at) continue;
    if (f.start > at) runs.push({ start: at, end: f.start });
    runs.push({ start: f.start, end: f.end, finding: f });
    at = f.end;
  }
  if (at < text.length) runs.push({ start: at, end: text.length });
  const head: React.ReactNode[] = [];
  const rest: React.ReactNode[] = [];
  for (const run of runs) {
    const cuts =
      run.start < headEnd && run.end > headEnd ? [run.start, headEnd, run.end] : [run.start, run.end];
    for (let k = 0; k + 1 < cuts.length; k++) {
      const [from, to] = [cuts[k] as number, cuts[k + 1] as number];
      const piece = run.finding ? (
        <mark
          key={`${run.finding.id}-${from}`}
          className={
            run.finding.kind === 'todo' || run.finding.severity === 'warning'
              ? 'gk-mark-todo'
              : 'gk-mark-error'
          }
          title={run.finding.message}
          data-testid={
            run.finding.kind === 'todo'
              ? 'text-todo'
              : run.finding.kind === 'mistake'
                ? 'text-mistake'
                : 'text-mismatch'
          }
        >
          {text.slice(from, to)}
        </mark>
      ) : (
        text.slice(from, to)
      );
      (from < headEnd ? head : rest).push(piece);
    }
  }
  const kind = role?.kind ?? 'body';
  return (
    <p className={`gk-para gk-para-${kind}`} data-paragraph={index}>
      {head.length > 0 && <span className={`gk-para-head gk-para-head-${kind}`}>{head}</span>}
      {rest}
    </p>
  );
}

/** 图N under its section, drawn from the tables (SVG as an image: nothing in it runs). */
function Chart({ chart }: { chart: 'totals' | 'income' | 'expenditure' | 'fiscal' }) {
  const store = useStore();
  const version = useDeferredValue(store.version);
  const state = useMemo(() => store.charts(), [store, version]);
  if (state.status !== 'ready') {
    // The drawing code loads on first use: say so (or why it failed) rather than show an empty figure.
    return (
      <figure className="gk-chart" data-testid={`chart-${chart}`} aria-busy={state.status === 'loading'}>
        <div className="gk-chart-missing">{state.status === 'loading' ? '图表生成中…' : state.message}</div>
        <figcaption>{CHART_TITLES[chart]}</figcaption>
      </figure>
    );
  }
  const out = state.charts[chart];
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
