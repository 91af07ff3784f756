import type { HostCommand } from '../../src-core/host';

/** The native question asked when a window with unsaved changes is closed; button order matches CloseChoice. */
export const CLOSE_PROMPT = {
  type: 'warning',
  title: '决算公开表编辑器',
  message: '文件有未保存的修改，是否保存？',
  detail: '如果不保存，所做的修改将会丢失。',
  buttons: ['保存', '不保存', '取消'],
  defaultId: 0,
  cancelId: 2,
  noLink: true,
} as const;

export type CloseChoice = 'save' | 'discard' | 'cancel';

/** Maps the message box's button index; anything unexpected (Esc, a closed box) is treated as 取消. */
export function closeChoiceFromResponse(response: number): CloseChoice {
  if (response === 0) return 'save';
  if (response === 1) return 'discard';
  return 'cancel';
}

/** What the close handler does. */
export type CloseAction =
  /** Nothing to lose: forget the recovery file and close. */
  | 'clear-and-close'
  /** Unsaved changes: ask first. */
  | 'ask'
  /** 保存: the renderer saves, then calls closeWindow (or stays if the save is cancelled or fails). */
  | 'save-then-close'
  /** 不保存: the user discards the changes, so the recovery file goes too. */
  | 'discard-and-close'
  /** 取消. */
  | 'stay';

export function closeAction(dirty: boolean, choice?: CloseChoice): CloseAction {
  if (!dirty) return 'clear-and-close';
  switch (choice) {
    case undefined:
      return 'ask';
    case 'save':
      return 'save-then-close';
    case 'discard':
      return 'discard-and-close';
    case 'cancel':
      return 'stay';
  }
}

export interface CloseGuardDeps {
  /** Shows CLOSE_PROMPT and resolves to the button index. */
  ask(): Promise<number>;
  sendCommand(command: HostCommand): void;
  clearRecovery(): Promise<void>;
  /** Closes the window again; the guard lets this second close through. */
  close(): void;
}

export interface CloseGuard {
  setDirty(dirty: boolean): void;
  /** Wire to the window's 'close' event. */
  onClose(event: { preventDefault(): void }): void;
  /**
   * The renderer asked to close (after saving on request). Closes without asking; the recovery file is cleared only
   * if the document is no longer dirty, so a close after a failed save still leaves something to restore.
   */
  closeNow(): void;
}

/**
 * Every close is first held back, because clearing the recovery file is asynchronous and the process may exit as
 * soon as the last window is gone. The guard then decides, does the async part, and closes for real.
 */
export function createCloseGuard(deps: CloseGuardDeps): CloseGuard {
  let dirty = false;
  let allowed = false;
  let busy = false;

  const clearQuietly = async (): Promise<void> => {
    try {
      await deps.clearRecovery();
    } catch {
      // A recovery file that cannot be removed is offered again next start; that is no reason to keep the window.
    }
  };
  const finish = (): void => {
    allowed = true;
    deps.close();
  };

  const decide = async (): Promise<void> => {
    let action = closeAction(dirty);
    if (action === 'ask') {
      let response: number;
      try {
        response = await deps.ask();
      } catch {
        return; // No answer is no permission to throw the changes away.
      }
      action = closeAction(dirty, closeChoiceFromResponse(response));
    }
    switch (action) {
      case 'clear-and-close':
      case 'discard-and-close':
        await clearQuietly();
        finish();
        return;
      case 'save-then-close':
        deps.sendCommand({ type: 'saveAndClose' });
        return;
      case 'stay':
      case 'ask':
        return;
    }
  };

  return {
    setDirty(value) {
      dirty = value;
    },
    onClose(event) {
      if (allowed) return;
      event.preventDefault();
      if (busy) return;
      busy = true;
      void decide().finally(() => {
        busy = false;
      });
    },
    closeNow() {
      if (dirty) {
        finish();
        return;
      }
      void clearQuietly().then(finish);
    },
  };
}
