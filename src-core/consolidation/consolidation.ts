import { Decimal, canonicalAmount, formatExact } from '../money';
import { applyOperation, type CellEdit } from '../document/operations';
import type { CellAddress, ClassRow, GongkaiDocument, TableData } from '../document/types';
import { locationText, Workbook, type Finding } from '../engine';
import type { FormSet } from '../template';
import { CellRegistry } from './cell-registry';
import {
  figureText,
  figureValue,
  indexOfCell,
  instanceKey,
  takeMemberFigures,
  type MemberCheck,
  type MemberFigures,
  type RuleDifference,
} from './member-figures';
import type { Contribution, MemberEntry, MemberRead, MemberSource } from './member-entry';
import { profileIdentity } from './profile-identity';
import { ShapeCache } from './shape-cache';
import { withUnitComposition } from './unit-composition';

/** A consolidated finding: the engine's, with why a 尾数 arose at 汇总. */
export interface ConsolidatedFinding extends Finding {
  /** For 尾数 at 汇总: the units whose own rounding adds up to it. */
  readonly reason?: string;
}

/** One cell a member change moved: the member's value before and after (decimal text; null = empty). */
export interface CellChange {
  readonly cell: CellAddress;
  readonly before: string | null;
  readonly after: string | null;
}

/** What setting (adding, replacing, re-reading) a member did. */
export interface MemberChange {
  readonly entry: MemberEntry;
  /** The line the member had before, if it was listed. */
  readonly previous?: MemberEntry;
  /** The member's own findings (for the CLI's per-unit listing); empty unless it was read and checked. */
  readonly findings: readonly Finding[];
  /** Cells whose figure from this member changed. */
  readonly cells: readonly CellChange[];
}

/** 舍位平衡 of the consolidated tables: per table, how many totals are off by 尾数 and by how much in all. */
export interface RoundingReport {
  readonly balanced: boolean;
  readonly tables: readonly {
    readonly tableCode: string;
    readonly tails: number;
    readonly absTotal: string;
  }[];
}

/** The units' differences at one rule instance, with their running total. */
interface DifferencesAt {
  readonly bySlot: Map<Slot, RuleDifference>;
  total: Decimal;
  /** How many of them are beyond their unit's tolerance. */
  notTails: number;
}

interface Slot {
  entry: MemberEntry;
  figures?: MemberFigures;
}

const OWN_ID = '\u0000本级';

/**
 * A 汇总: the department's 本级 figures plus its member units, each table the sum of their figures row by row by
 * 科目编码 (the union of their rows), checked by the department's profile. Members are taken one at a time and only
 * their figures are kept, so a thousand units fit in memory; replacing one subtracts its old figures and adds the
 * new, and the consolidated workbook is updated incrementally unless the rows changed.
 */
export class Consolidation {
  private readonly registry = new CellRegistry();
  private readonly shapes: ShapeCache;
  private readonly sum: Decimal[] = [];
  /** The part of each sum from members checked in whole 分, as an exact integer (moved into `sum` before it could overflow). */
  private readonly centsSum: number[] = [];
  private readonly known: number[] = [];
  private readonly enteredBy: number[] = [];
  private readonly unknownBy: number[] = [];
  /** Rows by table, then code: the name first seen and how many members have it. */
  private readonly rowUse = new Map<string, Map<string, { name: string; count: number }>>();
  private readonly customNames = new Map<string, { name: string; count: number }>();
  private readonly slots: Slot[] = [];
  /** Rule instances that do not hold in some unit: instance key → the units' differences there. */
  private readonly differencesAt = new Map<string, DifferencesAt>();
  private readonly byId = new Map<string, Slot>();
  /** Included members by 单位名称, to refuse a unit listed twice without scanning every member. */
  private readonly byUnit = new Map<string, Set<Slot>>();
  private department: GongkaiDocument;
  private current: { doc: GongkaiDocument; wb: Workbook } | null = null;
  private readonly dirty = new Set<number>();
  private rowsChanged = true;
  /** The member list changed: the 单位构成 in the consolidated text follows. */
  private listChanged = false;

  constructor(
    readonly formSet: FormSet,
    department: GongkaiDocument,
  ) {
    this.department = department;
    this.shapes = new ShapeCache(formSet, this.registry);
    this.takeOwn();
  }

