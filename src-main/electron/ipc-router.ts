import { HOST_CHANNELS, type HostApi } from '../../src-core/host';
import { IPC_ARGUMENTS, type HostMethod, type IpcArguments } from './ipc-schemas';
import type { FrameLike } from './validate-sender';

/** The part of an ipcMain.handle event the router looks at. */
export interface InvokeEventLike {
  readonly senderFrame: FrameLike | null;
}

/** The part of Electron's ipcMain the router uses. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

/** One implementation per HostApi method, taking the validated arguments and returning what the contract promises. */
export type HostHandlers = {
  [M in HostMethod]: (...args: IpcArguments[M]) => ReturnType<HostApi[M]>;
};

export const HOST_METHODS = Object.keys(IPC_ARGUMENTS) as HostMethod[];

/**
 * Registers one ipcMain handler per channel. Each checks the sender first and the arguments second; a message that
 * fails either is refused (the renderer's promise rejects) and the handler never runs. Returns a function that
 * removes the handlers again.
 */
export function registerHostHandlers(
  ipcMain: IpcMainLike,
  handlers: HostHandlers,
  isTrustedSender: (frame: FrameLike | null) => boolean,
): () => void {
  for (const method of HOST_METHODS) {
    const channel = HOST_CHANNELS[method];
    ipcMain.handle(channel, (event, ...args) => {
      if (!isTrustedSender(event.senderFrame)) {
        throw new Error(`拒绝了来自未知页面的请求（${channel}）。`);
      }
      const parsed = IPC_ARGUMENTS[method].safeParse(args);
      if (!parsed.success) {
        throw new Error(
          `请求参数无效（${channel}）：${parsed.error.issues.map((i) => i.message).join('；')}`,
        );
      }
      const handler = handlers[method] as (...a: readonly unknown[]) => unknown;
      return handler(...parsed.data);
    });
  }
  return () => {
    for (const method of HOST_METHODS) ipcMain.removeHandler(HOST_CHANNELS[method]);
  };
}
