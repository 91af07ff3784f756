import { Decimal } from '../money';
import type { CellAddress, GongkaiDocument } from '../document/types';
import type { Workbook } from '../engine';
import type { FormSet } from '../template';
import { cellLocation, classBreakdown, publicationMetrics, quotedMetric, toWanyuan } from './metrics';
import { figure, fillUnit, roundLike, TODO_OPEN } from './text-format';

/** A number in the publication's text that does not match the tables or facts, or a to-do left open. */
export interface TextFinding {
  readonly id: string;
  /** 文字与报表不一致, or 待填写 left in the text. */
  readonly kind: 'text' | 'todo';
  readonly severity: 'error' | 'warning';
  readonly section: string;
  readonly paragraph: number;
  /** The span of the claim in the paragraph (character offsets). */
  readonly start: number;
  readonly end: number;
  /** 第三部分 九、财政拨款“三公”经费支出决算情况说明 第2段 */
  readonly location: string;
  /** What the text says, as written (预算为2.88万元). */
  readonly written?: string;
  /** What the tables or facts give, as the text would write it. */
  readonly expected?: string;
  /** Where the expected number comes from. */
  readonly source?: string;
  /** A table cell behind the expected number, to jump to. */
  readonly cell?: CellAddress;
  readonly message: string;
}

type Side = 'actual' | 'budget';

/** Something the text talks about, with where its numbers come from. */
interface Subject {
  readonly name: string;
  readonly actual?: Value;
  readonly budget?: Value;
  readonly prior?: Value;
}

interface Value {
  readonly value: Decimal | null;
  readonly source: string;
  readonly cell?: CellAddress;
}

const NUMBER = /(\d[\d,，]*(?:\.\d+)?)\s*(万元|%|％|个|辆|台)/g;

/**
 * Checks the numbers the text states against the tables and facts: amounts in 万元 beside a known item, shares
 * (占…%), 与上年相比 changes and growth rates, 完成（年初）预算 rates, counts of vehicles, equipment and projects. Only
 * claims whose item is recognised are checked — an unrecognised item is left alone rather than guessed.
 */
export function checkText(
  formSet: FormSet,
  wb: Workbook,
  doc: GongkaiDocument,
  /** Called for every claim that was checked (matching or not): for tests and for “已核对 N 处”. */
  trace?: (claim: {
    section: string;
    paragraph: number;
    written: string;
    expected: string;
    source: string;
  }) => void,
): TextFinding[] {
  const vocabulary = buildVocabulary(formSet, wb, doc);
  const out: TextFinding[] = [];
  for (const part of formSet.publication.parts) {
    // Numbers are checked where the template says the text speaks about the tables (情况说明); to-dos everywhere.
    const checkNumbers = part.checkNumbers === true;
    for (const section of part.sections ?? []) {
      const content = doc.sections?.[section.key];
      if (!content) continue;
      // 第三部分 九、财政拨款“三公”经费支出决算情况说明: the part's number, not its long title.
      const where = `${fillUnit(part.title, doc.unit).split(' ')[0]} ${section.heading}`.trim();
      content.paragraphs.forEach((text, p) => {
        for (let todo = text.indexOf(TODO_OPEN); todo >= 0; todo = text.indexOf(TODO_OPEN, todo + 1)) {
          const end = text.indexOf('】', todo) + 1 || text.length;
          out.push({
            id: `todo:${section.key}:${p}:${todo}`,
            kind: 'todo',
            severity: 'warning',
            section: section.key,
            paragraph: p,
            start: todo,
            end,
            location: `${where} 第${p + 1}段`,
            message: `${where} 第${p + 1}段：还有待填写的内容“${text.slice(todo, end)}”。`,
          });
        }
        if (checkNumbers)
          out.push(...checkParagraph(text, section.key, p, `${where} 第${p + 1}段`, vocabulary, trace));
      });
    }
  }
  return out;
}

interface Vocabulary {
  /** Terms, longest first, each naming a subject (the section decides for 基本支出 and 项目支出). */
  readonly terms: readonly {
    readonly term: string;
    readonly subject: (section: string) => Subject | undefined;
  }[];
  /** What a share may be “占” of, by name (the section decides for 基本支出). */
  readonly bases: (section: string) => readonly { readonly term: string; readonly value: Value }[];
  /** What an unnamed share (占91.54%, 占比23.93%) is of, in a section. */
  readonly defaultBase: (section: string) => Value | undefined;
  /** The document's year: a clause about another year is about last year's figures. */
  readonly year: number;
  readonly counts: readonly { readonly term: string; readonly value: Value }[];
}

