/** Matches Electron's FileFilter. */
export interface FileFilter {
  readonly name: string;
  readonly extensions: string[];
}

/** The parts of Electron's dialog module the handlers use, already bound to the main window. */
export interface Dialogs {
  showOpenDialog(options: {
    title: string;
    defaultPath?: string;
    filters: FileFilter[];
    properties: ('openFile' | 'openDirectory' | 'multiSelections' | 'dontAddToRecent')[];
  }): Promise<{ canceled: boolean; filePaths: string[] }>;
  showSaveDialog(options: {
    title: string;
    defaultPath: string;
    filters: FileFilter[];
    properties?: ('showOverwriteConfirmation' | 'createDirectory' | 'dontAddToRecent')[];
  }): Promise<{ canceled: boolean; filePath?: string }>;
}

export const DOCUMENT_EXTENSION = '.gongkai.json';

// A two-part extension works as a filter on Windows and Linux (the targets); macOS matches only its last part.
export const DOCUMENT_FILTER: FileFilter = { name: '决算公开表文件', extensions: ['gongkai.json'] };
export const XLSX_FILTER: FileFilter = { name: 'Excel 工作簿', extensions: ['xlsx'] };
export const PDF_FILTER: FileFilter = { name: 'PDF 文件', extensions: ['pdf'] };
export const DOCX_FILTER: FileFilter = { name: 'Word 文档', extensions: ['docx'] };
export const CATALOG_FILTER: FileFilter = { name: '科目目录（Excel 或 CSV）', extensions: ['xlsx', 'csv'] };
export const ALL_FILES_FILTER: FileFilter = { name: '所有文件', extensions: ['*'] };

/**
 * Adds the extension a saved file must have. `报表` and `报表.json` both become `报表.gongkai.json`; a name that
 * already ends right (in any letter case) is kept as typed.
 */
export function ensureExtension(filePath: string, extension: string): string {
  if (filePath.toLowerCase().endsWith(extension.toLowerCase())) return filePath;
  const last = extension.slice(extension.lastIndexOf('.')); // '.json' of '.gongkai.json'
  if (last !== extension && filePath.toLowerCase().endsWith(last.toLowerCase())) {
    return filePath.slice(0, -last.length) + extension;
  }
  return filePath + extension;
}

/**
 * A file name the renderer suggests, made safe to offer in a save dialog: no folders, no characters Windows forbids,
 * never empty.
 */
export function safeFileName(suggested: string, fallback: string): string {
  const cleaned = suggested
    // eslint-disable-next-line no-control-regex
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 200);
  return cleaned === '' ? fallback : cleaned;
}
