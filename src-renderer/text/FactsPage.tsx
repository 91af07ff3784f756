import { ActionButton } from '../actions/ActionButton';
import {
  Decimal,
  formatAmount,
  classBreakdown,
  formSetFor,
  formSetOfDocument,
  parseAmount,
  priorYearFrom,
  readDocument,
  type Facts,
} from '../../src-core';
import { CommitInput } from '../panels/CommitInput';
import { useHost, useStore } from '../state/use-store';
import './text.css';

const PRIOR_METRICS = [
  '收支总计',
  '本年收入合计',
  '本年支出合计',
  '财政拨款收支总计',
  '一般公共预算财政拨款收入',
  '一般公共预算财政拨款支出',
  '三公经费预算',
  '三公经费决算',
  '公务用车购置及运行维护费预算',
  '公务用车购置及运行维护费决算',
];

/** 补充数据: the facts the text needs that no table holds, entered once, with last year's from last year's file. */
export function FactsPage() {
  const store = useStore();
  const host = useHost();
  const facts = store.document.facts ?? {};
  const unit = store.document.unit.moneyUnit;
  const classes = classBreakdown(store.session.formSet, store.workbook);
  const prior = facts.priorYear ?? {};
  const priorYear = prior.year ?? store.document.unit.year - 1;

  const setFact = <K extends keyof Facts>(key: K, value: Facts[K] | undefined) =>
    store.apply(
      { type: 'setFact', key, value: value === undefined || isEmpty(value) ? null : value },
      '修改补充数据',
    );

  /** An amount field: blank clears it; anything not an amount is refused with the parser's message. */
  const amount = (value: string | undefined, apply: (v: string | undefined) => void, testId?: string) => (
    <CommitInput
      // Shown as the tables show amounts (1,455.41); what is typed is parsed as any amount is.
      value={value === undefined ? '' : formatAmount(new Decimal(value))}
      inputMode="decimal"
      className="gk-amount-input"
      data-testid={testId}
      onCommit={(text) => {
        const parsed = parseAmount(text);
        if (!parsed.ok) return parsed.message;
        apply(parsed.value === null ? undefined : parsed.value.toFixed());
      }}
    />
  );
  const count = (value: string | undefined, apply: (v: string | undefined) => void) => (
    <CommitInput
      value={value ?? ''}
      inputMode="numeric"
      onCommit={(text) => {
        const t = text.trim();
        if (t === '') return apply(undefined);
        if (!/^\d+$/.test(t)) return '应是整数，如 1。';
        apply(String(Number(t)));
      }}
    />
  );

  const importLastYear = async () => {
    const picked = await host.api.importFile({ purpose: 'lastYear' });
    if (picked.status === 'cancelled') return;
    if (picked.status === 'failed') {
      store.showDialog({ kind: 'message', title: '读取上年文件失败', text: picked.message });
      return;
    }
    const read = readDocument(new TextDecoder().decode(picked.data), formSetFor);
    if (!read.ok) {
      store.showDialog({ kind: 'message', title: `无法读取“${picked.fileName}”`, text: read.message });
      return;
    }
    const forms = formSetOfDocument(read.document);
    if (!forms) return;
    const value = priorYearFrom(forms, read.document);
    setFact('priorYear', value);
    store.notify(
      'info',
      `已从 ${picked.fileName} 读入 ${value.year} 年度的 ${Object.keys(value.metrics ?? {}).length} 项数据`,
    );
  };

  return (
    <div className="gk-facts" data-testid="facts-page">
      <h1 className="gk-part-title">补充数据</h1>
      <p className="gk-hint">
        情况说明里用到、但九张表里没有的数。金额单位：{unit}。填一次，草稿和文字核对都会用到。
      </p>

      <h2>年初预算（一般公共预算财政拨款支出）</h2>
      <div className="gk-grid2">
        <span>合计</span>
        {amount(
          facts.budget?.total,
          (v) => setFact('budget', { ...facts.budget, total: v }),
          'fact-budget-total',
        )}
        {classes.map((c) => (
          <Row key={c.code} label={`${c.code} ${c.name}`}>
            {amount(facts.budget?.byClass?.[c.code], (v) =>
              setFact('budget', { ...facts.budget, byClass: withKey(facts.budget?.byClass, c.code, v) }),
            )}
          </Row>
        ))}
      </div>

      <h2>
        上年数（{priorYear}年度）{' '}
        <ActionButton
          action="importPriorYear"
          className="gk-button gk-small gk-secondary"
          onPerform={() => void importLastYear()}
        >
          从上年文件读入…
        </ActionButton>
      </h2>
      <div className="gk-grid2">
        <span>年度</span>
        {count(prior.year === undefined ? undefined : String(prior.year), (v) =>
          setFact('priorYear', { ...prior, year: v === undefined ? undefined : Number(v) }),
        )}
        {PRIOR_METRICS.map((name) => (
          <Row key={name} label={name}>
            {amount(prior.metrics?.[name], (v) =>
              setFact('priorYear', { ...prior, metrics: withKey(prior.metrics, name, v) }),
            )}
          </Row>
        ))}
        {classes.map((c) => (
          <Row key={c.code} label={`一般公共预算 ${c.code} ${c.name}`}>
            {amount(prior.byClass?.[c.code], (v) =>
              setFact('priorYear', { ...prior, byClass: withKey(prior.byClass, c.code, v) }),
            )}
          </Row>
        ))}
      </div>

      <h2>政府采购支出</h2>
      <div className="gk-grid2">
        {(
          [
            ['total', '政府采购支出总额'],
            ['goods', '货物'],
            ['works', '工程'],
            ['services', '服务'],
            ['sme', '授予中小企业合同金额'],
            ['small', '其中授予小微企业合同金额'],
          ] as const
        ).map(([key, label]) => (
          <Row key={key} label={label}>
            {amount(facts.procurement?.[key], (v) =>
              setFact('procurement', { ...facts.procurement, [key]: v }),
            )}
          </Row>
        ))}
      </div>

      <h2>国有资产占用与机关运行经费</h2>
      <div className="gk-grid2">
        <span>车辆（辆）</span>
        {count(facts.assets?.vehicles, (v) => setFact('assets', { ...facts.assets, vehicles: v }))}
        <span>车辆用途</span>
        <CommitInput
          value={facts.assets?.vehicleUse ?? ''}
          onCommit={(t) => setFact('assets', { ...facts.assets, vehicleUse: t.trim() || undefined })}
        />
        <span>单价100万元（含）以上设备（台/套）</span>
        {count(facts.assets?.equipment, (v) => setFact('assets', { ...facts.assets, equipment: v }))}
        <span>开支财政拨款的公务用车保有量（辆）</span>
        {count(facts.vehiclesHeld, (v) => setFact('vehiclesHeld', v))}
        <span>机关运行经费</span>
        {amount(facts.officeOperation, (v) => setFact('officeOperation', v))}
      </div>

      <h2>预算绩效</h2>
      <div className="gk-grid2">
        <span>绩效自评项目个数</span>
        {count(facts.performance?.projects, (v) =>
          setFact('performance', { ...facts.performance, projects: v }),
        )}
        <span>项目全年预算数</span>
        {amount(facts.performance?.projectBudget, (v) =>
          setFact('performance', { ...facts.performance, projectBudget: v }),
        )}
        <span>绩效自评覆盖率（%）</span>
        {amount(facts.performance?.coverage, (v) =>
          setFact('performance', { ...facts.performance, coverage: v }),
        )}
      </div>
    </div>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <span>{label}</span>
      {children}
    </>
  );
}

function withKey(
  record: Readonly<Record<string, string>> | undefined,
  key: string,
  value: string | undefined,
): Record<string, string> | undefined {
  const next = { ...(record ?? {}) };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return Object.keys(next).length === 0 ? undefined : next;
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (typeof value !== 'object') return false;
  return Object.values(value as Record<string, unknown>).every(isEmpty);
}
