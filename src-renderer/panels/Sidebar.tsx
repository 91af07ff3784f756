import { useStore } from '../state/use-store';

/** The nine tables with their error/warning badges, and 单位信息. */
export function Sidebar() {
  const store = useStore();
  const findings = store.workbook.findings();
  return (
    <nav className="gk-sidebar" aria-label="报表">
      <div className="gk-side-title">部门决算公开表</div>
      <ul>
        {store.session.formSet.tables.map((t) => {
          const mine = findings.filter((f) => f.cell.table === t.id);
          const errors = mine.filter((f) => f.severity === 'error').length;
          const warnings = mine.length - errors;
          return (
            <li key={t.id}>
              <button
                type="button"
                className={`gk-side-item${store.page === t.id ? ' active' : ''}`}
                data-testid={`nav-${t.id}`}
                onClick={() => store.setPage(t.id)}
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
              </button>
            </li>
          );
        })}
      </ul>
      <div className="gk-side-title">本单位</div>
      <ul>
        <li>
          <button
            type="button"
            className={`gk-side-item${store.page === 'unit' ? ' active' : ''}`}
            data-testid="nav-unit"
            onClick={() => store.setPage('unit')}
          >
            <span className="gk-side-name">单位信息</span>
          </button>
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
