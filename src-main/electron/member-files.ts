import path from 'node:path';
import fs from 'node:fs/promises';
import type { MemberFile, MemberFilesOutcome, MemberFilesRequest, MemberFolder } from '../../src-core/host';
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
  readonly watch: (
    files: readonly string[],
    folders: readonly string[],
    onChange: (file: string) => void,
  ) => MemberWatch;
  /** Tell the renderer a followed member changed. */
  readonly notify: (id: string) => void;
  readonly defaultFolder: () => string;
}

export interface MemberFileHandlers {
  pickMemberFiles(): Promise<MemberFilesOutcome>;
  pickMemberFolder(): Promise<MemberFilesOutcome>;
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
  /** Folders the user picked or a 汇总 file lists: every unit file in them may be read and is followed. */
  const folders = new Set<string>();
  const inFolder = (file: string) => folders.has(path.dirname(file));
  const folderOf = (folder: string, label: string): MemberFolder => ({ id: folder, label });
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
      if (!read.ok && inFolder(p.file) && !(await exists(p.file))) {
        // Gone from a followed folder: it left the 汇总 (moved or deleted there), not a unit that failed to read.
        files.push({ id: p.file, label: p.source.label, removed: true, message: '已不在文件夹中。' });
        continue;
      }
      files.push(
        read.ok
          ? { id: p.file, label: p.source.label, data: read.data }
          : { id: p.file, label: p.source.label, message: read.message },
      );
    }
    return files;
  };

  /** A file in a followed folder is shown as “folder/name”, as memberPaths labels it. */
  const labelOf = (id: string) =>
    inFolder(id) ? `${path.basename(path.dirname(id))}/${path.basename(id)}` : path.basename(id);

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

    async pickMemberFolder() {
      const picked = await deps.dialogs.showOpenDialog({
        title: '选择存放各单位文件的文件夹',
        defaultPath: deps.defaultFolder(),
        filters: [],
        properties: ['openDirectory', 'dontAddToRecent'],
      });
      const [chosen] = picked.filePaths;
      if (picked.canceled || chosen === undefined) return { status: 'cancelled' };
      const folder = path.resolve(chosen);
      folders.add(folder);
      const paths = await memberPaths([path.basename(folder)], path.dirname(folder));
      return {
        status: 'read',
        files: await readAll(paths),
        folders: [folderOf(folder, path.basename(folder))],
      };
    },

    async readMemberFiles(request) {
      if ('ids' in request) {
        const refused = request.ids.filter((id) => !allowed.has(id) && !folders.has(id));
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
            (
              await Promise.all(
                request.ids.map(async (id): Promise<MemberPath[]> =>
                  // A followed folder: the unit files in it now (a file put there since joins).
                  folders.has(id)
                    ? memberPaths([path.basename(id)], path.dirname(id))
                    : [{ ok: true, source: { id, label: labelOf(id) }, file: id }],
                ),
              )
            ).flat(),
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
      const base = path.dirname(file);
      const listedFolders: MemberFolder[] = [];
      for (const m of members) {
        const full = path.resolve(base, m);
        if (MEMBER_FILE.test(full) || !(await isFolder(full))) continue;
        folders.add(full);
        listedFolders.push(folderOf(full, m));
      }
      const paths = await memberPaths(members, base, [file]);
      return { status: 'read', files: await readAll(paths), folders: listedFolders };
    },

    async watchMemberFiles(ids) {
      watch?.close();
      watch = null;
      const files = ids.filter((id) => allowed.has(id));
      const followed = ids.filter((id) => folders.has(id));
      if (files.length > 0 || followed.length > 0)
        watch = deps.watch(files, followed, (f) => {
          // A file that appeared in a followed folder may now be read (it is a member from now on).
          if (inFolder(path.resolve(f))) allowed.add(path.resolve(f));
          deps.notify(f);
        });
    },
  };
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

async function isFolder(file: string): Promise<boolean> {
  return fs.stat(file).then(
    (st) => st.isDirectory(),
    () => false,
  );
}
