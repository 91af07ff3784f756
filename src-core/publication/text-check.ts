import type { CellAddress, GongkaiDocument } from '../document/types';
import type { Workbook } from '../engine';
import type { FormSet, SectionTemplate } from '../template';
import { fillUnit, TODO_OPEN } from './text-format';
import { normalise, originalSpan, sentences, statedNumbers, type StatedNumber } from './sentences';
import { flatClaims, readParagraph, type NumberStatus } from './statement-reader';
import { subjectTerms, type Term } from './subjects';
import { textMistakes } from './text-mistakes';

/** A number in the publication's text that does not match the tables or facts, a mistake, or a to-do left open. */
export interface TextFinding {
  readonly id: string;
  /** 文字与报表不一致; 待填写 left in the text; 文字问题 (a placeholder, a doubled word, a wrong year …). */
  readonly kind: 'text' | 'todo' | 'mistake';
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

/** A number the text states that the check could not read, and why: a clean result says nothing about it. */
export interface UncheckedNumber {
  readonly section: string;
  readonly paragraph: number;
  readonly start: number;
  readonly end: number;
  readonly location: string;
  /** The number as written (954.62万元). */
  readonly written: string;
  /** The sentence it stands in. */
  readonly sentence: string;
  readonly reason: string;
}

/** Everything the text check found: its findings, the numbers it could not read, and how many it did read. */
export interface TextReport {
  readonly findings: readonly TextFinding[];
  readonly unchecked: readonly UncheckedNumber[];
  /** Numbers stated in the checked parts (情况说明). */
  readonly stated: number;
  /** Of them, the numbers compared with the tables, facts or the text's own figures (matching or not). */
  readonly checked: number;
}

/** A checked claim (for tests and the accuracy report). */
export interface CheckedClaim {
  readonly section: string;
  readonly paragraph: number;
  readonly written: string;
  readonly expected: string;
  readonly source: string;
}

/**
 * Reads every sentence of the parts whose text speaks about the tables (情况说明) by statement structure — totals,
 * shares, changes, completion of a budget, composition lists, 类/款/项 item sentences — and gives every number a
 * status: consistent, inconsistent (error, or a 尾数 warning with its reason), or not understood with the reason.
 * Also reports the reviewers' usual mistakes and every 【待填写】 left open.
 */
export function textReport(formSet: FormSet, wb: Workbook, doc: GongkaiDocument): TextReport {
  const phrases = formSet.publication.statements;
  const termsOf = sectionTerms(formSet, wb, doc);
  const findings: TextFinding[] = [];
  const unchecked: UncheckedNumber[] = [];
  let stated = 0;
  let checked = 0;
  // A finding's id names its section, what it says of which subject, and its ordinal among the same in the
  // section — not its paragraph or offset — so a 说明 written on it survives edits elsewhere in the text.
  const seen = new Map<string, number>();
  const stableId = (base: string) => {
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  };
  for (const part of formSet.publication.parts) {
    const checkNumbers = part.checkNumbers === true;
    for (const section of part.sections ?? []) {
      const content = doc.sections?.[section.key];
      if (!content) continue;
      const where = `${fillUnit(part.title, doc.unit).split(' ')[0]} ${section.heading}`.trim();
      content.paragraphs.forEach((text, p) => {
        const location = `${where} 第${p + 1}段`;
        findings.push(...todos(text, section.key, p, location, stableId));
        if (!checkNumbers) return;
        // A profile without statement phrases cannot have its text read: every number says so.
        const { n, numbers, statuses } = phrases
          ? readNumbers(text, {
              formSet,
              doc,
              terms: termsOf(section),
              phrases,
              scope: section.scope,
              shareBase: section.shareBase,
              wb,
            })
          : unreadNumbers(text);
        numbers.forEach((num, i) => {
          const status = statuses[i] as NumberStatus;
          stated++;
          const span = originalSpan(n, num.start, num.end);
          const written = n.text.slice(num.start, num.end);
          if (status.status === 'unchecked') {
            unchecked.push({
              section: section.key,
              paragraph: p,
              ...span,
              location,
              written,
              sentence: sentenceAround(n.text, num),
              reason: status.reason,
            });
            return;
          }
          checked++;
          if (status.status === 'consistent') return;
          const claim = n.text.slice(Math.max(num.start - 12, 0), num.end);
          findings.push({
            id: stableId(`text:${section.key}:${status.about ?? written}`),
            kind: 'text',
            severity: status.severity,
            section: section.key,
            paragraph: p,
            ...span,
            location,
            written,
            expected: status.expected,
            source: status.source,
            cell: status.cell,
            message: `${location}：文字写“…${claim}”，${status.message}`,
          });
        });
        if (phrases)
          findings.push(
            ...textMistakes(text, n, {
              phrases,
              doc,
              section: section.key,
              paragraph: p,
              location,
              stableId,
            }),
          );
      });
    }
  }
  return { findings, unchecked, stated, checked };
}

/**
 * The findings of the text check (see textReport). `trace` is called for every number that was checked, matching
 * or not.
 */
export function checkText(
  formSet: FormSet,
  wb: Workbook,
  doc: GongkaiDocument,
  trace?: (claim: CheckedClaim) => void,
): TextFinding[] {
  const report = textReport(formSet, wb, doc);
  if (trace) for (const c of checkedClaims(formSet, wb, doc)) trace(c);
  return [...report.findings];
}

/** One paragraph's stated numbers, each with the status the statement reader gives it (shared by the report and the trace). */
function readNumbers(text: string, ctx: Parameters<typeof readParagraph>[3]) {
  const n = normalise(text);
  const stated = statedNumbers(n.text);
  const numbers = [...stated, ...flatClaims(n.text, stated, ctx.phrases.words)].sort(
    (a, b) => a.start - b.start,
  );
  const statuses: NumberStatus[] = readParagraph(
    n.text,
    sentences(n.text, joinedNames(ctx.terms)),
    numbers,
    ctx,
  );
  return { n, numbers, statuses };
}

/**
 * The subjects a section's text may name: the profile's, and the 类/款/项 of the section's own classification table
 * (政府性基金 → its table) or else the publication's. Built once per table.
 */
function sectionTerms(formSet: FormSet, wb: Workbook, doc: GongkaiDocument) {
  const phrases = formSet.publication.statements;
  const built = new Map<string, readonly Term[]>();
  return (section: SectionTemplate): readonly Term[] => {
    if (!phrases) return [];
    const classes = section.classes ?? formSet.publication.classes;
    const key = `${classes.table}:${classes.column}`;
    let terms = built.get(key);
    if (!terms) {
      terms = subjectTerms(formSet, wb, doc, phrases, classes);
      built.set(key, terms);
    }
    return terms;
  };
}

/** The same for a profile with no statement phrases: every number is listed as not read, with the reason. */
function unreadNumbers(text: string) {
  const n = normalise(text);
  const numbers = statedNumbers(n.text);
  const statuses: NumberStatus[] = numbers.map(() => ({ status: 'unchecked', reason: NO_PHRASES }));
  return { n, numbers, statuses };
}

/** Every checked number with what it was compared with (for tests and `npm run accuracy`). */
export function checkedClaims(formSet: FormSet, wb: Workbook, doc: GongkaiDocument): CheckedClaim[] {
  const phrases = formSet.publication.statements;
  if (!phrases) return [];
  const termsOf = sectionTerms(formSet, wb, doc);
  const out: CheckedClaim[] = [];
  for (const part of formSet.publication.parts) {
    if (part.checkNumbers !== true) continue;
    for (const section of part.sections ?? []) {
      doc.sections?.[section.key]?.paragraphs.forEach((text, p) => {
        const { n, numbers, statuses } = readNumbers(text, {
          formSet,
          doc,
          terms: termsOf(section),
          phrases,
          scope: section.scope,
          shareBase: section.shareBase,
          wb,
        });
        numbers.forEach((num, i) => {
          const s = statuses[i] as NumberStatus;
          if (s.status === 'unchecked') return;
          out.push({
            section: section.key,
            paragraph: p,
            written: n.text.slice(num.start, num.end),
            expected: s.expected,
            source: s.source,
          });
        });
      });
    }
  }
  return out;
}

const NO_PHRASES =
  '本报表格式（profile）没有给出情况说明的说法数据（publication.json 的 statements），文字无法核对';

/** Subject names with a 、 inside (收、支总计): not a clause boundary. */
function joinedNames(terms: readonly { term: string }[]): string[] {
  return terms.map((t) => t.term).filter((t) => t.includes('、'));
}

function sentenceAround(text: string, num: StatedNumber): string {
  const before = text.slice(0, num.start);
  const start = Math.max(before.lastIndexOf('。'), before.lastIndexOf('！'), before.lastIndexOf('？')) + 1;
  const stop = text.slice(num.end).search(/[。！？]/);
  const end = stop < 0 ? text.length : num.end + stop + 1;
  return text.slice(start, end);
}

function todos(
  text: string,
  section: string,
  p: number,
  location: string,
  stableId: (base: string) => string,
): TextFinding[] {
  const out: TextFinding[] = [];
  for (let todo = text.indexOf(TODO_OPEN); todo >= 0; todo = text.indexOf(TODO_OPEN, todo + 1)) {
    const end = text.indexOf('】', todo) + 1 || text.length;
    out.push({
      id: stableId(`todo:${section}:${text.slice(todo, end)}`),
      kind: 'todo',
      severity: 'warning',
      section,
      paragraph: p,
      start: todo,
      end,
      location,
      message: `${location}：还有待填写的内容“${text.slice(todo, end)}”。`,
    });
  }
  return out;
}
