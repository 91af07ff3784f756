import { Decimal } from '../money';
import type { CellAddress, GongkaiDocument } from '../document/types';
import { toleranceFor } from '../document/tolerance';
import type { Workbook } from '../engine';
import type { FormSet, StatementPhrases } from '../template';
import { publicationMetrics, quotedMetric, toWanyuan } from './metrics';
import type { Clause, Sentence, StatedNumber } from './sentences';
import { FLAT, kindTag, statementKind, type StatementKind } from './statement-kind';
import { budgetName, FACT_LABELS, type BudgetKind, type Subject, type Term, type Value } from './subjects';
import { figure, roundLike } from './text-format';

/** What became of one stated number. */
export type NumberStatus =
  | {
      readonly status: 'consistent';
      readonly expected: string;
      readonly source: string;
      readonly cell?: CellAddress;
    }
  | {
      readonly status: 'inconsistent';
      readonly severity: 'error' | 'warning';
      readonly expected: string;
      readonly source: string;
      readonly cell?: CellAddress;
      /** What is wrong, after “文字写…”: “应为 0.89万元（公开09表 1栏）。” */
      readonly message: string;
      /** What the number says of which subject (收支总计:rate), for a finding id that survives edits elsewhere. */
      readonly about?: string;
    }
  | { readonly status: 'unchecked'; readonly reason: string };

export interface ReadContext {
  readonly formSet: FormSet;
  readonly wb: Workbook;
  readonly doc: GongkaiDocument;
  readonly terms: readonly Term[];
  readonly phrases: StatementPhrases;
  readonly scope: string | undefined;
  readonly shareBase: string | undefined;
}

interface Located {
  readonly subject: Subject;
  readonly lead: string;
  /** Text of the clause before the number, the subject's name taken out (for the year it speaks of). */
  readonly context: string;
}

