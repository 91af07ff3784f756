import type { z } from '../zod';
import type { FormSet } from '../template';
import { ancestorCodes } from '../catalog/catalog';
import { plainFigures } from './plain-figures';
import { documentSchema, pageSetupSchema } from './schema';
import {
  CURRENT_FORMAT_VERSION,
  type ClassRow,
  type GongkaiDocument,
  type PageSetup,
  type TableData,
} from './types';

export type ReadResult =
  | {
      readonly ok: true;
      readonly document: GongkaiDocument;
      /**
       * What was read but not kept, in Chinese (a damaged 页面设置 falls back to the profile's layout): the document
       * opens, and the caller tells the user. Absent when everything was kept.
       */
      readonly notices?: readonly string[];
    }
  | { readonly ok: false; readonly message: string };

const FIELD_NAMES: Record<string, string> = {
  format: '文件格式标记',
  version: '格式版本',
  formYear: '报表年度',
  profile: '表样',
  unit: '单位信息',
  name: '单位名称',
  year: '年度',
  moneyUnit: '金额单位',
  publishDate: '公开日期',
  phone: '联系电话',
  settings: '审核设置',
  tolerance: '尾数容差',
  ruleTolerance: '规则容差',
  catalog: '自定义科目',
  entries: '科目',
  replace: '替换方式',
  sections: '文字部分',
  paragraphs: '段落',
  facts: '补充数据',
  budget: '年初预算',
  byClass: '分类数',
  priorYear: '上年数',
  metrics: '各项数',
  procurement: '政府采购',
  assets: '国有资产',
  officeOperation: '机关运行经费',
  vehiclesHeld: '公务用车保有量',
  performance: '绩效自评表',
  summary: '绩效自评情况汇总表',
  overall: '部门整体绩效自评表',
  projects: '项目绩效自评表',
  indicators: '绩效指标',
  rows: '行',
  amount: '金额',
  target: '年初目标值',
  actual: '实际完成值',
  rate: '执行率',
  fillDate: '填报日期',
  consolidation: '汇总设置',
  members: '汇总单位',
  pageSetup: '页面设置',
  orientation: '方向',
  fit: '缩放方式',
  scale: '缩放比例',
  margins: '页边距',
  top: '上',
  bottom: '下',
  side: '左右',
  tables: '表',
  cover: '封面',
  toc: '目录',
  repeatHeader: '重复表头',
};

/** The parts a 汇总 reads of a member: its identity, settings and tables (its text and 补充数据 are not summed). */
export const figuresSchema = documentSchema.pick({
  format: true,
  version: true,
  formYear: true,
  profile: true,
  unit: true,
  settings: true,
  tables: true,
  catalog: true,
  consolidation: true,
});

/**
 * Reads a `*.gongkai.json` file. A damaged or foreign file gives a Chinese message saying what is wrong and
 * where; a file from a newer version is refused rather than half-read. Never throws.
 * With `figuresOnly` (a 汇总 reading its members) only the unit, settings, tables and catalog are validated and
 * returned; the text, 补充数据 and 绩效自评表 are left out of the result rather than passed on unchecked.
 */