  /** The department document as given (its 本级 figures, unit, text, member list). */
  get departmentDocument(): GongkaiDocument {
    return this.department;
  }

  /** The 单位 overview: 本级 first (when it has figures), then the members in the order they were set. */
  members(): readonly MemberEntry[] {
    return this.slots.map((s) => s.entry);
  }

  /** Members that were read and summed. */
  get includedCount(): number {
    return this.slots.filter((s) => s.entry.status === 'included').length;
  }

  /**
   * Adds a member, or replaces the one with the same source id (a file re-read after it changed on disk): the
   * old figures are subtracted and the new added. A member of another profile, year or 金额单位 is refused; one that
   * could not be read is listed as failed — never dropped.
   */
  setMember(source: MemberSource, read: MemberRead): MemberChange {
    const slot = this.byId.get(source.id);
    const previous = slot?.entry;
    const oldFigures = slot?.figures;
    if (slot) {
      this.takeAway(slot);
      this.nameIndex(slot, false);
    }
    const { entry, figures, check } = this.admit(source, read, slot);
    const target: Slot = slot ?? { entry };
    target.entry = entry;
    this.nameIndex(target, true);
    target.figures = figures;
    if (!slot) {
      this.slots.push(target);
      this.byId.set(source.id, target);
    }
    if (figures) this.addIn(figures, 1, target);
    this.listChanged = true;
    return {
      entry,
      previous,
      // Written only when read (the CLI lists them; the overview needs only the counts).
      get findings() {
        return check?.findings ?? [];
      },
      cells: diffFigures(this.registry, oldFigures, figures),
    };
  }

  /** Takes a member out of the 汇总 (it was removed from the member list). */
  removeMember(id: string): MemberChange | undefined {
    const slot = this.byId.get(id);
    if (!slot) return undefined;
    const old = slot.figures;
    this.takeAway(slot);
    this.nameIndex(slot, false);
    this.slots.splice(this.slots.indexOf(slot), 1);
    this.byId.delete(id);
    this.listChanged = true;
    return {
      entry: slot.entry,
      previous: slot.entry,
      findings: [],
      cells: diffFigures(this.registry, old, undefined),
    };
  }

  /** The department document changed (its unit information, text or 本级 figures). */
  setDepartment(doc: GongkaiDocument): void {
    this.department = doc;
    const own = this.byId.get(OWN_ID);
    if (own) {
      this.takeAway(own);
      this.slots.splice(this.slots.indexOf(own), 1);
      this.byId.delete(OWN_ID);
    }
    this.takeOwn();
    this.rowsChanged = true;
  }

  /** The consolidated document: the department's unit and text, the summed tables, the 单位构成 from the members. */
  document(): GongkaiDocument {
    return this.sync().doc;
  }

  /** The consolidated tables' live engine. */
  workbook(): Workbook {
    return this.sync().wb;
  }

  /**
   * The consolidated findings, by the department's own rules. A 尾数 that is the sum of the units' own 尾数 (each
   * unit rounded to 万元 separately) is a warning with that reason, even where the sum exceeds the tolerance.
   */
  findings(): readonly ConsolidatedFinding[] {
    const findings = this.workbook().findings();
    return findings.map((f) => this.explain(f));
  }

  /** 舍位平衡 of the consolidated tables: the 尾数 left in each table. */
  roundingReport(): RoundingReport {
    const byTable = new Map<string, { tails: number; abs: Decimal }>();
    for (const f of this.findings()) {
      if (f.kind !== 'tail') continue;
      const t = byTable.get(f.tableCode) ?? { tails: 0, abs: new Decimal(0) };
      t.tails++;
      t.abs = t.abs.plus(new Decimal(f.difference ?? 0).abs());
      byTable.set(f.tableCode, t);
    }
    return {
      balanced: byTable.size === 0,
      tables: [...byTable].map(([tableCode, t]) => ({
        tableCode,
        tails: t.tails,
        absTotal: t.abs.toFixed(),
      })),
    };
  }

