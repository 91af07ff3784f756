import { describe, expect, it } from 'vitest';
import { builtinFormSet } from '../../builtin-forms';
import { applyOperation, newDocument, type GongkaiDocument } from '../../document';
import { Workbook } from '../../engine';
import { DocumentSession } from '../../session';
import { convertMoneyUnit } from '../convert-money-unit';

const formSet = builtinFormSet();

/** A unit kept in 元 with its own tolerances (1 元, and 2 元 for one rule). */
function yuanDoc(): GongkaiDocument {
  const doc = newDocument(2023, { name: '测试单位', moneyUnit: '元' });
  const withCells = applyOperation(doc, {
    type: 'setCells',
    table: '06',
    cells: [
      { row: '30101', col: '1', text: '3333' },
      { row: '30102', col: '1', text: '3333' },
      { row: '30103', col: '1', text: '3334' },
    ],
  }).doc;
  return { ...withCells, settings: { tolerance: '1', ruleTolerance: { 't06-sum': '2' } } };
}

describe('convertMoneyUnit', () => {
  it('元 → 万元: converts with 舍位平衡 and puts the 尾数容差 back to 0.01 万元, as one undoable step', () => {
    const doc = yuanDoc();
    const command = convertMoneyUnit(formSet, doc, '万元');
    if (!command.ok) throw new Error(command.message);
    expect(command.label).toBe('换算为万元');
    expect(command.confirm).toContain('尾数容差改为 0.01 万元');
    const session = new DocumentSession(formSet, doc);
    session.apply(command.operation, command.label);
    const after = session.document;
    expect(after.unit.moneyUnit).toBe('万元');
    expect(after.settings).toEqual({ tolerance: '0.01', ruleTolerance: {} });
    const wb = new Workbook(formSet, after);
    expect(['30101', '30102', '30103', '301'].map((k) => wb.cell('06', k, '1')?.value?.toFixed(2))).toEqual([
      '0.33',
      '0.33',
      '0.34',
      '1.00',
    ]);
    expect(command.notices).toEqual([
      {
        level: 'info',
        text: '已换算为万元，舍位平衡调整 1 处',
        details: ['公开06表 30103 奖金 决算数：0.3334 → 四舍五入 0.33 → 调整为 0.34'],
      },
    ]);
    expect(session.undo()).toBeDefined();
    expect(session.document.settings).toEqual(doc.settings);
    expect(session.document.unit.moneyUnit).toBe('元');
  });

  it('万元 → 元 multiplies the amounts and the 尾数容差 by 10000 exactly, and asks first', () => {
    const wan = applyOperation(newDocument(2023, { name: '测试单位', moneyUnit: '万元' }), {
      type: 'setCells',
      table: '06',
      cells: [{ row: '30101', col: '1', text: '0.3334' }],
    }).doc;
    const command = convertMoneyUnit(formSet, wan, '元');
    if (!command.ok) throw new Error(command.message);
    expect(command.label).toBe('换算为元');
    expect(command.confirm).toContain('每个金额乘以 10000');
    const after = applyOperation(wan, command.operation).doc;
    expect(after.unit.moneyUnit).toBe('元');
    expect(after.tables['06']?.values['30101']?.['1']).toBe('3334');
    expect(after.settings.tolerance).toBe('100');
  });

  it('refuses to convert to the unit the document already has, or amounts it cannot read', () => {
    const wan = newDocument(2023, { name: '测试单位', moneyUnit: '万元' });
    expect(convertMoneyUnit(formSet, wan, '万元')).toEqual({
      ok: false,
      message: '本文件的金额单位已是万元，不需要转换。',
    });
    const bad = applyOperation(yuanDoc(), {
      type: 'setCells',
      table: '06',
      cells: [{ row: '30101', col: '1', text: '三千' }],
    }).doc;
    const command = convertMoneyUnit(formSet, bad, '万元');
    expect(command.ok).toBe(false);
    if (!command.ok) expect(command.message).toContain('有无法识别的金额');
  });
});
