import { canonicalAmount, parseAmount } from '../money';
import type { GongkaiDocument, Settings, TableData } from '../document/types';
import { Workbook } from '../engine';
import type { FormSet } from '../template';
import type { ConversionResult } from './convert-unit';

/**
 * Converts a document kept in 万元 to 元 exactly: every amount the tables hold (entered figures and the figures kept
 * in computed cells) ×10,000, and the 尾数容差 with them, so that a later 元→万元 gives back the same document. Text
 * that is not an amount refuses the whole conversion rather than leave one figure in the old unit; the message names
 * the cell in the profile's terms (上海: 表六 30101 基本工资 决算数, not 公开06表 … 1 栏).
 */
export function convertToYuan(formSet: FormSet, doc: GongkaiDocument): ConversionResult {
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
            message: `${cellName(formSet, doc, id, row, col)}的“${text}”不是金额，请先改正再转换（没有做任何修改）。`,
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

/** A cell as the findings name it (the engine's own invalid-input finding there), else by table code and keys. */
function cellName(formSet: FormSet, doc: GongkaiDocument, table: string, row: string, col: string): string {
  const found = new Workbook(formSet, doc)
    .findings()
    .find((f) => f.kind === 'invalid' && f.cell.table === table && f.cell.row === row && f.cell.col === col);
  return found?.location ?? `${formSet.tableById.get(table)?.code ?? table} ${row} ${col}`;
}