  /** Drill-down: which units contribute what to a consolidated cell. */
  contributions(cell: CellAddress): readonly Contribution[] {
    const id = this.registry.find(cell);
    if (id < 0) return [];
    const out: Contribution[] = [];
    for (const slot of this.slots) {
      const fig = slot.figures;
      if (!fig || slot.entry.status !== 'included') continue;
      const k = indexOfCell(fig, id);
      if (k < 0) continue;
      const v = figureText(fig, k);
      out.push({
        source: slot.entry.source,
        unit: slot.entry.unit,
        own: slot.entry.own,
        value: v,
        entered: fig.entered[k] === 1,
        unknown: fig.unknown.get(id),
        cell,
      });
    }
    return out;
  }

  /** Chinese lines saying what a member change did to the 汇总 (for notices and the CLI). */
  describeChange(change: MemberChange, limit = 8): string[] {
    const { entry, previous } = change;
    const name = entry.status === 'failed' ? entry.source.label : entry.unit;
    const lines: string[] = [];
    if (entry.status === 'failed')
      lines.push(`${entry.source.label}：无法读取，已不计入汇总——${entry.reason}`);
    else if (entry.status === 'refused')
      lines.push(`${name}（${entry.source.label}）：没有汇总——${entry.reason}`);
    else if (!previous) lines.push(`${name}：已加入汇总。`);
    else if (previous.status !== 'included') lines.push(`${name}：现在可以读取，已计入汇总。`);
    if (entry.status === 'included' && previous?.status === 'included') {
      const b = previous.counts;
      const a = entry.counts;
      if (b.errors !== a.errors || b.warnings !== a.warnings)
        lines.push(
          `${name}：审核结果由 ${b.errors} 个错误、${b.warnings} 个提示变为 ${a.errors} 个错误、${a.warnings} 个提示。`,
        );
    }
    const wb = this.workbook();
    const shown = change.cells.slice(0, limit).map((c) => {
      const where = this.locate(wb, c.cell);
      const now = wb.cell(c.cell.table, c.cell.row, c.cell.col);
      const total = now?.unknown ? '无法计算' : now?.value ? formatExact(now.value) : '空';
      return `  ${where}：${amountText(c.before)} → ${amountText(c.after)}（${movedBy(c)}，汇总数 ${total}）`;
    });
    // A unit just added: its figures are all new, listing them says nothing.
    if (change.cells.length > 0 && previous) {
      lines.push(
        `${name}：${change.cells.length} 个数变了${change.cells.length > limit ? `，前 ${limit} 个` : ''}：`,
      );
      lines.push(...shown);
    } else if (entry.status === 'included' && previous?.status === 'included') {
      lines.push(`${name}：文件已重新读取，数字没有变化。`);
    }
    return lines;
  }

  /** `公开03表 201 一般公共服务支出 1栏（本年支出合计）` in the consolidated tables. */
  locate(wb: Workbook, cell: CellAddress): string {
    const table = wb.tables.get(cell.table);
    const row = table?.byKey.get(cell.row);
    return table && row ? locationText(table, row, cell.col) : `${cell.table} ${cell.row} ${cell.col}`;
  }

  private takeOwn(): void {
    const doc = this.department;
    const hasFigures = Object.values(doc.tables).some(
      (t) => Object.keys(t.values).length > 0 || (t.rows?.length ?? 0) > 0,
    );
    if (!hasFigures) return;
    const source: MemberSource = { id: OWN_ID, label: '本级' };
    const { figures, check } = takeMemberFigures(
      this.shapes,
      { ...doc, consolidation: undefined },
      this.registry,
    );
    const slot: Slot = {
      entry: {
        status: 'included',
        source,
        unit: `${doc.unit.name || '本部门'}（本级）`,
        own: true,
        counts: { errors: check.errors, warnings: check.warnings, tails: check.tails },
        notes: [],
      },
      figures,
    };
    this.slots.unshift(slot);
    this.byId.set(OWN_ID, slot);
    this.addIn(figures, 1, slot);
  }

