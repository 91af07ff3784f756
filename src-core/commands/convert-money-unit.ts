import type { Operation } from '../document/operations';
import type { GongkaiDocument, UnitInfo } from '../document/types';
import { valueEditsBetween } from '../document/value-edits';
import { convertToWanyuan, convertToYuan, type RoundingAdjustment } from '../rounding';
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
 * (rule tolerances are cleared); 万元 → 元 converts them exactly (×10,000, the tolerances too), so that no path
 * rescales figures it did not convert. Each is one undoable step, asked for first.
 */
export function convertMoneyUnit(
  formSet: FormSet,
  doc: GongkaiDocument,
  unit: UnitInfo['moneyUnit'],
): CommandResult<MoneyUnitConversion> {
  if (unit === doc.unit.moneyUnit) return { ok: false, message: `本文件的金额单位已是${unit}，不需要转换。` };
  const setUnit: Operation = { type: 'setUnit', unit: { moneyUnit: unit } };
  if (unit === '元') {
    const toYuan = convertToYuan(formSet, doc);
    if (!toYuan.ok) return toYuan;
    return {
      ok: true,
      operation: {
        type: 'batch',
        label: '换算为元',
        ops: [
          ...valueEditsBetween(doc, toYuan.document),
          setUnit,
          { type: 'setSettings', settings: toYuan.document.settings },
        ],
      },
      label: '换算为元',
      confirm:
        '把各表金额从“万元”换算为“元”：每个金额乘以 10000（精确，不产生尾数），尾数容差同样换算。\n补充数据和文字中的金额不会换算，请换算后核对。\n\n选“确定”换算（可撤销），选“取消”不作修改。',
      notices: [{ level: 'info', text: '已换算为元（各表金额 ×10000）', details: [] }],
      adjustments: [],
      unbalanced: [],
    };
  }
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
