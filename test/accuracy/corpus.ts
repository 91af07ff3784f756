// The accuracy corpus: real published 决算公开 documents of other units (and the reference), their quoted sentences
// and the figures they state, with the mismatches found by hand. `npm run accuracy` prints how the text check does
// on each; test/accuracy/corpus.test.ts holds it to no false error and no real mismatch passed over in silence.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  applyOperation,
  checkDocumentReport,
  formSetFor,
  formSetOfDocument,
  newDocument,
  readDocument,
  Workbook,
  type DocumentReport,
  type GongkaiDocument,
  type Operation,
} from '../../src-core';

interface Claim {
  readonly section: string;
  readonly paragraph: number;
  readonly written: string;
}

/** One document of the corpus as transcribed (see the files in corpus/). */
export interface CorpusEntry {
  readonly file: string;
  readonly source: { readonly title: string; readonly url: string };
  /** Which tables were transcribed from the published 附表 (the rest hold the figures the text itself states). */
  readonly realTables: readonly string[];
  readonly mismatches: readonly Claim[];
  readonly warnings?: readonly Claim[];
  /** Hand-verified disagreements between the published tables (表间), each a phrase of the error it must raise. */
  readonly tableErrors: readonly string[];
  readonly doc: GongkaiDocument;
}

const HERE = path.dirname(fileURLToPath(import.meta.url));
const DIR = path.join(HERE, 'corpus');
const ROOT = path.join(HERE, '../..');

/** Every document of the corpus, built into a document of its profile (national 2023 unless it names one). */
export function loadCorpus(): CorpusEntry[] {
  return fs
    .readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const raw = JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8')) as {
        source: CorpusEntry['source'];
        realTables?: string[];
        sample?: string;
        profile?: { id: string; year: number };
        unit?: { name: string; year: number };
        rows?: Record<string, { code: string; name: string }[]>;
        classified?: Record<string, ClassifiedTable>;
        cells?: { table: string; row: string; col: string; value: string }[];
        facts?: Record<string, unknown>;
        sections?: Record<string, string[]>;
        mismatches: Claim[];
        warnings?: Claim[];
        tableErrors?: string[];
      };
      return {
        file,
        source: raw.source,
        realTables: raw.realTables ?? [],
        mismatches: raw.mismatches,
        warnings: raw.warnings,
        tableErrors: raw.tableErrors ?? [],
        doc: build(raw),
      };
    });
}

/**
 * A classification table (收入决算表, 支出决算表, 一般公共预算财政拨款支出决算表 …) as printed: one line per row,
 * “科目编码 科目名称 | 第1列 | 第2列 …” in the order of `columns` (the profile's 栏 keys), empty = blank cell,
 * the 合计 row as “合计 | …”. Thousands separators are dropped.
 */
interface ClassifiedTable {
  readonly columns: readonly string[];
  readonly rows: readonly string[];
}

/** The insertRows and setCells operations of one classified table. */
function classifiedOps(table: string, t: ClassifiedTable): Operation[] {
  const rows: { code: string; name: string }[] = [];
  const cells: { row: string; col: string; text: string }[] = [];
  for (const line of t.rows) {
    const [head = '', ...values] = line.split('|').map((p) => p.trim());
    const m = /^(\d+)\s+(.+)$/.exec(head);
    const row = m ? m[1]! : head;
    if (m) rows.push({ code: m[1]!, name: m[2]! });
    values.forEach((v, i) => {
      const col = t.columns[i];
      if (col === undefined) throw new Error(`${table} ${head}: more values than columns`);
      if (v !== '') cells.push({ row, col, text: v.replace(/,/g, '') });
    });
  }
  return [
    ...(rows.length > 0 ? [{ type: 'insertRows', table, rows } as Operation] : []),
    ...(cells.length > 0 ? [{ type: 'setCells', table, cells } as Operation] : []),
  ];
}