export function readDocument(
  text: string,
  formSetFor: (year: number, profileId?: string) => FormSet | undefined,
  options: { readonly figuresOnly?: boolean } = {},
): ReadResult {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return { ok: false, message: `文件已损坏或不是决算公开表文件：JSON 格式错误${jsonPosition(text, e)}。` };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, message: '这不是决算公开表文件：文件内容不是一个对象。' };
  }
  const obj = data as Record<string, unknown>;
  if (obj.format !== 'gongkai') {
    return { ok: false, message: '这不是决算公开表文件：缺少“format: gongkai”标记。' };
  }
  if (typeof obj.version === 'number' && obj.version > CURRENT_FORMAT_VERSION) {
    return {
      ok: false,
      message: `此文件由较新版本的决算公开表编辑器保存（格式版本 ${obj.version}），本软件只能读取到版本 ${CURRENT_FORMAT_VERSION}。为免读错数据，没有打开它；请升级软件后再打开。`,
    };
  }
  // A damaged 页面设置 costs only the setup, never the figures: the document opens with the profile's layout, and
  // the caller is told what was dropped.
  const notices: string[] = [];
  let input: Record<string, unknown> = obj;
  if (!options.figuresOnly && obj.pageSetup !== undefined) {
    const setup = pageSetupSchema.safeParse(obj.pageSetup);
    if (!setup.success) {
      const { pageSetup: _dropped, ...rest } = obj;
      input = rest;
      notices.push(
        `页面设置有误，已改用表样的默认设置：${setup.error.issues
          .slice(0, 4)
          .map((issue) => `${describePath(['pageSetup', ...issue.path])}：${describeIssue(issue)}`)
          .join('；')}。`,
      );
    }
  }
  // A member as the app writes it is copied by hand; anything else (and every message) goes through zod.
  const plain = options.figuresOnly ? plainFigures(obj) : undefined;
  const parsed = plain
    ? ({ success: true, data: plain } as const)
    : (options.figuresOnly ? figuresSchema : documentSchema).safeParse(input);
  if (!parsed.success) {
    const lines = parsed.error.issues
      .slice(0, 8)
      .map(
        (issue) => `· ${describePath(issue.path, formsNamedBy(obj, formSetFor))}：${describeIssue(issue)}`,
      );
    const more = parsed.error.issues.length > 8 ? `\n· 另有 ${parsed.error.issues.length - 8} 处问题` : '';
    return { ok: false, message: `文件内容有误，没有打开：\n${lines.join('\n')}${more}` };
  }
  const doc = parsed.data as GongkaiDocument;
  if (doc.profile && doc.profile.year !== doc.formYear)
    return {
      ok: false,
      message: `文件内容有误，没有打开：表样“${doc.profile.id}”是 ${doc.profile.year} 年度的，报表年度却是 ${doc.formYear}。`,
    };
  const formSet = doc.profile ? formSetFor(doc.profile.year, doc.profile.id) : formSetFor(doc.formYear);
  if (!formSet)
    return {
      ok: false,
      message: doc.profile
        ? `不支持表样“${doc.profile.id}”（${doc.profile.year} 年度），没有打开。可用的表样见“gongkai profiles”。`
        : `不支持 ${doc.formYear} 年度的报表格式，没有打开。`,
    };
  const problems = checkAgainstForms(doc, formSet);
  if (problems.length > 0) {
    return {
      ok: false,
      message: `文件内容与${formSet.profile.name}报表格式不符，没有打开：\n${problems
        .slice(0, 8)
        .map((p) => `· ${p}`)
        .join('\n')}`,
    };
  }
  const kept = doc.pageSetup ? keepKnownTables(doc, doc.pageSetup, formSet, notices) : doc;
  const document = completeParents(kept, formSet);
  return notices.length > 0 ? { ok: true, document, notices } : { ok: true, document };
}

/** Drops the 页面设置's table ids the forms do not have (saying which), so that printing never meets them. */
function keepKnownTables(
  doc: GongkaiDocument,
  setup: PageSetup,
  formSet: FormSet,
  notices: string[],
): GongkaiDocument {
  const known = (id: string) => formSet.tableById.has(id);
  const unknown = [
    ...Object.keys(setup.orientation ?? {}).filter((id) => !known(id)),
    ...(setup.tables ?? []).filter((id) => !known(id)),
  ];
  if (unknown.length === 0) return doc;
  notices.push(`页面设置里有${formSet.profile.name}没有的表“${[...new Set(unknown)].join('、')}”，已略去。`);
  const { orientation, tables, ...rest } = setup;
  const keptOrientation = Object.entries(orientation ?? {}).filter(([id]) => known(id));
  const keptTables = (tables ?? []).filter(known);
  const next: PageSetup = {
    ...rest,
    ...(keptOrientation.length > 0 ? { orientation: Object.fromEntries(keptOrientation) } : {}),
    ...(keptTables.length > 0 ? { tables: keptTables } : {}),
  };
  return { ...doc, pageSetup: next };
}

