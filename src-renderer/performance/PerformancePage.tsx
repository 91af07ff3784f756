import { ActionButton } from '../actions/ActionButton';
import { useEffect, useMemo, useState } from 'react';
import {
  emptyOverall,
  emptyProject,
  emptySummary,
  type PerformanceFinding,
  type PerformanceForms,
  type PerformanceTemplates,
  type ProjectForm,
} from '../../src-core';
import { useStore } from '../state/use-store';
import { useDocumentFindings } from '../state/use-document-findings';
import { FormTable } from './FormTable';
import './performance.css';

type Tab = 'summary' | 'overall' | number;

/**
 * 绩效自评表: the 绩效自评情况汇总表, the 部门整体绩效自评表 and each 项目绩效自评表 of 第六部分 附件, laid out like the
 * printed forms and edited in place. Each form's findings (执行率, the totals against 公开05表, 指标 without their
 * values) are marked on their cells and listed above the form; a click on one goes to its cell.
 */
export function PerformancePage() {
  const templates = useStore().session.formSet.performance;
  // The forms are the profile's own; a profile that prints none (上海 2024) has no such part to open.
  if (!templates)
    return (
      <div className="gk-page" data-testid="performance-none">
        <p>本表样不印绩效自评表。</p>
      </div>
    );
  return <PerformanceEditor templates={templates} />;
}

