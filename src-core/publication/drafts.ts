import { Decimal } from '../money';
import type { CellAddress, GongkaiDocument } from '../document/types';
import type { Workbook } from '../engine';
import type { DraftId, FormSet, QuantityName } from '../template';
import {
  EXPENDITURE_KINDS,
  INCOME_SOURCES,
  cellLocation,
  classBreakdown,
  publicationMetrics,
  toWanyuan,
  type Metric,
} from './metrics';
import { figure, percentOf, TODO } from './text-format';

/** What a draft is computed from. */
export interface DraftContext {
  readonly formSet: FormSet;
  readonly wb: Workbook;
  readonly doc: GongkaiDocument;
}

/** A draft cannot be written: a number it needs cannot be known. The message says which and where to fix it. */
export class DraftUnavailable extends Error {}

/**
 * A section's text computed from the current tables and facts, in the phrasing of published 决算公开: totals,
 * shares, 与上年相比 changes, 完成年初预算 rates, the 类 breakdown, the “三公” paragraphs. What only people know —
 * the reasons — is left as a visible 【待填写】, never invented. Returns undefined for a section without a draft.
 *
 * @throws DraftUnavailable when a number the section needs cannot be known (an invalid amount in the tables): a
 *   draft never states such a number as 0.
 */
export function draftSection(key: string, ctx: DraftContext): string[] | undefined {
  const section = ctx.formSet.publication.parts.flatMap((p) => p.sections ?? []).find((s) => s.key === key);
  if (!section?.draft) return undefined;
  // The profile's contract check guarantees the draft exists (see template/check-contract.ts).
  const make = DRAFTS[section.draft as DraftId];
  return make(new DraftNumbers(ctx));
}

/** Every section that has a draft generator. */
export function draftableSections(formSet: FormSet): string[] {
  return formSet.publication.parts
    .flatMap((p) => p.sections ?? [])
    .filter((s) => s.draft !== undefined)
    .map((s) => s.key);
}

const ZERO = new Decimal(0);

/** The numbers a draft may use, with the wording helpers (not the document's `Facts`, the 补充数据 it reads). */
class DraftNumbers {
  readonly year: number;
  readonly prior: number;
  readonly unit: string;
  private readonly metrics: Map<string, Metric>;
  constructor(readonly ctx: DraftContext) {
    this.year = ctx.doc.unit.year;
    this.prior = ctx.doc.facts?.priorYear?.year ?? ctx.doc.unit.year - 1;
    this.unit = ctx.doc.unit.name || '本单位';
    this.metrics = publicationMetrics(ctx.formSet, ctx.wb);
  }

  /** An amount in 万元, as the text speaks, whatever unit the document keeps (元 documents are divided). */
  wan(d: Decimal): Decimal {
    return toWanyuan(d, this.ctx.doc);
  }

  /** A fact's amount in 万元. */
  amount(text: string | undefined): Decimal {
    return this.wan(new Decimal(text ?? '0'));
  }

  /**
   * A metric's value in 万元 (an empty cell counts as 0; unknown stops the draft). A name the profile does not
   * define cannot reach here (the profile's contract is checked when it loads), and is never read as 0.
   */
  v(name: QuantityName): Decimal {
    const m = this.metrics.get(name);
    if (!m) throw new Error(`程序错误：报表模板没有数量“${name}”，却被草稿引用`);
    if (m.unknown) this.unavailable(name, m.cell);
    return this.wan(m.value ?? ZERO);
  }

  private unavailable(name: string, cell: CellAddress): never {
    throw new DraftUnavailable(
      `${name}无法计算：${cellLocation(this.ctx.wb, cell)}或它汇总的单元格中有无效数值。请先在报表中改正，再生成草稿。`,
    );
  }

  has(name: QuantityName): boolean {
    return !this.v(name).isZero();
  }

  /** Last year's value of a metric, if entered. */
  last(name: QuantityName): Decimal | null {
    const text = this.ctx.doc.facts?.priorYear?.metrics?.[name];
    return text === undefined ? null : this.amount(text);
  }

