/**
 * The one contract between the renderer and whatever hosts it: the Electron main process (through the preload
 * bridge) or a browser tab (browser-host). Types and channel names only — no code that runs.
 * Documents cross this boundary as text; the renderer validates them with readDocument, so a damaged file gives the
 * same Chinese message in either host.
 */

/** Commands the host's menu (or shortcut) asks the renderer to carry out. */
export type CommandType =
  | 'new'
  | 'open'
  | 'openRecent'
  | 'save'
  | 'saveAs'
  | 'importExcel'
  | 'exportExcel'
  | 'exportPdf'
  | 'exportDocx'
  /** 导出审核报告 (PDF or xlsx): the findings with the unit's 说明. */
  | 'exportAuditReport'
  | 'print'
  /** 打印预览: the pages as they will print, with the 页面设置 beside them. */
  | 'printPreview'
  | 'undo'
  | 'redo'
  | 'copy'
  | 'paste'
  | 'find'
  | 'toggleSidebar'
  | 'toggleFindings'
  | 'unitInfo'
  | 'formulaHelp'
  /** 转换表样…: the open document on another profile's forms. */
  | 'convertProfile'
  | 'about'
  /** The window is closing and the document has unsaved changes the user chose to save. */
  | 'saveAndClose';

export interface HostCommand {
  readonly type: CommandType;
  /** For openRecent. */
  readonly filePath?: string;
  /** Edit commands: raised by the menu item's keyboard shortcut (the page may have acted on the key itself). */
  readonly byAccelerator?: boolean;
}

export interface RecentFile {
  readonly filePath: string;
  readonly fileName: string;
  /** ISO time of the last open or save. */
  readonly at: string;
}

export type OpenOutcome =
  | { readonly status: 'cancelled' }
  | { readonly status: 'failed'; readonly message: string }
  | {
      readonly status: 'opened';
      readonly filePath: string | null;
      readonly fileName: string;
      readonly text: string;
    };

export interface SaveRequest {
  /** The document as writeDocument gives it. */
  readonly text: string;
  /** Where it was opened from or last saved to; null if never saved. */
  readonly filePath: string | null;
  /** 另存为: always ask for a place. */
  readonly saveAs: boolean;
  readonly suggestedName: string;
}

export type SaveOutcome =
  | { readonly status: 'cancelled' }
  /**
   * The file changed on disk since it was opened or saved, and the user chose 重新载入: its text as it is now replaces
   * the open document (the unsaved edits are given up by that choice).
   */
  | { readonly status: 'reload'; readonly filePath: string; readonly fileName: string; readonly text: string }
  | { readonly status: 'failed'; readonly message: string }
  | { readonly status: 'saved'; readonly filePath: string | null; readonly fileName: string };

/** What autosave keeps so that a crash loses at most 30 seconds. */
export interface RecoverySnapshot {
  readonly text: string;
  readonly filePath: string | null;
  readonly fileName: string;
  /** ISO time of the snapshot. */
  readonly at: string;
}

/**
 * What became of one autosave: written, or why not, in Chinese naming the file (the renderer shows it and tries again
 * on its next round).
 */
export type AutosaveOutcome = { readonly ok: true } | { readonly ok: false; readonly message: string };

/** 导出: the bytes of an xlsx or docx the renderer built, or the print HTML the host turns into a PDF. */
export type ExportRequest =
  | { readonly kind: 'xlsx' | 'docx'; readonly suggestedName: string; readonly data: Uint8Array }
  | { readonly kind: 'pdf'; readonly suggestedName: string; readonly html: string };

export type ImportOutcome =
  | { readonly status: 'cancelled' }
  | { readonly status: 'failed'; readonly message: string }
  | { readonly status: 'read'; readonly fileName: string; readonly data: Uint8Array };

export interface HostInfo {
  readonly kind: 'electron' | 'browser';
  readonly platform: string;
  readonly appVersion: string;
}

/** One member file of a 汇总 as the host read it: its bytes, or why it could not be read (listed, never dropped). */
export interface MemberFile {
  /** Stable identity: the full path (Electron) or the file name (browser). */
  readonly id: string;
  /** As shown: the path as the 汇总 file lists it, or the file name. */
  readonly label: string;
  readonly data?: Uint8Array;
  readonly message?: string;
  /** The file is gone from a followed member folder: it left the 汇总 (not a unit that failed to read). */
  readonly removed?: boolean;
}

/** A member folder the host follows: every unit file directly in it is a member, new ones join on re-汇总. */
export interface MemberFolder {
  /** The full path (Electron). */
  readonly id: string;
  readonly label: string;
}

