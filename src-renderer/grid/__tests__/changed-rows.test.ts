import { describe, expect, it } from 'vitest';
import { tableLayout, Workbook } from '../../../src-core';
import { formSet, loadSample } from '../../../src-core/engine/__tests__/helpers';
import { changedGridRows, findingsByCell, gridRowsOfLogicalRows } from '../changed-rows';
import { gridModel } from '../grid-model';

function setup(tableId: string) {
  const wb = new Workbook(formSet, loadSample());
  const table = wb.tables.get(tableId);
  if (!table) throw new Error(`no table ${tableId}`);
  const model = gridModel(tableLayout(table), table.template);
  return { wb, model, rowsOf: gridRowsOfLogicalRows(model) };
}

describe('changedGridRows (what the grid redraws after an edit)', () => {
  it('redraws the rows of the edited cell and of the totals the engine recomputed, and no others', () => {
    const { wb, model, rowsOf } = setup('03');
    const before = findingsByCell(wb.findings(), '03');
    const delta = wb.setCells([{ cell: { table: '03', row: '2013350', col: '2' }, text: '999' }]);
    const after = findingsByCell(wb.findings(), '03');
    const cells = delta.changed.filter((c) => c.table === '03');
    const rows = changedGridRows(rowsOf, cells, before, after);
    // The 项 itself, its 款 20133, its 类 201, and 合计 move; 2013399 of the same 款 stays.
    const ids = [...rows];
    for (const logical of ['2013350', '20133', '201', '合计']) {
      expect(ids.some((id) => rowsOf.get(logical)?.includes(id))).toBe(true);
    }
    expect(ids.some((id) => rowsOf.get('2013399')?.includes(id))).toBe(false);
    expect(rows.size).toBeLessThan(model.rows.length / 2);
  });

  it('redraws a row whose finding appeared or went, though no value there changed', () => {
    const { wb, rowsOf } = setup('03');
    const before = findingsByCell(wb.findings(), '03');
    // An own figure in 合计 that disagrees with the formula: a finding on 合计, and no recomputed cell.
    wb.setCells([{ cell: { table: '03', row: '合计', col: '1' }, text: '1' }]);
    const after = findingsByCell(wb.findings(), '03');
    const rows = changedGridRows(rowsOf, [], before, after);
    expect([...rows].some((id) => rowsOf.get('合计')?.includes(id))).toBe(true);
    expect(changedGridRows(rowsOf, [], after, after).size).toBe(0);
  });

  it('finds both blocks of a row drawn beside another (公开01表: 收入 and 支出 on one line)', () => {
    const { model, rowsOf } = setup('01');
    const shared = model.rows.find((r) => (r.layout?.rows.length ?? 0) > 1);
    expect(shared).toBeDefined();
    for (const logical of shared?.layout?.rows ?? []) expect(rowsOf.get(logical)).toContain(shared?.id);
  });
});
