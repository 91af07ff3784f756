import {
  allFormSets,
  Consolidation,
  formSetOfDocument,
  newDocument,
  readDocumentFigures,
  formSetFor,
  writeDocument,
  type Contribution,
  type GongkaiDocument,
  type MemberEntry,
  type MemberRead,
} from '../../src-core';
import type { MemberFile, MemberFolder } from '../../src-core/host';
import { memberPathFor } from './member-path';

/**
 * The renderer's 汇总: member files (picked, or listed by a saved 汇总 file), consolidated with the core's
 * Consolidation (which keeps only their figures); each file's bytes are kept so a unit can be opened from the
 * overview or the drill-down, and so a member that changes on disk is re-read and replaced.
 */
export class ConsolidationState {
  consolidation: Consolidation | null = null;
  readonly files = new Map<string, MemberFile>();
  /** Members read from an xlsx: the imported document, to open the unit in the editor. */
  private readonly imported = new Map<string, GongkaiDocument>();
  private queue: Promise<void> = Promise.resolve();
  /** Member folders the host follows (Electron): saved in the 汇总 file as folders, so new files in them join. */
  readonly folders = new Map<string, MemberFolder>();
  /** What the last change did, in Chinese lines. */
  lastChange: string[] = [];
  departmentName = '';
  /** Where the 汇总 file was opened from or saved to (Electron), to save it there again. */
  savedPath: string | null = null;
  savedName: string | null = null;

