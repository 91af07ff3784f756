import { ActionButton } from '../actions/ActionButton';
import { pageKey, samePage, tablePage, type Page } from '../state/editor-store';
import { useEditorStore, useStoreSelector } from '../state/use-store';
import type { EditorStore } from '../state/editor-store';
import { countRender } from '../state/render-counts';

/** The nine tables with their error/warning badges, and 单位信息. */
export function Sidebar() {
  countRender('Sidebar');
  const store = useEditorStore();
  // Redrawn when its badges' counts change, not on every edit (nor when a finding's 差额 merely changes).
  useStoreSelector((s) => [
    s.page,
    s.session,
    s.document.unit,
    tableCounts(s),
    textCounts(s),
    s.shownReport().pending,
  ]);
  const findings = store.workbook.findings();
  const report = store.shownReport();
  const documentFindings = report.findings;
  // The publication's parts as pages of their own (the tables part is the list above), then 补充数据.
  const textPages = [
    ...store.session.formSet.publication.parts
      .filter((p) => !p.tables)
      .map((p) => ({
        page: store.pageOfPart(p.key),
        label: `${p.title.split(' ')[0] ?? ''} ${p.nav ?? p.key}`,
        sections: new Set((p.sections ?? []).map((s) => s.key)),
      })),
    { page: { kind: 'facts' } as Page, label: '补充数据', sections: new Set<string>() },
  ];
  return (
    <nav className="gk-sidebar" aria-label="报表">
      <div className="gk-side-title">部门决算公开表</div>
      <ul>
        {store.session.formSet.tables.map((t) => {
          const mine = findings.filter((f) => f.cell.table === t.id);
          const errors = mine.filter((f) => f.severity === 'error').length;
          const warnings =
            mine.length -
            errors +
            documentFindings.filter((f) => f.kind === 'emptyTable' && f.table === t.id).length;
          return (
            <li key={t.id}>
              <ActionButton
                action="showPage"
                arg={tablePage(t.id)}
                className={`gk-side-item${samePage(store.page, tablePage(t.id)) ? ' active' : ''}`}
                data-testid={`nav-${t.id}`}
                title={`${t.code} ${t.title}`}
              >
                <span className="gk-side-code">{t.code}</span>
                <span className="gk-side-name">{t.shortTitle}</span>
                {errors > 0 && (
                  <span
                    className="gk-badge gk-badge-error"
                    title={`${errors} 个错误`}
                    data-testid={`badge-error-${t.id}`}
                  >
                    {errors}
                  </span>
                )}
                {warnings > 0 && (
                  <span
                    className="gk-badge gk-badge-warning"
                    title={`${warnings} 个提示`}
                    data-testid={`badge-warning-${t.id}`}
                  >
                    {warnings}
                  </span>
                )}
              </ActionButton>
            </li>
          );
        })}
      </ul>
      <div className="gk-side-title">公开文本</div>
      <ul>
        {textPages.map((p) => {
          const mine = documentFindings.filter(
            (f) =>
              (f.kind === 'performance' && p.page.kind === 'performance') ||
              ('section' in f && p.sections.has(f.section)),
          );
          const errors = mine.filter((f) => f.severity === 'error').length;
          const warnings = mine.length - errors;
          return (
            <li key={pageKey(p.page)}>
              <ActionButton
                action="showPage"
                arg={p.page}
                className={`gk-side-item${samePage(store.page, p.page) ? ' active' : ''}`}
                data-testid={`nav-${pageKey(p.page)}`}
              >
                <span className="gk-side-name">{p.label}</span>
                {errors > 0 && <span className="gk-badge gk-badge-error">{errors}</span>}
                {warnings > 0 && <span className="gk-badge gk-badge-warning">{warnings}</span>}
                {report.pending && (
                  <span className="gk-badge gk-badge-pending" title="正在核对">
                    …
                  </span>
                )}
              </ActionButton>
            </li>
          );
        })}
      </ul>
      <div className="gk-side-title">本单位</div>
      <ul>
        <li>
          <ActionButton
            action="unitInfo"
            className={`gk-side-item${store.page.kind === 'unit' ? ' active' : ''}`}
            data-testid="nav-unit"
          >
            <span className="gk-side-name">单位信息</span>
          </ActionButton>
        </li>
        <li>
          <ActionButton
            action="openConsolidation"
            className="gk-side-item"
            data-testid="consolidation-open"
            title="主管部门：装入各单位的文件，逐一审核并汇总"
          >
            <span className="gk-side-name">单位汇总</span>
          </ActionButton>
        </li>
      </ul>
      <div className="gk-side-unit" title="单位名称">
        {store.document.unit.name || '（未填单位名称）'}
        <br />
        {store.document.unit.year}年度 · 金额单位：{store.document.unit.moneyUnit}
      </div>
    </nav>
  );
}

/** The tables' error and warning counts as one string (what the badges show). */
function tableCounts(store: EditorStore): string {
  const counts = new Map<string, [number, number]>();
  for (const f of store.workbook.findings()) {
    const c = counts.get(f.cell.table) ?? [0, 0];
    c[f.severity === 'error' ? 0 : 1]++;
    counts.set(f.cell.table, c);
  }
  return [...counts].map(([t, [e, w]]) => `${t}:${e}/${w}`).join(' ');
}

/** The text check's findings by place and severity as one string (the text pages' and empty tables' badges). */
function textCounts(store: EditorStore): string {
  return store
    .shownReport()
    .findings.map(
      (f) => `${f.kind}|${'table' in f ? f.table : ''}|${'section' in f ? f.section : ''}|${f.severity}`,
    )
    .sort()
    .join(' ');
}
