import { z } from 'zod';
import type { HOST_CHANNELS } from '../../src-core/host';
import { MAX_DOCUMENT_BYTES } from '../node/document-file';

/** Every HostApi method that crosses IPC (onCommand is an event, not a call). */
export type HostMethod = Exclude<keyof typeof HOST_CHANNELS, 'command' | 'memberChanged'>;

// Limits keep a confused or compromised renderer from handing the main process unbounded work.
const MAX_PATH = 32_767;
const MAX_FILE_NAME = 255;
const MAX_TITLE = 500;
/** Print HTML and workbook bytes: far beyond a department-scale document, far below exhausting memory. */
export const MAX_EXPORT_BYTES = 200 * 1024 * 1024;

const filePath = z.string().min(1).max(MAX_PATH);
const documentText = z.string().max(MAX_DOCUMENT_BYTES);
const fileName = z.string().max(MAX_FILE_NAME);
const html = z.string().min(1).max(MAX_EXPORT_BYTES);

const saveRequest = z.object({
  text: documentText,
  filePath: filePath.nullable(),
  saveAs: z.boolean(),
  suggestedName: fileName,
});

const recoverySnapshot = z.object({
  text: documentText,
  filePath: filePath.nullable(),
  fileName,
  at: z.string().max(64),
});

const windowState = z.object({ title: z.string().max(MAX_TITLE), dirty: z.boolean() });

const exportRequest = z.discriminatedUnion('kind', [
  z.object({
    kind: z.enum(['xlsx', 'docx']),
    suggestedName: fileName,
    data: z.instanceof(Uint8Array).refine((d) => d.byteLength <= MAX_EXPORT_BYTES, '导出的文件太大。'),
  }),
  z.object({ kind: z.literal('pdf'), suggestedName: fileName, html }),
]);

const importRequest = z.object({ purpose: z.enum(['excel', 'catalog', 'lastYear']) });

/** A 汇总 of a large department: a few thousand units at most. */
const MAX_MEMBERS = 20_000;
const memberFilesRequest = z.union([
  z.object({ ids: z.array(filePath).max(MAX_MEMBERS) }).strict(),
  z.object({ departmentFile: filePath }).strict(),
]);

/** The argument list each channel accepts, exactly as the preload sends it. */
export const IPC_ARGUMENTS = {
  info: z.tuple([]),
  openDocument: z.tuple([]),
  openRecent: z.tuple([filePath]),
  recentFiles: z.tuple([]),
  saveDocument: z.tuple([saveRequest]),
  writeRecovery: z.tuple([recoverySnapshot]),
  readRecovery: z.tuple([]),
  clearRecovery: z.tuple([]),
  setWindowState: z.tuple([windowState]),
  closeWindow: z.tuple([]),
  exportFile: z.tuple([exportRequest]),
  print: z.tuple([html]),
  importFile: z.tuple([importRequest]),
  pickMemberFiles: z.tuple([]),
  pickMemberFolder: z.tuple([]),
  readMemberFiles: z.tuple([memberFilesRequest]),
  watchMemberFiles: z.tuple([z.array(filePath).max(MAX_MEMBERS)]),
} as const satisfies Record<HostMethod, z.ZodType<readonly unknown[]>>;

export type IpcArguments = { [M in HostMethod]: z.infer<(typeof IPC_ARGUMENTS)[M]> };
