import path from 'node:path';
import {
  Consolidation,
  formSetFor,
  importXlsx,
  readDocumentFigures,
  XLSX_LIMITS,
  type FormSet,
  type GongkaiDocument,
  type MemberChange,
  type MemberRead,
} from '../../src-core';
import { documentTooBig, MAX_DOCUMENT_BYTES } from './document-file';
import { memberPaths, type MemberPath } from './member-paths';
import { readLimitedFile } from './read-limited';

export { memberPaths, type MemberPath } from './member-paths';

/** Member files read ahead of the one being summed. */
const READ_AHEAD = 8;

/**
 * Reads one member's figures: a `*.gongkai.json` validated as when opened (its unit, settings and tables; the text
 * is not summed, so not read), or a filled `.xlsx` imported with the 汇总's forms
 * (what the import could not read is kept as notes for the overview). Every failure is a Chinese message.
 */
export async function readMemberFile(file: string, formSet: FormSet): Promise<MemberRead> {
  const name = path.basename(file);
  if (path.extname(file).toLowerCase() === '.xlsx') {
    const read = await readLimitedFile(
      file,
      XLSX_LIMITS.maxFileBytes,
      (mb) => `文件太大（${mb} MB，上限 ${XLSX_LIMITS.maxFileBytes / 1024 / 1024} MB），没有读取。`,
    );
    if (!read.ok) return read;
    const result = await importXlsx(formSet, new Uint8Array(read.data));
    if (!result.ok) return { ok: false, message: `${name}：${result.message}` };
    const notes = result.report.flatMap((r) =>
      r.sheet === null
        ? [`${r.code}：${r.skipped[0] ?? '未找到'}`]
        : r.skipped.map((s) => `${r.code}（工作表“${r.sheet}”）${s}`),
    );
    return { ok: true, document: result.document, notes };
  }
  const read = await readLimitedFile(file, MAX_DOCUMENT_BYTES, documentTooBig);
  if (!read.ok) return read;
  const doc = readDocumentFigures(read.data, name, formSetFor);
  return doc.ok ? { ok: true, document: doc.document } : { ok: false, message: `${name}：${doc.message}` };
}

/** Resolves a member list entry relative to the department file and writes it back the same way (posix slashes). */
export function relativeMemberPath(departmentFile: string, member: string): string {
  const rel = path.relative(path.dirname(path.resolve(departmentFile)), path.resolve(member));
  return rel.split(path.sep).join('/') || '.';
}

/**
 * Builds a 汇总 from the department document and its member list, reading the members one at a time (only their
 * figures are kept, so memory stays flat in the number of units). `onMember` sees each member's change with its
 * own findings, which are not kept.
 */
export async function consolidateFiles(options: {
  readonly formSet: FormSet;
  readonly department: GongkaiDocument;
  readonly departmentFile: string;
  readonly onMember?: (change: MemberChange) => void;
  /** Other outputs of the 汇总 (its Excel) that may sit in a member folder and are not units. */
  readonly outputs?: readonly string[];
}): Promise<{ consolidation: Consolidation; paths: MemberPath[] }> {
  const { formSet, department, departmentFile } = options;
  const consolidation = new Consolidation(formSet, department);
  const baseDir = path.dirname(path.resolve(departmentFile));
  const paths = await memberPaths(department.consolidation?.members ?? [], baseDir, [
    departmentFile,
    ...(options.outputs ?? []),
  ]);
  // A few files are read ahead while the one before is checked and summed (the disk and the CPU overlap); members
  // are still set one at a time in list order, and only READ_AHEAD documents are held at once.
  const read = (p: MemberPath): Promise<MemberRead> =>
    p.ok ? readMemberFile(p.file, formSet) : Promise.resolve({ ok: false, message: p.message });
  const pending = paths.slice(0, READ_AHEAD).map(read);
  for (let i = 0; i < paths.length; i++) {
    const member = await (pending[i] as Promise<MemberRead>);
    pending[i] = undefined as unknown as Promise<MemberRead>;
    const next = paths[i + READ_AHEAD];
    if (next) pending.push(read(next));
    const change = consolidation.setMember((paths[i] as MemberPath).source, member);
    options.onMember?.(change);
  }
  return { consolidation, paths };
}