const LIST_ITEM = /^(\d+[、.．]|（\d+）|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/;
/** A heading naming a 类/款/项 (“住房保障支出（类）…（项）”), quoted or not, after any list number. */
const ITEM_HEADING = /^\s*[“"]?[\u4e00-\u9fa5]{2,30}（[类款项]）/;
const MONEY = new Set(['万元', '元', '亿元']);
const COUNTS = new Set(['个', '辆', '台']);

/** Whether a name at `at` starts a word (not the tail of a longer name: 新闻宣传项目支出, 退休人员经费). */
function startsWord(text: string, at: number): boolean {
  if (at === 0) return true;
  const before = text.slice(0, at);
  if (/[^\u4e00-\u9fa5]$/.test(before)) return true;
  return /(年度|年|其中|的|中|为|是|和|及|与|或|即|对|较|比|同比|全年|本年|当年|上年|主要|用于|包括|原因是|其次|共有|截至|以上|单位|本单位|本部门|部门|中心|局)$/.test(
    before,
  );
}

/** The subject named last in `text` (a clause up to a number), where its name ends, or a reason it is unclear. */
function lastSubject(
  text: string,
  ctx: ReadContext,
  sentence: string,
  /** Only counted subjects (车辆, 项目个数) for a count, only the others for money and rates. */
  count?: boolean,
): { subject: Subject; at: number; end: number } | { reason: string } | undefined {
  let best: { at: number; end: number; resolved: Subject | string } | undefined;
  for (const t of ctx.terms) {
    let at = text.lastIndexOf(t.term);
    while (at >= 0 && !startsWord(text, at)) at = at > 0 ? text.lastIndexOf(t.term, at - 1) : -1;
    if (at < 0) continue;
    const end = at + t.term.length;
    if (best && (end < best.end || (end === best.end && at >= best.at))) continue;
    const resolved = t.resolve(ctx.scope, sentence);
    if (resolved === undefined) continue;
    if (count !== undefined && typeof resolved !== 'string' && (resolved.unit !== undefined) !== count)
      continue;
    best = { at, end, resolved };
  }
  if (!best) return undefined;
  // 统计信息事务（款）统计信息事务（项）20.04万元: the 项 it names is in no table, so the 款 before it is not the subject.
  const unknownItem = /^([\u4e00-\u9fa5]{2,30})（([项款])）/.exec(text.slice(best.end));
  if (unknownItem) {
    // …the last of the chain, one level below a 类 or 款 the table holds: a 项 (or 款) misnamed, whose figure can
    // still be held against what that 款 (类) does hold.
    const resolved = best.resolved;
    const level = unknownItem[2] === '项' ? 7 : 5;
    const last = !/^[”"]?[\u4e00-\u9fa5]{2,30}（[项款]）/.test(text.slice(best.end + unknownItem[0].length));
    if (typeof resolved !== 'string' && last && resolved.items?.[0]?.code.length === level)
      return {
        subject: {
          name: `${resolved.name}下的“${unknownItem[0]}”`,
          budgets: {},
          budgetKind: resolved.budgetKind,
          sameAs: [],
          items: resolved.items,
          misnamed: unknownItem[0],
        },
        at: best.at,
        end: best.end + unknownItem[0].length,
      };
    return { reason: `“${unknownItem[0]}”不是表中的科目` };
  }
  if (typeof best.resolved === 'string') return { reason: best.resolved };
  return { subject: best.resolved, at: best.at, end: best.end };
}

/**
 * Gives every stated number of a paragraph its status. The subject of a number is the phrase that governs its
 * clause: named in the clause, else earlier in the same sentence, else the item a list paragraph is about
 * (“1、教育支出（类）普通教育（款）初中教育（项）。…年初预算为…”) — never a word from another sentence.
 */
export function readParagraph(
  text: string,
  sents: readonly Sentence[],
  numbers: readonly StatedNumber[],
  ctx: ReadContext,
): NumberStatus[] {
  const w = ctx.phrases.words;
  const ignore = ctx.phrases.ignore;
  // The item a list paragraph is about: the most specific name in its first clause (“6.其他收入0.00万元，为…
  // “经营收入”之外取得的收入” is about 其他收入, not the 经营收入 its definition names later).
  // A paragraph opening with an item heading marked 类/款/项 (“一般公共服务（类）统计信息事务（款）统计管理（项）”3.39万元，
  // …。年初预算为3.84万元…), numbered or not, is about that item in the same way.
  let topic: Subject | undefined;
  const head = sents[0]
    ? (text
        .slice(sents[0].start, sents[0].end)
        .replace(LIST_ITEM, '')
        .split(/[，；：]/)[0] ?? '')
    : '';
  if (LIST_ITEM.test(text) || ITEM_HEADING.test(head)) {
    const found = lastSubject(head, ctx, head);
    if (found && 'subject' in found) topic = found.subject;
  }
  const ignored = ignore.flatMap((phrase) => {
    const spans: [number, number][] = [];
    for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1))
      spans.push([at, at + phrase.length]);
    return spans;
  });

  type Read = {
    num: StatedNumber;
    located?: Located;
    kind?: StatementKind;
    reason?: string;
    sentence: Sentence;
    /** A number of a fixed phrase: it governs nothing after it. */
    ignored?: boolean;
    /** The subjects a list of figures (各是 X，Y) is read against, in order. */
    group?: readonly Subject[];
  };
  const reads: Read[] = [];
  const runs = listedRuns(text, numbers);
  const sentenceOf = (num: StatedNumber): Sentence =>
    sents.find((s) => num.start >= s.start && num.start < s.end) ?? {
      start: 0,
      end: text.length,
      clauses: [],
    };
  const clauseOf = (sentence: Sentence, num: StatedNumber): Clause =>
    sentence.clauses.find((c) => num.start >= c.start && num.start < c.end) ?? {
      start: sentence.start,
      end: sentence.end,
    };
  /**
   * 收、支总计各是4125.49，4143.91万元 / 基本支出、项目支出分别为X、Y万元: the k figures of a list go to the k
   * subjects named before them, in order — the parts of a joint name, or names joined by 、和及 — and a later list in
   * the same sentence (各下降23.51%、38.28%) goes to the same subjects.
   */
  const readListed = (num: StatedNumber, run: { members: readonly number[]; unit: string }): Read => {
    const sentence = sentenceOf(num);
    const sentenceText = text.slice(sentence.start, sentence.end);
    const first = numbers[run.members[0] as number] as StatedNumber;
    const k = run.members.length;
    const at = run.members.indexOf(numbers.indexOf(num));
    const unit = run.unit;
    const clause = clauseOf(sentence, first);
    let before = text.slice(clause.start, first.start);
    if (unit === '%') {
      const share = w.share.map((x) => before.indexOf(x)).filter((x) => x >= 0);
      if (share.length > 0) before = before.slice(0, Math.min(...share));
    }
    const own = lastSubject(before, ctx, sentenceText, COUNTS.has(unit));
    if (own && 'reason' in own) return { num, sentence, reason: own.reason };
    let group: readonly Subject[] | undefined;
    let lead: string;
    let context: string;
    if (own) {
      lead = text.slice(clause.start + own.end, first.start);
      context = text.slice(clause.start, clause.start + own.at) + lead;
      group = listOf(own.subject, clause.start + own.at, k, sentence);
    } else {
      lead = text.slice(clause.start, first.start);
      context = lead;
      group = [...reads].reverse().find((r) => r.sentence === sentence && r.group?.length === k)?.group;
    }
    if (!group)
      return {
        num,
        sentence,
        reason: `并列了${k}个数，但前面没有认出与之一一对应的${k}个项目`,
      };
    const subject = group[at] as Subject;
    const kind = statementKind(lead, unit, w, speaksOfOtherYear(context, ctx, w));
    return { num, sentence, located: { subject, lead, context }, kind, group };
  };
  /** The k subjects ending with `last` (named at `at`): its parts, or names joined by 、和及与 before it. */
  const listOf = (
    last: Subject,
    at: number,
    k: number,
    sentence: Sentence,
  ): readonly Subject[] | undefined => {
    if (last.parts?.length === k) return last.parts;
    const list = [last];
    let from = at;
    while (list.length < k && /[、和及与]/.test(text[from - 1] ?? '')) {
      const head = text.slice(sentence.start, from - 1);
      const found = lastSubject(head, ctx, text.slice(sentence.start, sentence.end));
      if (!found || 'reason' in found || found.end !== head.length) break;
      list.unshift(found.subject);
      from = sentence.start + found.at;
    }
    return list.length === k ? list : undefined;
  };
  const readOne = (num: StatedNumber, i: number): Read => {
    const run = runs.get(i);
    if (run) return readListed(num, run);
    const sentence = sentenceOf(num);
    const sentenceText = text.slice(sentence.start, sentence.end);
    if (ignored.some(([a, b]) => num.start >= a && num.start < b))
      return {
        num,
        sentence,
        ignored: true,
        reason: '固定说法中的数（如“单价100万元（含）以上”），不是要核对的金额',
      };
    const flat = num.unit === FLAT;
    if (
      !flat &&
      num.unit === '' &&
      !(num.value.replace(/[0.]/g, '') === '' && /预算(数)?(为|是)$/.test(text.slice(0, num.start)))
    )
      return { num, sentence, reason: '数字后没有单位，不知道说的是金额、比例还是个数' };
    if (!flat && !MONEY.has(num.unit) && num.unit !== '%' && !COUNTS.has(num.unit) && num.unit !== '')
      return { num, sentence, reason: `“${num.unit}”数的不是报表或补充数据里的数量` };
    const clause = clauseOf(sentence, num);
    let before = text.slice(clause.start, num.start);
    // 占本年支出23.93%: the words after 占 name the base, not the subject.
    if (num.unit === '%') {
      const share = w.share.map((s) => before.indexOf(s)).filter((i) => i >= 0);
      if (share.length > 0) before = before.slice(0, Math.min(...share));
    }
    const isCount = COUNTS.has(num.unit);
    let own = lastSubject(before, ctx, sentenceText, isCount);
    // 共涉及10个一级项目: a count may name what it counts after it.
    if (!own && isCount) {
      const after = text.slice(num.end, clause.end);
      const named = ctx.terms
        .map((t) => ({ t, at: after.indexOf(t.term) }))
        .filter((x) => x.at >= 0)
        .sort((a, b) => a.at - b.at || b.t.term.length - a.t.term.length)
        .map((x) => x.t.resolve(ctx.scope, sentenceText))
        .find((r): r is Subject => typeof r !== 'string' && r !== undefined && r.unit === num.unit);
      if (named) own = { subject: named, at: num.start - clause.start, end: num.start - clause.start };
    }
    if (own && 'reason' in own) return { num, sentence, reason: own.reason };
    let located: Located | undefined;
    if (own) {
      located = {
        subject: own.subject,
        lead: text.slice(clause.start + own.end, num.start),
        context:
          text.slice(clause.start, clause.start + own.at) + text.slice(clause.start + own.end, num.start),
      };
    } else {
      // No subject in the clause: the one that governs the sentence so far — the subject of the number before
      // it in the sentence (if that one was not understood, neither is this), else a name in an earlier clause,
      // else the item a list paragraph is about.
      const previous = [...reads].reverse().find((r) => r.sentence === sentence && !r.ignored);
      if (previous && (!previous.located || previous.kind?.kind === 'unknown'))
        return { num, sentence, reason: '前面分句说的项目没有认出，这个数跟着它，也不核对' };
      if (previous?.group || (!previous && w.several.some((x) => sentenceText.includes(x))))
        return {
          num,
          sentence,
          reason: '句中并列了几项（各是、分别为…），这个数的分句没有写明是哪一项',
        };
      const earlier = previous?.located
        ? { subject: previous.located.subject }
        : lastSubject(text.slice(sentence.start, clause.start), ctx, sentenceText, isCount);
      if (earlier && 'reason' in earlier) return { num, sentence, reason: earlier.reason };
      const subject = earlier && 'subject' in earlier ? earlier.subject : topic;
      if (!subject) return { num, sentence, reason: '没有认出这个数说的是哪一项' };
      const lead = text.slice(clause.start, num.start);
      located = { subject, lead, context: lead };
    }
    let kind = statementKind(
      located.lead,
      num.unit === '' ? '万元' : num.unit,
      w,
      speaksOfOtherYear(located.context, ctx, w),
    );
    // “三公”经费财政拨款支出决算中，因公出国（境）费…占0%: a sentence opening with the whole (…中，) names the base of
    // the shares its clauses state.
    if (kind.kind === 'share' && kind.base === '') {
      const opening = /^(?:\d{4}年度?)?(.+?)中，/.exec(sentenceText)?.[1];
      const whole =
        opening === undefined
          ? undefined
          : ctx.phrases.bases
              .flatMap((b) => b.terms)
              .sort((x, y) => y.length - x.length)
              .find((t) => opening.startsWith(t));
      if (whole) kind = { kind: 'share', base: whole };
    }
    return { num, sentence, located, kind };
  };
  numbers.forEach((num, i) => reads.push(readOne(num, i)));

  // What the text itself says of budgets (完成年初预算的0%，年初预算为0.45万元 — the budget after the rate).
  const statedBudget = new Map<string, Decimal>();
  for (const r of reads) {
    if (r.kind?.kind === 'value' && r.kind.side !== 'actual' && !r.kind.prior && r.located) {
      const kind = r.kind.side === 'budget' ? r.located.subject.budgetKind : r.kind.side;
      statedBudget.set(`${r.located.subject.name}:${kind}`, amountOf(r.num));
      // A bare 预算 (支出预算为2.43万元) does not say which of the three budgets it is: a completion rate the
      // same paragraph states against a named one (完成年初预算的36.63%) may only be checked against it.
      if (r.kind.side === 'budget') statedBudget.set(`${r.located.subject.name}:bare`, amountOf(r.num));
    }
  }
  // …and of the amount spent (支出决算为545.84万元): a rate worked out from a wrong figure the text states is that
  // figure's error, already reported on it, not a second one.
  for (const r of reads)
    if (r.kind?.kind === 'value' && r.kind.side === 'actual' && !r.kind.prior && r.located)
      statedBudget.set(`${r.located.subject.name}:actual`, amountOf(r.num));
  for (const s of sents) {
    const t = text.slice(s.start, s.end);
    const zero = w.zeroBudget.find((z) => t.includes(z));
    if (!zero) continue;
    const found = lastSubject(t.slice(0, t.indexOf(zero)), ctx, t);
    const subject = found && 'subject' in found ? found.subject : topic;
    if (subject && !statedBudget.has(`${subject.name}:initial`))
      statedBudget.set(`${subject.name}:initial`, new Decimal(0));
  }

  // What the text itself says a subject changed by against last year (减少2570.97万元): with no 上年数 in the
  // 补充数据, the growth rate stated beside it must agree with the 上年数 it implies.
  const statedChange = new Map<string, { amount: Decimal; down: boolean }>();
  for (const r of reads)
    if (r.kind?.kind === 'change' && r.kind.of === 'actual' && r.located && r.reason === undefined)
      statedChange.set(r.located.subject.name, { amount: amountOf(r.num), down: r.kind.down });

  const statuses = reads.map((r): NumberStatus => {
    if (r.reason !== undefined || !r.located || !r.kind)
      return { status: 'unchecked', reason: r.reason ?? '没有读懂' };
    return evaluate(r.num, r.located.subject, r.kind, ctx, statedBudget, statedChange);
  });
  impliedBudgets(reads, statuses);
  wholesOfListedParts(text, reads, statuses);
  reasonsOfAChange(text, reads, statuses, w);
  contradictions(text, sents, reads, statuses, w);
  roundedShares(reads, statuses);
  sums(reads, statuses, ctx);
  return statuses.map((s, i) => {
    const r = reads[i];
    if (s.status !== 'inconsistent' || !r?.located || !r.kind) return s;
    return { ...s, about: `${r.located.subject.name}:${kindTag(r.kind)}` };
  });
}

/**
 * Numbers listed side by side in one sentence (4125.49，4143.91万元 / 23.51%、38.28%): only a ，、和 or 及 between
 * them. A figure written without its unit takes the unit of the list's last figure; a list whose units differ is
 * not a list.
 */
function listedRuns(
  text: string,
  numbers: readonly StatedNumber[],
): Map<number, { members: readonly number[]; unit: string }> {
  const out = new Map<number, { members: readonly number[]; unit: string }>();
  let current: number[] = [];
  const close = () => {
    const units = new Set(current.map((i) => (numbers[i] as StatedNumber).unit).filter((u) => u !== ''));
    const last = numbers[current[current.length - 1] as number] as StatedNumber;
    if (current.length > 1 && units.size === 1 && last.unit !== '') {
      const run = { members: current, unit: last.unit };
      for (const i of current) out.set(i, run);
    }
    current = [];
  };
  numbers.forEach((n, i) => {
    const prev = numbers[i - 1];
    const joined =
      prev !== undefined &&
      current.length > 0 &&
      n.unit !== FLAT &&
      prev.unit !== FLAT &&
      /^[，、和及]$/.test(text.slice(prev.end, n.start));
    if (!joined) close();
    current.push(i);
  });
  close();
  return out;
}

/**
 * 与上年持平, 与年初预算持平, 较上年无变化: a change of zero stated without a number, read like a number (unit
 * FLAT) so it gets a status too. Only where the sentence so far compares (与/较/比…, 上年, a year, a budget) and
 * the clause states no number of its own.
 */
export function flatClaims(
  text: string,
  numbers: readonly StatedNumber[],
  w: StatementPhrases['words'],
): StatedNumber[] {
  const out: StatedNumber[] = [];
  const words = [...w.flat].sort((a, b) => b.length - a.length);
  const taken: [number, number][] = [];
  for (const word of words) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) {
      const end = at + word.length;
      if (taken.some(([a, b]) => at < b && end > a)) continue;
      const lastOf = (marks: string) => Math.max(...[...marks].map((p) => text.lastIndexOf(p, at - 1))) + 1;
      const start = lastOf('。！？，；：');
      const stop = text.slice(end).search(/[。！？，；：]/);
      const clauseEnd = stop < 0 ? text.length : end + stop;
      // 与上年相比，收、支总计持平: the comparison may be named earlier in the sentence.
      const before = text.slice(lastOf('。！？'), at);
      const compares =
        /\d{4}年/.test(before) || [...w.compare, ...w.priorYear, ...w.budget].some((c) => before.includes(c));
      if (!compares || numbers.some((n) => n.start >= start && n.start < clauseEnd)) continue;
      taken.push([at, end]);
      out.push({ start: at, end, digits: word, value: '0', unit: FLAT });
    }
  }
  return out;
}