  private admit(
    source: MemberSource,
    read: MemberRead,
    self: Slot | undefined,
  ): { entry: MemberEntry; figures?: MemberFigures; check?: MemberCheck } {
    if (!read.ok) return { entry: { status: 'failed', source, reason: read.message } };
    const doc = read.document;
    const unit = doc.unit.name || source.label;
    const refuse = (reason: string) => ({
      entry: { status: 'refused' as const, source, unit, reason },
    });
    const dept = this.department;
    if (doc.consolidation) return refuse('这是汇总文件，不能作为单位再汇总；请把它的单位直接列入。');
    const mine = profileIdentity(doc);
    const theirs = profileIdentity(dept);
    if (mine.key !== theirs.key) return refuse(`按${mine.label}填报，汇总文件是${theirs.label}。`);
    if (doc.unit.year !== dept.unit.year)
      return refuse(`是 ${doc.unit.year} 年度的决算，汇总文件是 ${dept.unit.year} 年度。`);
    if (doc.unit.moneyUnit !== dept.unit.moneyUnit)
      return refuse(
        `金额单位是${doc.unit.moneyUnit}，汇总文件是${dept.unit.moneyUnit}；请先换算成同一单位。`,
      );
    if (doc.unit.name) {
      const twin = [...(this.byUnit.get(doc.unit.name) ?? [])].find((s) => s !== self);
      if (twin) return refuse(`与“${twin.entry.source.label}”是同一单位（${doc.unit.name}），没有重复汇总。`);
    }
    const { figures, check } = takeMemberFigures(this.shapes, doc, this.registry);
    return {
      entry: {
        status: 'included',
        source,
        unit,
        own: false,
        counts: { errors: check.errors, warnings: check.warnings, tails: check.tails },
        notes: read.notes ?? [],
      },
      figures,
      check,
    };
  }

  private nameIndex(slot: Slot, add: boolean): void {
    const e = slot.entry;
    if (e.status !== 'included' || e.own) return;
    let set = this.byUnit.get(e.unit);
    if (add) {
      if (!set) this.byUnit.set(e.unit, (set = new Set()));
      set.add(slot);
    } else if (set?.delete(slot) && set.size === 0) this.byUnit.delete(e.unit);
  }

  private takeAway(slot: Slot): void {
    if (slot.figures) this.addIn(slot.figures, -1, slot);
    slot.figures = undefined;
  }

  private addIn(fig: MemberFigures, sign: 1 | -1, slot: Slot): void {
    for (const [key, d] of fig.differences) {
      let at = this.differencesAt.get(key);
      if (!at) this.differencesAt.set(key, (at = { bySlot: new Map(), total: new Decimal(0), notTails: 0 }));
      if (sign === 1) {
        at.bySlot.set(slot, d);
        at.total = at.total.plus(d.difference);
        if (!d.tail) at.notTails++;
      } else if (at.bySlot.delete(slot)) {
        at.total = at.total.minus(d.difference);
        if (!d.tail) at.notTails--;
        if (at.bySlot.size === 0) this.differencesAt.delete(key);
      }
    }
    const cents = fig.cents;
    for (let k = 0; k < fig.ids.length; k++) {
      const id = fig.ids[k] as number;
      while (this.sum.length <= id) {
        this.sum.push(new Decimal(0));
        this.centsSum.push(0);
        this.known.push(0);
        this.enteredBy.push(0);
        this.unknownBy.push(0);
      }
      if (cents) {
        const v = cents[k] as number;
        let s = (this.centsSum[id] as number) + (sign === 1 ? v : -v);
        if (!Number.isSafeInteger(s)) {
          this.sum[id] = (this.sum[id] as Decimal).plus(new Decimal(this.centsSum[id] as number).div(100));
          s = sign === 1 ? v : -v;
        }
        this.centsSum[id] = s;
        this.known[id] = (this.known[id] as number) + sign;
      } else {
        const v = figureValue(fig, k);
        if (v === null) this.unknownBy[id] = (this.unknownBy[id] as number) + sign;
        else {
          this.sum[id] = sign === 1 ? (this.sum[id] as Decimal).plus(v) : (this.sum[id] as Decimal).minus(v);
          this.known[id] = (this.known[id] as number) + sign;
        }
      }
      if (fig.entered[k] === 1) this.enteredBy[id] = (this.enteredBy[id] as number) + sign;
      this.dirty.add(id);
    }
    for (const [table, rows] of fig.rows) {
      let use = this.rowUse.get(table);
      if (!use) this.rowUse.set(table, (use = new Map()));
      for (const r of rows) {
        const u = use.get(r.code);
        if (sign === 1) {
          if (u) u.count++;
          else {
            use.set(r.code, { name: r.name, count: 1 });
            this.rowsChanged = true;
          }
        } else if (u && --u.count === 0) {
          use.delete(r.code);
          this.rowsChanged = true;
        }
      }
    }
    for (const e of fig.catalog) {
      const u = this.customNames.get(e.code);
      if (sign === 1) {
        if (u) u.count++;
        else this.customNames.set(e.code, { name: e.name, count: 1 });
      } else if (u && --u.count === 0) this.customNames.delete(e.code);
    }
  }

