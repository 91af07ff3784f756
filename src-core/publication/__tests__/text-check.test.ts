import { describe, expect, it } from 'vitest';
import { Decimal } from '../../money';
import { applyOperation, type GongkaiDocument } from '../../document';
import { Workbook } from '../../engine';
import { formSet, loadSample } from '../../engine/__tests__/helpers';
import { checkedClaims, checkText, textReport } from '../text-check';

function run(doc: GongkaiDocument = loadSample()) {
  const checked: string[] = [];
  const findings = checkText(formSet, new Workbook(formSet, doc), doc, (c) =>
    checked.push(`${c.section}:${c.written}`),
  );
  return { findings, checked };
}

describe('text ↔ table consistency on the reference’s own text', () => {
  const { findings, checked } = run();

  it('checks the numbers the text states about the tables and facts', () => {
    expect(checked.length).toBeGreaterThan(90);
    const report = textReport(formSet, new Workbook(formSet, loadSample()), loadSample());
    expect(report.checked).toBe(checked.length);
    expect(report.stated).toBe(report.checked + report.unchecked.length);
    for (const claim of [
      'explanation.totals:1455.41万元',
      'explanation.totals:3.23%',
      'explanation.expenditure:23.93%',
      'explanation.expenditure:76.07%',
      'explanation.general:91.54%',
      'explanation.general:4.39%',
      'explanation.general:88.76%',
      'explanation.general:85.95%',
      'explanation.general:211.14%',
      'explanation.basic:343.37万元',
      'explanation.procurement:0.13%',
      'explanation.assets:1辆',
      'explanation.performance:86.36%',
    ]) {
      expect(checked, claim).toContain(claim);
    }
  });

  it('says where the reference’s text and tables disagree: the “三公” budget', () => {
    expect(findings.map((f) => `${f.section}#${f.paragraph} ${f.written} → ${f.expected}`)).toEqual([
      'explanation.threePublic#1 2.88万元 → 0.89万元',
      'explanation.threePublic#1 30.9% → 100%',
      'explanation.threePublic#4 2.43万元 → 0.89万元',
      'explanation.threePublic#4 17.57万元 → 19.11万元',
      'explanation.threePublic#5 0% → 不适用',
    ]);
    const first = findings[0];
    expect(first?.kind).toBe('text');
    expect(first?.severity).toBe('error');
    expect(first?.source).toBe('公开09表 1栏（预算数合计）');
    expect(first?.cell).toEqual({ table: '09', row: 'main', col: '1' });
    expect(first?.message).toContain('预算为2.88万元');
  });

  it('never guesses the subject of an item it does not know (宣传事务 954.62万元): it is checked only as the sum its 其中 lists', () => {
    expect(findings.some((f) => f.written?.includes('954.62'))).toBe(false);
    const doc = loadSample();
    const claim = checkedClaims(formSet, new Workbook(formSet, doc), doc).find(
      (c) => c.written === '954.62万元',
    );
    // Not 公开05表's 宣传事务 (1,332.23 in all, 1,100.65 of it 项目支出): 新闻宣传 826.82 + 政务新媒体 127.80.
    expect(claim?.source).toBe('同句“其中”所列各项之和');
  });
});

describe('a changed table value makes the matching sentence a finding', () => {
  it('人员经费 in section 六 follows 公开06表', () => {
    const doc = applyOperation(loadSample(), {
      type: 'setCells',
      table: '06',
      cells: [{ row: '30101', col: '1', text: '79.49' }],
    }).doc;
    const f = run(doc).findings.filter((x) => x.section === 'explanation.basic');
    expect(f.map((x) => `${x.written} → ${x.expected}`)).toEqual(['343.37万元 → 353.37万元']);
  });

  it('a 类 share in section 五 follows 公开05表', () => {
    const doc = applyOperation(loadSample(), {
      type: 'setCells',
      table: '05',
      cells: [{ row: '2101102', col: '2', text: '10.17' }],
    }).doc;
    const f = run(doc).findings.filter((x) => x.section === 'explanation.general');
    expect(f.map((x) => x.written)).toContain('27.61万元');
    expect(f.map((x) => x.written)).toContain('91.54%');
  });
});

describe('open to-dos', () => {
  it('a 【待填写】 left in the text is a warning', () => {
    const doc = applyOperation(loadSample(), {
      type: 'setSection',
      key: 'explanation.operation',
      value: { paragraphs: ['2023年度本单位机关运行经费支出0万元。主要原因是【待填写：原因】。'] },
    }).doc;
    const todo = run(doc).findings.filter((x) => x.kind === 'todo');
    expect(todo).toHaveLength(1);
    expect(todo[0]?.severity).toBe('warning');
    expect(todo[0]?.message).toContain('【待填写：原因】');
  });
});

