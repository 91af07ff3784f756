import fs from 'node:fs/promises';
import path from 'node:path';
import type { OpenOutcome, SaveOutcome, SaveRequest } from '../../src-core/host';
import { decodeDocumentBytes, formSetFor, readDocument } from '../../src-core';
import { sweepStaleTemps, writeFileAtomic } from '../node/atomic-file';
import { documentTooBig, MAX_DOCUMENT_BYTES } from '../node/document-file';
import { fileErrorMessage } from '../node/file-errors';
import { changedSince, hashBytes, type FileFingerprint } from '../node/file-fingerprint';
import {
  ALL_FILES_FILTER,
  DOCUMENT_EXTENSION,
  DOCUMENT_FILTER,
  ensureExtension,
  safeFileName,
  type Dialogs,
} from './file-dialogs';
import { samePath } from './path-compare';
import { readLimitedFile } from '../node/read-limited';
import type { RecentFiles } from './recent-files';

export interface DocumentHandlerDeps {
  readonly dialogs: Dialogs;
  readonly recent: RecentFiles;
  /** Where dialogs start before any document was opened or saved (the user's 文档 folder). */
  readonly documentsDir: string;
  /** The recent list changed: rebuild the 最近打开 menu. */
  readonly onRecentChanged: () => void;
  /**
   * The file about to be saved over changed on disk since this session opened or saved it: ask the user what to do
   * (覆盖 / 另存为 / 重新载入 / 取消) rather than let the last writer silently win.
   */
  readonly askFileChanged: (filePath: string) => Promise<FileChangedChoice>;
}

export type FileChangedChoice = 'overwrite' | 'saveAs' | 'reload' | 'cancel';

/** The question askFileChanged puts (main.ts shows it in a message box; the buttons in FileChangedChoice order). */
export const FILE_CHANGED_PROMPT = {
  type: 'warning',
  title: '文件已被修改',
  buttons: ['覆盖', '另存为…', '重新载入', '取消'],
  choices: ['overwrite', 'saveAs', 'reload', 'cancel'],
  defaultId: 3,
  cancelId: 3,
  message: (filePath: string) =>
    `“${path.basename(filePath)}”在打开之后已被其他程序或其他人修改（${filePath}）。`,
  detail:
    '覆盖：用当前内容替换磁盘上的版本（磁盘上的版本保留为 .bak）；另存为：保存到另一个文件；重新载入：放弃当前未保存的修改，打开磁盘上的版本；取消：不保存。',
} as const;

export interface DocumentHandlers {
  openDocument(): Promise<OpenOutcome>;
  openRecent(filePath: string): Promise<OpenOutcome>;
  saveDocument(request: SaveRequest): Promise<SaveOutcome>;
  /** The folder of the document last opened or saved, for the export dialogs. */
  currentFolder(): string;
}

const UNTITLED = '决算公开表';

/**
 * 打开 / 最近打开 / 保存 / 另存为. The renderer only ever names files the main process gave it: a path is written to
 * without a dialog only if this session opened or saved it, or it is on the recent list (which only the main process
 * writes). Any other path — say, from a recovery snapshot — gets the save dialog instead, so a compromised page
 * cannot make the app overwrite arbitrary files.
 */