/** A clause about another year (2022年度…, 上年…) states last year's figure — unless it compares (与2022年度相比). */
function speaksOfOtherYear(context: string, ctx: ReadContext, w: StatementPhrases['words']): boolean {
  const compared = (at: number) => w.compare.some((c) => context.slice(Math.max(0, at - c.length), at) === c);
  for (const m of context.matchAll(/(\d{4})年/g)) {
    if (Number(m[1]) !== ctx.doc.unit.year && !compared(m.index ?? 0)) return true;
  }
  for (const word of w.priorYear) {
    const at = context.indexOf(word);
    if (at >= 0 && !compared(at)) return true;
  }
  return false;
}

/** A stated amount in 万元 (元 and 亿元 converted); percents and counts as written. */
function amountOf(num: StatedNumber): Decimal {
  const d = new Decimal(num.value);
  return num.unit === '元' ? d.div(10000) : num.unit === '亿元' ? d.times(10000) : d;
}

const fmt = (d: Decimal) => `${figure(d.toDecimalPlaces(2))}万元`;
const pct = (d: Decimal) => `${d.toDecimalPlaces(2).toFixed()}%`;

function evaluate(
  num: StatedNumber,
  subject: Subject,
  kind: StatementKind,
  ctx: ReadContext,
  statedBudget: ReadonlyMap<string, Decimal>,
  statedChange: ReadonlyMap<string, { amount: Decimal; down: boolean }>,
): NumberStatus {
  const unknown = (reason: string): NumberStatus => ({ status: 'unchecked', reason });
  if (kind.kind === 'unknown') return unknown(kind.reason);
  if (subject.unreadable) return unknown(`${subject.name}在报表中的数不能确定（下级有无效数值或循环引用）`);
  if (subject.misnamed !== undefined) return misnamedItem(num, subject, kind);
  const isCount = COUNTS.has(num.unit);
  if (kind.kind === 'flat') return evaluateFlat(num, subject, kind.against, ctx, statedBudget);
  if (isCount !== (subject.unit !== undefined)) {
    return unknown(
      isCount ? `${subject.name}不是按${num.unit}计的数量` : `${subject.name}是个数，不是金额或比例`,
    );
  }
  if (isCount && subject.unit !== num.unit)
    return unknown(`${subject.name}按${subject.unit}计，文字写的是${num.unit}`);
  const written = amountOf(num);
  const budgetOf = (k: BudgetKind | 'budget'): { value?: Value; stated?: Decimal; kind: BudgetKind } => {
    const kindOf = k === 'budget' ? subject.budgetKind : k;
    return {
      value: subject.budgets[kindOf],
      stated: statedBudget.get(`${subject.name}:${kindOf}`),
      kind: kindOf,
    };
  };
  const noBudget = (k: BudgetKind) =>
    `报表和补充数据中没有${subject.name}的${budgetName(k)}${
      Object.keys(subject.budgets).length > 0
        ? `（只有${Object.keys(subject.budgets)
            .map((b) => budgetName(b as BudgetKind))
            .join('、')}）`
        : ''
    }`;

  switch (kind.kind) {
    case 'value': {
      let value: Value | undefined;
      let what: string;
      if (kind.side === 'actual') {
        value = kind.prior ? subject.prior : subject.actual;
        what = kind.prior ? '上年数' : '';
        if (!value)
          return unknown(
            kind.prior
              ? `没有${subject.name}的上年数（补充数据 › 上年数）`
              : `报表和补充数据中没有${subject.name}的数`,
          );
      } else {
        const b = budgetOf(kind.side);
        value = kind.prior ? subject.priorBudget : b.value;
        what = kind.prior ? '上年预算数' : `${budgetName(b.kind)}`;
        if (!value) return unknown(kind.prior ? `没有${subject.name}上年的预算数` : noBudget(b.kind));
      }
      return compareAmount(num, written, value, subject, what, ctx);
    }
    case 'change': {
      let side: Value | undefined;
      let base: Value | undefined;
      let against = '上年';
      if (kind.of === 'againstBudget') {
        side = subject.actual;
        const b = budgetOf(kind.budget);
        base =
          b.value ??
          (b.stated !== undefined ? { value: b.stated, source: `文字所写${budgetName(b.kind)}` } : undefined);
        against = budgetName(b.kind);
        if (!base) return unknown(noBudget(b.kind));
      } else {
        side = kind.of === 'budget' ? subject.budgets[subject.budgetKind] : subject.actual;
        base = kind.of === 'budget' ? subject.priorBudget : subject.prior;
        if (!base)
          return unknown(
            `没有${subject.name}的上年${kind.of === 'budget' ? '预算数' : '数'}（补充数据 › 上年数）`,
          );
      }
      if (!side) return unknown(`报表和补充数据中没有${subject.name}的数`);
      const diff = (side.value ?? new Decimal(0)).minus(base.value ?? 0);
      const expected = fmt(diff.abs());
      if (!diff.isZero() && diff.isNegative() !== kind.down) {
        return {
          status: 'inconsistent',
          severity: 'error',
          expected: `${diff.isNegative() ? '减少' : '增加'}${expected}`,
          source: base.source,
          cell: side.cell,
          message: `写的是${kind.down ? '减少' : '增加'}，按报表与${against}相比实为${diff.isNegative() ? '减少' : '增加'} ${expected}（${base.source}）。`,
        };
      }
      if (diff.isZero() && !written.isZero())
        return mismatch(`与${against}相比没有变化，应写“持平”`, '0.00万元', base, side.cell);
      return diff.abs().toDecimalPlaces(2).eq(written.toDecimalPlaces(2))
        ? { status: 'consistent', expected, source: base.source, cell: side.cell }
        : mismatch(
            `与${against}相比的${kind.down ? '减少' : '增加'}额应为 ${expected}（${base.source}）。`,
            expected,
            base,
            side.cell,
          );
    }
    case 'rate': {
      const change = statedChange.get(subject.name);
      // An empty cell is 0 in these tables (因公出国（境）费 with nothing spent).
      if (!subject.prior && change && subject.actual)
        return impliedRate(num, kind.down, subject.actual.value ?? new Decimal(0), change);
      if (!subject.prior) return unknown(`没有${subject.name}的上年数（补充数据 › 上年数）`);
      if (!subject.actual) return unknown(`报表和补充数据中没有${subject.name}的数`);
      const prior = subject.prior.value ?? new Decimal(0);
      const actual = subject.actual.value ?? new Decimal(0);
      if (prior.isZero()) {
        return actual.isZero()
          ? mismatch(
              '上年和本年都是0，没有增减，应写“无变化”而不是增减百分比。',
              '无变化',
              subject.prior,
              undefined,
              'warning',
            )
          : mismatch(`上年为0，增减幅度无从计算（零基数），不应写百分比。`, '上年为0', subject.prior);
      }
      const diff = actual.minus(prior);
      const rate = diff.abs().div(prior).times(100);
      if (!diff.isZero() && diff.isNegative() !== kind.down) {
        const expected = `${diff.isNegative() ? '下降' : '增长'}${pct(rate)}`;
        return mismatch(
          `写的是${kind.down ? '下降' : '增长'}，按上年数实为${expected}（${subject.prior.source}）。`,
          expected,
          subject.prior,
        );
      }
      return percentStatus(num, rate, subject.prior, '与上年相比的增减幅度');
    }
    case 'share': {
      const base = shareBase(kind.base, ctx);
      if (typeof base === 'string') return unknown(base);
      if (!subject.actual) return unknown(`报表和补充数据中没有${subject.name}的数`);
      if (base.value === null || base.value.isZero()) return unknown(`占比的基数（${base.source}）为0`);
      return percentStatus(
        num,
        (subject.actual.value ?? new Decimal(0)).div(base.value).times(100),
        base,
        '占比',
      );
    }
    case 'completion': {
      // 年初预算为2.88万元，…，完成预算的30.9%: a bare 预算 is the budget the text has just named for the subject.
      const named = (['initial', 'full', 'adjusted'] as const).find((k) =>
        statedBudget.has(`${subject.name}:${k}`),
      );
      const b = budgetOf(kind.budget === 'budget' && named ? named : kind.budget);
      const stated =
        b.stated !== undefined ? { value: b.stated, source: `文字所写${budgetName(b.kind)}` } : undefined;
      // 支出预算为2.43万元，…，完成年初预算的36.63%: with no budget of that kind anywhere, the rate is read
      // against the budget the text states beside it (a wrong one is reported on that figure).
      const bare = statedBudget.get(`${subject.name}:bare`);
      const beside =
        kind.budget !== 'budget' && !b.value && !stated && bare !== undefined
          ? { value: bare, source: '文字所写预算数' }
          : undefined;
      // The text's own zero budget (年初预算为0万元 … 完成年初预算的95.89%) is a mistake whatever the tables say.
      const budget = stated?.value.isZero() ? stated : (b.value ?? stated ?? beside);
      if (!budget) return unknown(noBudget(b.kind));
      if (!subject.actual) return unknown(`报表和补充数据中没有${subject.name}的数`);
      if (budget.value === null || budget.value.isZero()) {
        return written.isZero()
          ? mismatch(
              `${budgetName(b.kind)}为0，完成率无意义，宜写“未安排预算”。`,
              '不适用',
              budget,
              undefined,
              'warning',
            )
          : mismatch(
              `${budgetName(b.kind)}为0（${budget.source}），不能算完成预算的比例（零基数）。`,
              '不适用',
              budget,
            );
      }
      const how = `完成${budgetName(b.kind)}的比例`;
      const status = percentStatus(
        num,
        (subject.actual.value ?? new Decimal(0)).div(budget.value).times(100),
        budget,
        how,
      );
      const spent = statedBudget.get(`${subject.name}:actual`);
      if (
        status.status === 'inconsistent' &&
        spent !== undefined &&
        !spent.toDecimalPlaces(2).eq((subject.actual.value ?? new Decimal(0)).toDecimalPlaces(2)) &&
        percentStatus(num, spent.div(budget.value).times(100), budget, how).status === 'consistent'
      )
        return mismatch(
          `按文字所写的支出决算 ${fmt(spent)} 算是对的，但该数与报表不符（已另报）；按${subject.actual.source}的 ${fmt(subject.actual.value ?? new Decimal(0))}，${how}应为 ${status.expected}。`,
          status.expected,
          subject.actual,
          undefined,
          'warning',
        );
      return status;
    }
    case 'overBudget': {
      const b = budgetOf('budget');
      const budget =
        b.value ??
        (b.stated !== undefined ? { value: b.stated, source: `文字所写${budgetName(b.kind)}` } : undefined);
      if (!budget) return unknown(noBudget(b.kind));
      if (!subject.actual) return unknown(`报表和补充数据中没有${subject.name}的数`);
      const diff = (subject.actual.value ?? new Decimal(0)).minus(budget.value ?? 0);
      if (!diff.isZero() && diff.isPositive() !== kind.over) {
        return mismatch(
          `写的是决算数${kind.over ? '大于' : '小于'}预算数，实为${diff.isPositive() ? '大于' : '小于'} ${fmt(diff.abs())}（${budget.source}）。`,
          fmt(diff.abs()),
          budget,
        );
      }
      return diff.abs().toDecimalPlaces(2).eq(written.toDecimalPlaces(2))
        ? { status: 'consistent', expected: fmt(diff.abs()), source: budget.source }
        : mismatch(
            `决算数与预算数之差应为 ${fmt(diff.abs())}（${budget.source}）。`,
            fmt(diff.abs()),
            budget,
          );
    }
  }
}