export type MemberFilesOutcome =
  | { readonly status: 'cancelled' }
  | {
      readonly status: 'read';
      readonly files: readonly MemberFile[];
      /** Folders picked, or listed by a 汇总 file: the host follows them (their files are among `files`). */
      readonly folders?: readonly MemberFolder[];
    }
  /** The host cannot read files by path (a browser tab): the user picks them again. */
  | { readonly status: 'unsupported'; readonly message: string };

/**
 * Re-reading members: the ones picked before (by id; a folder's id gives every unit file now in it), or every member
 * a saved 汇总 file lists.
 */
export type MemberFilesRequest = { readonly ids: readonly string[] } | { readonly departmentFile: string };

/** Everything the renderer may ask of its host. Every method returns a Promise; failures come back as data. */
export interface HostApi {
  info(): Promise<HostInfo>;
  /** 文件 › 打开: the host's open dialog. */
  openDocument(): Promise<OpenOutcome>;
  /** 文件 › 最近打开. */
  openRecent(filePath: string): Promise<OpenOutcome>;
  recentFiles(): Promise<readonly RecentFile[]>;
  /** 保存 / 另存为: atomic write, previous version kept as .bak. */
  saveDocument(request: SaveRequest): Promise<SaveOutcome>;
  /** Autosave to the recovery file; a failure (full disk, read-only or removed folder) comes back as data. */
  writeRecovery(snapshot: RecoverySnapshot): Promise<AutosaveOutcome>;
  /** A recovery file left by a session that did not close normally. */
  readRecovery(): Promise<RecoverySnapshot | null>;
  clearRecovery(): Promise<void>;
  /** Title (file name) and the unsaved mark; the host also uses `dirty` to ask before closing. */
  setWindowState(state: { readonly title: string; readonly dirty: boolean }): Promise<void>;
  /** Close the window now (after the renderer saved on request). */
  closeWindow(): Promise<void>;
  /** 导出Excel / 导出PDF: ask where, then write. */
  exportFile(request: ExportRequest): Promise<SaveOutcome>;
  /** 打印: the print HTML, through the host's print dialog. */
  print(html: string): Promise<void>;
  /** 导入Excel, 导入科目目录, 上年文件 (for last year's figures): pick a file and read its bytes. */
  importFile(request: { readonly purpose: 'excel' | 'catalog' | 'lastYear' }): Promise<ImportOutcome>;
  /** 单位汇总 › 添加单位: pick member files (several at once) and read them. */
  pickMemberFiles(): Promise<MemberFilesOutcome>;
  /** 单位汇总 › 添加单位文件夹: pick a folder; its unit files are read, and the host follows it (Electron). */
  pickMemberFolder(): Promise<MemberFilesOutcome>;
  /** Read members again: picked ones by id, or those a 汇总 file lists (resolved next to it, folders expanded). */
  readMemberFiles(request: MemberFilesRequest): Promise<MemberFilesOutcome>;
  /** Follow these member files and folders on disk (replaces the set followed before; empty stops). */
  watchMemberFiles(ids: readonly string[]): Promise<void>;
  /** A followed member file changed on disk; returns the unsubscribe function. */
  onMemberChanged(listener: (id: string) => void): () => void;
  /** Subscribe to menu commands; returns the unsubscribe function. */
  onCommand(listener: (command: HostCommand) => void): () => void;
}

/** IPC channel names, one per HostApi method (and the command event). */
export const HOST_CHANNELS = {
  info: 'gongkai:info',
  openDocument: 'gongkai:open-document',
  openRecent: 'gongkai:open-recent',
  recentFiles: 'gongkai:recent-files',
  saveDocument: 'gongkai:save-document',
  writeRecovery: 'gongkai:write-recovery',
  readRecovery: 'gongkai:read-recovery',
  clearRecovery: 'gongkai:clear-recovery',
  setWindowState: 'gongkai:set-window-state',
  closeWindow: 'gongkai:close-window',
  exportFile: 'gongkai:export-file',
  print: 'gongkai:print',
  importFile: 'gongkai:import-file',
  pickMemberFiles: 'gongkai:pick-member-files',
  pickMemberFolder: 'gongkai:pick-member-folder',
  readMemberFiles: 'gongkai:read-member-files',
  watchMemberFiles: 'gongkai:watch-member-files',
  command: 'gongkai:command',
  memberChanged: 'gongkai:member-changed',
} as const satisfies Record<
  Exclude<keyof HostApi, 'onCommand' | 'onMemberChanged'> | 'command' | 'memberChanged',
  string
>;

/** The global name the preload exposes the HostApi under. */
export const HOST_GLOBAL = 'gongkai';
