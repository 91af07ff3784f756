/**
 * Raw (unvalidated) data of one form profile — one folder under templates/. src-core/template validates it when
 * the profile loads (schemas, formulas, and every name the code looks up in it).
 */
export interface RawProfile {
  /** Stable id stored in documents (`national`, `shanghai`); with `year` it names the profile. */
  readonly id: string;
  /** The 决算 year whose forms these are. */
  readonly year: number;
  /** What users see in 新建 and `gongkai profiles` (全国通用 2023 年度, 上海市 2024 年度). */
  readonly name: string;
  /** One line on where the forms come from. */
  readonly source: string;
  readonly tables: readonly unknown[];
  readonly interTableRules: unknown;
  readonly catalog: unknown;
  readonly publication: unknown;
  /** How this profile's tables correspond to other profiles' (for 转换表样), one file per other profile. */
  readonly correspondences?: readonly unknown[];
  /**
   * The 绩效自评表 forms the publication prints (汇总表, 部门整体, 项目; form-table templates), when a part of it is
   * marked `performance`; none when it prints none.
   */
  readonly performanceForms?: readonly unknown[];
  /** How a hand-filled workbook of this profile is recognised on import (optional hints). */
  readonly recognition?: unknown;
}
