import type { CellAddress } from '../document/types';
import type { RuleSource } from '../template';

/** What kind of inconsistency a finding reports. */
export type FindingKind =
  /** A rule is broken beyond the tolerance. */
  | 'mismatch'
  /** 尾数差异: broken by no more than the tolerance (unit conversion leaves such tails). */
  | 'tail'
  /** The cell holds text that is not an amount. */
  | 'invalid'
  /** The rules compute the cell from itself. */
  | 'cycle'
  /** A detail table has a 类 the summary table has no row for. */
  | 'missingRow';

export type Severity = 'error' | 'warning';

/** One inconsistency, addressed to a cell, with the rule as written and the numbers. */
export interface Finding {
  /** Stable while the same rule instance stays broken (used to keep selection across recalcs). */
  readonly id: string;
  readonly kind: FindingKind;
  readonly severity: Severity;
  /** The cell to mark. */
  readonly cell: CellAddress;
  /** 公开03表 */
  readonly tableCode: string;
  /** 公开03表 201 一般公共服务支出 1栏（本年支出合计） */
  readonly location: string;
  readonly rule?: {
    readonly id: string;
    /** The equation as written (one part of the printed formula). */
    readonly formula: string;
    /**
     * The rule as the form's user reads it: the formula where the form prints its notation (栏次/行次), else the
     * rule's description (上海 forms print no 栏次, so `1栏各行=…` would mean nothing to the clerk).
     */
    readonly text: string;
    readonly description: string;
    readonly source: RuleSource;
    /** The rule's own severity (强制 error / 提示 warning), before tolerance. */
    readonly severity: Severity;
  };
  /** The rule applied here, with the concrete cells: 201行 1栏 = 2栏 + 3栏 + 4栏 + 5栏 + 6栏. */
  readonly instance?: string;
  /** Decimal texts. */
  readonly expected?: string;
  readonly actual?: string;
  readonly difference?: string;
  /** The cells on the other side of the rule. */
  readonly related: readonly CellAddress[];
  /** 采用计算值 (clearing the cell's own value) makes this finding go away. */
  readonly canUseComputed: boolean;
  /** The whole finding in one Chinese sentence. */
  readonly message: string;
}

/** Findings split as the CLI's --json prints them. */
export function splitBySeverity(findings: readonly Finding[]): { errors: Finding[]; warnings: Finding[] } {
  return {
    errors: findings.filter((f) => f.severity === 'error'),
    warnings: findings.filter((f) => f.severity === 'warning'),
  };
}