  /** The consolidated text of a cell: the sum when some unit entered it, else empty (the rules compute it). */
  private textOf(id: number): string | null {
    if ((this.enteredBy[id] ?? 0) === 0) return null;
    if ((this.unknownBy[id] ?? 0) > 0) {
      const who = this.slots
        .filter((s) => s.figures && indexOfCell(s.figures, id) >= 0)
        .flatMap((s) => {
          const why = (s.figures as MemberFigures).unknown.get(id);
          return why !== undefined && s.entry.status === 'included' ? [`${s.entry.unit}${why}`] : [];
        });
      return `无法汇总：${who.slice(0, 3).join('；')}${who.length > 3 ? ` 等 ${who.length} 个单位` : ''}`;
    }
    const cents = this.centsSum[id] as number;
    const total =
      cents === 0 ? (this.sum[id] as Decimal) : (this.sum[id] as Decimal).plus(new Decimal(cents).div(100));
    return canonicalAmount(total);
  }

  private sync(): { doc: GongkaiDocument; wb: Workbook } {
    if (!this.current || this.rowsChanged) {
      const doc = this.build();
      this.current = { doc, wb: new Workbook(this.formSet, doc) };
      this.rowsChanged = false;
      this.listChanged = false;
      this.dirty.clear();
      return this.current;
    }
    if (this.listChanged) {
      this.current = {
        ...this.current,
        doc: withUnitComposition(this.formSet, this.current.doc, this.members()),
      };
      this.listChanged = false;
    }
    if (this.dirty.size === 0) return this.current;
    const byTable = new Map<string, CellEdit[]>();
    const engineEdits: { cell: CellAddress; text: string | undefined }[] = [];
    let doc = this.current.doc;
    for (const id of this.dirty) {
      const cell = this.registry.addresses[id] as CellAddress;
      const text = this.textOf(id);
      const before = doc.tables[cell.table]?.values[cell.row]?.[cell.col] ?? null;
      if (before === text) continue;
      let list = byTable.get(cell.table);
      if (!list) byTable.set(cell.table, (list = []));
      list.push({ row: cell.row, col: cell.col, text });
      engineEdits.push({ cell, text: text ?? undefined });
    }
    this.dirty.clear();
    for (const [table, cells] of byTable) doc = applyOperation(doc, { type: 'setCells', table, cells }).doc;
    this.current.wb.setCells(engineEdits);
    this.current = { doc, wb: this.current.wb };
    return this.current;
  }

  private build(): GongkaiDocument {
    const values = new Map<string, Record<string, Record<string, string>>>();
    for (let id = 0; id < this.registry.size; id++) {
      const text = this.textOf(id);
      if (text === null) continue;
      const { table, row, col } = this.registry.addresses[id] as CellAddress;
      let t = values.get(table);
      if (!t) values.set(table, (t = {}));
      (t[row] ??= {})[col] = text;
    }
    const tables: Record<string, TableData> = {};
    for (const template of this.formSet.tables) {
      const use = this.rowUse.get(template.id);
      const rows: ClassRow[] = [...(use ?? [])]
        .map(([code, u]) => ({ code, name: this.formSet.catalog.nameOf(code) ?? u.name }))
        .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
      const v = values.get(template.id) ?? {};
      const note = this.department.tables[template.id]?.note;
      if (rows.length === 0 && Object.keys(v).length === 0 && note === undefined) continue;
      tables[template.id] = {
        ...(rows.length > 0 ? { rows } : {}),
        values: v,
        ...(note !== undefined ? { note } : {}),
      };
    }
    const custom = [...this.customNames]
      .filter(([code]) => !this.formSet.catalog.has(code))
      .map(([code, u]) => ({ code, name: u.name }));
    const { consolidation: _members, catalog: _own, ...dept } = this.department;
    const doc: GongkaiDocument = {
      ...dept,
      tables,
      ...(custom.length > 0 ? { catalog: { replace: false, entries: custom } } : {}),
    };
    return withUnitComposition(this.formSet, doc, this.members());
  }

