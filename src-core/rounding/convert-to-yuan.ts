import { canonicalAmount, parseAmount } from '../money';
import type { GongkaiDocument, Settings, TableData } from '../document/types';
import type { ConversionResult } from './convert-unit';

/**
 * Converts a document kept in 万元 to 元 exactly: every amount the tables hold (entered figures and the figures kept
 * in computed cells) ×10,000, and the 尾数容差 with them, so that a later 元→万元 gives back the same document. Text
 * that is not an amount refuses the whole conversion rather than leave one figure in the old unit.
 */
export function convertToYuan(doc: GongkaiDocument): ConversionResult {
  if (doc.unit.moneyUnit !== '万元') return { ok: false, message: '本文件的金额单位已是元，不需要转换。' };
  const tables: Record<string, TableData> = {};
  for (const [id, data] of Object.entries(doc.tables)) {
    const values: Record<string, Record<string, string>> = {};
    for (const [row, cols] of Object.entries(data.values)) {
      const out: Record<string, string> = {};
      for (const [col, text] of Object.entries(cols)) {
        const parsed = parseAmount(text);
        if (!parsed.ok || parsed.value === null)
          return {
            ok: false,
            message: `公开${id}表 ${row} 行 ${col} 栏的“${text}”不是金额，请先改正再转换（没有做任何修改）。`,
          };
        out[col] = canonicalAmount(parsed.value.times(10000));
      }
      values[row] = out;
    }
    tables[id] = { ...data, values };
  }
  const times = (t: string) => {
    const parsed = parseAmount(t);
    return parsed.ok && parsed.value !== null ? canonicalAmount(parsed.value.times(10000)) : t;
  };
  const settings: Settings = {
    ...doc.settings,
    tolerance: times(doc.settings.tolerance),
    ...(doc.settings.ruleTolerance
      ? {
          ruleTolerance: Object.fromEntries(
            Object.entries(doc.settings.ruleTolerance).map(([rule, t]) => [rule, times(t)]),
          ),
        }
      : {}),
  };
  return {
    ok: true,
    document: { ...doc, unit: { ...doc.unit, moneyUnit: '元' }, settings, tables },
    adjustments: [],
    unbalanced: [],
  };
}
