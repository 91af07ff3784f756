import { describe, expect, it } from 'vitest';
import { builtinFormSet } from '../../builtin-forms';
import {
  applyOperation,
  newDocument,
  rowsForCode,
  type GongkaiDocument,
  type Operation,
} from '../../document';
import { Decimal } from '../../money';
import { Workbook } from '../../engine';
import { convertToWanyuan } from '../convert-unit';

const formSet = builtinFormSet();

function yuanDoc(ops: Operation[]): GongkaiDocument {
  let doc = newDocument(2023, { name: '测试单位', moneyUnit: '元' });
  for (const op of ops) doc = applyOperation(doc, op).doc;
  return doc;
}

describe('舍位平衡 (元 → 万元)', () => {
  it('nudges the part rounding changed most so the total still adds up', () => {
    const doc = yuanDoc([
      {
        type: 'setCells',
        table: '06',
        cells: [
          { row: '30101', col: '1', text: '3333' },
          { row: '30102', col: '1', text: '3333' },
          { row: '30103', col: '1', text: '3334' },
        ],
      },
    ]);
    const r = convertToWanyuan(formSet, doc);
    if (!r.ok) throw new Error(r.message);
    const wb = new Workbook(formSet, r.document);
    expect(wb.cell('06', '301', '1')?.value?.toFixed(2)).toBe('1.00');
    expect(['30101', '30102', '30103'].map((k) => wb.cell('06', k, '1')?.value?.toFixed(2))).toEqual([
      '0.33',
      '0.33',
      '0.34',
    ]);
    expect(r.adjustments).toEqual([
      {
        cell: { table: '06', row: '30103', col: '1' },
        location: '公开06表 30103 奖金 决算数',
        exact: '0.3334',
        rounded: '0.33',
        adjusted: '0.34',
      },
    ]);
    expect(r.document.unit.moneyUnit).toBe('万元');
    expect(wb.findings().filter((f) => f.cell.table === '06')).toEqual([]);
  });

  it('balances a classification table both ways (rows and columns) on random data', () => {
    const codes = formSet.catalog
      .entries()
      .filter((e) => e.code.length === 7)
      .map((e) => e.code);
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const picked = Array.from(
      new Set(Array.from({ length: 60 }, () => codes[Math.floor(rand() * codes.length)] as string)),
    );
    let doc = newDocument(2023, { moneyUnit: '元' });
    for (const code of picked) {
      const rows = rowsForCode(formSet.catalog, doc, '03', code);
      if (rows.ok) doc = applyOperation(doc, { type: 'insertRows', table: '03', rows: rows.rows }).doc;
    }
    const cells = picked.flatMap((code) => [
      { row: code, col: '2', text: (rand() * 3_000_000).toFixed(2) },
      { row: code, col: '3', text: rand() < 0.5 ? (rand() * 900_000).toFixed(2) : null },
    ]);
    doc = applyOperation(doc, { type: 'setCells', table: '03', cells }).doc;
    const before = new Workbook(formSet, doc);
    const r = convertToWanyuan(formSet, doc);
    if (!r.ok) throw new Error(r.message);
    expect(r.unbalanced).toEqual([]);
    const wb = new Workbook(formSet, r.document);
    // Every rule of 公开03表 holds exactly after conversion: no findings at all, not even 尾数.
    expect(wb.findings().filter((f) => f.cell.table === '03')).toEqual([]);
    // The grand total is the rounded exact total; the column totals under it are within one 分 of theirs
    // (they are parts of 1栏, so one of them may have to give).
    const exactOf = (col: string) => (before.cell('03', '合计', col)?.value ?? new Decimal(0)).div(10000);
    expect(wb.cell('03', '合计', '1')?.value?.toFixed(2)).toBe(exactOf('1').toFixed(2));
    for (const col of ['2', '3']) {
      const got = wb.cell('03', '合计', col)?.value ?? new Decimal(0);
      expect(got.minus(exactOf(col).toDecimalPlaces(2)).abs().lte('0.01')).toBe(true);
    }
    expect(wb.cell('01', '58', '2')?.value?.toFixed(2)).toBe(exactOf('1').toFixed(2));
    // Each amount moves at most one 分 away from plain rounding, and every move is reported.
    expect(r.adjustments.length).toBeGreaterThan(0);
    for (const a of r.adjustments) {
      expect(new Decimal(a.adjusted).minus(a.rounded).abs().lte('0.01')).toBe(true);
    }
  });

  it('refuses a document already in 万元, and one with invalid amounts', () => {
    const r1 = convertToWanyuan(formSet, newDocument(2023));
    expect(r1.ok === false && r1.message).toContain('已是万元');
    const r2 = convertToWanyuan(
      formSet,
      yuanDoc([{ type: 'setCells', table: '06', cells: [{ row: '30101', col: '1', text: '12a' }] }]),
    );
    expect(r2.ok === false && r2.message).toContain('无法识别的金额');
  });
});