/** Writes a document as the file stores it: stable, indented, trailing newline. */
export function writeDocument(doc: GongkaiDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** What checkAgainstForms looks up in a table's template, worked out once per template (a 汇总 reads many members). */
interface TemplateCells {
  /** A classification table's columns. */
  readonly columns: ReadonlySet<string>;
  /** A fixed table's fillable rows and their columns. */
  readonly rows: ReadonlyMap<string, ReadonlySet<string> | null>;
}

const templateCells = new WeakMap<object, TemplateCells>();

function cellsOf(template: FormSet['tables'][number]): TemplateCells {
  let cells = templateCells.get(template);
  if (!cells) {
    const rows = new Map<string, ReadonlySet<string> | null>();
    for (const b of template.blocks) {
      const cols = new Set(b.columns.map((c) => c.key));
      // As a Map built from every row: a key repeated in a later block is that block's row.
      for (const r of b.rows ?? []) rows.set(r.key, r.blank ? null : cols);
    }
    cells = { columns: new Set(template.blocks[0]?.columns.map((c) => c.key)), rows };
    templateCells.set(template, cells);
  }
  return cells;
}

function checkAgainstForms(doc: GongkaiDocument, formSet: FormSet): string[] {
  const problems: string[] = [];
  for (const [tableId, data] of Object.entries(doc.tables)) {
    const template = formSet.tableById.get(tableId);
    if (!template) {
      problems.push(`没有“${tableId}”这张表（应是 01—09）`);
      continue;
    }
    const where = template.code;
    const known = cellsOf(template);
    if (template.kind === 'classification') {
      const seen = new Set<string>();
      for (const row of data.rows ?? []) {
        if (seen.has(row.code)) problems.push(`${where} 科目编码 ${row.code} 出现了两次`);
        seen.add(row.code);
      }
      for (const [rowKey, cells] of Object.entries(data.values)) {
        if (rowKey !== template.totalRow?.key && !seen.has(rowKey)) {
          problems.push(`${where} 有数值的科目 ${rowKey} 不在行列表中`);
        }
        for (const col of Object.keys(cells))
          if (!known.columns.has(col)) problems.push(`${where} ${rowKey} 没有第 ${col} 栏`);
      }
    } else {
      if (data.rows && data.rows.length > 0) problems.push(`${where} 是固定行表，不能有自定义行`);
      for (const [rowKey, cells] of Object.entries(data.values)) {
        const cols = known.rows.get(rowKey);
        if (!cols) {
          problems.push(`${where} 没有可填的“${rowKey}”行`);
          continue;
        }
        for (const col of Object.keys(cells))
          if (!cols.has(col)) problems.push(`${where} ${rowKey} 行没有第 ${col} 栏`);
      }
    }
  }
  return problems;
}

/** Inserts missing 类/款 rows above a 项 (they only sum their children, so no value is invented). */
function completeParents(doc: GongkaiDocument, formSet: FormSet): GongkaiDocument {
  let tables: Record<string, TableData> | undefined;
  const catalog = formSet.catalog.withCustom(doc.catalog);
  for (const [tableId, data] of Object.entries(doc.tables)) {
    if (!data.rows) continue;
    const have = new Set(data.rows.map((r) => r.code));
    const missing: ClassRow[] = [];
    for (const row of data.rows) {
      for (const code of ancestorCodes(row.code)) {
        if (!have.has(code)) {
          have.add(code);
          missing.push({ code, name: catalog.nameOf(code) ?? '' });
        }
      }
    }
    if (missing.length === 0) continue;
    tables ??= { ...doc.tables };
    tables[tableId] = {
      ...data,
      rows: [...data.rows, ...missing].sort((a, b) => (a.code < b.code ? -1 : 1)),
    };
  }
  return tables ? { ...doc, tables } : doc;
}

/**
 * The profile a file that failed validation names (or the national forms of its year), to name its places in that
 * profile's terms; undefined when the file names none that loads.
 */
function formsNamedBy(
  obj: Record<string, unknown>,
  formSetFor: (year: number, profileId?: string) => FormSet | undefined,
): FormSet | undefined {
  const p = obj.profile;
  try {
    if (typeof p === 'object' && p !== null && 'id' in p && 'year' in p) {
      const { id, year } = p as { id: unknown; year: unknown };
      return typeof id === 'string' && typeof year === 'number' ? formSetFor(year, id) : undefined;
    }
    return typeof obj.formYear === 'number' ? formSetFor(obj.formYear) : undefined;
  } catch {
    // A profile that fails its own load is reported when the file is opened for real; here it only names places.
    return undefined;
  }
}

/** A column as its table prints it: `第1栏` where the form prints 栏次, its header where it prints none (上海). */
function columnName(template: FormSet['tables'][number] | undefined, col: string): string {
  const c = template?.blocks.flatMap((b) => b.columns).find((x) => x.key === col);
  return c && c.no === undefined ? c.label : `第${col}栏`;
}

function describePath(path: readonly PropertyKey[], forms?: FormSet): string {
  const parts = path.map(String);
  if (parts[0] === 'tables' && parts.length >= 2) {
    const template = forms?.tableById.get(parts[1] as string);
    const table = template?.code ?? `公开${parts[1]}表`;
    if (parts[2] === 'rows' && parts.length >= 4) {
      return `${table} 第${Number(parts[3]) + 1}个科目${parts[4] === 'code' ? '的编码' : parts[4] === 'name' ? '的名称' : ''}`;
    }
    if (parts[2] === 'values' && parts.length >= 4)
      return `${table} ${parts[3]}${parts[4] ? ` ${columnName(template, parts[4])}` : ''}`;
    return table;
  }
  if (parts.length === 0) return '文件';
  // Object.hasOwn: a user's key such as “toString” must not find Object.prototype's function.
  return parts
    .map((p) =>
      Object.hasOwn(FIELD_NAMES, p) ? FIELD_NAMES[p] : /^\d+$/.test(p) ? `第${Number(p) + 1}项` : `“${p}”`,
    )
    .join(' › ');
}

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  boolean: '是/否',
  object: '对象',
  array: '列表',
  undefined: '空（缺少）',
  null: '空值',
};

