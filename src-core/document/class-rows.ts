import { ancestorCodes, levelOfCode, type Catalog } from '../catalog/catalog';
import type { ClassRow, GongkaiDocument } from './types';

export type RowsForCode =
  | { readonly ok: true; readonly rows: readonly ClassRow[] }
  | { readonly ok: false; readonly message: string; readonly needsName?: true };

/**
 * The rows to insert for a typed 科目编码: the code itself (name from the catalog unless given) and any missing
 * 类/款 above it, so the table keeps its hierarchy. Chinese message when the code cannot be added.
 */
export function rowsForCode(
  catalog: Catalog,
  doc: GongkaiDocument,
  table: string,
  code: string,
  name?: string,
): RowsForCode {
  const c = code.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (levelOfCode(c) === undefined) {
    return { ok: false, message: `“${code}”不是有效的功能分类科目编码：类 3 位、款 5 位、项 7 位数字。` };
  }
  const have = new Set((doc.tables[table]?.rows ?? []).map((r) => r.code));
  if (have.has(c)) return { ok: false, message: `本表已有科目 ${c} ${catalog.nameOf(c) ?? ''}。`.trim() };
  const ownName = name?.trim() || catalog.nameOf(c);
  if (!ownName) {
    return {
      ok: false,
      message: `科目目录里没有 ${c}，请填写科目名称后再添加（会记入本文件的自定义科目）。`,
      needsName: true,
    };
  }
  const rows: ClassRow[] = [];
  for (const a of ancestorCodes(c)) {
    if (!have.has(a)) rows.push({ code: a, name: catalog.nameOf(a) ?? '' });
  }
  rows.push({ code: c, name: ownName });
  return { ok: true, rows };
}
