import { describe, expect, it } from 'vitest';
import { applyOperation, Workbook } from '../..';
import { formSet, loadSample } from '../../engine/__tests__/helpers';
import { landingFrom, planPaste } from '../plan-paste';

const doc = loadSample();
const wb = new Workbook(formSet, doc);
const table = wb.tables.get('03');
if (!table) throw new Error('no 公开03表');

describe('planPaste (the grid’s paste, and any caller with logical addresses)', () => {
  it('fills entered cells by the table’s rows and columns and says how many', () => {
    // 公开03表 2013350 (2栏 230.68) and the row under it, 2013399 (2栏 0.89).
    const plan = planPaste(wb, table, [['1', ''], ['2']], landingFrom(table, '2013350', '2'));
    expect(plan.edits).toEqual([
      { row: '2013350', col: '2', text: '1' },
      { row: '2013350', col: '3', text: null },
      { row: '2013399', col: '2', text: '2' },
    ]);
    expect(plan.notice).toEqual({ level: 'info', text: '已粘贴 3 个单元格', details: [] });
  });

  it('keeps a figure pasted on a computed cell as its own and names it; counts what fell outside', () => {
    const plan = planPaste(
      wb,
      table,
      [['999', '5', '6', '7', '8', '9', '10', '11', '12']],
      landingFrom(table, '201', '1'),
    );
    expect(plan.edits[0]).toEqual({ row: '201', col: '1', text: '999' });
    expect(plan.onDerived.length).toBeGreaterThan(0);
    expect(plan.outside).toBeGreaterThan(0);
    expect(plan.notice.level).toBe('warning');
    expect(plan.notice.details.join('\n')).toMatch(/计算单元格.*\n.*超出了表格范围/s);
    // Applied, the computed cell keeps the pasted figure, marked as entered.
    const next = applyOperation(doc, { type: 'setCells', table: '03', cells: plan.edits }).doc;
    expect(new Workbook(formSet, next).cell('03', '201', '1')).toMatchObject({
      derived: true,
      entered: true,
    });
  });

  it('fills a selection with one value, as Excel does, and never pastes onto labels silently', () => {
    const filled = planPaste(wb, table, [['3']], landingFrom(table, '2013350', '2'), { height: 2, width: 1 });
    expect(filled.edits.map((e) => e.text)).toEqual(['3', '3']);
    const onLabels = planPaste(wb, table, [['x', 'y']], () => ({ kind: 'text' }));
    expect(onLabels.edits).toEqual([]);
    expect(onLabels.notice).toMatchObject({ level: 'warning', text: '已粘贴 0 个单元格' });
    expect(onLabels.notice.details).toEqual(['2 个值落在项目名称、行次或空白处，未粘贴']);
  });
});
