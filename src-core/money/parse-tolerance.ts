import { parseAmount } from './parse-amount';

/**
 * A 尾数容差 as typed (0.01, ０．０２): its canonical text, or a Chinese message — it must be a number not below 0.
 */
export function parseTolerance(text: string): { ok: true; value: string } | { ok: false; message: string } {
  const parsed = parseAmount(text);
  if (!parsed.ok || parsed.value === null || parsed.value.isNegative())
    return { ok: false, message: `尾数容差应是不小于 0 的数字，如 0.01，而不是“${text}”。` };
  return { ok: true, value: parsed.value.toFixed() };
}
