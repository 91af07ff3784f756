import { describe, expect, it } from 'vitest';
import {
  estimateTableHeight,
  MIN_ONE_PAGE_SCALE,
  onePageFit,
  onePageScale,
  type TablePageContent,
} from '../page-fit';

/** A table page of `rows` body rows in four columns (name, 行次, two amounts), landscape A4 inside 15 mm margins. */
function content(rows: number): TablePageContent {
  return {
    title: '2023年度财政拨款收入支出决算总表',
    header: [
      { text: '项目', row: 0, col: 0, colSpan: 1, rowSpan: 1 },
      { text: '行次', row: 0, col: 1, colSpan: 1, rowSpan: 1 },
      { text: '决算数', row: 0, col: 2, colSpan: 2, rowSpan: 1 },
    ],
    headerRows: 1,
    body: Array.from({ length: rows }, (_, i) => [
      { text: `一般公共预算财政拨款${i}`, col: 0, colSpan: 1 },
      { text: String(i + 1), col: 1, colSpan: 1 },
      { text: '1,455.41', col: 2, colSpan: 1 },
      { text: '1,455.41', col: 3, colSpan: 1 },
    ]),
    percents: [40, 10, 25, 25],
    widthPt: 756,
    notes: ['注：本表反映部门本年度的总收支和年末结转结余情况。'],
    explanation: [],
  };
}
const LANDSCAPE_HEIGHT = 507.4;

describe('onePageScale: the one rule of the PDF and the Excel print setup', () => {
  it('is 1 for what fits, the shrink for what fits at 65% or more (width or height), null below', () => {
    const page = { width: 500, height: 700 };
    expect(onePageScale({ width: 400, height: 600 }, page)).toBe(1);
    expect(onePageScale({ width: 500, height: 800 }, page)).toBeCloseTo(0.875);
    expect(onePageScale({ width: 700, height: 700 }, page)).toBeCloseTo(500 / 700);
    expect(onePageScale({ width: 1000, height: 700 }, page)).toBeNull();
  });

  it('gives up below MIN_ONE_PAGE_SCALE', () => {
    expect(
      onePageScale({ width: 500, height: 700 / (MIN_ONE_PAGE_SCALE - 0.01) }, { width: 500, height: 700 }),
    ).toBeNull();
  });
});

describe('onePageFit', () => {
  it('leaves a table that fits as it is', () => {
    expect(onePageFit(content(10), 10, LANDSCAPE_HEIGHT)).toEqual({
      fontPt: 10,
      compact: false,
      onePage: true,
    });
  });

  it('shrinks a table a little too long, to the largest size whose estimate fits', () => {
    const c = content(34);
    expect(estimateTableHeight(c, 10)).toBeGreaterThan(LANDSCAPE_HEIGHT);
    const fit = onePageFit(c, 10, LANDSCAPE_HEIGHT);
    expect(fit.compact).toBe(true);
    expect(fit.fontPt).toBeLessThan(10);
    expect(fit.fontPt).toBeGreaterThanOrEqual(10 * MIN_ONE_PAGE_SCALE);
    expect(estimateTableHeight(c, fit.fontPt, true) * 1.04).toBeLessThanOrEqual(LANDSCAPE_HEIGHT);
    expect(estimateTableHeight(c, fit.fontPt + 0.1, true) * 1.04).toBeGreaterThan(LANDSCAPE_HEIGHT);
  });

  it('keeps a long table at its size, to run over several pages rather than print illegibly small', () => {
    expect(onePageFit(content(120), 10, LANDSCAPE_HEIGHT)).toEqual({
      fontPt: 10,
      compact: false,
      onePage: false,
    });
  });

  it('counts wrapped names: a narrow name column makes the rows taller', () => {
    const wide = content(20);
    const narrow = { ...wide, percents: [8, 10, 41, 41] };
    expect(estimateTableHeight(narrow, 10)).toBeGreaterThan(estimateTableHeight(wide, 10));
  });
});
