import fs from 'node:fs';
import path from 'node:path';
import {
  allFormSets,
  Consolidation,
  formSetFor,
  readMemberXlsx,
  readDocumentFigures,
  XLSX_LIMITS,
  type FormSet,
  type GongkaiDocument,
  type MemberChange,
  type MemberRead,
} from '../../src-core';
import { documentTooBig, MAX_DOCUMENT_BYTES } from './document-file';
import { memberPaths, type MemberPath } from './member-paths';
import { fileErrorMessage } from './file-errors';
import { readLimitedFile, type LimitedRead } from './read-limited';

export { memberPaths, type MemberPath } from './member-paths';

function isXlsx(file: string): boolean {
  return path.extname(file).toLowerCase() === '.xlsx';
}

/**
 * Reads one member's figures: a `*.gongkai.json` validated as when opened (its unit, settings and tables; the text
 * is not summed, so not read), or a filled `.xlsx` imported as 导入Excel imports one (the profile recognised, the
 * 汇总's forms tried first; `formSet` null: a new 汇总 with no forms yet), what was read and skipped kept as notes for
 * the overview. Every failure is a Chinese message naming the file.
 */
export async function readMemberFile(file: string, formSet: FormSet | null): Promise<MemberRead> {
  const name = path.basename(file);
  if (isXlsx(file)) {
    const read = await readLimitedFile(
      file,
      XLSX_LIMITS.maxFileBytes,
      (mb) => `${name}：文件太大（${mb} MB，上限 ${XLSX_LIMITS.maxFileBytes / 1024 / 1024} MB），没有读取。`,
    );
    if (!read.ok) return read;
    return readMemberXlsx(new Uint8Array(read.data), name, formSet, allFormSets());
  }
  return readMemberJson(file);
}

/**
 * A `*.gongkai.json` member read synchronously: a unit file is small (tens of kB) and, read one after another, the
 * synchronous calls cost a quarter of the CPU of the promise-based ones (one open/stat/read/close each instead of four
 * round trips through the thread pool) — at a thousand units that was 0.3 s of the 汇总.
 */
export function readMemberJson(file: string): MemberRead {
  const name = path.basename(file);
  const read = readLimitedFileSync(file, MAX_DOCUMENT_BYTES, documentTooBig);
  if (!read.ok) return read;
  const doc = readDocumentFigures(read.data, name, formSetFor);
  return doc.ok ? { ok: true, document: doc.document } : { ok: false, message: `${name}：${doc.message}` };
}

/** readLimitedFile without promises: the size is taken from the open descriptor, every failure a Chinese message. */
function readLimitedFileSync(file: string, maxBytes: number, tooBig: (mb: string) => string): LimitedRead {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (e) {
    return { ok: false, message: fileErrorMessage(file, e) };
  }
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) return { ok: false, message: `“${file}”是文件夹，不是文件。` };
    if (stat.size > maxBytes) return { ok: false, message: tooBig((stat.size / 1024 / 1024).toFixed(1)) };
    return { ok: true, data: fs.readFileSync(fd) };
  } catch (e) {
    return { ok: false, message: fileErrorMessage(file, e) };
  } finally {
    fs.closeSync(fd);
  }
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
  // Members are read, checked and summed one at a time in list order (only one document is held at once); a unit
  // file is read synchronously, an xlsx through its import.
  for (const p of paths) {
    const member: MemberRead = !p.ok
      ? { ok: false, message: p.message }
      : isXlsx(p.file)
        ? await readMemberFile(p.file, formSet)
        : readMemberJson(p.file);
    const change = consolidation.setMember(p.source, member);
    options.onMember?.(change);
  }
  return { consolidation, paths };
}
