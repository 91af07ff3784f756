import { parseFormula, parseReference, FormulaSyntaxError, type EquationNode } from '../formula';
import { Catalog } from '../catalog/catalog';
import {
  catalogSchema,
  interTableRulesSchema,
  tableTemplateSchema,
  type RuleDef,
  type TableTemplate,
} from './schema';
import { displayColumns, placeHeader } from './layout';
import { publicationTemplateSchema, type PublicationTemplate } from './publication-template';
import { checkPublicationContract } from './check-contract';
import { statementPhraseProblems } from './statement-phrases';
import { correspondenceProblems, correspondenceSchema, type Correspondence } from './correspondence';
import { loadPerformanceTemplates, type PerformanceTemplates } from './performance-forms';
import { TemplateError } from './template-error';
import { titleBlockProblems } from './title-block';

export { TemplateError } from './template-error';

/** Where a rule comes from: printed in the notes, assumed by the form, or between tables. */
export type RuleSource = 'printed' | 'implied' | 'interTable';

/** A rule with its formula parsed. */
export interface CompiledRule {
  readonly id: string;
  /** The table the rule belongs to; null for inter-table rules (their references name tables). */
  readonly table: string | null;
  readonly source: RuleSource;
  readonly formula: string;
  readonly role: RuleDef['role'];
  readonly severity: RuleDef['severity'];
  readonly description: string;
  readonly rationale?: string;
  readonly computesFirst?: boolean;
  readonly equations: readonly EquationNode[];
  /**
   * The formula is written in the form's own notation (the form prints 栏次, 行次 and table codes), so messages may
   * quote it. Otherwise (上海: no 栏次/行次) the notation is internal and users see the rule's description.
   */
  readonly quotesFormula: boolean;
}

/** Which profile a form set is: stored in documents as { id, year }. */
export interface ProfileInfo {
  readonly id: string;
  readonly year: number;
  /** As users see it (全国通用 2023 年度 …). */
  readonly name: string;
  readonly source: string;
}

/** One form profile's nine tables, their rules, catalog and publication, validated. */
export interface FormSet {
  readonly profile: ProfileInfo;
  /** The profile's 决算 year (= profile.year). */
  readonly year: number;
  readonly tables: readonly TableTemplate[];
  readonly tableById: ReadonlyMap<string, TableTemplate>;
  /**
   * All rules, in the order that decides which rule computes a derived cell: rules marked computesFirst,
   * then the printed formulas, the implied rules, the inter-table rules.
   */
  readonly rules: readonly CompiledRule[];
  readonly catalog: Catalog;
  /** The publication around the tables: parts, sections, named quantities. */
  readonly publication: PublicationTemplate;
  /** How its tables correspond to other profiles' (转换表样); this profile's side is checked at load. */
  readonly correspondences: readonly Correspondence[];
  /**
   * The profile's 绩效自评表 forms (汇总表, 部门整体, 项目), validated; undefined when its publication prints none (上海
   * 2024). Present exactly when a part of the publication is marked `performance`.
   */
  readonly performance?: PerformanceTemplates;
}

/**
 * Validates a form profile's raw data, compiles its rules and checks the contract with the code (every quantity,
 * draft and table the code looks up exists); throws TemplateError listing every problem, each naming its place.
 */