function checkParagraph(
  text: string,
  section: string,
  p: number,
  where: string,
  v: Vocabulary,
  trace?: Parameters<typeof checkText>[3],
): TextFinding[] {
  const out: TextFinding[] = [];
  let subject: Subject | undefined;
  /** The item of the last amount stated: what a following 占…% is a share of. Unknown items reset it. */
  let amountSubject: Subject | undefined;
  let prevEnd = 0;
  for (const m of text.matchAll(NUMBER)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const prefix = text.slice(prevEnd, start);
    prevEnd = end;
    const after = text.slice(end, end + 2);
    const before = text.slice(Math.max(0, start - 1), start);
    // Years, dates, list numbers, 第N: not amounts.
    if (/^[年月日]/.test(after) || before === '第' || before === '-') continue;
    const written = new Decimal((m[1] as string).replace(/[,，]/g, ''));
    const unit = m[2] === '％' ? '%' : (m[2] as string);
    // The number belongs to the item named just before it, or — when only words like 决算为, 增加, 增长 stand
    // between — to the item the sentence is about. Anything else (主要用于宣传事务…) is an item we do not know.
    const found = lastTerm(prefix, v, section);
    if (found && QUALIFIER_ONLY.test(squash(prefix.slice(found.end)))) subject = found.subject;
    else if (found || !QUALIFIER_ONLY.test(squash(prefix))) subject = undefined;
    // A clause about another year (2022年度…, 上年…) speaks of last year's figure, not this year's.
    const clause = prefix.slice(
      Math.max(prefix.lastIndexOf('，'), prefix.lastIndexOf('。'), prefix.lastIndexOf('；')) + 1,
    );
    const year = /(\d{4})年/.exec(clause);
    const otherYear = /上年|去年|上一年/.test(clause) || (year !== null && Number(year[1]) !== v.year);
    const claim = text.slice(Math.max(start - 12, 0), end);

    const report = (expected: Decimal, value: Value, how: string, isPercent = false) => {
      const shown = isPercent ? roundLike(expected, m[1] as string) : expected.toDecimalPlaces(2);
      const unitText = isPercent ? '%' : unit;
      const format = (d: Decimal) => (unitText === '万元' ? `${figure(d)}万元` : `${d.toFixed()}${unitText}`);
      trace?.({
        section,
        paragraph: p,
        written: m[0].replace(/\s+/g, ''),
        expected: format(shown),
        source: value.source,
      });
      if (shown.eq(isPercent ? roundLike(written, m[1] as string) : written.toDecimalPlaces(2))) return;
      // The suggestion shows the value at two decimals even when the text wrote fewer (100% → 应为 87.26%).
      const expectedText = format(isPercent ? expected.toDecimalPlaces(2) : shown);
      out.push({
        id: `text:${section}:${p}:${start}`,
        kind: 'text',
        severity: 'error',
        section,
        paragraph: p,
        start,
        end,
        location: where,
        written: m[0].replace(/\s+/g, ''),
        expected: expectedText,
        source: value.source,
        cell: value.cell,
        message: `${where}：文字写“…${claim.replace(/\s+/g, '')}”，${how}应为 ${expectedText}（${value.source}）。`,
      });
    };

    if (unit === '个' || unit === '辆' || unit === '台') {
      const c = v.counts.find((x) => squash(prefix).endsWith(x.term));
      if (c?.value.value && !otherYear) report(c.value.value, c.value, '', false);
      continue;
    }

    if (unit === '万元') {
      if (!subject) {
        amountSubject = undefined;
        continue;
      }
      const change = /(增加|减少|增长|下降|增|减)\s*$/.exec(prefix);
      if (change) {
        const down = /减|下降/.test(change[1] as string);
        if (/比年初预算/.test(prefix)) {
          // 比年初预算减少1.54万元: actual against budget.
          if (!subject.actual || !subject.budget || subject.budget.value === null) continue;
          const diff = (subject.actual.value ?? new Decimal(0)).minus(subject.budget.value);
          report(down ? diff.negated() : diff, subject.budget, '与年初预算相比的增减');
        } else {
          const onBudget = /预算较上年|预算比上年/.test(prefix);
          const side = onBudget ? subject.budget : subject.actual;
          const prior = onBudget ? subjectPrior(subject, 'budget') : subject.prior;
          if (!side || !prior || prior.value === null) continue;
          const diff = (side.value ?? new Decimal(0)).minus(prior.value);
          report(down ? diff.negated() : diff, prior, `与上年相比的${down ? '减少' : '增加'}额`);
        }
        amountSubject = subject;
        continue;
      }
      const side: Side = /(年初预算|预算数|预算)\s*(为|是)?\s*$/.test(prefix) ? 'budget' : 'actual';
      const value = otherYear
        ? side === 'budget'
          ? subjectPrior(subject, 'budget')
          : subject.prior
        : side === 'budget'
          ? subject.budget
          : subject.actual;
      amountSubject = otherYear ? undefined : subject;
      if (!value) continue;
      report(value.value ?? new Decimal(0), value, otherYear ? '上年数' : side === 'budget' ? '预算数' : '');
      continue;
    }

    // Percentages.
    const share = /占(比)?([^，。；%]*)$/.exec(prefix);
    if (share) {
      const baseText = (share[2] ?? '')
        .replace(/的\s*$/, '')
        .replace(/^为/, '')
        .trim();
      // 经营支出50万元，占本年支出3.44%: the share of the item named in this clause, else of the last amount.
      const named = found && found.end <= prefix.indexOf('占') ? found.subject : undefined;
      const item = named ?? amountSubject;
      const base =
        baseText === ''
          ? v.defaultBase(section)
          : v.bases(section).find((b) => baseText.startsWith(b.term))?.value;
      if (!item?.actual || !base || base.value === null || base.value.isZero()) continue;
      report((item.actual.value ?? new Decimal(0)).div(base.value).times(100), base, '占比', true);
      continue;
    }
    if (/完成[^，。；]*预算[^，。；]*$/.test(prefix)) {
      if (
        !subject?.actual ||
        !subject.budget ||
        subject.budget.value === null ||
        subject.budget.value.isZero()
      )
        continue;
      report(
        (subject.actual.value ?? new Decimal(0)).div(subject.budget.value).times(100),
        subject.budget,
        '完成预算的比例',
        true,
      );
      continue;
    }
    const growth = /(增长|下降|增幅为?|降幅为?)\s*$/.exec(prefix);
    if (
      growth &&
      subject?.actual &&
      subject.prior &&
      subject.prior.value !== null &&
      !subject.prior.value.isZero()
    ) {
      const diff = (subject.actual.value ?? new Decimal(0)).minus(subject.prior.value);
      const rate = diff.abs().div(subject.prior.value).times(100);
      const saysUp = /增/.test(growth[1] as string);
      if (saysUp !== diff.isPositive() && !diff.isZero()) {
        const expected = `${diff.isPositive() ? '增长' : '下降'}${rate.toDecimalPlaces(2).toFixed()}%`;
        out.push({
          id: `text:${section}:${p}:${start}`,
          kind: 'text',
          severity: 'error',
          section,
          paragraph: p,
          start,
          end,
          location: where,
          written: m[0],
          expected,
          source: subject.prior.source,
          message: `${where}：文字写“${growth[1]}${m[0]}”，按上年数应为${expected}（${subject.prior.source}）。`,
        });
        continue;
      }
      report(rate, subject.prior, '与上年相比的增减幅度', true);
    }
  }
  return out;
}

