import type { HostCommand } from '../../src-core/host';
import { listProfiles } from '../../src-core';
import type { RendererHost } from '../host/get-host';
import type { GridHandle } from '../grid/TableGrid';
import type { EditorStore } from './editor-store';
import { runExportCommand } from './export-commands';

/** The renderer side of every menu command; the same for the Electron menu and the in-page menu bar. */
export function createCommandHandler(store: EditorStore, host: RendererHost, grid: () => GridHandle | null) {
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

  return async function handle(command: HostCommand): Promise<void> {
    switch (command.type) {
      case 'new':
        if (await settleUnsaved()) {
          // With more than one form profile shipped, 新建 asks which one; the open document's is preselected.
          if (listProfiles().length > 1) {
            store.showDialog({ kind: 'newDocument' });
          } else {
            store.newDocument();
            await host.api.clearRecovery();
          }
        }
        return;
      case 'open':
      case 'openRecent': {
        if (!(await settleUnsaved())) return;
        const outcome =
          command.type === 'open'
            ? await host.api.openDocument()
            : await host.api.openRecent(command.filePath ?? '');
        if (outcome.status === 'cancelled') return;
        if (outcome.status === 'failed') {
          store.showDialog({ kind: 'message', title: '无法打开文件', text: outcome.message });
          return;
        }
        if (store.openText(outcome.text, { filePath: outcome.filePath, fileName: outcome.fileName }))
          await host.api.clearRecovery();
        return;
      }
      case 'save':
        await save(false);
        return;
      case 'saveAs':
        await save(true);
        return;
      case 'saveAndClose':
        if (await save(false)) await host.api.closeWindow();
        return;
      case 'undo':
        store.undo();
        return;
      case 'redo':
        store.redo();
        return;
      case 'copy':
        await grid()?.copy();
        return;
      case 'paste':
        await grid()?.paste(undefined, { byAccelerator: command.byAccelerator === true });
        return;
      case 'find':
        store.toggle('findOpen', true);
        return;
      case 'toggleSidebar':
        store.toggle('showSidebar');
        return;
      case 'toggleFindings':
        store.toggle('showFindings');
        return;
      case 'unitInfo':
        store.setPage({ kind: 'unit' });
        return;
      case 'formulaHelp':
        store.showDialog({ kind: 'formulaHelp' });
        return;
      case 'about':
        store.showDialog({ kind: 'about' });
        return;
      case 'exportAuditReport':
        store.commitPendingEdits();
        store.showDialog({ kind: 'auditReport' });
        return;
      case 'importExcel':
      case 'exportExcel':
      case 'exportPdf':
      case 'exportDocx':
      case 'print':
        await runExportCommand(command.type, store, host);
        return;
    }
  };
}

/** 保存 / 不保存 / 取消, as Excel and WPS ask (Esc is 取消). */
export const UNSAVED_CHOICES = [
  { id: 'save', label: '保存', primary: true },
  { id: 'discard', label: '不保存' },
  { id: 'cancel', label: '取消' },
] as const;