export function loadFormSet(raw: {
  id?: string;
  name?: string;
  source?: string;
  year: number;
  tables: readonly unknown[];
  interTableRules: unknown;
  catalog: unknown;
  publication: unknown;
  correspondences?: readonly unknown[];
  performanceForms?: readonly unknown[];
}): FormSet {
  const problems: string[] = [];
  const tables: TableTemplate[] = [];
  raw.tables.forEach((t, i) => {
    const parsed = tableTemplateSchema.safeParse(t);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.push(`第${i + 1}张表 ${issue.path.join('.')}：${issue.message}`);
      return;
    }
    tables.push(parsed.data);
  });
  const inter = interTableRulesSchema.safeParse(raw.interTableRules);
  if (!inter.success)
    problems.push(...inter.error.issues.map((x) => `表间规则 ${x.path.join('.')}：${x.message}`));
  const catalog = catalogSchema.safeParse(raw.catalog);
  if (!catalog.success)
    problems.push(
      ...catalog.error.issues.slice(0, 5).map((x) => `科目目录 ${x.path.join('.')}：${x.message}`),
    );

  for (const t of tables) problems.push(...checkTable(t), ...titleBlockProblems(t));
  const publication = publicationTemplateSchema.safeParse(raw.publication);
  if (!publication.success)
    problems.push(
      ...publication.error.issues.slice(0, 5).map((x) => `公开文本模板 ${x.path.join('.')}：${x.message}`),
    );
  if (publication.success) problems.push(...checkPublicationContract(publication.data, tables));
  if (publication.success && publication.data.statements) {
    // The text check's phrase data names quantities, facts and cells: a slip fails the load, not the check.
    const referenceProblem = (text: string) => {
      try {
        parseReference(text);
        return undefined;
      } catch (e) {
        if (!(e instanceof FormulaSyntaxError)) throw e;
        return e.message;
      }
    };
    problems.push(
      ...statementPhraseProblems(
        publication.data.statements,
        new Set(Object.keys(publication.data.metrics)),
        referenceProblem,
      ),
    );
  }

  const correspondences: Correspondence[] = [];
  const tableMap = new Map(tables.map((t) => [t.id, t]));
  (raw.correspondences ?? []).forEach((c, i) => {
    const parsed = correspondenceSchema.safeParse(c);
    if (!parsed.success) {
      problems.push(...parsed.error.issues.map((x) => `表样对应 ${i + 1} ${x.path.join('.')}：${x.message}`));
      return;
    }
    problems.push(...correspondenceProblems(parsed.data, 0, tableMap));
    correspondences.push(parsed.data);
  });

  // The 绩效自评表 forms: each form's layout and fields checked, and there exactly when the publication has the part
  // that prints them (a form no part prints, or a part with no forms, would be a silent gap).
  let performance: PerformanceTemplates | undefined;
  if (raw.performanceForms !== undefined) {
    try {
      performance = loadPerformanceTemplates(raw.performanceForms);
    } catch (e) {
      if (!(e instanceof TemplateError)) throw e;
      problems.push(...e.problems.map((p) => `绩效自评表 ${p}`));
    }
  }
  if (publication.success) {
    const part = publication.data.parts.find((p) => p.performance === true);
    if (part && raw.performanceForms === undefined)
      problems.push(
        `公开文本模板 ${part.key} 印绩效自评表（performance），但表样没有绩效自评表表单（performanceForms）`,
      );
    if (!part && raw.performanceForms !== undefined)
      problems.push(
        '表样有绩效自评表表单（performanceForms），但公开文本没有印它们的部分（performance: true）',
      );
  }

  const rules: CompiledRule[] = [];
  const notationPrinted = new Map(tables.map((t) => [t.id, printsNotation(t)]));
  const allPrinted = tables.every((t) => notationPrinted.get(t.id) === true);
  const compile = (def: RuleDef, table: string | null, source: RuleSource) => {
    const quotesFormula = table === null ? allPrinted : notationPrinted.get(table) === true;
    try {
      rules.push({ ...def, table, source, quotesFormula, equations: parseFormula(def.formula) });
    } catch (e) {
      if (!(e instanceof FormulaSyntaxError)) throw e;
      problems.push(`规则 ${def.id}（${def.formula}）：${e.message}`);
    }
  };
  for (const t of tables) {
    t.formulas.forEach((formula, i) =>
      compile(
        {
          id: `${t.id}-f${i + 1}`,
          formula,
          role: 'define',
          severity: 'error',
          description: `${t.code}表注公式`,
        },
        t.id,
        'printed',
      ),
    );
  }
  for (const t of tables) for (const r of t.rules) compile(r, t.id, 'implied');
  if (inter.success) for (const r of inter.data.rules) compile(r, null, 'interTable');

  // A stable sort: computesFirst rules move ahead, the rest keep printed → implied → inter-table order.
  rules.sort((a, b) => Number(b.computesFirst ?? false) - Number(a.computesFirst ?? false));

  const ids = new Set<string>();
  for (const r of rules) {
    if (ids.has(r.id)) problems.push(`规则编号重复：${r.id}`);
    ids.add(r.id);
  }
  if (problems.length > 0)
    throw new TemplateError(problems.map((p) => `${raw.id ?? ''}${raw.year}：${p}`.replace(/^：/, '')));
  const catalogData = catalog.data as NonNullable<typeof catalog.data>;
  return {
    profile: {
      id: raw.id ?? 'national',
      year: raw.year,
      name: raw.name ?? `${raw.year}年度`,
      source: raw.source ?? '',
    },
    year: raw.year,
    tables,
    tableById: new Map(tables.map((t) => [t.id, t])),
    rules,
    catalog: new Catalog(catalogData.name, catalogData.year, catalogData.entries),
    publication: publication.data as PublicationTemplate,
    correspondences,
    ...(performance ? { performance } : {}),
  };
}

/**
 * Whether a form prints the notation the rules are written in: its table code and 栏次 or 行次 numbers. A form
 * that prints none of them (上海) names columns by header and rows by 科目编码/项目.
 */
function printsNotation(t: TableTemplate): boolean {
  if (t.printCode === false) return false;
  return t.blocks.some(
    (b) => b.columns.some((c) => c.no !== undefined) || b.rows?.some((r) => r.lineNo !== undefined),
  );
}

function checkTable(t: TableTemplate): string[] {
  const problems: string[] = [];
  const where = `${t.code}`;
  const columns = displayColumns(t);
  problems.push(...placeHeader(t.header, columns.length).problems.map((p) => `${where} ${p}`));
  if (t.kind === 'classification') {
    if (!t.totalRow) problems.push(`${where} 分类表缺少合计行（totalRow）`);
    if (t.blocks.length !== 1) problems.push(`${where} 分类表只能有一个区块`);
    if (t.blocks.some((b) => b.rows)) problems.push(`${where} 分类表的行来自文档，模板里不应有固定行`);
  } else if (t.blocks.some((b) => !b.rows || b.rows.length === 0)) {
    problems.push(`${where} 固定行表的每个区块都要列出行`);
  }
  const rowKeys = new Set<string>();
  const lineNos = new Set<number>();
  for (const b of t.blocks) {
    for (const r of b.rows ?? []) {
      if (rowKeys.has(r.key)) problems.push(`${where} 行键重复：${r.key}`);
      rowKeys.add(r.key);
      if (r.lineNo !== undefined) {
        if (lineNos.has(r.lineNo)) problems.push(`${where} 行次重复：${r.lineNo}`);
        lineNos.add(r.lineNo);
      }
    }
  }
  const colKeys = t.blocks.flatMap((b) => b.columns.map((c) => c.key));
  const perBlockUnique = t.blocks.every(
    (b) => new Set(b.columns.map((c) => c.key)).size === b.columns.length,
  );
  if (!perBlockUnique) problems.push(`${where} 同一区块内栏次重复`);
  if (t.kind === 'classification' && new Set(colKeys).size !== colKeys.length)
    problems.push(`${where} 栏次重复`);
  for (const line of t.footer ?? []) {
    for (const cell of line) {
      if (cell.row !== undefined && !rowKeys.has(cell.row))
        problems.push(`${where} 表尾引用了不存在的行：${cell.row}`);
    }
  }
  return problems;
}
