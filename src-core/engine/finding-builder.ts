import { Decimal, formatAmount, formatExact } from '../money';
import type { CellAddress } from '../document/types';
import { locationText, shortRef } from './address-text';
import { UNKNOWN } from './cell-value';
import type { CellValue } from './cell-value';
import type { Equation } from './expand-rules';
import type { Finding } from './findings';
import type { RuleGraph } from './rule-graph';
import type { TableModel } from './table-model';

/**
 * What the finding builder reads of the values: the Evaluator's, or any other evaluation over the same graph (a
 * 汇总 checks its members with a numeric one and builds findings only where a rule does not hold).
 */
export interface EquationValues {
  isEntered(c: number): boolean;
  value(c: number): CellValue;
  rhs(e: number): CellValue;
}

/**
 * Turns what the graph and the evaluator know into findings: the Chinese sentence, the rule as written, the concrete
 * cells and the numbers. Pure reads; deciding when to rebuild a finding is the Workbook's business.
 */
export class FindingBuilder {
  constructor(
    private readonly graph: RuleGraph,
    private readonly values: EquationValues,
  ) {}

  /** 公开03表 201 一般公共服务支出 1栏（本年支出合计） */
  location(c: number): string {
    const { table, row } = this.graph.modelOf(c);
    return locationText(table, row, this.graph.address(c).col);
  }

  /** The cell holds text that is not an amount. */
  invalidInput(c: number, text: string, reason: string): Finding {
    const addr = this.graph.address(c);
    const location = this.location(c);
    return {
      id: `invalid:${addr.table}:${addr.row}:${addr.col}`,
      kind: 'invalid',
      severity: 'error',
      cell: addr,
      tableCode: this.graph.modelOf(c).table.template.code,
      location,
      related: [],
      canUseComputed: false,
      actual: text,
      message: `${location}：${reason}`,
    };
  }

  /** The rules compute these cells from themselves (a template bug, reported on the first cell). */
  cycle(cycle: readonly number[]): Finding {
    const names = cycle.map((c) => this.location(c));
    const first = cycle[0] as number;
    const eq = this.graph.equations[this.graph.definingEquation[first] as number] as Equation;
    return {
      id: `cycle:${names[0]}`,
      kind: 'cycle',
      severity: 'error',
      cell: this.graph.address(first),
      tableCode: this.graph.modelOf(first).table.template.code,
      location: names[0] as string,
      rule: ruleInfo(eq),
      related: cycle.slice(1).map((c) => this.graph.address(c)),
      canUseComputed: false,
      message: `${names[0]}：公式循环引用（${[...names, names[0]].join(' → ')}），无法计算，请检查模板规则。`,
    };
  }

  /**
   * The finding of one equation, or undefined when it holds. `tolerance` is the 尾数容差 that applies to its rule:
   * a difference within it is a 尾数差异 warning, not an error.
   */
  equation(e: number, tolerance: (ruleId: string) => Decimal): Finding | undefined {
    const eq = this.graph.equations[e] as Equation;
    const t = eq.target;
    if (t < 0) return this.missingRow(e, eq);
    const ownValue = this.values.isEntered(t);
    const defines = this.graph.definingEquation[t] === e;
    if (defines && !ownValue) return undefined;
    const actualV = this.values.value(t);
    const expectedV = this.values.rhs(e);
    if (actualV === UNKNOWN || expectedV === UNKNOWN) return undefined;
    if (actualV === null && expectedV === null) return undefined;
    const actual = actualV ?? new Decimal(0);
    const expected = expectedV ?? new Decimal(0);
    const diff = actual.minus(expected);
    if (diff.isZero()) return undefined;
    const tol = tolerance(eq.rule.id);
    const tail = diff.abs().lte(tol);
    const addr = this.graph.address(t);
    const location = this.location(t);
    const instance = this.instanceText(eq);
    const who = ownValue ? '填报数' : '计算值';
    const rule = eq.rule;
    const ruleText = !rule.quotesFormula
      ? `“${rule.description}”`
      : rule.source === 'interTable' || rule.role === 'check'
        ? `“${rule.description}”（${eq.node.text}）`
        : `“${eq.node.text}”`;
    const tailText = tail ? `，在尾数容差 ${tol.toFixed()} 以内（尾数差异）` : '';
    return {
      id: `${rule.id}:${addr.table}:${addr.row}:${addr.col}:${e}`,
      kind: tail ? 'tail' : 'mismatch',
      severity: tail ? 'warning' : rule.severity,
      cell: addr,
      tableCode: this.graph.modelOf(t).table.template.code,
      location,
      rule: ruleInfo(eq),
      instance,
      expected: expected.toFixed(),
      actual: actual.toFixed(),
      difference: diff.toFixed(),
      related: [...eq.terms].map((c) => this.graph.address(c)),
      canUseComputed: ownValue && defines,
      message: `${location}：${who} ${formatExact(actual)}，按${ruleText}应为 ${formatExact(expected)}（${instance}），相差 ${formatExact(diff)}${tailText}。`,
    };
  }

