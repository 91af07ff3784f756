import { ancestorCodes, compareCodes, type Catalog } from '../catalog/catalog';
import { rowsForCode } from '../document/class-rows';
import type { CellEdit, Operation } from '../document/operations';
import type { ClassRow, GongkaiDocument } from '../document/types';
import { parseAmount } from '../money';
import type { FormSet, TableTemplate } from '../template';
import type { CommandNotice, CommandResult } from './command';

/** What adding rows by code did, besides its operation: the rows created, the lines filled, what was not taken. */
export interface RowsByCodeReport {
  /** The rows created (new 项 and the 类/款 above them), in code order. */
  readonly added: readonly ClassRow[];
  /** Lines that landed on a row (new or existing), with the number of amounts filled. */
  readonly filled: readonly { readonly code: string; readonly line: number; readonly amounts: number }[];
  /** One line per thing that was not done or needs a look, naming the line of the block. */
  readonly skipped: readonly string[];
  /** Short report: what landed where. */
  readonly summary: string;
}

/** A line of the block read as a 科目: its code, the name it gave, and the amount cells after them. */
export interface CodeLine {
  readonly line: number;
  readonly code: string;
  readonly name?: string;
  readonly amounts: readonly string[];
}

const FULLWIDTH_DIGIT = /[０-９]/g;

