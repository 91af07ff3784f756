/** Where a movement key goes: Ctrl+arrow to the edge of the figures, Home/End in the row, Ctrl+Home/End in the table. */
export type GridMove = 'dataEdge' | 'rowEdge' | 'tableEdge';

/** What the action registry asks of the grid on the page (menu items, buttons and keys all come through it). */
export interface GridHandle {
  copy(): Promise<void>;
  /**
   * Pastes `text`, or the clipboard. `byAccelerator`: Electron's menu raised it from Ctrl+V, which the page's own
   * paste event may already have handled.
   */
  paste(text?: string, options?: { readonly byAccelerator?: boolean }): Promise<void>;
  /** Delete: clears the entered figures of the selection. */
  clear(): void;
  /** Ctrl+D: copies the selection's top row down over it (a single row: the row above it down onto it). */
  fillDown(): void;
  /** Ctrl+A: the whole table. */
  selectAll(): void;
  /** A movement key (its KeyboardEvent.key), extending the selection with Shift. */
  move(move: GridMove, key: string, extend: boolean): void;
  /** Gives the keyboard focus back to the grid, at its active cell (the first cell if none was active). */
  focus(): void;
  /** The logical rows on the focused display row (one per block). */
  focusedRows(): readonly string[];
}
