import { describe, expect, it } from 'vitest';
import { applyOperation, type GongkaiDocument } from '../../document';
import { Workbook } from '../../engine';
import { formSet, loadSample } from '../../engine/__tests__/helpers';
import { buildCharts } from '../charts';

function charts(doc: GongkaiDocument = loadSample()) {
  return buildCharts(formSet, new Workbook(formSet, doc), doc);
}

/** The text an SVG shows, element by element. */
function texts(svg: string | null): string[] {
  return [...(svg ?? '').matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1] as string);
}

const withoutPriorYear = (doc: GongkaiDocument) =>
  applyOperation(doc, { type: 'setFact', key: 'priorYear', value: null }).doc;

describe('the four figures of 第三部分 drawn from the sample', () => {
  const c = charts();

  it('have the captions the reference prints', () => {
    expect(c.totals.title).toBe('图1：收、支决算总计变动情况');
    expect(c.income.title).toBe('图2：收入决算结构');
    expect(c.expenditure.title).toBe('图3：支出决算结构');
    expect(c.fiscal.title).toBe('图4：财政拨款收、支决算总计变动情况');
    for (const chart of Object.values(c)) {
      expect(chart.missing).toBeUndefined();
      expect(chart.svg).toMatch(/^<svg width="560" height="300" [^>]*viewBox="0 0 560 300">/);
      expect(chart.svg).toMatch(/<\/svg>$/);
    }
  });

  it('图1 compares 收入总计 and 支出总计 of 2022 (from the facts) and 2023 (from 公开01表)', () => {
    const t = texts(c.totals.svg);
    expect(t).toEqual(expect.arrayContaining(['2022年度', '2023年度', '收入总计', '支出总计', '单位：万元']));
    expect(t.filter((s) => s === '1409.82')).toHaveLength(2);
    expect(t.filter((s) => s === '1455.41')).toHaveLength(2);
  });

  it('图2 splits 本年收入合计 by source with the shares the text states', () => {
    expect(texts(c.income.svg)).toEqual(['财政拨款收入', '1455.41万元，100%']);
  });

  it('图3 splits 本年支出合计 into 基本支出 and 项目支出 with the shares the text states', () => {
    expect(texts(c.expenditure.svg)).toEqual([
      '基本支出',
      '348.29万元，23.93%',
      '项目支出',
      '1107.12万元，76.07%',
    ]);
  });

  it('图4 compares 财政拨款收入总计 and 财政拨款支出总计 (公开04表) of both years', () => {
    const t = texts(c.fiscal.svg);
    expect(t).toEqual(
      expect.arrayContaining(['2022年度', '2023年度', '财政拨款收入总计', '财政拨款支出总计', '单位：万元']),
    );
    expect(t.filter((s) => s === '1409.82')).toHaveLength(2);
    expect(t.filter((s) => s === '1455.41')).toHaveLength(2);
  });

  it('are print pictures: the CJK font stack, no animation leftovers, no hydration or hover markup', () => {
    for (const chart of Object.values(c)) {
      const svg = chart.svg as string;
      expect(svg).toContain("font-family:SimSun, 'Noto Serif CJK SC', 'Noto Sans CJK SC', sans-serif;");
      expect(svg).not.toMatch(/font-family:sans-serif;/);
      expect(svg).not.toContain('ecmeta_');
      expect(svg).not.toContain('<style');
      expect(svg).not.toMatch(/\bzr\d+-|class=/);
    }
  });

  it('are the same every time they are drawn (ids do not depend on how many charts came before)', () => {
    const again = charts();
    for (const key of ['totals', 'income', 'expenditure', 'fiscal'] as const) {
      expect(again[key].svg).toBe(c[key].svg);
    }
  });
});