/**
 * A growth rate against the 上年数 the text's own change implies (本年 ∓ 减少/增加额). The change is written to the
 * 分, so the rate may round either way within its half-cent: only a rate outside that is wrong.
 */
function impliedRate(
  num: StatedNumber,
  down: boolean,
  actual: Decimal,
  change: { amount: Decimal; down: boolean },
): NumberStatus {
  const word = change.down ? '减少' : '增加';
  const source = `文字所写${word}额 ${fmt(change.amount)}`;
  if (change.down !== down)
    return mismatch(`同句写的是${word}，增减幅度却写成${down ? '下降' : '增长'}。`, word, {
      value: null,
      source,
    });
  const rateWith = (c: Decimal) => {
    const prior = change.down ? actual.plus(c) : actual.minus(c);
    return prior.gt(0) ? c.div(prior).times(100) : undefined;
  };
  const middle = rateWith(change.amount);
  // 因公出国（境）费减少0万元，降低0%: by the text's own figures nothing was spent either year.
  if (!middle && actual.isZero() && change.amount.isZero())
    return mismatch(
      '按文字所写增减额，上年和本年都是0，没有增减，应写“无变化”而不是增减百分比。',
      '无变化',
      { value: null, source },
      undefined,
      'warning',
    );
  // 公务接待费支出决算增加0.3万元，增长100% while 本年 is 0.3: by the text's own figures the 上年数 was 0.
  if (!middle && !change.down && actual.eq(change.amount) && !actual.isZero())
    return mismatch(`按${source}推算上年数为0，增减幅度无从计算（零基数），不应写百分比。`, '上年为0', {
      value: new Decimal(0),
      source,
    });
  if (!middle)
    return { status: 'unchecked', reason: `按文字所写${word}额推算的上年数不大于0，增减幅度无从核对` };
  const half = new Decimal('0.005');
  const written = roundLike(new Decimal(num.value), num.value);
  const fits = [change.amount.minus(half), change.amount, change.amount.plus(half)]
    .map(rateWith)
    .some((r) => r !== undefined && roundLike(r, num.value).eq(written));
  const prior = change.down ? actual.plus(change.amount) : actual.minus(change.amount);
  if (fits) return { status: 'consistent', expected: `${roundLike(middle, num.value).toFixed()}%`, source };
  return mismatch(
    `按${source}推算上年数为 ${fmt(prior)}，${down ? '下降' : '增长'}幅度应为 ${pct(middle)}。`,
    pct(middle),
    { value: null, source },
  );
}

