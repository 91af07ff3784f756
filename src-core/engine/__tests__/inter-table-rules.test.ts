import { describe, expect, it } from 'vitest';
import { DocumentSession } from '../../session';
import type { Operation } from '../../document';
import { formSet, loadSample } from './helpers';

function session(): DocumentSession {
  return new DocumentSession(formSet, loadSample());
}

function set(table: string, row: string, col: string, text: string | null): Operation {
  return { type: 'setCells', table, cells: [{ row, col, text }] };
}

function ruleFindings(s: DocumentSession, ruleId: string) {
  return s.workbook.findings().filter((f) => f.rule?.id === ruleId);
}

/** Each inter-table rule: the sample satisfies it; one edit breaks it; undoing the edit satisfies it again. */
const cases: { rule: string; breakIt: Operation[]; at: string; severity?: 'error' | 'warning' }[] = [
  { rule: 'x01-03-class', breakIt: [set('01', '32', '2', '1300')], at: '01/32/2' },
  { rule: 'x01-02-income-total', breakIt: [set('01', '1', '1', '1400')], at: '01/27/1' },
  { rule: 'x01-03-expenditure-total', breakIt: [set('01', '39', '2', '60')], at: '01/58/2' },
  { rule: 'x01-02-fiscal', breakIt: [set('01', '2', '1', '10')], at: '02/合计/2' },
  { rule: 'x01-02-sources', breakIt: [set('01', '5', '1', '3')], at: '01/5/1' },
  { rule: 'x04-01-income', breakIt: [set('04', '1', '1', '1400')], at: '04/1/1' },
  { rule: 'x04-05-class', breakIt: [set('04', '33', '3', '1000')], at: '04/33/3' },
  {
    rule: 'x04-07-class',
    breakIt: [
      { type: 'insertRows', table: '07', rows: [{ code: '212', name: '城乡社区支出' }] },
      set('07', '212', '4', '8'),
      set('04', '43', '4', '5'),
    ],
    at: '04/43/4',
  },
  {
    rule: 'x04-08-class',
    breakIt: [
      { type: 'insertRows', table: '08', rows: [{ code: '223', name: '国有资本经营预算支出' }] },
      set('08', '223', '3', '2'),
      set('04', '53', '5', '1'),
    ],
    at: '04/53/5',
  },
  {
    rule: 'x04-07-income',
    breakIt: [
      { type: 'insertRows', table: '07', rows: [{ code: '212', name: '城乡社区支出' }] },
      set('07', '212', '2', '100'),
    ],
    at: '04/2/1',
  },
  {
    rule: 'x04-07-carry',
    breakIt: [
      { type: 'insertRows', table: '07', rows: [{ code: '212', name: '城乡社区支出' }] },
      set('07', '212', '1', '50'),
    ],
    at: '04/30/1',
  },
  { rule: 'x05-06-basic', breakIt: [set('06', '30101', '1', '70.49')], at: '05/合计/2' },
  { rule: 'x09-06-car', breakIt: [set('09', 'main', '11', '1.50')], at: '09/main/11', severity: 'warning' },
];

describe('inter-table rules (表间审核)', () => {
  for (const c of cases) {
    it(`${c.rule}: satisfied by the sample, broken by an edit, satisfied after undo`, () => {
      const s = session();
      expect(ruleFindings(s, c.rule)).toEqual([]);
      s.apply({ type: 'batch', ops: c.breakIt }, '测试');
      const broken = ruleFindings(s, c.rule);
      expect(broken.map((f) => `${f.cell.table}/${f.cell.row}/${f.cell.col}`)).toContain(c.at);
      const f = broken.find((x) => `${x.cell.table}/${x.cell.row}/${x.cell.col}` === c.at);
      expect(f?.severity).toBe(c.severity ?? 'error');
      expect(f?.kind).toBe('mismatch');
      expect(f?.message).toMatch(/相差/);
      s.undo();
      expect(ruleFindings(s, c.rule)).toEqual([]);
    });
  }

  it('every inter-table rule of the 2023 forms has a test here', () => {
    const tested = new Set(cases.map((c) => c.rule));
    const all = formSet.rules.filter((r) => r.source === 'interTable').map((r) => r.id);
    expect(all.filter((id) => !tested.has(id))).toEqual([]);
  });

  it('a 类 in 公开03表 that 公开01表 has no row for is reported, not dropped', () => {
    const s = session();
    s.apply(
      {
        type: 'batch',
        ops: [
          { type: 'insertRows', table: '03', rows: [{ code: '227', name: '预备费' }] },
          set('03', '227', '2', '3'),
        ],
      },
      '测试',
    );
    const f = s.workbook.findings().find((x) => x.kind === 'missingRow');
    expect(f?.cell).toEqual({ table: '03', row: '227', col: '1' });
    expect(f?.message).toContain('公开01表没有 227 预备费');
    expect(f?.severity).toBe('error');
  });
});
