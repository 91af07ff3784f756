import type { Operation } from '../document/operations';

/** Something a command tells the user once it is applied: the UI shows it as a notification, the CLI prints it. */
export interface CommandNotice {
  readonly level: 'info' | 'warning';
  readonly text: string;
  /** Lines under the text (the first few places a change touched, what could not be done). */
  readonly details: readonly string[];
}

/**
 * What a command decided, before anything is applied (Univer's command → mutation): the operation to apply as one
 * undoable step under `label`, the question to ask first if it needs the user's consent, and what to tell them
 * afterwards. Or why it cannot be done. The UI and the CLI call the same commands, so they cannot differ.
 */
export type CommandResult<Extra = unknown> =
  | ({
      readonly ok: true;
      readonly operation: Operation;
      readonly label: string;
      /** Ask this (确定/取消) before applying; undefined: apply without asking. */
      readonly confirm?: string;
      readonly notices: readonly CommandNotice[];
    } & Extra)
  | { readonly ok: false; readonly message: string };