/**
 * 公务用车运行费0.89万元，完成年初预算的36.63%，比年初预算减少1.54万元: with the budget in neither the tables nor
 * the 补充数据, the rate and the difference still state the same budget twice (决算 ± difference, 决算 ÷ rate). The
 * difference is written to the 分, so the rate may round either way within its half-cent; when they agree both are
 * checked, when they do not the rate is an error (the text contradicts itself).
 */
function impliedBudgets(
  reads: readonly { num: StatedNumber; located?: Located; kind?: StatementKind }[],
  statuses: NumberStatus[],
): void {
  const NO_BUDGET = /^报表和补充数据中没有/;
  const unread = (i: number) => {
    const s = statuses[i];
    return s?.status === 'unchecked' && NO_BUDGET.test(s.reason);
  };
  reads.forEach((rate, i) => {
    if (rate.kind?.kind !== 'completion' || !rate.located || !unread(i)) return;
    const subject = rate.located.subject;
    const actual = subject.actual?.value;
    if (!actual) return;
    const budgetKind = rate.kind.budget;
    const j = reads.findIndex(
      (c, k) =>
        c.kind?.kind === 'change' &&
        c.kind.of === 'againstBudget' &&
        c.kind.budget === budgetKind &&
        c.located?.subject.name === subject.name &&
        unread(k),
    );
    const change = reads[j];
    if (!change || change.kind?.kind !== 'change') return;
    const amount = amountOf(change.num);
    const down = change.kind.down;
    const word = down ? '减少' : '增加';
    const what = budgetKind === 'budget' ? '预算' : budgetName(budgetKind);
    const source = `文字所写比${what}${word}额 ${fmt(amount)}`;
    const rateWith = (c: Decimal) => {
      const budget = down ? actual.plus(c) : actual.minus(c);
      return budget.gt(0) ? actual.div(budget).times(100) : undefined;
    };
    const middle = rateWith(amount);
    if (!middle) return;
    const half = new Decimal('0.005');
    const written = roundLike(new Decimal(rate.num.value), rate.num.value);
    const fits = [amount.minus(half), amount, amount.plus(half)]
      .map(rateWith)
      .some((r) => r !== undefined && roundLike(r, rate.num.value).eq(written));
    const budget = down ? actual.plus(amount) : actual.minus(amount);
    if (!fits) {
      statuses[i] = mismatch(
        `按${source}推算${what}为 ${fmt(budget)}，完成比例应为 ${pct(middle)}。`,
        pct(middle),
        { value: null, source },
      );
      return;
    }
    statuses[i] = {
      status: 'consistent',
      expected: `${roundLike(middle, rate.num.value).toFixed()}%`,
      source,
    };
    statuses[j] = {
      status: 'consistent',
      expected: fmt(amount),
      source: `同段所写完成${what}的比例 ${rate.num.value}%`,
    };
  });
}