function build(raw: {
  sample?: string;
  profile?: { id: string; year: number };
  unit?: { name: string; year: number };
  rows?: Record<string, { code: string; name: string }[]>;
  classified?: Record<string, ClassifiedTable>;
  cells?: { table: string; row: string; col: string; value: string }[];
  facts?: Record<string, unknown>;
  sections?: Record<string, string[]>;
}): GongkaiDocument {
  if (raw.sample) {
    const read = readDocument(fs.readFileSync(path.join(ROOT, raw.sample), 'utf8'), formSetFor);
    if (!read.ok) throw new Error(read.message);
    return read.document;
  }
  const ops: Operation[] = [];
  for (const [table, rows] of Object.entries(raw.rows ?? {})) ops.push({ type: 'insertRows', table, rows });
  for (const [table, t] of Object.entries(raw.classified ?? {})) ops.push(...classifiedOps(table, t));
  for (const c of raw.cells ?? [])
    ops.push({
      type: 'setCells',
      table: c.table,
      cells: [{ row: c.row, col: c.col, text: c.value.replace(/,/g, '') }],
    });
  for (const [key, value] of Object.entries(raw.facts ?? {}))
    ops.push({ type: 'setFact', key, value } as Operation);
  for (const [key, paragraphs] of Object.entries(raw.sections ?? {}))
    ops.push({ type: 'setSection', key, value: { paragraphs } });
  const start = newDocument(
    raw.profile?.year ?? 2023,
    { name: raw.unit?.name ?? '', year: raw.unit?.year ?? 2023 },
    raw.profile,
  );
  return ops.reduce((d, op) => applyOperation(d, op).doc, start);
}

/** How the text check did on one document. */
export interface Accuracy {
  readonly real: number;
  readonly found: number;
  /** Real mismatches the check did not report, and whether their number was at least listed as not checked. */
  readonly missed: readonly (Claim & { readonly listedUnchecked: boolean })[];
  /** Errors the check reported that are not real mismatches. */
  readonly falseErrors: readonly string[];
  readonly warnings: number;
  /** Sentences holding a number the check did not read. */
  readonly sentencesNotUnderstood: number;
  readonly checked: number;
  readonly stated: number;
}

/** Runs the text check on an entry and compares it with the hand-verified mismatches. */
export function measure(entry: CorpusEntry): Accuracy & { report: DocumentReport } {
  const formSet = formSetOfDocument(entry.doc);
  if (!formSet) throw new Error(`${entry.file}: no profile`);
  const report = checkDocumentReport(formSet, new Workbook(formSet, entry.doc), entry.doc);
  const text = report.findings.filter(
    (f): f is Extract<typeof f, { section: string; written?: string }> =>
      'section' in f && (f.kind === 'text' || f.kind === 'mistake'),
  );
  const same = (c: Claim) => (f: { section: string; paragraph: number; written?: string }) =>
    f.section === c.section && f.paragraph === c.paragraph && f.written === c.written;
  const errors = text.filter((f) => f.severity === 'error');
  const found = entry.mismatches.filter((c) => errors.some(same(c)));
  const missed = entry.mismatches
    .filter((c) => !errors.some(same(c)))
    .map((c) => ({
      ...c,
      listedUnchecked: report.text.unchecked.some(
        (u) => u.section === c.section && u.paragraph === c.paragraph && u.written === c.written,
      ),
    }));
  const falseErrors = errors.filter((f) => !entry.mismatches.some((c) => same(c)(f))).map((f) => f.message);
  const otherErrors = report.findings.filter((f) => f.severity === 'error' && !text.includes(f as never));
  const tableFound = entry.tableErrors.filter((t) => otherErrors.some((f) => f.message.includes(t)));
  const tableMissed = entry.tableErrors
    .filter((t) => !tableFound.includes(t))
    .map((t) => ({ section: '报表', paragraph: -1, written: t, listedUnchecked: false }));
  const unexpected = otherErrors.filter((f) => !entry.tableErrors.some((t) => f.message.includes(t)));
  return {
    report,
    real: entry.mismatches.length + entry.tableErrors.length,
    found: found.length + tableFound.length,
    missed: [...missed, ...tableMissed],
    falseErrors: [...falseErrors, ...unexpected.map((f) => f.message)],
    warnings: text.filter((f) => f.severity === 'warning').length,
    sentencesNotUnderstood: new Set(
      report.text.unchecked.map((u) => `${u.section}:${u.paragraph}:${u.sentence}`),
    ).size,
    checked: report.text.checked,
    stated: report.text.stated,
  };
}
