import type { HostInfo } from '../../src-core/host';
import type { CloseGuard } from './close-guard';
import type { DocumentHandlers } from './document-handlers';
import { exportFile, printHtml } from './export-handlers';
import type { Dialogs } from './file-dialogs';
import type { HtmlPrinter } from './html-printer';
import { importFile } from './import-handler';
import type { HostHandlers } from './ipc-router';
import type { MemberFileHandlers } from './member-files';
import type { RecentFiles } from './recent-files';
import type { RecoveryStore } from './recovery-store';
import { formatWindowTitle } from './window-title';

export interface HostHandlerDeps {
  readonly info: HostInfo;
  readonly dialogs: Dialogs;
  readonly documents: DocumentHandlers;
  readonly recent: RecentFiles;
  readonly recovery: RecoveryStore;
  readonly printer: Pick<HtmlPrinter, 'toPdf' | 'print'>;
  readonly closeGuard: CloseGuard;
  /** 单位汇总: member files picked, re-read and followed on disk. */
  readonly members: MemberFileHandlers;
  readonly window: {
    setTitle(title: string): void;
    /** macOS only: the dot in the close button. */
    setDocumentEdited?(edited: boolean): void;
  };
  readonly showError: (message: string) => void;
}

/** The main process's side of the HostApi: what each IPC channel does once sender and arguments are checked. */
export function createHostHandlers(deps: HostHandlerDeps): HostHandlers {
  const exportDeps = {
    dialogs: deps.dialogs,
    printer: deps.printer,
    defaultFolder: deps.documents.currentFolder,
    showError: deps.showError,
  };
  return {
    info: async () => deps.info,
    openDocument: () => deps.documents.openDocument(),
    openRecent: (filePath) => deps.documents.openRecent(filePath),
    recentFiles: () => deps.recent.list(),
    saveDocument: (request) => deps.documents.saveDocument(request),
    writeRecovery: (snapshot) => deps.recovery.write(snapshot),
    readRecovery: () => deps.recovery.read(),
    clearRecovery: () => deps.recovery.clear(),
    setWindowState: async (state) => {
      deps.window.setTitle(formatWindowTitle(state));
      deps.window.setDocumentEdited?.(state.dirty);
      deps.closeGuard.setDirty(state.dirty);
    },
    closeWindow: async () => deps.closeGuard.closeNow(),
    exportFile: (request) => exportFile(request, exportDeps),
    print: (html) => printHtml(html, exportDeps),
    importFile: (request) =>
      importFile(request, { dialogs: deps.dialogs, defaultFolder: deps.documents.currentFolder }),
    pickMemberFiles: () => deps.members.pickMemberFiles(),
    pickMemberFolder: () => deps.members.pickMemberFolder(),
    readMemberFiles: (request) => deps.members.readMemberFiles(request),
    watchMemberFiles: (ids) => deps.members.watchMemberFiles(ids),
  };
}