export function createDocumentHandlers(deps: DocumentHandlerDeps): DocumentHandlers {
  const granted: string[] = [];
  let folder = deps.documentsDir;
  /** What each file was when this session last read or wrote it (to notice another writer). */
  const known = new Map<string, FileFingerprint>();
  const record = async (
    filePath: string,
    bytes: Uint8Array | string,
    stat?: { mtimeMs: number; size: number },
  ) => {
    try {
      const s = stat ?? (await fs.stat(filePath));
      known.set(path.resolve(filePath), { mtimeMs: s.mtimeMs, size: s.size, hash: hashBytes(bytes) });
    } catch {
      known.delete(path.resolve(filePath));
    }
  };

  const remember = async (filePath: string, addToRecent: boolean): Promise<void> => {
    if (!granted.some((p) => samePath(p, filePath))) granted.push(filePath);
    folder = path.dirname(filePath);
    if (!addToRecent) return;
    try {
      await deps.recent.add(filePath);
    } catch {
      // The recent list is a convenience; failing to update it must not fail the open or the save.
    }
    deps.onRecentChanged();
  };

  const openAt = async (filePath: string): Promise<OpenOutcome> => {
    // Time and size before the read: a write landing in between then shows as a change at the next save.
    const before = await fs.stat(filePath).catch(() => undefined);
    const read = await readLimitedFile(filePath, MAX_DOCUMENT_BYTES, documentTooBig);
    if (!read.ok) return { status: 'failed', message: read.message };
    if (before) await record(filePath, read.data, before);
    // What a killed save left beside the file goes now rather than piling up (never throws).
    await sweepStaleTemps(path.dirname(filePath));
    const decoded = decodeDocumentBytes(read.data, path.basename(filePath));
    if (!decoded.ok) return { status: 'failed', message: decoded.message };
    const text = decoded.text;
    // The renderer validates and explains; here validity only decides whether the file earns a place on the list.
    await remember(filePath, readDocument(text, formSetFor).ok);
    return { status: 'opened', filePath, fileName: path.basename(filePath), text };
  };

  const mayWriteWithoutAsking = async (filePath: string): Promise<boolean> =>
    granted.some((p) => samePath(p, filePath)) || (await deps.recent.has(filePath).catch(() => false));

  return {
    async openDocument() {
      const choice = await deps.dialogs.showOpenDialog({
        title: '打开决算公开表文件',
        defaultPath: folder,
        filters: [DOCUMENT_FILTER, ALL_FILES_FILTER],
        properties: ['openFile'],
      });
      const filePath = choice.filePaths[0];
      if (choice.canceled || filePath === undefined) return { status: 'cancelled' };
      return openAt(filePath);
    },

    async openRecent(filePath) {
      if (!(await deps.recent.has(filePath).catch(() => false))) {
        return { status: 'failed', message: `“${filePath}”不在最近打开的文件列表中。` };
      }
      const outcome = await openAt(filePath);
      // A file that has gone is dropped from the menu the next time it is built.
      if (outcome.status === 'failed') deps.onRecentChanged();
      return outcome;
    },

    async saveDocument(request) {
      let target: string | null =
        !request.saveAs && request.filePath !== null && (await mayWriteWithoutAsking(request.filePath))
          ? request.filePath
          : null;
      // Saving in place over a file someone else changed since we read or wrote it: ask, never silently win.
      const inPlace = target;
      const seen = inPlace === null ? undefined : known.get(path.resolve(inPlace));
      if (inPlace !== null && seen && (await changedSince(inPlace, seen))) {
        const choice = await deps.askFileChanged(inPlace);
        if (choice === 'cancel') return { status: 'cancelled' };
        if (choice === 'saveAs') target = null;
        if (choice === 'reload') {
          const reopened = await openAt(inPlace);
          if (reopened.status !== 'opened') return reopened;
          return { status: 'reload', filePath: inPlace, fileName: reopened.fileName, text: reopened.text };
        }
      }
      if (target === null) {
        const fallbackName = request.filePath === null ? UNTITLED : path.basename(request.filePath);
        const name = ensureExtension(safeFileName(request.suggestedName, fallbackName), DOCUMENT_EXTENSION);
        const choice = await deps.dialogs.showSaveDialog({
          title: request.saveAs ? '另存为' : '保存决算公开表文件',
          defaultPath: path.join(request.filePath === null ? folder : path.dirname(request.filePath), name),
          filters: [DOCUMENT_FILTER],
          properties: ['showOverwriteConfirmation', 'createDirectory'],
        });
        if (choice.canceled || !choice.filePath) return { status: 'cancelled' };
        target = ensureExtension(choice.filePath, DOCUMENT_EXTENSION);
      }
      try {
        await writeFileAtomic(target, request.text);
      } catch (e) {
        return { status: 'failed', message: `保存失败：${fileErrorMessage(target, e)}` };
      }
      await record(target, request.text);
      await remember(target, true);
      return { status: 'saved', filePath: target, fileName: path.basename(target) };
    },

    currentFolder: () => folder,
  };
}