function subjectPrior(subject: Subject, side: Side): Value | undefined {
  return side === 'budget' ? (subject as Subject & { priorBudget?: Value }).priorBudget : subject.prior;
}

/** Words that may stand between an item and its number without changing what the number is about. */
const QUALIFIER_ONLY =
  /^[，。；、：:]*(?:[（(]类[)）])?[，。；、：:]*(?:其中[：:]?)?(?:财政拨款)?(?:支出)?(?:总额)?(?:各)?(?:年初|全年)?(?:预算数?|决算数?|执行数)?(?:为|是)?(?:较上年|比上年|同比|比\d{4}年度决算数?|比年初预算)?(?:增加|减少|增长|下降|增幅为?|降幅为?)?(?:完成(?:年初)?预算的)?(?:占[^，。；]*)?$/;

const squash = (s: string) => s.replace(/[\s\u3000]/g, '');

/** Whether a name at `at` starts a word: after punctuation, a number, or words that introduce an item. */
function startsWord(text: string, at: number): boolean {
  if (at === 0) return true;
  const before = text.slice(0, at);
  if (/[^\u4e00-\u9fa5]$/.test(before)) return true;
  return /(年度|年|其中|的|中|为|是|和|及|与|或|即|对|较|比|同比|全年|本年|当年|上年|主要|用于|包括|原因是|其次)$/.test(
    before,
  );
}