function PerformanceEditor({ templates }: { templates: PerformanceTemplates }) {
  const store = useStore();
  const doc = store.session.document;
  const perf: PerformanceForms = doc.performance ?? {};
  const projects = perf.projects ?? [];
  const [tab, setTab] = useState<Tab>('summary');
  // A finding clicked in 审核结果: open its form and show its field.
  const focus = store.performanceFocus;
  useEffect(() => {
    if (!focus) return;
    const [first, index] = focus.path.split('.');
    const target: Tab =
      first === 'projects' && index !== undefined
        ? Number(index)
        : first === 'overall'
          ? 'overall'
          : 'summary';
    setTab(target);
    const timer = setTimeout(() => {
      const field =
        document.querySelector<HTMLElement>(`[data-path="${CSS.escape(focus.path)}"]`) ??
        document.querySelector<HTMLElement>(`[data-path^="${CSS.escape(focus.path)}"]`);
      field?.scrollIntoView({ block: 'center' });
      field?.focus();
    }, 50);
    return () => clearTimeout(timer);
  }, [focus]);
  const current: Tab =
    typeof tab === 'number' && tab >= projects.length
      ? projects.length > 0
        ? projects.length - 1
        : 'summary'
      : tab;

  // The document's findings (rechecked once per revision, the tables feed them too): those of the 绩效自评表.
  const documentFindings = useDocumentFindings();
  const findings = useMemo(
    () => documentFindings.filter((f): f is PerformanceFinding => f.kind === 'performance'),
    [documentFindings],
  );
  const marks = useMemo(() => {
    const m = new Map<string, PerformanceFinding[]>();
    for (const f of findings) m.set(f.path, [...(m.get(f.path) ?? []), f]);
    return m;
  }, [findings]);

  const set = (value: PerformanceForms, label = '修改绩效自评表') =>
    store.apply({ type: 'setPerformance', value }, label);
  const base = (t: Tab) => (typeof t === 'number' ? `projects.${t}` : t);
  const mine = (t: Tab) => findings.filter((f) => f.path === base(t) || f.path.startsWith(`${base(t)}.`));

  const addProject = () => {
    set({ ...perf, projects: [...projects, emptyProject(doc.unit.name)] }, '添加项目');
    setTab(projects.length);
  };
  const removeProject = (i: number) => {
    const name = projects[i]?.name || `项目${i + 1}`;
    set({ ...perf, projects: projects.filter((_, j) => j !== i) }, '删除项目');
    setTab(i > 0 ? i - 1 : projects.length > 1 ? 0 : 'summary');
    store.notify('info', `已删除项目绩效自评表“${name}”，可撤销。`);
  };

  const tabs: { key: Tab; label: string }[] = [
    { key: 'summary', label: '汇总表' },
    { key: 'overall', label: '部门整体' },
    ...projects.map((p, i) => ({ key: i as Tab, label: p.name || `项目${i + 1}` })),
  ];

  let body: React.ReactNode;
  if (current === 'summary' || current === 'overall') {
    const data = perf[current];
    const template = templates[current];
    body = data ? (
      <FormTable
        template={template}
        data={data as unknown as Record<string, unknown>}
        base={current}
        doc={doc}
        marks={marks}
        onChange={(next, label) => set({ ...perf, [current]: next }, label)}
      />
    ) : (
      <div className="pfe-empty">
        <p>本文件还没有{template.name}。</p>
        <ActionButton
          action="createPerformanceForm"
          className="gk-button"
          data-testid={`performance-create-${current}`}
          onPerform={() =>
            set(
              { ...perf, [current]: current === 'summary' ? emptySummary() : emptyOverall() },
              `新建${template.name}`,
            )
          }
        >
          新建{template.name}
        </ActionButton>
      </div>
    );
  } else {
    const p = projects[current] as ProjectForm;
    body = (
      <>
        <div className="pfe-form-tools">
          <span className="pfe-rate-note">
            执行率按执行数（B）÷预算数（A）核对，按所写精度四舍五入（如 93.26% 写作 93%）。
          </span>
          <ActionButton
            action="removePerformanceProject"
            className="gk-button gk-secondary pfe-danger"
            data-testid="performance-remove-project"
            onPerform={() => removeProject(current)}
          >
            删除此项目表
          </ActionButton>
        </div>
        <FormTable
          key={current}
          template={templates.project}
          data={p as unknown as Record<string, unknown>}
          base={`projects.${current}`}
          doc={doc}
          marks={marks}
          onChange={(next, label) =>
            set(
              {
                ...perf,
                projects: projects.map((x, j) => (j === current ? (next as unknown as ProjectForm) : x)),
              },
              label,
            )
          }
        />
      </>
    );
  }

  const here = mine(current);
  const errors = findings.filter((f) => f.severity === 'error').length;
  return (
    <div className="pfe-page" data-testid="performance-page">
      <header className="pfe-header">
        <h1>绩效自评表</h1>
        <span className="pfe-count" data-testid="performance-count">
          {findings.length === 0 ? '全部核对通过' : `${errors} 个错误 · ${findings.length - errors} 个提示`}
        </span>
      </header>
      <nav className="pfe-tabs" aria-label="绩效自评表">
        {tabs.map((t) => {
          const f = mine(t.key);
          const e = f.filter((x) => x.severity === 'error').length;
          return (
            <ActionButton
              action="showPerformanceTab"
              key={String(t.key)}
              className={`pfe-tab${t.key === current ? ' active' : ''}`}
              data-testid={`performance-tab-${t.key}`}
              onPerform={() => setTab(t.key)}
              title={typeof t.key === 'number' ? `${t.label}项目绩效自评表` : templates[t.key].name}
            >
              <span className="pfe-tab-name">{t.label}</span>
              {e > 0 && <span className="gk-badge gk-badge-error">{e}</span>}
              {f.length - e > 0 && <span className="gk-badge gk-badge-warning">{f.length - e}</span>}
            </ActionButton>
          );
        })}
        <ActionButton
          action="addPerformanceProject"
          className="pfe-tab pfe-add"
          data-testid="performance-add-project"
          onPerform={addProject}
        >
          ＋ 新建项目绩效自评表
        </ActionButton>
      </nav>
      {here.length > 0 && (
        <ul className="pfe-findings" aria-label="本表审核结果">
          {here.map((f) => (
            <li key={f.id} className={`pfe-finding pfe-${f.severity}`}>
              <ActionButton
                action="showPerformanceField"
                className="gk-link"
                onPerform={() => focusPath(f.path)}
              >
                {f.severity === 'error' ? '错误' : '提示'}
              </ActionButton>
              <span>{f.message}</span>
            </li>
          ))}
        </ul>
      )}
      <div className="pfe-sheet">{body}</div>
    </div>
  );
}

/** Scrolls to the field a finding is about and puts the cursor in it. */
function focusPath(path: string) {
  const el = document.querySelector<HTMLElement>(`[data-path="${CSS.escape(path)}"]`);
  if (!el) return;
  el.scrollIntoView({ block: 'center', behavior: 'smooth' });
  el.focus({ preventScroll: true });
}
