import { describe, expect, it } from 'vitest';
import { builtinFormSet } from '../../builtin-forms';
import { applyOperation, newDocument } from '../../document';
import { Workbook } from '../../engine';
import { adoptComputed } from '../adopt-computed';

const formSet = builtinFormSet();

describe('adoptComputed (采用计算值)', () => {
  const doc = applyOperation(newDocument(2023, { name: '测试单位', moneyUnit: '万元' }), {
    type: 'setCells',
    table: '06',
    cells: [
      { row: '30101', col: '1', text: '1' },
      { row: '301', col: '1', text: '5' },
    ],
  }).doc;
  const wb = new Workbook(formSet, doc);

  it("clears a total's own figure so that it shows the sum of its parts", () => {
    const command = adoptComputed(wb, { table: '06', row: '301', col: '1' });
    if (!command.ok) throw new Error(command.message);
    expect(command.label).toBe('采用计算值');
    const after = new Workbook(formSet, applyOperation(doc, command.operation).doc);
    expect(after.cell('06', '301', '1')).toMatchObject({ entered: false });
    expect(after.cell('06', '301', '1')?.value?.toFixed()).toBe('1');
  });

  it('refuses a cell no rule computes (clearing it would lose the figure) and one already computed', () => {
    expect(adoptComputed(wb, { table: '06', row: '30101', col: '1' }).ok).toBe(false);
    const cleared = applyOperation(doc, {
      type: 'setCells',
      table: '06',
      cells: [{ row: '301', col: '1', text: null }],
    }).doc;
    const computed = new Workbook(formSet, cleared);
    expect(adoptComputed(computed, { table: '06', row: '301', col: '1' }).ok).toBe(false);
  });
});