  private explain(f: Finding): ConsolidatedFinding {
    const key = instanceKey(f);
    if (key === undefined || f.difference === undefined) return f;
    const at = this.differencesAt.get(key);
    const count = at?.bySlot.size ?? 0;
    const total = at?.total ?? new Decimal(0);
    const allTails = at !== undefined && count > 0 && at.notTails === 0 && total.eq(f.difference);
    const named: string[] = [];
    for (const [s, d] of at?.bySlot ?? []) {
      if (named.length === 5) break;
      if (s.entry.status === 'included') named.push(`${s.entry.unit} ${signed(d.difference)}`);
    }
    const list = named.join('、');
    const more = count > 5 ? ` 等 ${count} 个单位` : '';
    if (allTails) {
      const reason = `各单位分别取整到万元，尾数在汇总时累积：${list}${more}，合计 ${signed(total)}`;
      if (f.kind === 'tail') return { ...f, reason, message: `${f.message.replace(/。$/, '')}；${reason}。` };
      return {
        ...f,
        kind: 'tail',
        severity: 'warning',
        reason,
        message: `${f.message.replace(/。$/, '')}；${reason}（尾数差异）。`,
      };
    }
    if (f.kind === 'tail') {
      const reason =
        count > 0
          ? `汇总后的尾数：${list}${more} 本身有差额`
          : '各单位在此处本身平衡，差额产生于汇总（各单位填报的科目层级不同）';
      return { ...f, reason, message: `${f.message.replace(/。$/, '')}；${reason}。` };
    }
    return f;
  }
}

function signed(d: Decimal): string {
  return d.isNegative() ? formatExact(d) : `+${formatExact(d)}`;
}

/** How far a member's figure moved: 增加 5.00 / 减少 0.01 (an empty cell counts as 0; text that is no amount, 改为). */
function movedBy(c: CellChange): string {
  const amount = (t: string | null) => (t === null ? new Decimal(0) : new Decimal(t));
  let d: Decimal;
  try {
    d = amount(c.after).minus(amount(c.before));
  } catch {
    return '改为新的内容';
  }
  return d.isNegative() ? `减少 ${formatExact(d.abs())}` : `增加 ${formatExact(d)}`;
}

function amountText(text: string | null): string {
  return text === null ? '空' : formatExact(new Decimal(text));
}

/** The member's cells whose figure differs between two readings. */
function diffFigures(
  registry: CellRegistry,
  before: MemberFigures | undefined,
  after: MemberFigures | undefined,
): CellChange[] {
  const out: CellChange[] = [];
  const a = before ?? EMPTY;
  const b = after ?? EMPTY;
  let i = 0;
  let j = 0;
  const text = figureText;
  while (i < a.ids.length || j < b.ids.length) {
    const ia = i < a.ids.length ? (a.ids[i] as number) : Infinity;
    const ib = j < b.ids.length ? (b.ids[j] as number) : Infinity;
    if (ia === ib) {
      const ta = text(a, i);
      const tb = text(b, j);
      const sameValue = ta === tb || (ta !== null && tb !== null && new Decimal(ta).eq(tb));
      if (!sameValue && (a.entered[i] === 1 || b.entered[j] === 1))
        out.push({ cell: registry.addresses[ia] as CellAddress, before: ta, after: tb });
      i++;
      j++;
    } else if (ia < ib) {
      if (a.entered[i] === 1)
        out.push({ cell: registry.addresses[ia] as CellAddress, before: text(a, i), after: null });
      i++;
    } else {
      if (b.entered[j] === 1)
        out.push({ cell: registry.addresses[ib] as CellAddress, before: null, after: text(b, j) });
      j++;
    }
  }
  return out;
}

const EMPTY: MemberFigures = {
  ids: new Int32Array(0),
  values: [],
  cents: null,
  entered: new Uint8Array(0),
  unknown: new Map(),
  rows: new Map(),
  catalog: [],
  differences: new Map(),
};
