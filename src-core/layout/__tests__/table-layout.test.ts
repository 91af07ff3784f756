import { describe, expect, it } from 'vitest';
import { Workbook } from '../../engine';
import { formSet, loadSample } from '../../engine/__tests__/helpers';
import { tableLayout, type LayoutCell } from '../table-layout';

const wb = new Workbook(formSet, loadSample());
const layoutOf = (id: string) =>
  tableLayout(wb.tables.get(id) as NonNullable<ReturnType<typeof wb.tables.get>>);
const text = (c: LayoutCell | undefined) =>
  c?.kind === 'text' ? c.text : c?.kind === 'value' ? `${c.row}:${c.col}` : c?.kind;

describe('tableLayout lays tables out as the paper forms', () => {
  it('公开01表: income and expenditure side by side, 行次 continuing', () => {
    const l = layoutOf('01');
    expect(l.columns).toHaveLength(6);
    expect(l.body).toHaveLength(31);
    expect(l.body[0]?.cells.map(text)).toEqual([
      '一、一般公共预算财政拨款收入',
      '1',
      '1:1',
      '一、一般公共服务支出',
      '32',
      '32:2',
    ]);
    expect(l.body[8]?.cells.map(text)).toEqual(['', '9', 'empty', '九、卫生健康支出', '40', '40:2']);
    expect(l.body[30]?.cells.map(text)).toEqual(['总计', '31', '31:1', '总计', '62', '62:2']);
    expect(l.columnNoRow).toBe(2);
  });

  it('公开06表: three blocks and the two footer totals', () => {
    const l = layoutOf('06');
    expect(l.columns).toHaveLength(9);
    expect(l.body[0]?.cells.map(text)).toEqual([
      '301',
      '工资福利支出',
      '301:1',
      '302',
      '商品和服务支出',
      '302:1',
      '310',
      '资本性支出',
      '310:1',
    ]);
    const footer = l.body.at(-1);
    expect(footer?.kind).toBe('footer');
    expect(footer?.cells.map(text)).toEqual([
      '人员经费合计',
      'covered',
      '人员经费合计:1',
      '公用经费合计',
      'covered',
      'covered',
      'covered',
      'covered',
      '公用经费合计:1',
    ]);
    expect(l.columnNoRow).toBeUndefined();
  });

  it('classification tables: 合计 first, the code spanning 类/款/项', () => {
    const l = layoutOf('03');
    expect(l.body[0]?.kind).toBe('total');
    expect(l.body[1]?.cells.slice(0, 5).map(text)).toEqual([
      '201',
      'covered',
      'covered',
      '一般公共服务支出',
      '201:1',
    ]);
    expect(l.header.find((h) => h.text === '功能分类科目编码')).toMatchObject({ row: 1, col: 0, colSpan: 3 });
  });

  it('公开09表: one row of twelve amounts under a four-row header', () => {
    const l = layoutOf('09');
    expect(l.body).toHaveLength(1);
    expect(l.body[0]?.cells).toHaveLength(12);
    expect(l.headerRows).toBe(4);
    expect(l.columnNoRow).toBe(3);
  });
});
