import path from 'node:path';
import type { MemberFile, MemberFilesOutcome, MemberFilesRequest } from '../../src-core/host';
import { memberPaths, type MemberPath } from '../node/member-paths';
import type { MemberWatch } from '../node/member-watcher';
import { MAX_DOCUMENT_BYTES } from '../node/document-file';
import { DOCUMENT_FILTER, XLSX_FILTER, type Dialogs } from './file-dialogs';

/** 添加单位 offers both kinds of unit file at once: the app's own, and a filled template workbook. */
const MEMBER_FILTER = {
  name: '单位文件（决算公开表文件或填好的 Excel 表样）',
  extensions: ['gongkai.json', 'xlsx'],
};

const MEMBER_FILE = /\.(gongkai\.json|xlsx)$/i;

/** What the member-file handlers need: the dialog, the disk and the watcher, injected so they run in Node tests. */
export interface MemberFileDeps {
  readonly dialogs: Pick<Dialogs, 'showOpenDialog'>;
  /** A file's bytes, or a Chinese message (too big, missing, no permission). */
  readonly readFile: (
    file: string,
  ) => Promise<
    { readonly ok: true; readonly data: Uint8Array } | { readonly ok: false; readonly message: string }
  >;
  /** The text of a saved 汇总 file, to find its member list. */
  readonly readText: (file: string) => Promise<string>;
  readonly watch: (files: readonly string[], onChange: (file: string) => void) => MemberWatch;
  /** Tell the renderer a followed member changed. */
  readonly notify: (id: string) => void;
  readonly defaultFolder: () => string;
}

export interface MemberFileHandlers {
  pickMemberFiles(): Promise<MemberFilesOutcome>;
  readMemberFiles(request: MemberFilesRequest): Promise<MemberFilesOutcome>;
  watchMemberFiles(ids: readonly string[]): Promise<void>;
}

/**
 * The main process's side of 单位汇总: pick member files, read them again, follow them on disk. The renderer may
 * only have read what the user picked in a dialog or what a 汇总 file lists — never an arbitrary path it names.
 */
export function createMemberFileHandlers(deps: MemberFileDeps): MemberFileHandlers {
  /** Files the renderer may read again and follow. */
  const allowed = new Set<string>();
  let watch: MemberWatch | null = null;

  const readAll = async (paths: readonly MemberPath[]): Promise<MemberFile[]> => {
    const files: MemberFile[] = [];
    for (const p of paths) {
      if (!p.ok) {
        files.push({ id: p.source.id, label: p.source.label, message: p.message });
        continue;
      }
      // Only unit files are read, whatever a list names: a 汇总 file cannot be used to read anything else.
      if (!MEMBER_FILE.test(p.file)) {
        files.push({
          id: p.file,
          label: p.source.label,
          message: '不是单位文件（*.gongkai.json 或 *.xlsx），没有读取。',
        });
        continue;
      }
      allowed.add(p.file);
      const read = await deps.readFile(p.file);
      files.push(
        read.ok
          ? { id: p.file, label: p.source.label, data: read.data }
          : { id: p.file, label: p.source.label, message: read.message },
      );
    }
    return files;
  };

  return {
    async pickMemberFiles() {
      const picked = await deps.dialogs.showOpenDialog({
        title: '选择各单位的文件（可多选）',
        defaultPath: deps.defaultFolder(),
        filters: [MEMBER_FILTER, DOCUMENT_FILTER, XLSX_FILTER],
        properties: ['openFile', 'multiSelections', 'dontAddToRecent'],
      });
      if (picked.canceled || picked.filePaths.length === 0) return { status: 'cancelled' };
      const paths: MemberPath[] = picked.filePaths.map((f) => {
        const id = path.resolve(f);
        return { ok: true, source: { id, label: path.basename(f) }, file: id };
      });
      return { status: 'read', files: await readAll(paths) };
    },

    async readMemberFiles(request) {
      if ('ids' in request) {
        const refused = request.ids.filter((id) => !allowed.has(id));
        if (refused.length > 0)
          return {
            status: 'read',
            files: refused.map((id) => ({
              id,
              label: path.basename(id),
              message: '没有在本次打开的汇总中选择过这个文件，没有读取；请用“添加单位”选择它。',
            })),
          };
        return {
          status: 'read',
          files: await readAll(
            request.ids.map((id) => ({ ok: true, source: { id, label: path.basename(id) }, file: id })),
          ),
        };
      }
      // A saved 汇总 file: its own member list (read here, not taken from the renderer), resolved next to it.
      const file = path.resolve(request.departmentFile);
      let members: string[];
      try {
        const text = await deps.readText(file);
        if (text.length > MAX_DOCUMENT_BYTES) throw new Error('too big');
        const list = (JSON.parse(text) as { consolidation?: { members?: unknown } }).consolidation?.members;
        members = Array.isArray(list) ? list.filter((m): m is string => typeof m === 'string') : [];
      } catch {
        return { status: 'read', files: [] };
      }
      const paths = await memberPaths(members, path.dirname(file), [file]);
      return { status: 'read', files: await readAll(paths) };
    },

    async watchMemberFiles(ids) {
      watch?.close();
      watch = null;
      const files = ids.filter((id) => allowed.has(id));
      if (files.length > 0) watch = deps.watch(files, (f) => deps.notify(f));
    },
  };
}
