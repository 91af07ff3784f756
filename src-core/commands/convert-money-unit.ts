import type { Operation } from '../document/operations';
import type { GongkaiDocument, UnitInfo } from '../document/types';
import { valueEditsBetween } from '../document/value-edits';
import { convertToWanyuan, type RoundingAdjustment } from '../rounding';
import type { FormSet } from '../template';
import type { CommandResult } from './command';

/** What converting to 万元 did, for a caller that lists every adjustment (the CLI does). */
export interface MoneyUnitConversion {
  readonly adjustments: readonly RoundingAdjustment[];
  /** Rules 舍位平衡 could not balance. */
  readonly unbalanced: readonly string[];
}

/** The 尾数容差 a document gets when converted to 万元: a tolerance in 元 is below what 万元 figures can show. */
export const WANYUAN_TOLERANCE = '0.01';

/** How many adjustments the notice lists (the rest are in the document, and `gongkai convert` prints them all). */
const NOTICE_ADJUSTMENTS = 5;

/**
 * Changes the document's 金额单位 — the one command behind 单位信息's select and `gongkai convert`.
 * 元 → 万元 converts the tables' amounts (四舍五入 to two decimals, 舍位平衡) and puts the 尾数容差 back to 0.01 万元
 * (rule tolerances are cleared), in one undoable step. 万元 → 元 changes only the label: the amounts are not
 * multiplied by 10000, so it asks first — a slip of the select would misstate every figure by 10,000.
 */
export function convertMoneyUnit(
  formSet: FormSet,
  doc: GongkaiDocument,
  unit: UnitInfo['moneyUnit'],
): CommandResult<MoneyUnitConversion> {
  if (unit === doc.unit.moneyUnit) return { ok: false, message: `本文件的金额单位已是${unit}，不需要转换。` };
  const setUnit: Operation = { type: 'setUnit', unit: { moneyUnit: unit } };
  if (unit === '元')
    return {
      ok: true,
      operation: setUnit,
      label: '修改金额单位',
      confirm:
        '改为“元”只改变表头和文字中的金额单位，不会把已填的金额乘以 10000。\n本文件的金额若是按万元填写的，请不要修改。\n\n确定把金额单位改为“元”吗？',
      notices: [],
      adjustments: [],
      unbalanced: [],
    };
  const converted = convertToWanyuan(formSet, doc);
  if (!converted.ok) return converted;
  const { adjustments, unbalanced } = converted;
  const n = adjustments.length;
  const operation: Operation = {
    type: 'batch',
    label: '换算为万元',
    ops: [
      ...valueEditsBetween(doc, converted.document),
      setUnit,
      {
        type: 'setSettings',
        settings: {
          tolerance: WANYUAN_TOLERANCE,
          ...(doc.settings.ruleTolerance ? { ruleTolerance: {} } : {}),
        },
      },
    ],
  };
  return {
    ok: true,
    operation,
    label: '换算为万元',
    confirm: `把各表金额从“元”换算为“万元”：四舍五入到两位小数，并做舍位平衡${n > 0 ? `（调整 ${n} 处尾数）` : ''}。\n尾数容差改为 ${WANYUAN_TOLERANCE} 万元。补充数据和文字中的金额不会换算，请换算后核对。\n\n选“确定”换算（可撤销），选“取消”不作修改。`,
    notices: [
      {
        level: unbalanced.length > 0 ? 'warning' : 'info',
        text: `已换算为万元${n > 0 ? `，舍位平衡调整 ${n} 处` : ''}`,
        details: [
          ...adjustments.slice(0, NOTICE_ADJUSTMENTS).map(adjustmentText),
          ...unbalanced.map((u) => `未能平衡：${u}`),
        ],
      },
    ],
    adjustments,
    unbalanced,
  };
}

/** 公开01表 … 1栏：12.345 → 四舍五入 12.35 → 调整为 12.34 */
export function adjustmentText(a: RoundingAdjustment): string {
  return `${a.location}：${a.exact} → 四舍五入 ${a.rounded} → 调整为 ${a.adjusted}`;
}