/**
 * 项目支出主要用于宣传事务954.62万元，其中包括新闻宣传826.82万元、政务新媒体127.80万元: a figure the check cannot
 * name is still checked when the 其中 right after it lists parts that were each checked and add up to it. A 其中
 * may list only some parts, so parts that do not add up say nothing and the figure stays not checked.
 */
function wholesOfListedParts(
  text: string,
  reads: readonly { num: StatedNumber; sentence: Sentence; kind?: StatementKind }[],
  statuses: NumberStatus[],
): void {
  reads.forEach((whole, i) => {
    if (statuses[i]?.status !== 'unchecked' || !MONEY.has(whole.num.unit)) return;
    const next = reads[i + 1];
    if (!next || next.sentence !== whole.sentence) return;
    if (!/^[，,：:]?其中(包括|有|：|:|，)?/.test(text.slice(whole.num.end, next.num.start))) return;
    const parts: number[] = [];
    for (let k = i + 1; k < reads.length && reads[k]?.sentence === whole.sentence; k++) parts.push(k);
    const all = parts.every((k) => {
      const r = reads[k];
      return r && MONEY.has(r.num.unit) && statuses[k]?.status === 'consistent' && r.kind?.kind === 'value';
    });
    if (!all) return;
    const sum = parts.reduce(
      (acc, k) => acc.plus(amountOf((reads[k] as { num: StatedNumber }).num)),
      new Decimal(0),
    );
    if (!sum.toDecimalPlaces(2).eq(amountOf(whole.num).toDecimalPlaces(2))) return;
    statuses[i] = { status: 'consistent', expected: fmt(sum), source: '同句“其中”所列各项之和' };
  });
}

/**
 * 收、支总计各增加45.59万元，…主要原因是宣传事务减少3.34万元，社会保障和就业支出增加47.22万元，卫生健康支出增加1.71万元:
 * the changes given as the reasons for a checked change. When every reason but one was checked and together they
 * make up the change exactly, the one left (a 款 with no 上年数 in the 补充数据) is what the identity says it is.
 * Reasons that do not add up may be only the main ones: the figure then stays not checked.
 */
function reasonsOfAChange(
  text: string,
  reads: readonly { num: StatedNumber; sentence: Sentence; located?: Located; kind?: StatementKind }[],
  statuses: NumberStatus[],
  w: StatementPhrases['words'],
): void {
  const directions = [...w.up.map((x) => [x, 1] as const), ...w.down.map((x) => [x, -1] as const)].sort(
    (a, b) => b[0].length - a[0].length,
  );
  const directionOf = (i: number): number | undefined => {
    const r = reads[i] as { num: StatedNumber };
    const before = text.slice(0, r.num.start).replace(/(了|为)$/, '');
    return directions.find(([word]) => before.endsWith(word))?.[1];
  };
  reads.forEach((total, t) => {
    if (total.kind?.kind !== 'change' || total.kind.of !== 'actual' || statuses[t]?.status !== 'consistent')
      return;
    // The reasons: the figures after the next 原因 in the paragraph, to the end of its sentence, before any
    // later change is stated.
    const marker = Math.min(
      ...w.reason.map((word) => text.indexOf(word, total.num.end)).filter((at) => at >= 0),
    );
    if (!Number.isFinite(marker)) return;
    const between = reads.slice(t + 1).filter((r) => r.num.start < marker);
    if (between.some((r) => r.kind?.kind === 'change')) return;
    const members = reads
      .map((r, k) => ({ r, k }))
      .filter(
        ({ r }) => r.num.start > marker && r.sentence === reads.find((x) => x.num.start > marker)?.sentence,
      );
    if (members.length < 2 || members.some(({ r }) => !MONEY.has(r.num.unit))) return;
    const signs = members.map(({ k }) => directionOf(k));
    if (signs.some((x) => x === undefined)) return;
    const open = members.filter(({ k }) => statuses[k]?.status === 'unchecked');
    const rest = members.filter(({ k }) => statuses[k]?.status === 'consistent');
    if (open.length !== 1 || rest.length !== members.length - 1) return;
    if (rest.some(({ r }) => r.kind?.kind !== 'change' || r.kind.of !== 'actual')) return;
    const sum = members.reduce(
      (acc, { k }, n) =>
        acc.plus(amountOf((reads[k] as { num: StatedNumber }).num).times(signs[n] as number)),
      new Decimal(0),
    );
    const stated = amountOf(total.num).times(total.kind.down ? -1 : 1);
    if (!sum.toDecimalPlaces(2).eq(stated.toDecimalPlaces(2))) return;
    const k = (open[0] as { k: number }).k;
    statuses[k] = {
      status: 'consistent',
      expected: fmt(amountOf((reads[k] as { num: StatedNumber }).num)),
      source: `同段所写总增减额（${total.kind.down ? '减少' : '增加'}${fmt(amountOf(total.num))}）与其余原因之差`,
    };
  });
}

/** 持平 / 无变化 against last year or a budget: equal within 尾数, else an error with the real change. */
function evaluateFlat(
  num: StatedNumber,
  subject: Subject,
  against: 'prior' | BudgetKind | 'budget',
  ctx: ReadContext,
  statedBudget: ReadonlyMap<string, Decimal>,
): NumberStatus {
  if (!subject.actual) return { status: 'unchecked', reason: `报表和补充数据中没有${subject.name}的数` };
  let base: Value | undefined;
  let what: string;
  if (against === 'prior') {
    base = subject.prior;
    what = '上年';
    if (!base)
      return {
        status: 'unchecked',
        reason: `没有${subject.name}的上年数（补充数据 › 上年数），“${num.digits}”无从核对`,
      };
  } else {
    const kind = against === 'budget' ? subject.budgetKind : against;
    const stated = statedBudget.get(`${subject.name}:${kind}`);
    base =
      subject.budgets[kind] ??
      (stated !== undefined ? { value: stated, source: `文字所写${budgetName(kind)}` } : undefined);
    what = budgetName(kind);
    if (!base) return { status: 'unchecked', reason: `报表和补充数据中没有${subject.name}的${what}` };
  }
  const diff = (subject.actual.value ?? new Decimal(0)).minus(base.value ?? 0);
  const tolerance = toWanyuan(toleranceFor(ctx.doc), ctx.doc);
  if (diff.abs().lte(tolerance))
    return { status: 'consistent', expected: num.digits, source: base.source, cell: subject.actual.cell };
  const change = `${diff.isNegative() ? '减少' : '增加'} ${fmt(diff.abs())}`;
  return mismatch(
    `写的是“${num.digits}”，按报表与${what}相比实为${change}（${subject.actual.source}；${base.source}）。`,
    change.replace(' ', ''),
    base,
    subject.actual.cell,
  );
}

