import { HOST_CHANNELS, type HostApi, type HostCommand } from '../../src-core/host';

/** The part of Electron's ipcRenderer the bridge uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/** Every HostApi method name; the compile-time check below keeps it complete. */
export const HOST_API_METHODS = [
  'info',
  'openDocument',
  'openRecent',
  'recentFiles',
  'saveDocument',
  'writeRecovery',
  'readRecovery',
  'clearRecovery',
  'setWindowState',
  'closeWindow',
  'exportFile',
  'print',
  'importFile',
  'pickMemberFiles',
  'pickMemberFolder',
  'readMemberFiles',
  'watchMemberFiles',
  'onMemberChanged',
  'onCommand',
] as const satisfies readonly (keyof HostApi)[];

type MissingMethod = Exclude<keyof HostApi, (typeof HOST_API_METHODS)[number]>;
const _everyMethodListed: MissingMethod extends never ? true : MissingMethod = true;
void _everyMethodListed;

/**
 * The object the preload exposes as window.gongkai: exactly the HostApi, each method one ipcRenderer.invoke on its
 * channel. Nothing else of ipcRenderer leaks out — in particular onCommand hands the listener only the command, never
 * the IPC event (whose `sender` is the raw ipcRenderer).
 */
export function createHostBridge(ipc: IpcRendererLike): HostApi {
  const call =
    <R>(channel: string) =>
    (...args: unknown[]): Promise<R> =>
      ipc.invoke(channel, ...args) as Promise<R>;
  const api: HostApi = {
    info: call(HOST_CHANNELS.info),
    openDocument: call(HOST_CHANNELS.openDocument),
    openRecent: call(HOST_CHANNELS.openRecent),
    recentFiles: call(HOST_CHANNELS.recentFiles),
    saveDocument: call(HOST_CHANNELS.saveDocument),
    writeRecovery: call(HOST_CHANNELS.writeRecovery),
    readRecovery: call(HOST_CHANNELS.readRecovery),
    clearRecovery: call(HOST_CHANNELS.clearRecovery),
    setWindowState: call(HOST_CHANNELS.setWindowState),
    closeWindow: call(HOST_CHANNELS.closeWindow),
    exportFile: call(HOST_CHANNELS.exportFile),
    print: call(HOST_CHANNELS.print),
    importFile: call(HOST_CHANNELS.importFile),
    pickMemberFiles: call(HOST_CHANNELS.pickMemberFiles),
    pickMemberFolder: call(HOST_CHANNELS.pickMemberFolder),
    readMemberFiles: call(HOST_CHANNELS.readMemberFiles),
    watchMemberFiles: call(HOST_CHANNELS.watchMemberFiles),
    onMemberChanged(listener: (id: string) => void): () => void {
      const wrapped = (_event: unknown, id: unknown): void => {
        if (typeof id === 'string') listener(id);
      };
      ipc.on(HOST_CHANNELS.memberChanged, wrapped);
      return () => {
        ipc.removeListener(HOST_CHANNELS.memberChanged, wrapped);
      };
    },
    onCommand(listener: (command: HostCommand) => void): () => void {
      const wrapped = (_event: unknown, command: unknown): void => listener(command as HostCommand);
      ipc.on(HOST_CHANNELS.command, wrapped);
      return () => {
        ipc.removeListener(HOST_CHANNELS.command, wrapped);
      };
    },
  };
  return api;
}