  /** A 类 in a detail table with an amount but no row in the summary table the rule maps it to. */
  private missingRow(e: number, eq: Equation): Finding | undefined {
    const v = this.values.rhs(e);
    if (v === UNKNOWN || v === null || v.isZero() || !eq.missing) return undefined;
    const first = eq.terms[0] as number;
    const { table, row } = this.graph.modelOf(first);
    const target = this.graph.tables.get(eq.missing.table) as TableModel;
    const location = this.location(first);
    return {
      id: `${eq.rule.id}:missing:${eq.missing.table}:${eq.missing.code}`,
      kind: 'missingRow',
      severity: eq.rule.severity,
      cell: this.graph.address(first),
      tableCode: table.template.code,
      location,
      rule: ruleInfo(eq),
      expected: '0',
      actual: v.toFixed(),
      difference: v.toFixed(),
      related: [],
      canUseComputed: false,
      message: `${location}：有金额 ${formatAmount(v)}，但${target.template.code}没有 ${eq.missing.code} ${row.label} 这一行，无法按“${eq.rule.description}”对应。`,
    };
  }

  /** The rule applied here, with the concrete cells: 201行 1栏 = 2栏 + 3栏 + …（共 n 项）. */
  private instanceText(eq: Equation): string {
    const g = this.graph;
    const target: CellAddress = g.address(eq.target);
    const name = (c: number) => {
      const { table, row } = g.modelOf(c);
      return shortRef(table, row, g.address(c).col, target);
    };
    const { row } = g.modelOf(eq.target);
    // 201行 on forms that print 行次 notation; 上海 names the row by its 科目编码 alone (208 本年支出合计 = …).
    const rowPrefix =
      g.tables.get(target.table)?.template.kind === 'classification' &&
      [...eq.terms].every((c) => g.cells.rows[c] === row)
        ? `${row.code ?? row.label}${eq.rule.quotesFormula ? '行' : ''} `
        : '';
    const parts: string[] = [];
    const limit = 8;
    for (let i = 0; i < eq.terms.length && i < limit; i++) {
      const sign = eq.signs[i] === 1 ? (i === 0 ? '' : ' + ') : i === 0 ? '-' : ' - ';
      parts.push(`${sign}${name(eq.terms[i] as number)}`);
    }
    if (eq.terms.length > limit) parts.push(` + …（共 ${eq.terms.length} 项）`);
    const rhs = parts.length === 0 ? '0' : parts.join('');
    return `${rowPrefix}${name(eq.target)} = ${rhs}`;
  }
}

function ruleInfo(eq: Equation): NonNullable<Finding['rule']> {
  return {
    id: eq.rule.id,
    formula: eq.node.text,
    text: eq.rule.quotesFormula ? eq.node.text : eq.rule.description,
    description: eq.rule.description,
    source: eq.rule.source,
    severity: eq.rule.severity,
  };
}