  /** “增加45.59万元，增长3.23%” against last year, or a to-do when last year is not entered. */
  change(name: QuantityName, label: string, opts: { rate?: boolean; each?: boolean } = {}): string {
    const last = this.last(name);
    if (last === null) return `${label}${TODO(`请在补充数据中填写${this.prior}年度${name}，以便计算增减`)}`;
    const now = this.v(name);
    const diff = now.minus(last);
    const each = opts.each ? '各' : '';
    if (diff.isZero()) return `${label}${each}持平`;
    const up = diff.isPositive();
    const amount = `${label}${each}${up ? '增加' : '减少'}${figure(diff.abs())}万元`;
    if (opts.rate === false || last.isZero()) return amount;
    return `${amount}，${up ? '增长' : '下降'}${percentOf(diff.abs(), last)}%`;
  }

  /** 增加 / 减少 / 持平 against last year, for “…的主要原因是”. */
  direction(name: QuantityName): string {
    const last = this.last(name);
    if (last === null) return '增减';
    const d = this.v(name).minus(last);
    return d.isZero() ? '持平' : d.isPositive() ? '增加' : '减少';
  }

  classes() {
    const { table, column } = this.ctx.formSet.publication.classes;
    return classBreakdown(this.ctx.formSet, this.ctx.wb)
      .map((c) => (c.unknown ? this.unavailable(c.name, { table, row: c.code, col: column }) : c))
      .filter((c) => c.value && !c.value.isZero())
      .map((c) => ({ ...c, value: this.wan(c.value as Decimal) }));
  }

  /** The 款 under a 类 with amounts, as “宣传事务支出、残疾人事业支出”. */
  uses(classCode: string): string {
    const { table, column } = this.ctx.formSet.publication.classes;
    const kuan = (this.ctx.wb.tables.get(table)?.rows ?? []).filter(
      (r) =>
        r.level === 1 &&
        r.code?.startsWith(classCode) &&
        !(this.ctx.wb.cell(table, r.key, column)?.value ?? ZERO).isZero(),
    );
    return kuan.map((k) => (k.label.endsWith('支出') ? k.label : `${k.label}支出`)).join('、');
  }

  /** Non-empty 经济分类 items (公开06表) of 人员经费 or 公用经费 (the profile's groups of 款 codes), by name. */
  items(group: 'personnel' | 'public'): string {
    const groups = this.ctx.formSet.publication.economic?.[group] ?? [];
    const table = this.ctx.formSet.publication.economic?.table;
    const t = table === undefined ? undefined : this.ctx.wb.tables.get(table);
    if (!t) return '';
    const rows = t.rows.filter(
      (r) => r.code && r.code.length === 5 && groups.some((g) => r.code?.startsWith(g)),
    );
    return rows
      .filter((r) => r.columns[0] !== undefined)
      .filter((r) => !(this.ctx.wb.cell(t.id, r.key, r.columns[0] as string)?.value ?? ZERO).isZero())
      .map((r) => r.label)
      .join('、');
  }
}

