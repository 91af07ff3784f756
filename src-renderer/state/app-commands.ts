import type { HostCommand } from '../../src-core/host';
import { formSetFor, listProfiles, readDocument } from '../../src-core';
import type { RendererHost } from '../host/get-host';
import type { EditorStore } from './editor-store';

/** What 文件 › 新建/打开/保存 do in the renderer, for either host; the action registry calls them. */
export interface FileCommands {
  save(saveAs: boolean): Promise<boolean>;
  /** The window is closing and the user chose to save first. */
  saveAndClose(): Promise<void>;
  newDocument(): Promise<void>;
  /** 打开 (the host's dialog) or 最近打开 (command.filePath). */
  open(command: HostCommand): Promise<void>;
}

export function createFileCommands(store: EditorStore, host: RendererHost): FileCommands {
  const save = async (saveAs: boolean): Promise<boolean> => {
    // What is written is the document as of now (with the text of an open editor); edits typed while the save runs
    // must stay marked unsaved.
    store.commitPendingEdits();
    const session = store.session;
    const revision = session.revision;
    const outcome = await host.api.saveDocument({
      text: store.text(),
      filePath: store.file.filePath,
      saveAs,
      suggestedName: store.suggestedName(),
    });
    if (outcome.status === 'cancelled') return false;
    if (outcome.status === 'failed') {
      store.showDialog({ kind: 'message', title: '保存失败', text: outcome.message });
      return false;
    }
    if (outcome.status === 'reload') {
      // The file changed on disk and the user chose its version over the unsaved edits.
      store.openText(outcome.text, { filePath: outcome.filePath, fileName: outcome.fileName });
      return false;
    }
    if (store.session !== session) return false;
    store.file = { filePath: outcome.filePath, fileName: outcome.fileName };
    session.markSaved(revision);
    if (!session.dirty) await host.api.clearRecovery();
    store.notify('info', `已保存 ${outcome.fileName}`);
    return true;
  };

  /**
   * Before 新建 / 打开 replace the document: unsaved work is 保存 (and only if that save succeeds, go on), 不保存, or
   * 取消 (nothing happens). True when the caller may go on.
   */
  const settleUnsaved = async (): Promise<boolean> => {
    store.commitPendingEdits();
    if (!store.session.dirty) return true;
    const choice = await store.ask(
      '保存修改',
      `“${store.file.fileName}”有未保存的修改，是否先保存？\n不保存，所做的修改将会丢失。`,
      UNSAVED_CHOICES,
    );
    if (choice === 'save') return save(false);
    return choice === 'discard';
  };

  return {
    save,
    async saveAndClose() {
      if (await save(false)) await host.api.closeWindow();
    },
    async newDocument() {
      if (!(await settleUnsaved())) return;
      // With more than one form profile shipped, 新建 asks which one; the open document's is preselected.
      if (listProfiles().length > 1) {
        store.showDialog({ kind: 'newDocument' });
      } else {
        store.newDocument();
        await host.api.clearRecovery();
      }
    },
    async open(command) {
      if (!(await settleUnsaved())) return;
      const outcome =
        command.type === 'openRecent'
          ? await host.api.openRecent(command.filePath ?? '')
          : await host.api.openDocument();
      if (outcome.status === 'cancelled') return;
      if (outcome.status === 'failed') {
        store.showDialog({ kind: 'message', title: '无法打开文件', text: outcome.message });
        return;
      }
      // A 汇总 file (it lists member units) opens as a 汇总, in the 单位汇总 panel, not as an empty unit document.
      if (isDepartmentFile(outcome.text)) {
        store.openDepartmentFile(outcome);
        return;
      }
      if (store.openText(outcome.text, { filePath: outcome.filePath, fileName: outcome.fileName }))
        await host.api.clearRecovery();
    },
  };
}

/** 保存 / 不保存 / 取消, as Excel and WPS ask (Esc is 取消). */
export const UNSAVED_CHOICES = [
  { id: 'save', label: '保存', primary: true },
  { id: 'discard', label: '不保存' },
  { id: 'cancel', label: '取消' },
] as const;

/** A document that lists member units is a 汇总 file. */
function isDepartmentFile(text: string): boolean {
  const read = readDocument(text, formSetFor, { figuresOnly: true });
  return read.ok && read.document.consolidation !== undefined;
}
