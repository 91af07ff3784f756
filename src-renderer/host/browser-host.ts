import type {
  ExportRequest,
  MemberFilesOutcome,
  HostApi,
  HostCommand,
  ImportOutcome,
  OpenOutcome,
  RecentFile,
  RecoverySnapshot,
  SaveOutcome,
  SaveRequest,
} from '../../src-core/host';
import { decodeDocumentBytes } from '../../src-core/document/decode-document';
import { parseRecoverySnapshot } from '../../src-core/session/recovery-snapshot';

const RECOVERY_KEY = 'gongkai.recovery';
const MAX_OPEN_BYTES = 50 * 1024 * 1024;

/**
 * The HostApi in a browser tab (`npm run web`): open through a file input, save through a download, print through
 * the browser's print dialog, autosave to localStorage. Menu commands come from the in-page menu bar.
 */
export function createBrowserHost(): HostApi & { dispatch(command: HostCommand): void } {
  const listeners = new Set<(c: HostCommand) => void>();
  let dirty = false;
  window.addEventListener('beforeunload', (e) => {
    if (dirty) {
      e.preventDefault();
      e.returnValue = '';
    }
  });

  return {
    dispatch(command) {
      for (const l of listeners) l(command);
    },
    async info() {
      return { kind: 'browser', platform: navigator.platform, appVersion: __APP_VERSION__ };
    },
    async openDocument(): Promise<OpenOutcome> {
      const file = await pickFile('.json,.gongkai.json,application/json');
      if (!file) return { status: 'cancelled' };
      if (file.size > MAX_OPEN_BYTES)
        return { status: 'failed', message: '文件太大，不像是决算公开表文件，没有打开。' };
      // Named as UTF-16 or GBK if another program re-saved it so, rather than misread.
      const decoded = decodeDocumentBytes(new Uint8Array(await file.arrayBuffer()), file.name);
      if (!decoded.ok) return { status: 'failed', message: decoded.message };
      return { status: 'opened', filePath: null, fileName: file.name, text: decoded.text };
    },
    async openRecent(): Promise<OpenOutcome> {
      return { status: 'failed', message: '浏览器版没有“最近打开”，请用“打开”选择文件。' };
    },
    async recentFiles(): Promise<readonly RecentFile[]> {
      return [];
    },
    async saveDocument(request: SaveRequest): Promise<SaveOutcome> {
      const name = ensureExtension(request.suggestedName, '.gongkai.json');
      download(new Blob([request.text], { type: 'application/json' }), name);
      return { status: 'saved', filePath: null, fileName: name };
    },
    async writeRecovery(snapshot: RecoverySnapshot) {
      try {
        localStorage.setItem(RECOVERY_KEY, JSON.stringify(snapshot));
        return { ok: true } as const;
      } catch {
        // Storage full or disabled: the user must know the safety net is gone.
        return {
          ok: false,
          message: '浏览器的本地存储已满或被禁用，无法写入恢复副本。',
        } as const;
      }
    },
    async readRecovery() {
      const text = localStorage.getItem(RECOVERY_KEY);
      return text ? parseRecoverySnapshot(text) : null;
    },
    async clearRecovery() {
      localStorage.removeItem(RECOVERY_KEY);
    },
    async setWindowState(state) {
      dirty = state.dirty;
      document.title = `${state.title}${state.dirty ? ' •' : ''} — 决算公开表编辑器`;
    },
    async closeWindow() {
      dirty = false;
      window.close();
    },
    async exportFile(request: ExportRequest): Promise<SaveOutcome> {
      if (request.kind === 'pdf') {
        // A browser cannot write a PDF itself: print the same HTML and let the user choose “另存为 PDF”.
        printHtml(request.html);
        return { status: 'saved', filePath: null, fileName: ensureExtension(request.suggestedName, '.pdf') };
      }
      const name = ensureExtension(request.suggestedName, `.${request.kind}`);
      download(new Blob([request.data as BlobPart], { type: MIME_TYPES[request.kind] }), name);
      return { status: 'saved', filePath: null, fileName: name };
    },
    async print(html: string) {
      printHtml(html);
    },
    async importFile(request): Promise<ImportOutcome> {
      const file = await pickFile(
        request.purpose === 'excel' ? '.xlsx' : request.purpose === 'lastYear' ? '.json' : '.xlsx,.csv',
      );
      if (!file) return { status: 'cancelled' };
      if (file.size > 30 * 1024 * 1024)
        return { status: 'failed', message: '文件太大（超过 30 MB），没有读取。' };
      return { status: 'read', fileName: file.name, data: new Uint8Array(await file.arrayBuffer()) };
    },
    async pickMemberFiles(): Promise<MemberFilesOutcome> {
      // A unit's own file, or a filled template workbook (imported as 导入Excel imports one).
      const files = await pickFiles('.json,.gongkai.json,application/json,.xlsx');
      if (files.length === 0) return { status: 'cancelled' };
      return {
        status: 'read',
        files: await Promise.all(
          files.map(async (f) =>
            f.size > MAX_OPEN_BYTES
              ? { id: f.name, label: f.name, message: '文件太大，不像是决算公开表文件，没有读取。' }
              : { id: f.name, label: f.name, data: new Uint8Array(await f.arrayBuffer()) },
          ),
        ),
      };
    },
    async pickMemberFolder(): Promise<MemberFilesOutcome> {
      // <input webkitdirectory>: the unit files directly in the folder picked (as the desktop app takes a folder).
      // A browser cannot follow the folder afterwards: files put there later are added by picking it again.
      const files = (await pickFiles('', true)).filter((f) => {
        const parts = (f.webkitRelativePath || f.name).split('/');
        const name = parts[parts.length - 1] ?? '';
        return (
          parts.length <= 2 &&
          /\.(gongkai\.json|xlsx)$/i.test(name) &&
          !name.startsWith('.') &&
          !name.startsWith('~$')
        );
      });
      if (files.length === 0) return { status: 'cancelled' };
      return {
        status: 'read',
        files: await Promise.all(
          files.map(async (f) => {
            const id = f.webkitRelativePath || f.name;
            return f.size > MAX_OPEN_BYTES
              ? { id, label: id, message: '文件太大，不像是决算公开表文件，没有读取。' }
              : { id, label: id, data: new Uint8Array(await f.arrayBuffer()) };
          }),
        ),
      };
    },
    async readMemberFiles(): Promise<MemberFilesOutcome> {
      return {
        status: 'unsupported',
        message:
          '浏览器不能按路径读取文件，也不能跟踪文件的变化：请用“添加单位”重新选择变了的单位文件（同名文件即替换）。',
      };
    },
    async watchMemberFiles() {
      // A browser tab cannot follow files on disk; readMemberFiles says so and the panel offers re-picking.
    },
    onMemberChanged() {
      return () => undefined;
    },
    onCommand(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function pickFiles(accept: string, folder = false): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    input.accept = accept;
    if (folder) input.webkitdirectory = true;
    input.style.display = 'none';
    input.setAttribute('data-testid', 'host-files-input');
    input.addEventListener('change', () => {
      resolve([...(input.files ?? [])]);
      input.remove();
    });
    input.addEventListener('cancel', () => {
      resolve([]);
      input.remove();
    });
    document.body.append(input);
    input.click();
  });
}

function pickFile(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.style.display = 'none';
    input.setAttribute('data-testid', 'host-file-input');
    input.addEventListener('change', () => {
      resolve(input.files?.[0] ?? null);
      input.remove();
    });
    input.addEventListener('cancel', () => {
      resolve(null);
      input.remove();
    });
    document.body.append(input);
    input.click();
  });
}

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function printHtml(html: string): void {
  const frame = document.createElement('iframe');
  frame.style.position = 'fixed';
  frame.style.width = '0';
  frame.style.height = '0';
  frame.style.border = '0';
  frame.srcdoc = html;
  frame.addEventListener('load', () => {
    frame.contentWindow?.print();
    setTimeout(() => frame.remove(), 60_000);
  });
  document.body.append(frame);
}

function ensureExtension(name: string, ext: string): string {
  return name.toLowerCase().endsWith(ext) ? name : `${name.replace(/\.(gongkai\.)?json$/i, '')}${ext}`;
}

const MIME_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;