function typeName(type: string): string {
  return Object.hasOwn(TYPE_NAMES, type) ? (TYPE_NAMES[type] as string) : '其他类型';
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      const received = /received (\w+)/.exec(issue.message)?.[1];
      if (received === 'undefined') return '缺少这一项';
      return `应是${typeName(issue.expected)}${received ? `，实际是${typeName(received)}` : ''}`;
    }
    case 'invalid_value':
      return `应是 ${issue.values.map(String).join('、')} 之一`;
    case 'invalid_format':
      return /[\u4e00-\u9fa5]/.test(issue.message) ? issue.message : '格式不对';
    case 'too_small':
    case 'too_big':
      return /[\u4e00-\u9fa5]/.test(issue.message) ? issue.message : '数值超出允许范围';
    default:
      return /[\u4e00-\u9fa5]/.test(issue.message) ? issue.message : '内容不对';
  }
}

/** Where JSON.parse stopped, as a line and column; the end of the text when the file was cut short. */
function jsonPosition(text: string, e: unknown): string {
  const message = String((e as Error).message);
  const m = /position (\d+)/.exec(message);
  const ended = /end of JSON input/i.test(message);
  if (!m && !ended) return '';
  const pos = m ? Number(m[1]) : text.length;
  // V8 reports a cut-off file as an error at its last position.
  const cut = ended || pos >= text.trimEnd().length;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < pos; i++)
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  const where = `第 ${line} 行第 ${pos - lineStart + 1} 列`;
  return cut ? `（文件在${where}处就结束了，内容不完整）` : `（${where}附近）`;
}
