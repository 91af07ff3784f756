import {
  Consolidation,
  formSetOfDocument,
  newDocument,
  readDocument,
  formSetFor,
  type Contribution,
  type GongkaiDocument,
  type MemberRead,
} from '../../src-core';

/** A member as picked in the browser: its file, re-read when the unit is opened. */
export interface PickedMember {
  readonly name: string;
  readonly file: Blob;
}

/**
 * The renderer's 汇总: member files picked by the user, consolidated with the core's Consolidation (which keeps only
 * their figures); the files are kept so a unit can be opened from the overview or the drill-down.
 */
export class ConsolidationState {
  consolidation: Consolidation | null = null;
  readonly files = new Map<string, PickedMember>();
  /** What the last change did, in Chinese lines. */
  lastChange: string[] = [];
  departmentName = '';

  /** Adds members, or replaces the ones with the same file name (a unit sent again): says what changed. */
  async addFiles(picked: readonly PickedMember[]): Promise<void> {
    const lines: string[] = [];
    for (const p of picked) {
      const text = await p.file.text();
      const read: MemberRead = readDocument(text, formSetFor, { figuresOnly: true });
      if (!this.consolidation) {
        if (!read.ok) {
          lines.push(`${p.name}：无法读取——${read.message}`);
          continue;
        }
        this.consolidation = this.start(read.document);
      }
      this.files.set(p.name, p);
      const change = this.consolidation.setMember({ id: p.name, label: p.name }, read);
      lines.push(...this.consolidation.describeChange(change, 5));
    }
    this.lastChange = lines;
  }

  /** Renames the department (its 单位构成 and titles follow). */
  rename(name: string): void {
    this.departmentName = name;
    const c = this.consolidation;
    if (c) c.setDepartment({ ...c.departmentDocument, unit: { ...c.departmentDocument.unit, name } });
  }

  remove(id: string): void {
    const change = this.consolidation?.removeMember(id);
    this.files.delete(id);
    this.lastChange = change ? [`${id}：已移出汇总。`] : [];
  }

  /** A unit's whole document, read again from its file, to open in the editor. */
  async unitText(id: string): Promise<string | undefined> {
    return this.files.get(id)?.file.text();
  }

  contributions(table: string, row: string, col: string): readonly Contribution[] {
    return this.consolidation?.contributions({ table, row, col }) ?? [];
  }

  private start(first: GongkaiDocument): Consolidation {
    const formSet = formSetOfDocument(first);
    if (!formSet) throw new Error('不支持的报表格式');
    const dept = newDocument(
      first.formYear,
      { name: this.departmentName, year: first.unit.year, moneyUnit: first.unit.moneyUnit },
      first.profile,
    );
    return new Consolidation(formSet, dept);
  }
}
