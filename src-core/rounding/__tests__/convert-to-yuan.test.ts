import { describe, expect, it } from 'vitest';
import { Workbook } from '../../engine';
import { Decimal } from '../../money';
import { formSetFor } from '../../builtin-forms';
import { newDocument } from '../../document';
import { formSet, loadSample } from '../../engine/__tests__/helpers';
import { convertToWanyuan } from '../convert-unit';
import { convertToYuan } from '../convert-to-yuan';

/** Every cell's shown value, keyed by address. */
function shownValues(wb: Workbook): Map<string, string> {
  const out = new Map<string, string>();
  for (const [id, table] of wb.tables)
    for (const row of table.rows)
      for (const col of row.columns) {
        const s = wb.cell(id, row.key, col);
        if (s?.value) out.set(`${id}/${row.key}/${col}`, s.value.toFixed());
      }
  return out;
}

describe('万元 → 元 (exact)', () => {
  it('multiplies every figure of the sample by 10,000, so its total reads 14,554,100 元', () => {
    const sample = loadSample();
    const r = convertToYuan(formSet, sample);
    if (!r.ok) throw new Error(r.message);
    expect(r.document.unit.moneyUnit).toBe('元');
    const before = new Workbook(formSet, sample);
    const after = new Workbook(formSet, r.document);
    expect(before.cell('01', '1', '1')?.value?.toFixed(2)).toBe('1455.41');
    expect(after.cell('01', '1', '1')?.value?.toFixed()).toBe('14554100');
    const b = shownValues(before);
    const a = shownValues(after);
    expect(a.size).toBe(b.size);
    for (const [k, v] of b) expect(a.get(k), k).toBe(new Decimal(v).times(10000).toFixed());
    // The findings are the same ones (same rules broken at the same cells), with the 尾数容差 in 元.
    expect(after.findings().map((f) => `${f.id} ${f.severity}`)).toEqual(
      before.findings().map((f) => `${f.id} ${f.severity}`),
    );
  });

  it('万元 → 元 → 万元 gives back every figure and every finding of the sample', () => {
    const sample = loadSample();
    const yuan = convertToYuan(formSet, sample);
    if (!yuan.ok) throw new Error(yuan.message);
    const back = convertToWanyuan(formSet, yuan.document);
    if (!back.ok) throw new Error(back.message);
    expect(back.adjustments).toEqual([]);
    expect(back.document.unit.moneyUnit).toBe('万元');
    const before = new Workbook(formSet, sample);
    // 元→万元 sets the 尾数容差 back to 0.01 万元 (the conversion command does, in the app and the CLI).
    expect(yuan.document.settings.tolerance).toBe('100');
    const after = new Workbook(formSet, { ...back.document, settings: { tolerance: '0.01' } });
    expect(sample.settings.tolerance).toBe('0.01');
    expect(shownValues(after)).toEqual(shownValues(before));
    expect(after.findings().map((f) => f.message)).toEqual(before.findings().map((f) => f.message));
  });

  it('refuses, changing nothing, when a cell holds text that is not an amount', () => {
    const sample = loadSample();
    const doc = {
      ...sample,
      tables: { ...sample.tables, '06': { values: { '30101': { '1': '十二万' } } } },
    };
    const r = convertToYuan(formSet, doc);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('“十二万”不是金额');
  });

  it('names the refused cell in the profile’s terms: 上海 by 表六, 科目编码 and column header, no 公开06表 or 栏', () => {
    const shanghai = formSetFor(2024, 'shanghai')!;
    const doc = {
      ...newDocument(2024, { name: '上海市XX局' }, { id: 'shanghai', year: 2024 }),
      tables: { '06': { values: { '30101': { '1': '十二万' } } } },
    };
    const r = convertToYuan(shanghai, doc);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toBe(
        '表六 30101 基本工资 决算数的“十二万”不是金额，请先改正再转换（没有做任何修改）。',
      );
    }
    // The national forms keep naming it by 公开06表 and 栏次.
    const national = convertToYuan(formSet, {
      ...loadSample(),
      tables: { '06': { values: { '30101': { '1': '十二万' } } } },
    });
    if (!national.ok) expect(national.message).toMatch(/^公开06表 30101 /);
  });
});