const DRAFTS: Record<DraftId, (f: DraftNumbers) => string[]> = {
  totals: (f) => {
    // With 结转结余 the 总计 is more than the year's own income and spending: say what it is made of.
    const inParts: [QuantityName, string][] = [
      ['本年收入合计', '本年收入'],
      ['使用非财政拨款结余', '使用非财政拨款结余'],
      ['年初结转和结余', '年初结转和结余'],
    ];
    const outParts: [QuantityName, string][] = [
      ['本年支出合计', '本年支出'],
      ['结余分配', '结余分配'],
      ['年末结转和结余', '年末结转和结余'],
    ];
    const ins = inParts.filter(([m]) => f.has(m));
    const outs = outParts.filter(([m]) => f.has(m));
    const composition =
      ins.length > 1 || outs.length > 1
        ? `其中：收入总计包括${ins.map(([m, label]) => `${label}${figure(f.v(m))}万元`).join('、')}；支出总计包括${outs.map(([m, label]) => `${label}${figure(f.v(m))}万元`).join('、')}。`
        : '';
    return [
      `${f.year}年度收、支总计${figure(f.v('收支总计'))}万元。${composition}与${f.prior}年度相比，${f.change('收支总计', '收、支总计', { each: true })}，主要原因是${TODO('增减原因')}。`,
    ];
  },

  income: (f) => {
    const total = f.v('本年收入合计');
    const sources = INCOME_SOURCES.filter((s) => f.has(s));
    const parts = sources.map((s) => `${s}${figure(f.v(s))}万元，占本年收入${percentOf(f.v(s), total)}%`);
    return [
      `${f.year}年度收入合计${figure(total)}万元。${parts.length > 0 ? `其中：${parts.join('；')}。` : ''}`,
    ];
  },

  expenditure: (f) => {
    const total = f.v('本年支出合计');
    const parts = EXPENDITURE_KINDS.filter((s) => f.has(s)).map(
      (s) => `${s}${figure(f.v(s))}万元，占本年支出${percentOf(f.v(s), total)}%`,
    );
    return [
      `${f.year}年度支出合计${figure(total)}万元，与${f.prior}年度相比，${f.change('本年支出合计', '支出合计')}，主要原因是${TODO('增减原因')}。${parts.length > 0 ? `其中：${parts.join('；')}。` : ''}`,
    ];
  },

  fiscal: (f) => {
    const kinds = (
      ['一般公共预算财政拨款收入', '政府性基金预算财政拨款收入', '国有资本经营预算财政拨款收入'] as const
    ).filter((k) => f.has(k));
    return [
      `${f.year}年度财政拨款收、支总计${figure(f.v('财政拨款收支总计'))}万元。与${f.prior}年度相比，${f.change('财政拨款收支总计', '财政拨款收、支总计', { each: true })}。主要原因是${TODO('增减原因')}。`,
      `${f.year}年度财政拨款收入中，${kinds.map((k) => `${k}${figure(f.v(k))}万元，比${f.prior}年度决算数${f.change(k, '', { rate: false })}`).join('；') || `没有财政拨款收入`}。${kinds.length > 0 ? `${f.direction(kinds[0] as QuantityName)}的主要原因是${TODO('增减原因')}。` : ''}`,
    ];
  },

  general: (f) => {
    const g = f.v('一般公共预算财政拨款支出');
    const budget = f.ctx.doc.facts?.budget;
    const out = [
      '（一）一般公共预算财政拨款支出决算总体情况',
      `${f.year}年度一般公共预算财政拨款支出${figure(g)}万元，占本年支出合计的${percentOf(g, f.v('本年支出合计'))}%。与${f.prior}年度相比，${f.change('一般公共预算财政拨款支出', '一般公共预算财政拨款支出')}。主要原因是${TODO('增减原因')}。`,
      '（二）一般公共预算财政拨款支出决算结构情况',
      `${f.year}年度一般公共预算财政拨款支出${figure(g)}万元，主要用于以下方面：`,
      ...f.classes().map((c, i) => {
        const uses = f.uses(c.code);
        return `${i + 1}. ${c.name}${figure(c.value as Decimal)}万元，占${percentOf(c.value as Decimal, g)}%。${uses ? `主要是用于${uses}。` : ''}`;
      }),
      '（三）一般公共预算财政拨款支出决算具体情况',
    ];
    const total = budget?.total;
    out.push(
      total === undefined
        ? `${f.year}年度一般公共预算财政拨款支出年初预算为${TODO('请在补充数据中填写年初预算')}万元，支出决算为${figure(g)}万元。其中：基本支出${figure(f.v('一般公共预算财政拨款基本支出'))}万元，项目支出${figure(f.v('一般公共预算财政拨款项目支出'))}万元。${TODO('项目支出的主要用途和成效')}`
        : `${f.year}年度一般公共预算财政拨款支出年初预算为${figure(f.amount(total))}万元，支出决算为${figure(g)}万元，完成年初预算的${percentOf(g, f.amount(total))}%。其中：基本支出${figure(f.v('一般公共预算财政拨款基本支出'))}万元，项目支出${figure(f.v('一般公共预算财政拨款项目支出'))}万元。${TODO('项目支出的主要用途和成效')}`,
    );
    f.classes().forEach((c, i) => {
      const b = budget?.byClass?.[c.code];
      const actual = c.value as Decimal;
      if (b === undefined) {
        out.push(
          `${i + 1}. ${c.name}(类)。年初预算为${TODO('年初预算')}万元，支出决算为${figure(actual)}万元。`,
        );
        return;
      }
      const bd = f.amount(b);
      const rate = bd.isZero() ? null : percentOf(actual, bd);
      const reason = rate === '100' ? '' : `主要原因是${TODO('决算与年初预算差异的原因')}。`;
      out.push(
        `${i + 1}. ${c.name}(类)。年初预算为${figure(bd)}万元，支出决算为${figure(actual)}万元，${rate === null ? '年初无预算' : `完成年初预算的${rate}%`}。${reason}`,
      );
    });
    return out;
  },

  basic: (f) => [
    `${f.year}年度一般公共预算财政拨款基本支出${figure(f.v('一般公共预算财政拨款基本支出'))}万元，其中：人员经费${figure(f.v('人员经费'))}万元，主要包括：${f.items('personnel') || '无'}。`,
    `公用经费${figure(f.v('公用经费'))}万元，主要包括：${f.items('public') || '无'}。`,
  ],

  fund: (f) =>
    f.has('政府性基金预算财政拨款本年收入') || f.has('政府性基金预算财政拨款本年支出')
      ? [
          `${f.year}年度政府性基金预算财政拨款收入${figure(f.v('政府性基金预算财政拨款本年收入'))}万元，支出${figure(f.v('政府性基金预算财政拨款本年支出'))}万元。${TODO('支出的主要用途')}`,
        ]
      : ['本部门没有政府性基金预算财政拨款收入，也没有使用政府性基金预算财政拨款安排的支出，故本表无数据。'],

  capital: (f) =>
    f.has('国有资本经营预算财政拨款支出')
      ? [
          `${f.year}年度国有资本经营预算财政拨款支出${figure(f.v('国有资本经营预算财政拨款支出'))}万元。${TODO('支出的主要用途')}`,
        ]
      : [`${f.year}年度本单位无国有资本经营预算财政拨款支出。`],

  threePublic: (f) => {
    const rate = (a: Decimal, b: Decimal) =>
      b.isZero() ? '年初无预算' : `完成年初预算的${percentOf(a, b)}%`;
    const budget = f.v('三公经费预算');
    const actual = f.v('三公经费决算');
    const compare = actual.lt(budget) ? '小于' : actual.gt(budget) ? '大于' : '等于';
    const held = f.ctx.doc.facts?.vehiclesHeld;
    return [
      '（一）“三公”经费财政拨款支出决算总体情况说明。',
      `${f.year}年度“三公”经费财政拨款支出预算为${figure(budget)}万元，支出决算为${figure(actual)}万元，${budget.isZero() ? '年初无预算' : `完成预算的${percentOf(actual, budget)}%`}。${compare === '等于' ? '' : `决算数${compare}预算数的主要原因是${TODO('原因')}。`}`,
      '（二）“三公”经费财政拨款支出决算具体情况说明。',
      `1. 因公出国(境)费预算为${figure(f.v('因公出国（境）费预算'))}万元，支出决算为${figure(f.v('因公出国（境）费决算'))}万元，${rate(f.v('因公出国（境）费决算'), f.v('因公出国（境）费预算'))}。${TODO('情况说明')}`,
      `2. 公务用车购置及运行费支出预算为${figure(f.v('公务用车购置及运行维护费预算'))}万元，决算为${figure(f.v('公务用车购置及运行维护费决算'))}万元，${rate(f.v('公务用车购置及运行维护费决算'), f.v('公务用车购置及运行维护费预算'))}。其中：`,
      `（1）公务用车购置费${figure(f.v('公务用车购置费决算'))}万元，${rate(f.v('公务用车购置费决算'), f.v('公务用车购置费预算'))}。${TODO('情况说明')}`,
      `（2）公务用车运行费${figure(f.v('公务用车运行维护费决算'))}万元，${rate(f.v('公务用车运行维护费决算'), f.v('公务用车运行维护费预算'))}。${TODO('情况说明')}截至${f.year}年12月31日，开支财政拨款的公务用车保有量${held ?? TODO('保有量')}辆。`,
      `（3）公务接待费支出决算为${figure(f.v('公务接待费决算'))}万元，${f.v('公务接待费预算').isZero() ? '年初无预算' : `完成年初预算的${percentOf(f.v('公务接待费决算'), f.v('公务接待费预算'))}%，年初预算为${figure(f.v('公务接待费预算'))}万元`}。${TODO('情况说明')}`,
    ];
  },

  operation: (f) => {
    const v = f.ctx.doc.facts?.officeOperation;
    if (v === undefined)
      return [`${f.year}年度本单位机关运行经费支出${TODO('请在补充数据中填写机关运行经费')}万元。`];
    const d = f.amount(v);
    return d.isZero()
      ? [`${f.year}年度本单位无机关运行经费支出。`]
      : [`${f.year}年度本单位机关运行经费支出${figure(d)}万元。${TODO('比上年增减情况及原因')}`];
  },

  procurement: (f) => {
    const p = f.ctx.doc.facts?.procurement;
    if (!p?.total)
      return [`${f.year}年度${f.unit}政府采购支出总额${TODO('请在补充数据中填写政府采购支出')}万元。`];
    const d = (s: string | undefined) => f.amount(s);
    return [
      `${f.year}年度${f.unit}政府采购支出总额${figure(d(p.total))}万元，其中：政府采购货物支出${figure(d(p.goods))}万元、政府采购工程支出${figure(d(p.works))}万元、政府采购服务支出${figure(d(p.services))}万元。授予中小企业合同金额${figure(d(p.sme))}万元，占政府采购支出总额的${percentOf(d(p.sme), d(p.total))}%，其中：授予小微企业合同金额${figure(d(p.small))}万元，占授予中小企业合同金额的${percentOf(d(p.small), d(p.sme))}%。`,
    ];
  },

  assets: (f) => {
    const a = f.ctx.doc.facts?.assets;
    return [
      `截至${f.year}年12月31日，${f.unit}共有车辆${a?.vehicles ?? TODO('车辆数')}辆${a?.vehicleUse ? `，${a.vehicleUse}` : ''}。单价100万元(含)以上设备${a?.equipment ?? TODO('台数')}台(套)。`,
    ];
  },

  performance: (f) => {
    const p = f.ctx.doc.facts?.performance;
    const project = f.v('一般公共预算财政拨款项目支出');
    return [
      '（一）预算绩效管理工作开展情况',
      `根据预算绩效管理要求，${f.unit}对${f.year}年度一般公共预算项目支出全面开展绩效自评，共涉及项目${p?.projects ?? TODO('项目个数')}个，资金${figure(project)}万元，占一般公共预算项目支出总额的${p?.coverage ? figure(new Decimal(p.coverage)) : '100'}%。`,
      TODO('绩效评价工作的组织和方法'),
      '（二）部门（单位）整体支出自评结果',
      TODO('部门整体支出绩效自评结果（见附件部门整体绩效自评表）'),
      '（三）项目支出自评结果',
      p?.projectBudget
        ? `${f.unit}在${f.year}年度部门决算中反映所有项目绩效自评结果，共涉及${p.projects ?? TODO('项目个数')}个项目。项目全年预算数为${figure(f.amount(p.projectBudget))}万元，执行数为${figure(project)}万元，完成预算的${percentOf(project, f.amount(p.projectBudget))}%。`
        : `项目全年预算数为${TODO('请在补充数据中填写项目全年预算数')}万元，执行数为${figure(project)}万元。`,
      '（四）绩效自评结果应用情况',
      TODO('绩效自评结果应用情况'),
    ];
  },
};