/** The item named last in the text before a number, and where its name ends. */
function lastTerm(
  prefix: string,
  v: Vocabulary,
  section: string,
): { subject: Subject; end: number } | undefined {
  let best: { at: number; end: number; subject: Subject } | undefined;
  for (const t of v.terms) {
    const at = prefix.lastIndexOf(t.term);
    if (at < 0) continue;
    // A name inside a longer one (新闻宣传项目支出, 退休人员经费) is some other item.
    if (!startsWord(prefix, at)) continue;
    const subject = t.subject(section);
    if (!subject) continue;
    const end = at + t.term.length;
    // The latest-ending name wins; at the same end the longer one (项目支出 over 支出).
    if (!best || end > best.end || (end === best.end && at < best.at)) best = { at, end, subject };
  }
  return best;
}

function buildVocabulary(formSet: FormSet, wb: Workbook, doc: GongkaiDocument): Vocabulary {
  const metrics = publicationMetrics(formSet, wb);
  const facts = doc.facts ?? {};
  const priorMetrics = facts.priorYear?.metrics ?? {};
  const priorYear = facts.priorYear?.year ?? doc.unit.year - 1;
  // The text speaks in 万元; a document kept in 元 is converted (facts are in the document's unit too).
  const wan = (d: Decimal | null) => (d === null ? null : toWanyuan(d, doc));
  const metric = (name: string): Value | undefined => quotedMetric(wb, doc, metrics.get(name));
  const fact = (text: string | undefined, source: string): Value | undefined =>
    text === undefined ? undefined : { value: wan(new Decimal(text)), source };
  const prior = (name: string) => fact(priorMetrics[name], `补充数据：${priorYear}年度${name}`);
  const s = (
    name: string,
    actual?: Value,
    budget?: Value,
    priorValue?: Value,
    priorBudget?: Value,
  ): Subject & { priorBudget?: Value } => ({
    name,
    actual,
    budget,
    prior: priorValue,
    priorBudget,
  });
  const sectionByKey = new Map(
    formSet.publication.parts.flatMap((p) => (p.sections ?? []).map((x) => [x.key, x] as const)),
  );
  const general = (section: string) => sectionByKey.get(section)?.scope === 'general';
  const performance = (section: string) => sectionByKey.get(section)?.scope === 'performance';
  const terms: { term: string; subject: (section: string) => Subject | undefined }[] = [];
  const add = (names: string[], subject: (section: string) => Subject | undefined) => {
    for (const term of names) terms.push({ term, subject });
  };
  const simple = (name: string) => () => s(name, metric(name), undefined, prior(name));
  add(['收、支总计', '收支总计'], simple('收支总计'));
  add(['财政拨款收、支总计', '财政拨款收支总计'], simple('财政拨款收支总计'));
  add(['收入合计'], simple('本年收入合计'));
  add(['支出合计'], simple('本年支出合计'));
  add(['财政拨款收入'], simple('财政拨款收入'));
  add(['一般公共预算财政拨款收入'], simple('一般公共预算财政拨款收入'));
  add(['一般公共预算财政拨款支出'], () =>
    s(
      '一般公共预算财政拨款支出',
      metric('一般公共预算财政拨款支出'),
      fact(facts.budget?.total, '补充数据：年初预算'),
      prior('一般公共预算财政拨款支出'),
    ),
  );
  add(['一般公共预算财政拨款基本支出'], simple('一般公共预算财政拨款基本支出'));
  add(['基本支出'], (section) =>
    general(section) ? simple('一般公共预算财政拨款基本支出')() : simple('基本支出')(),
  );
  add(['项目支出'], (section) =>
    general(section) || performance(section)
      ? simple('一般公共预算财政拨款项目支出')()
      : simple('项目支出')(),
  );
  for (const name of [
    '上级补助收入',
    '事业收入',
    '经营收入',
    '附属单位上缴收入',
    '其他收入',
    '上缴上级支出',
    '经营支出',
    '对附属单位补助支出',
    '年初结转和结余',
    '年末结转和结余',
    '使用非财政拨款结余',
    '结余分配',
  ]) {
    add([name], simple(name));
  }
  add(['人员经费'], simple('人员经费'));
  add(['公用经费'], simple('公用经费'));
  const threePublic = (names: string[], metricName: string) =>
    add(names, () =>
      s(
        metricName,
        metric(`${metricName}决算`),
        metric(`${metricName}预算`),
        prior(`${metricName}决算`),
        prior(`${metricName}预算`),
      ),
    );
  threePublic(['“三公”经费', '"三公"经费', '三公经费'], '三公经费');
  threePublic(['因公出国(境)费', '因公出国（境）费'], '因公出国（境）费');
  threePublic(['公务用车购置及运行费', '公务用车购置及运行维护费'], '公务用车购置及运行维护费');
  threePublic(['公务用车购置费'], '公务用车购置费');
  threePublic(['公务用车运行费', '公务用车运行维护费'], '公务用车运行维护费');
  threePublic(['公务接待费'], '公务接待费');
  for (const c of classBreakdown(formSet, wb)) {
    const { table, column } = formSet.publication.classes;
    const cell = { table, row: c.code, col: column };
    add([c.name], () =>
      s(
        c.name,
        c.unknown ? undefined : { value: wan(c.value), source: cellLocation(wb, cell), cell },
        fact(facts.budget?.byClass?.[c.code], `补充数据：${c.name}年初预算`),
        fact(facts.priorYear?.byClass?.[c.code], `补充数据：${priorYear}年度${c.name}`),
      ),
    );
  }
  const pr = facts.procurement ?? {};
  const procurement: [string, string | undefined][] = [
    ['政府采购支出总额', pr.total],
    ['政府采购货物支出', pr.goods],
    ['政府采购工程支出', pr.works],
    ['政府采购服务支出', pr.services],
    ['授予中小企业合同金额', pr.sme],
    ['授予小微企业合同金额', pr.small],
  ];
  for (const [term, value] of procurement) add([term], () => s(term, fact(value, `补充数据：${term}`)));
  const project = metric('一般公共预算财政拨款项目支出');
  add(['项目全年预算数', '项目'], (section) =>
    performance(section)
      ? s('项目', project, fact(facts.performance?.projectBudget, '补充数据：项目全年预算数'))
      : undefined,
  );
  add(['资金'], (section) => (performance(section) ? s('项目资金', project) : undefined));
  add(['机关运行经费'], () => s('机关运行经费', fact(facts.officeOperation, '补充数据：机关运行经费')));
  terms.sort((a, b) => b.term.length - a.term.length);

  const fixedBases = [
    { term: '本年支出合计', value: metric('本年支出合计') },
    { term: '本年支出', value: metric('本年支出合计') },
    { term: '本年收入合计', value: metric('本年收入合计') },
    { term: '本年收入', value: metric('本年收入合计') },
    { term: '政府采购支出总额', value: fact(pr.total, '补充数据：政府采购支出总额') },
    { term: '授予中小企业合同金额', value: fact(pr.sme, '补充数据：授予中小企业合同金额') },
    { term: '一般公共预算项目支出总额', value: project },
    { term: '一般公共预算财政拨款支出', value: metric('一般公共预算财政拨款支出') },
    { term: '人员经费', value: metric('人员经费') },
    { term: '公用经费', value: metric('公用经费') },
  ].filter((b): b is { term: string; value: Value } => b.value !== undefined);
  const bases = (section: string) =>
    [
      ...fixedBases,
      {
        term: '基本支出',
        value: metric(general(section) ? '一般公共预算财政拨款基本支出' : '基本支出'),
      },
      {
        term: '项目支出',
        value: metric(general(section) ? '一般公共预算财政拨款项目支出' : '项目支出'),
      },
    ].filter((b): b is { term: string; value: Value } => b.value !== undefined);
  // Counts are not money: no unit conversion.
  const count = (text: string | undefined, source: string): Value | undefined =>
    text === undefined ? undefined : { value: new Decimal(text), source };
  const counts = [
    { term: '车辆', value: count(facts.assets?.vehicles, '补充数据：车辆数') },
    { term: '保有量', value: count(facts.vehiclesHeld, '补充数据：公务用车保有量') },
    { term: '设备', value: count(facts.assets?.equipment, '补充数据：单价100万元以上设备') },
    { term: '项目', value: count(facts.performance?.projects, '补充数据：绩效自评项目个数') },
  ].filter((c): c is { term: string; value: Value } => c.value !== undefined);
  return {
    terms,
    bases,
    counts,
    defaultBase: (section) => {
      const base = sectionByKey.get(section)?.shareBase;
      return base === undefined ? undefined : metric(base);
    },
    year: doc.unit.year,
  };
}