describe('wording variants and other items are read right (no false findings)', () => {
  const withText = (doc: GongkaiDocument, key: string, paragraphs: string[]) =>
    applyOperation(doc, { type: 'setSection', key, value: { paragraphs } }).doc;
  const findingsOf = (doc: GongkaiDocument, key: string) =>
    run(doc).findings.filter((f) => f.section === key && f.kind === 'text');

  it('shares follow the item of their own clause; unknown items are not checked', () => {
    let doc = applyOperation(loadSample(), {
      type: 'setCells',
      table: '03',
      cells: [{ row: '2013350', col: '5', text: '50' }],
    }).doc;
    doc = withText(doc, 'explanation.expenditure', [
      '2023年度支出合计1505.41万元。其中：基本支出348.29万元，占本年支出23.14%；经营支出50万元，占本年支出3.32%；其中宣传事务954.62万元，占65.59%。',
      '基本支出348.29万元，占比23.14%。新闻宣传项目支出826.82万元，退休人员经费20万元。',
    ]);
    expect(findingsOf(doc, 'explanation.expenditure')).toEqual([]);
  });

  it('a clause about last year is compared with last year’s figures', () => {
    const doc = withText(loadSample(), 'explanation.totals', [
      '2022年度支出合计1409.82万元，上年收支总计为1409.82万元。2023年度收、支总计1455.41万元，比上年增长45.59万元，同比增长3.23%。',
      '2022年度支出合计1400万元。',
    ]);
    const f = findingsOf(doc, 'explanation.totals');
    expect(f.map((x) => `${x.paragraph} ${x.written} → ${x.expected}`)).toEqual(['1 1400万元 → 1409.82万元']);
  });

  it('shares of a named base', () => {
    const doc = withText(loadSample(), 'explanation.general', [
      '一般公共服务支出1332.23万元，占一般公共预算财政拨款支出的91.54%。',
      '一般公共服务支出1332.23万元，占一般公共预算财政拨款支出的90%。',
    ]);
    expect(
      findingsOf(doc, 'explanation.general').map((x) => `${x.paragraph} ${x.written} → ${x.expected}`),
    ).toEqual(['1 90% → 91.54%']);
  });

  it('numbers outside 第三部分 are not checked against the tables', () => {
    const doc = withText(loadSample(), 'keyWork.main', ['全年收入合计1万元，占本年收入1%。']);
    expect(run(doc).findings.filter((f) => f.section === 'keyWork.main')).toEqual([]);
  });

  it('every 【待填写】 of a paragraph is listed', () => {
    const doc = withText(loadSample(), 'explanation.operation', ['【待填写：甲】和【待填写：乙】。']);
    expect(
      run(doc)
        .findings.filter((f) => f.kind === 'todo')
        .map((f) => f.start),
    ).toEqual([0, 8]);
  });

  it('a document kept in 元 is read in 万元, as the text speaks', () => {
    const sample = loadSample();
    const times = (v: string) => (/^-?\d+(\.\d+)?$/.test(v) ? new Decimal(v).times(10000).toFixed() : v);
    const scale = (o: unknown): unknown =>
      typeof o === 'string'
        ? times(o)
        : o && typeof o === 'object'
          ? Object.fromEntries(
              Object.entries(o).map(([k, v]) => [
                k,
                k === 'year' ||
                k === 'projects' ||
                k === 'vehicles' ||
                k === 'equipment' ||
                k === 'vehiclesHeld' ||
                k === 'coverage'
                  ? v
                  : scale(v),
              ]),
            )
          : o;
    const tables = Object.fromEntries(
      Object.entries(sample.tables).map(([id, t]) => [
        id,
        { ...t, values: scale(t.values) as typeof t.values },
      ]),
    );
    const doc: GongkaiDocument = {
      ...sample,
      unit: { ...sample.unit, moneyUnit: '元' },
      tables,
      facts: scale(sample.facts) as GongkaiDocument['facts'],
    };
    expect(run(doc).findings.map((f) => `${f.written} → ${f.expected}`)).toEqual(
      run().findings.map((f) => `${f.written} → ${f.expected}`),
    );
  });
});

describe('an invalid amount in the tables', () => {
  // 12a under 公开03表 201 makes 本年支出合计 unknowable (shown as —); it must not be read as 0.
  const invalid = applyOperation(loadSample(), {
    type: 'setCells',
    table: '03',
    cells: [{ row: '2013350', col: '2', text: '12a' }],
  }).doc;

  it('leaves the sentences about what it hides unchecked instead of expecting 0', () => {
    const before = new Set(run().findings.map((f) => f.id));
    const after = run(invalid).findings;
    expect(after.filter((f) => !before.has(f.id))).toEqual([]);
  });
});