function halfWidth(text: string): string {
  return text.trim().replace(FULLWIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/**
 * Reads the start of a line as a 科目编码: one cell of 3, 5 or 7 digits (“2010101” or “2010101 行政运行”), or the
 * code split over cells as the printed forms set it (类 | 款 | 项: “201” “01” “01”). Null when the line does not
 * start with a code (a header, a 合计 line, a blank line).
 */
export function readCodeLine(cells: readonly string[], line: number): CodeLine | null {
  const c = cells.map(halfWidth);
  const first = c[0] ?? '';
  let code: string;
  let rest: string[];
  const joined = /^(\d{3}(?:\d{2}){0,2})(?:\s*([^\d\s].*))?$/.exec(first);
  if (/^\d{3}$/.test(first) && /^\d{2}$/.test(c[1] ?? '')) {
    const hasItem = /^\d{2}$/.test(c[2] ?? '');
    code = first + (c[1] as string) + (hasItem ? (c[2] as string) : '');
    rest = cells.slice(hasItem ? 3 : 2);
  } else if (joined) {
    code = joined[1] as string;
    rest = joined[2] ? [joined[2], ...cells.slice(1)] : cells.slice(1);
  } else return null;
  // A name follows the code unless the next cell is already an amount (or empty): a cell with digits that does
  // not read as an amount (“12元”) is a bad amount, reported as such, not a 科目 name.
  const next = (rest[0] ?? '').trim();
  const isAmount = next === '' || /\d/.test(next);
  const name = next !== '' && !isAmount ? next : undefined;
  return { line, code, name, amounts: name !== undefined || next === '' ? rest.slice(1) : rest };
}

/**
 * 按科目编码添加（粘贴、导入、添加科目的多行输入）: a block whose lines start with a 科目编码 (7-digit or split
 * 类|款|项), with or without the name, followed by amounts in the table's column order. Creates the missing rows and
 * their 类/款 parents from the catalog, fills the amounts by code whatever the order of the lines, and returns it all
 * as one operation (one undo step) with a report of what landed where and every line or value it did not take —
 * nothing is dropped silently. Amounts falling on a 类/款 or total column are kept as those cells' own figures
 * (checked against the formula). A code the catalog does not know is added to the file's own 科目 when the line
 * names it, refused otherwise. A value that is not an amount is refused and named; the rest of its line goes in.
 */
export function addRowsByCode(
  formSet: FormSet,
  doc: GongkaiDocument,
  tableId: string,
  block: readonly (readonly string[])[],
): CommandResult<RowsByCodeReport> {
  const template = formSet.tableById.get(tableId);
  if (!template) return { ok: false, message: `表样里没有表 ${tableId}。` };
  return planRowsByCode(formSet.catalog.withCustom(doc.catalog), doc, template, block);
}

function planRowsByCode(
  catalog: Catalog,
  doc: GongkaiDocument,
  template: TableTemplate,
  block: readonly (readonly string[])[],
): CommandResult<RowsByCodeReport> {
  const skipped: string[] = [];
  const lines: CodeLine[] = [];
  block.forEach((cells, i) => {
    if (cells.every((c) => c.trim() === '')) return;
    const read = readCodeLine(cells, i + 1);
    if (read) lines.push(read);
    else skipped.push(`第 ${i + 1} 行“${cells.join(' ').trim().slice(0, 30)}”不以科目编码开头，未导入`);
  });
  return planCodeLines(catalog, doc, template, lines, skipped);
}

/**
 * The same as addRowsByCode for lines already read (an Excel block whose columns were mapped by their headers):
 * each line's amounts are in the table's column order; `skipped` are what the reader already did not take.
 */
export function addCodeLines(
  formSet: FormSet,
  doc: GongkaiDocument,
  tableId: string,
  lines: readonly CodeLine[],
  skipped: readonly string[],
): CommandResult<RowsByCodeReport> {
  const template = formSet.tableById.get(tableId);
  if (!template) return { ok: false, message: `表样里没有表 ${tableId}。` };
  return planCodeLines(formSet.catalog.withCustom(doc.catalog), doc, template, lines, [...skipped]);
}

function planCodeLines(
  catalog: Catalog,
  doc: GongkaiDocument,
  template: TableTemplate,
  lines: readonly CodeLine[],
  skipped: string[],
): CommandResult<RowsByCodeReport> {
  if (template.kind !== 'classification')
    return { ok: false, message: `${template.code}不是按科目编码分行的表，不能按编码添加行。` };
  const columns = (template.blocks[0]?.columns ?? []).map((c) => c.key);
  const table = template.id;
  const existing = new Set((doc.tables[table]?.rows ?? []).map((r) => r.code));
  if (lines.length === 0)
    return {
      ok: false,
      message: '没有以科目编码开头的行：每行应以 3、5 或 7 位科目编码（或分列的 类|款|项）开头。',
    };

  const added = new Map<string, ClassRow>();
  const customEntries: ClassRow[] = [];
  const have = (code: string) => existing.has(code) || added.has(code);
  const edits = new Map<string, CellEdit>();
  const filled: { code: string; line: number; amounts: number }[] = [];
  const seenAt = new Map<string, number>();
  for (const l of lines) {
    const known = catalog.nameOf(l.code);
    const name = known ?? l.name;
    if (!have(l.code) && !name) {
      skipped.push(`第 ${l.line} 行：科目目录里没有 ${l.code}，这一行也没有科目名称，未导入`);
      continue;
    }
    if (known && l.name && l.name !== known)
      skipped.push(`第 ${l.line} 行：${l.code} 的名称“${l.name}”与科目目录的“${known}”不同，按目录`);
    if (seenAt.has(l.code))
      skipped.push(`第 ${l.line} 行：${l.code} 在第 ${seenAt.get(l.code)} 行已出现，按后出现的金额`);
    seenAt.set(l.code, l.line);
    for (const a of ancestorCodes(l.code))
      if (!have(a)) added.set(a, { code: a, name: catalog.nameOf(a) ?? '' });
    if (!have(l.code)) {
      added.set(l.code, { code: l.code, name: name as string });
      if (!known) customEntries.push({ code: l.code, name: name as string });
    }
    let n = 0;
    l.amounts.forEach((text, j) => {
      const col = columns[j];
      if (col === undefined) {
        if (text.trim() !== '')
          skipped.push(
            `第 ${l.line} 行：第 ${j + 1} 个金额“${text.trim()}”超出本表的 ${columns.length} 栏，未导入`,
          );
        return;
      }
      // An empty cell of the block leaves the table's figure as it is.
      if (text.trim() === '') return;
      const amount = parseAmount(text);
      if (!amount.ok) {
        skipped.push(`第 ${l.line} 行：第 ${j + 1} 个金额未导入，${amount.message}`);
        return;
      }
      edits.set(`${l.code}\u0001${col}`, { row: l.code, col, text });
      n++;
    });
    filled.push({ code: l.code, line: l.line, amounts: n });
  }
  if (filled.length === 0)
    return { ok: false, message: `没有可以导入的行：${skipped.slice(0, 3).join('；')}` };

  const ops: Operation[] = [];
  if (customEntries.length > 0) {
    const custom = doc.catalog ?? { replace: false, entries: [] };
    ops.push({ type: 'setCatalog', catalog: { ...custom, entries: [...custom.entries, ...customEntries] } });
  }
  const addedRows = [...added.values()].sort((a, b) => compareCodes(a.code, b.code));
  if (addedRows.length > 0) ops.push({ type: 'insertRows', table, rows: addedRows });
  if (edits.size > 0) ops.push({ type: 'setCells', table, cells: [...edits.values()] });
  const amounts = filled.reduce((s, f) => s + f.amounts, 0);
  const parents = addedRows.filter((r) => r.code.length < 7).length;
  const summary =
    `按科目编码导入 ${filled.length} 行：新增 ${addedRows.length} 行` +
    (parents > 0 ? `（其中类、款 ${parents} 行）` : '') +
    `，填入 ${amounts} 个金额` +
    (skipped.length > 0 ? `；${skipped.length} 处未导入或需核对` : '');
  const landed = filled
    .slice(0, 5)
    .map((f) => `第 ${f.line} 行 → ${f.code}${f.amounts > 0 ? `（${f.amounts} 个金额）` : ''}`);
  const notice: CommandNotice = {
    level: skipped.length > 0 ? 'warning' : 'info',
    text: summary,
    details: [
      ...skipped.slice(0, 8),
      ...(skipped.length > 8 ? [`…… 另有 ${skipped.length - 8} 处`] : []),
      ...landed,
      ...(filled.length > 5 ? [`…… 共 ${filled.length} 行`] : []),
    ],
  };
  return {
    ok: true,
    operation: { type: 'batch', label: '按科目编码导入', ops },
    label: '按科目编码导入',
    notices: [notice],
    added: addedRows,
    filled,
    skipped,
    summary,
  };
}

/**
 * 添加科目 (one code typed, or a 科目 picked by name): the row and any missing 类/款 above it, one undoable step. A
 * code the catalog does not know needs `name`; it then goes into the file's own 科目 too. `needsName` on a refusal
 * says the name is what is missing, so the UI can ask for it.
 */
export function addRowByCode(
  formSet: FormSet,
  doc: GongkaiDocument,
  tableId: string,
  code: string,
  name?: string,
):
  | CommandResult<{ readonly target: ClassRow }>
  | { readonly ok: false; readonly message: string; readonly needsName?: true } {
  const catalog = formSet.catalog.withCustom(doc.catalog);
  const result = rowsForCode(catalog, doc, tableId, code, name);
  if (!result.ok) return result;
  const target = result.rows[result.rows.length - 1] as ClassRow;
  const ops: Operation[] = [];
  if (name?.trim() && !catalog.has(target.code)) {
    const custom = doc.catalog ?? { replace: false, entries: [] };
    ops.push({ type: 'setCatalog', catalog: { ...custom, entries: [...custom.entries, target] } });
  }
  ops.push({ type: 'insertRows', table: tableId, rows: result.rows });
  return {
    ok: true,
    operation: { type: 'batch', ops },
    label: '添加科目',
    notices: [
      {
        level: 'info',
        text: `已添加 ${result.rows.map((r) => `${r.code} ${r.name}`).join('、')}`,
        details: [],
      },
    ],
    target,
  };
}
