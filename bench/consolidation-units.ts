// Generated unit documents for the 汇总 benchmark: the embedded sample with its figures varied per unit.
import { Decimal } from '../src-core/money';
import type { GongkaiDocument, TableData } from '../src-core';

/**
 * Unit `i` of a generated department: the sample's tables with every entered amount scaled by a factor that varies
 * with i (rounded to 0.01, so each unit has tail differences of its own, as rounded units do), its own name, and
 * every 7th unit without the sample's last 公开03表 项 (so not all units share the same rows).
 */
export function generatedUnit(sample: GongkaiDocument, i: number, variant = 0): GongkaiDocument {
  const factor = new Decimal(1).plus(new Decimal((i * 37 + variant * 11) % 101).div(100));
  const tables: Record<string, TableData> = {};
  for (const [id, data] of Object.entries(sample.tables)) {
    const values: Record<string, Record<string, string>> = {};
    for (const [row, cols] of Object.entries(data.values)) {
      values[row] = Object.fromEntries(
        Object.entries(cols).map(([col, v]) => [
          col,
          new Decimal(v).times(factor).toDecimalPlaces(2).toFixed(),
        ]),
      );
    }
    tables[id] = { ...data, values };
  }
  if (i % 7 === 3) {
    const t03 = tables['03'] as TableData;
    const rows = t03.rows ?? [];
    const last = rows[rows.length - 1];
    if (last && last.code.length === 7) {
      const { [last.code]: _gone, ...values } = t03.values;
      tables['03'] = { ...t03, rows: rows.slice(0, -1), values };
    }
  }
  return { ...sample, unit: { ...sample.unit, name: `${sample.unit.name}（测试单位${i + 1}）` }, tables };
}