/**
 * A figure of a 项 the table does not hold by that name (统计信息事务（款）统计信息事务（项）20.04万元): equal to one of
 * the 款's own 项, the name is wrong (a warning naming the table's); equal to none, the figure is wrong whatever the
 * name meant (an error listing what the 款 holds). Anything else said of it (budgets, rates) cannot be checked.
 */
function misnamedItem(num: StatedNumber, subject: Subject, kind: StatementKind): NumberStatus {
  const items = (subject.items ?? []).filter((i) => i.actual?.value !== undefined);
  const name = subject.misnamed as string;
  if (kind.kind !== 'value' || kind.side !== 'actual' || kind.prior || num.unit === '%' || items.length === 0)
    return { status: 'unchecked', reason: `“${name}”不是表中的科目，它的预算、比例等无从核对` };
  const written = amountOf(num);
  const valueOf = (i: (typeof items)[number]) => (i.actual?.value ?? new Decimal(0)).toDecimalPlaces(2);
  const same = items.find((i) => valueOf(i).eq(written.toDecimalPlaces(2)));
  const parent = subject.name.slice(0, subject.name.indexOf('下的“'));
  if (same)
    return mismatch(
      `表中${parent}下没有“${name}”；金额与 ${same.code} ${same.name} 的 ${fmt(valueOf(same))} 一致，科目名称请照表写作“${same.name}”（${same.actual?.source}）。`,
      fmt(valueOf(same)),
      same.actual as Value,
      undefined,
      'warning',
    );
  const nearest = [...items].sort((a, b) =>
    valueOf(a).minus(written).abs().comparedTo(valueOf(b).minus(written).abs()),
  )[0] as (typeof items)[number];
  return mismatch(
    `表中${parent}下没有“${name}”，其下各项为${items.map((i) => `${i.code} ${i.name} ${fmt(valueOf(i))}`).join('、')}，没有一项是 ${fmt(written)}。`,
    fmt(valueOf(nearest)),
    nearest.actual as Value,
  );
}

function mismatch(
  message: string,
  expected: string,
  value: Value,
  cell?: CellAddress,
  severity: 'error' | 'warning' = 'error',
): NumberStatus {
  return {
    status: 'inconsistent',
    severity,
    expected,
    source: value.source,
    cell: cell ?? value.cell,
    message,
  };
}

function compareAmount(
  num: StatedNumber,
  written: Decimal,
  value: Value,
  subject: Subject,
  what: string,
  ctx: ReadContext,
): NumberStatus {
  const expectedValue = value.value ?? new Decimal(0);
  const isCount = COUNTS.has(num.unit);
  const expected = isCount ? `${expectedValue.toFixed()}${num.unit}` : fmt(expectedValue);
  const same = (a: Decimal, b: Decimal) =>
    isCount ? a.eq(b) : a.toDecimalPlaces(2).eq(b.toDecimalPlaces(2));
  if (same(written, expectedValue))
    return { status: 'consistent', expected, source: value.source, cell: value.cell };
  // 3.58元 for a 3.58万元 figure.
  if (num.unit === '元' && same(new Decimal(num.value), expectedValue))
    return mismatch(`金额单位写成了“元”，报表的 ${expected} 是万元（${value.source}）。`, expected, value);
  // Equal to another table's figure for the same quantity, within 尾数: the tables disagree by their rounding.
  const tolerance = toWanyuan(toleranceFor(ctx.doc), ctx.doc);
  const twin = subject.sameAs.find((s) => s.value !== null && same(written, s.value));
  if (!what && twin && written.minus(expectedValue).abs().lte(tolerance)) {
    return mismatch(
      `与${twin.source}一致，但与${value.source}的 ${expected} 差 ${fmt(written.minus(expectedValue).abs())}（尾数差异，请核对两表的舍入）。`,
      expected,
      value,
      undefined,
      'warning',
    );
  }
  return mismatch(`${what}应为 ${expected}（${value.source}）。`, expected, value);
}

function percentStatus(num: StatedNumber, expected: Decimal, source: Value, how: string): NumberStatus {
  const shown = roundLike(expected, num.value);
  const written = roundLike(new Decimal(num.value), num.value);
  if (shown.eq(written))
    return {
      status: 'consistent',
      expected: `${shown.toFixed()}%`,
      source: source.source,
      cell: source.cell,
    };
  const e = pct(expected);
  return mismatch(`${how}应为 ${e}（${source.source}）。`, e, source);
}

/** The base a share is of: named after 占 (本年支出合计, 政府采购支出总额 …), else the section's. */
function shareBase(text: string, ctx: ReadContext): Value | string {
  const phrases = ctx.phrases;
  const metrics = publicationMetrics(ctx.formSet, ctx.wb);
  const valueOf = (src: string): Value | undefined => {
    if (!src.startsWith('fact:')) return quotedMetric(ctx.wb, ctx.doc, metrics.get(src));
    const t = src
      .slice(5)
      .split('.')
      .reduce<unknown>(
        (o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined),
        ctx.doc.facts ?? {},
      );
    return typeof t === 'string'
      ? {
          value: toWanyuan(new Decimal(t), ctx.doc),
          source: `补充数据：${FACT_LABELS[src.slice(5)] ?? src.slice(5)}`,
        }
      : undefined;
  };
  if (text === '') {
    if (!ctx.shareBase) return '没有写明占什么的比例，本节也没有默认的基数';
    return valueOf(ctx.shareBase) ?? `报表中没有${ctx.shareBase}`;
  }
  const base = phrases.bases
    .flatMap((b) => b.terms.map((t) => ({ t, b })))
    .sort((x, y) => y.t.length - x.t.length)
    .find((x) => text.startsWith(x.t));
  if (!base) return `不认识“占${text}”的基数`;
  return valueOf(base.b.value) ?? `报表和补充数据中没有“${base.t}”`;
}

/**
 * Sentences that contradict themselves: 完成年初预算100%，决算数大于预算数… — a completion of 100% with the budget
 * said to be exceeded (or the other way round).
 */
function contradictions(
  text: string,
  sents: readonly Sentence[],
  reads: readonly { num: StatedNumber; kind?: StatementKind; sentence: Sentence }[],
  statuses: NumberStatus[],
  w: StatementPhrases['words'],
): void {
  reads.forEach((r, i) => {
    if (r.kind?.kind !== 'completion') return;
    const t = text.slice(r.num.end, r.sentence.end);
    const over = w.overBudget.some((o) => t.includes(`${o}预算`));
    const under = w.underBudget.some((o) => t.includes(`${o}预算`));
    if (!over && !under) return;
    const rate = new Decimal(r.num.value);
    const contradicts =
      (rate.eq(100) && (over || under)) || (rate.gt(100) && under) || (rate.lt(100) && over);
    if (!contradicts) return;
    statuses[i] = {
      status: 'inconsistent',
      severity: 'error',
      expected: over ? '大于100%' : '小于100%',
      source: '同句的说法',
      message: `同一句又说决算数${over ? '大于' : '小于'}预算数，两者矛盾。`,
    };
  });
  void sents;
}