  /**
   * Adds members, or replaces the ones with the same id (a file re-read after it changed, or a unit sent again):
   * says what changed. `heading` introduces the lines (why they were read). A `.xlsx` is imported as 导入Excel
   * imports one (its profile recognised, what was read kept as the unit's notes); one that cannot be imported is
   * listed with the reason, never left out.
   */
  addFiles(picked: readonly MemberFile[], heading?: string): Promise<void> {
    // One batch at a time, in the order they came: a change on disk while a pick is being read waits for it.
    const run = this.queue.then(() => this.take(picked, heading));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async take(picked: readonly MemberFile[], heading?: string): Promise<void> {
    const lines: string[] = heading ? [heading] : [];
    for (const p of picked) {
      if (p.removed) {
        // Gone from a followed folder: the unit leaves the 汇总, and what it took away is said.
        const change = this.consolidation?.removeMember(p.id);
        this.files.delete(p.id);
        this.imported.delete(p.id);
        if (change && this.consolidation) {
          lines.push(`${p.label}：已不在文件夹中，移出汇总。`);
          if (change.cells.length > 0) lines.push(...this.consolidation.describeChange(change, 5));
        }
        continue;
      }
      const read = await this.read(p);
      if (!this.consolidation) {
        if (!read.ok) {
          lines.push(`${p.label}：无法读取——${read.message}`);
          continue;
        }
        this.consolidation = this.start(read.document);
      }
      this.files.set(p.id, p);
      if (read.ok && isXlsx(p)) this.imported.set(p.id, read.document);
      else this.imported.delete(p.id);
      const change = this.consolidation.setMember({ id: p.id, label: p.label }, read);
      lines.push(...this.consolidation.describeChange(change, 5));
    }
    this.lastChange = lines;
  }

  private async read(p: MemberFile): Promise<MemberRead> {
    if (!p.data) return { ok: false, message: p.message ?? '无法读取。' };
    if (!isXlsx(p)) return readDocumentFigures(p.data, p.label, formSetFor);
    // The xlsx reader loads on first use, as for 导入Excel: the editor starts without it.
    const { readMemberXlsx } = await import('../../src-core/export/member-xlsx');
    return readMemberXlsx(p.data, baseName(p.label), this.consolidation?.formSet ?? null, allFormSets());
  }

  /**
   * Starts from a saved 汇总 file: its 本级 figures, unit and text, and its members as the host read them (a member
   * the host could not read, or cannot read in a browser, is listed with the reason until it is picked again).
   */
  async openDepartment(
    doc: GongkaiDocument,
    files: readonly MemberFile[],
    unread: string | null,
    folders?: readonly MemberFolder[],
  ): Promise<void> {
    const formSet = formSetOfDocument(doc);
    if (!formSet) throw new Error('不支持的报表格式');
    this.consolidation = new Consolidation(formSet, doc);
    this.files.clear();
    this.imported.clear();
    this.folders.clear();
    this.addFolders(folders);
    this.departmentName = doc.unit.name;
    const listed = doc.consolidation?.members ?? [];
    if (unread !== null) {
      for (const m of listed)
        this.consolidation.setMember({ id: baseName(m), label: m }, { ok: false, message: unread });
      this.lastChange = [`已打开汇总文件，列有 ${listed.length} 个单位。${unread}`];
      return;
    }
    await this.addFiles(files, `已打开汇总文件，读取了 ${files.length} 个单位文件：`);
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
    this.imported.delete(id);
    this.lastChange = change ? [`${change.entry.source.label}：已移出汇总。`] : [];
  }

  /** Ids of the members read from files. */
  memberIds(): string[] {
    return (this.consolidation?.members() ?? []).filter((m) => !isOwn(m)).map((m) => m.source.id);
  }

  /**
   * What the host follows and re-reads: the member folders, and the members picked one by one (a folder's files
   * are covered by their folder, and re-reading it brings in the files put there since).
   */
  followedIds(): string[] {
    return [...this.folders.keys(), ...this.memberIds().filter((id) => !this.inFolder(id))];
  }

  /** Folders picked (or listed by an opened 汇总 file): followed from now on. */
  addFolders(folders: readonly MemberFolder[] | undefined): void {
    for (const f of folders ?? []) this.folders.set(f.id, f);
  }

  /**
   * After re-reading the followed ids: a member of a folder that the host no longer lists there left it (moved
   * away while nothing was followed): it leaves the 汇总 too.
   */
  async syncFolders(read: readonly MemberFile[], heading: string): Promise<void> {
    const seen = new Set(read.map((f) => f.id));
    const gone = this.memberIds()
      .filter((id) => this.inFolder(id) && !seen.has(id))
      .map((id) => ({
        id,
        label: this.consolidation?.members().find((m) => m.source.id === id)?.source.label ?? id,
        removed: true,
      }));
    await this.addFiles([...read, ...gone], heading);
  }

  private inFolder(id: string): boolean {
    const dir = id.replace(/[\\/][^\\/]*$/, '');
    return this.folders.has(dir);
  }

  /**
   * The 汇总 file to save at `at`: the department's unit, text and 本级 figures, and its member list (paths relative to
   * the 汇总 file in the desktop app, file names in a browser). The consolidated figures are not saved: reopening re-reads the members.
   */
  departmentFile(at: string | null = this.savedPath): GongkaiDocument | null {
    const c = this.consolidation;
    if (!c) return null;
    // Stored relative to the 汇总 file, so the department's folder can be moved or copied to another PC.
    const members = [
      ...[...this.folders.keys()].map((f) => memberPathFor(at, f)),
      ...c
        .members()
        .filter((m) => !isOwn(m) && !this.inFolder(m.source.id))
        .map((m) => memberPathFor(at, m.source.id)),
    ];
    return { ...c.departmentDocument, consolidation: { members } };
  }

  /** A unit's whole document, as read from its file, to open in the editor. */
  unitText(id: string): string | undefined {
    const doc = this.imported.get(id);
    if (doc) return writeDocument(doc);
    const data = this.files.get(id)?.data;
    return data ? new TextDecoder().decode(data) : undefined;
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

/** The 本级 line of the overview is the department's own figures, not a file. */
function isOwn(m: MemberEntry): boolean {
  return m.status === 'included' && m.own;
}

function isXlsx(p: MemberFile): boolean {
  return /\.xlsx$/i.test(p.id) || /\.xlsx$/i.test(p.label);
}

function baseName(p: string): string {
  return p.split(/[\\/]/).pop() ?? p;
}