describe('missing data is said, never invented', () => {
  it('without last year’s figures 图1 and 图4 are not drawn, 图2 and 图3 still are', () => {
    const c = charts(withoutPriorYear(loadSample()));
    expect(c.totals).toEqual({
      title: '图1：收、支决算总计变动情况',
      svg: null,
      missing: '缺少2022年度收支总计（请在补充数据中填写上年数）',
    });
    expect(c.fiscal).toEqual({
      title: '图4：财政拨款收、支决算总计变动情况',
      svg: null,
      missing: '缺少2022年度财政拨款收支总计（请在补充数据中填写上年数）',
    });
    expect(c.income.svg).toContain('1455.41万元，100%');
    expect(c.expenditure.svg).toContain('348.29万元，23.93%');
  });

  it('separate prior 收入总计 and 支出总计 are used when entered', () => {
    const doc = applyOperation(loadSample(), {
      type: 'setFact',
      key: 'priorYear',
      value: {
        year: 2022,
        metrics: { 收入总计: '1400.5', 支出总计: '1390.25', 财政拨款收支总计: '1409.82' },
      },
    }).doc;
    const t = texts(charts(doc).totals.svg);
    expect(t).toContain('1400.5');
    expect(t).toContain('1390.25');
    expect(t).not.toContain('1409.82');
  });

  it('an empty document draws nothing and says what to fill in', () => {
    const empty: GongkaiDocument = { ...withoutPriorYear(loadSample()), tables: {} };
    const c = charts(empty);
    for (const chart of Object.values(c)) expect(chart.svg).toBeNull();
    expect(c.income.missing).toBe('2023年度本年收入合计为0，无收入结构可绘制（请先填写公开01表）');
    expect(c.expenditure.missing).toBe('2023年度本年支出合计为0，无支出结构可绘制（请先填写公开01表）');
  });

  it('invalid text under a total makes the figure wait for it to be corrected', () => {
    const doc = applyOperation(loadSample(), {
      type: 'setCells',
      table: '01',
      cells: [{ row: '1', col: '1', text: '十二' }],
    }).doc;
    const c = charts(doc);
    expect(c.totals.svg).toBeNull();
    expect(c.totals.missing).toMatch(/^2023年度收入总计无法确定（请先改正公开01表中的无效数据）$/);
    expect(c.expenditure.svg).not.toBeNull();
  });

  it('parts that do not make up the whole are not drawn as a pie', () => {
    // 公开03表 [合计] 基本支出 entered as 348.29; entering another 基本支出 amount below it breaks the sum only there.
    const doc = applyOperation(loadSample(), {
      type: 'setCells',
      table: '03',
      cells: [{ row: '合计', col: '2', text: '400' }],
    }).doc;
    const c = charts(doc);
    expect(c.expenditure.svg).toBeNull();
    expect(c.expenditure.missing).toContain('支出各项之和1507.12万元与本年支出合计1455.41万元不一致');
  });
});

describe('the figures follow the tables', () => {
  it('a changed 项目支出 changes 图1, 图3 and 图4', () => {
    const before = charts();
    const doc = applyOperation(loadSample(), {
      type: 'setCells',
      table: '03',
      cells: [{ row: '2130599', col: '3', text: '6' }],
    }).doc;
    const after = charts(doc);
    expect(after.expenditure.svg).not.toBe(before.expenditure.svg);
    expect(texts(after.expenditure.svg)).toEqual([
      '基本支出',
      '348.29万元，23.91%',
      '项目支出',
      '1108.12万元，76.09%',
    ]);
    expect(texts(after.expenditure.svg)).not.toContain('348.29万元，23.93%');
  });

  it('a changed 收入 changes 图1 and 图2', () => {
    const doc = applyOperation(loadSample(), {
      type: 'setCells',
      table: '01',
      cells: [{ row: '8', col: '1', text: '44.59' }],
    }).doc;
    const c = charts(doc);
    // 收入总计 1500 (also a tick of the axis), 支出总计 still 1455.41: the imbalance shows.
    expect(texts(c.totals.svg)).toContain('1500');
    expect(texts(c.totals.svg).filter((s) => s === '1455.41')).toHaveLength(1);
    expect(texts(c.income.svg)).toEqual([
      '财政拨款收入',
      '1455.41万元，97.03%',
      '其他收入',
      '44.59万元，2.97%',
    ]);
  });

  it('amounts in 元 are labelled in 元', () => {
    const doc = applyOperation(loadSample(), { type: 'setUnit', unit: { moneyUnit: '元' } }).doc;
    const c = charts(doc);
    expect(texts(c.totals.svg)).toContain('单位：元');
    expect(texts(c.expenditure.svg)).toContain('348.29元，23.93%');
  });
});