/** Shares rounded so that a list sums to 100%: off by one in the last digit and the list adds up — a warning. */
function roundedShares(
  reads: readonly { num: StatedNumber; kind?: StatementKind }[],
  statuses: NumberStatus[],
): void {
  const groups = new Map<string, number[]>();
  reads.forEach((r, i) => {
    if (r.kind?.kind !== 'share') return;
    const s = statuses[i];
    if (!s || s.status === 'unchecked') return;
    const key = s.source;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  const sumOf = (is: readonly number[]) =>
    is.reduce((sum, i) => sum.plus((reads[i] as { num: StatedNumber }).num.value), new Decimal(0));
  // The list as written, with the shares whose item was not read (“一般公共服务”306.90万元，占1.61%): when the
  // paragraph holds one list, the 100% it must reach is over all of them.
  const allShares = reads.flatMap((r, i) =>
    r.kind?.kind === 'share' || (r.kind === undefined && r.num.unit === '%') ? [i] : [],
  );
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    const total = sumOf(members);
    if (!total.eq(100) && !(groups.size === 1 && sumOf(allShares).eq(100))) continue;
    for (const i of members) {
      const s = statuses[i];
      if (s?.status !== 'inconsistent' || s.severity !== 'error') continue;
      const num = (reads[i] as { num: StatedNumber }).num;
      const places = num.value.split('.')[1]?.length ?? 0;
      const step = new Decimal(10).pow(-places);
      const expected = new Decimal(s.expected.replace('%', ''));
      if (roundLike(expected, num.value).minus(num.value).abs().lte(step)) {
        statuses[i] = {
          ...s,
          severity: 'warning',
          message: `${s.message.replace(/。$/, '')}；各项占比合计为100%，是为凑足100%调整了尾数。`,
        };
      }
    }
  }
}

/** The index of the first read of each subject whose statement kind is the one wanted (sums and changeSums). */
function firstReadBySubject(
  reads: readonly { located?: Located; kind?: StatementKind }[],
  wanted: (kind: StatementKind) => boolean,
): Map<string, number> {
  const byName = new Map<string, number>();
  reads.forEach((r, i) => {
    if (r.located && r.kind && wanted(r.kind) && !byName.has(r.located.subject.name))
      byName.set(r.located.subject.name, i);
  });
  return byName;
}

/** Totals stated with their parts in one paragraph (政府采购 货物+工程+服务, 车辆 and its 用车 kinds) must add up. */
function sums(
  reads: readonly { num: StatedNumber; located?: Located; kind?: StatementKind }[],
  statuses: NumberStatus[],
  ctx: ReadContext,
): void {
  const byName = firstReadBySubject(reads, (k) => k.kind === 'value' && k.side === 'actual' && !k.prior);
  for (const rule of ctx.phrases.sums) {
    const totalAt = byName.get(rule.total);
    const parts = rule.parts.map((p) => byName.get(p)).filter((i): i is number => i !== undefined);
    if (totalAt === undefined || parts.length === 0) continue;
    const value = (i: number) => amountOf((reads[i] as { num: StatedNumber }).num);
    const total = value(totalAt);
    const sum = parts.reduce((s, i) => s.plus(value(i)), new Decimal(0));
    const source = '同段所写各项';
    if (rule.atMost) {
      for (const i of parts) {
        if (value(i).gt(total))
          statuses[i] = {
            status: 'inconsistent',
            severity: 'error',
            expected: `不超过${figure(total)}`,
            source,
            message: `大于同段所写的${rule.total}（${figure(total)}），部分不能超过总额。`,
          };
        else if (statuses[i]?.status === 'unchecked')
          statuses[i] = { status: 'consistent', expected: `≤${figure(total)}`, source };
      }
      continue;
    }
    // Parts not all read and adding to less than the total: the unread ones may make up the rest (公务用车购置 25
    // of 37.35, with 运行维护 written in words the reader does not know) — no contradiction is shown.
    if (parts.length < rule.parts.length && sum.lt(total)) continue;
    // A total that agrees with the tables, with a part that does not: the error is the part's, reported on it
    // (公务接待费 1.53 for 0), not the total's.
    const partWrong = parts.some((i) => statuses[i]?.status === 'inconsistent');
    if (!sum.eq(total) && !(statuses[totalAt]?.status === 'consistent' && partWrong)) {
      const isCount = COUNTS.has((reads[totalAt] as { num: StatedNumber }).num.unit);
      const shown = isCount ? sum.toFixed() : figure(sum.toDecimalPlaces(2));
      statuses[totalAt] = {
        status: 'inconsistent',
        severity: 'error',
        expected: shown,
        source,
        message: `与同段所列各项之和 ${shown} 不等（${rule.parts.filter((p) => byName.has(p)).join('＋')}）。`,
      };
    }
    for (const i of parts)
      if (statuses[i]?.status === 'unchecked') statuses[i] = { status: 'consistent', expected: 'Σ', source };
    if (statuses[totalAt]?.status === 'unchecked')
      statuses[totalAt] = { status: 'consistent', expected: 'Σ', source };
  }
  changeSums(reads, statuses, ctx);
}

/**
 * The same identities hold for changes against last year: “三公”经费减少0.28万元，其中：因公出国（境）费减少0万元；
 * 公务用车购置及运行维护费减少0.29万元；公务接待费增加0.01万元 — −0 − 0.29 + 0.01 = −0.28. Only a total stated
 * with every one of its parts is read. With no 上年数 such figures are otherwise not checked; when they add up
 * they are (against each other), when they do not the total is an error unless the 上年数 has already shown it
 * right — then the parts stay listed as not checked, for which of them is wrong cannot be told.
 */
function changeSums(
  reads: readonly { num: StatedNumber; located?: Located; kind?: StatementKind }[],
  statuses: NumberStatus[],
  ctx: ReadContext,
): void {
  const byName = firstReadBySubject(reads, (k) => k.kind === 'change' && k.of === 'actual');
  const signed = (i: number) => {
    const r = reads[i] as { num: StatedNumber; kind?: StatementKind };
    const amount = amountOf(r.num);
    return r.kind?.kind === 'change' && r.kind.down ? amount.neg() : amount;
  };
  for (const rule of ctx.phrases.sums) {
    if (rule.atMost) continue;
    const totalAt = byName.get(rule.total);
    const parts = rule.parts.map((p) => byName.get(p));
    if (totalAt === undefined || parts.some((i) => i === undefined)) continue;
    const members = parts as number[];
    const sum = members.reduce((acc, i) => acc.plus(signed(i)), new Decimal(0));
    const total = signed(totalAt);
    const source = '同段所写各项的增减额';
    const shown = `${sum.isNegative() ? '减少' : '增加'}${fmt(sum.abs())}`;
    if (sum.toDecimalPlaces(2).eq(total.toDecimalPlaces(2))) {
      for (const i of [totalAt, ...members])
        if (statuses[i]?.status === 'unchecked')
          statuses[i] = { status: 'consistent', expected: shown, source };
      continue;
    }
    if (statuses[totalAt]?.status !== 'unchecked') continue;
    statuses[totalAt] = {
      status: 'inconsistent',
      severity: 'error',
      expected: shown,
      source,
      message: `与同段所列各项增减之和（${rule.parts.join('＋')}：${shown}）不等。`,
    };
  }
}
