import { createContext, useContext } from 'react';
import { actionForKey, menuHasAction, type ActionId, type KeyEventLike, type KeyScope } from '../../src-core';
import { ACTIONS, type ActionContext, type ActionTrigger } from './register';

/** A key event the runner may stop (a DOM or a React one). */
export interface StoppableKeyEvent extends KeyEventLike {
  readonly target: EventTarget | null;
  preventDefault(): void;
  stopPropagation(): void;
}

/** Performs actions by id (menus, buttons, host commands) or by key, in one place. */
export interface ActionRunner {
  perform(id: ActionId, trigger?: ActionTrigger): Promise<void>;
  /** Whether the action can be done now. */
  enabled(id: ActionId): boolean;
  /**
   * Performs the action a key means in `scope`, if any and if it can be done now; the key is then stopped and true
   * returned. In Electron a window key the native menu carries as its accelerator is left to the menu, which raises
   * the same action (doing it here too would do it twice).
   */
  runKey(e: StoppableKeyEvent, scope: KeyScope): boolean;
}

export function createActionRunner(
  ctx: ActionContext,
  options: { readonly menuHasAccelerators: boolean },
): ActionRunner {
  const perform = async (id: ActionId, trigger: ActionTrigger = {}): Promise<void> => {
    const action = ACTIONS.get(id);
    if (!action || (action.predicate && !action.predicate(ctx))) return;
    await action.perform(ctx, trigger);
  };
  return {
    perform,
    enabled: (id) => {
      const action = ACTIONS.get(id);
      return !!action && (!action.predicate || action.predicate(ctx));
    },
    runKey(e, scope) {
      const spec = actionForKey(e, scope);
      if (!spec) return false;
      // The grid's keys stay the page's in either host (its paste guards against the menu's second Ctrl+V).
      if (scope === 'window' && options.menuHasAccelerators && menuHasAction(spec.id)) return false;
      if (spec.fieldsKeepKey && inTextField(e.target)) return false;
      const action = ACTIONS.get(spec.id);
      if (!action) return false;
      if (action.predicate && !action.predicate(ctx)) {
        if (ctx.store.busy === null) return false;
        // A job is running: the key is still ours, so Ctrl+P during an export does not open the browser's own
        // print dialog, and the user is told why nothing happens.
        e.preventDefault();
        e.stopPropagation();
        ctx.store.notify('warning', `正在${ctx.store.busy}，请等它完成后再试。`);
        return true;
      }
      e.preventDefault();
      e.stopPropagation();
      const key: KeyEventLike = {
        key: e.key,
        ctrlKey: e.ctrlKey,
        metaKey: e.metaKey,
        shiftKey: e.shiftKey,
        altKey: e.altKey,
      };
      void action.perform(ctx, { key });
      return true;
    },
  };
}

/** A text field or a grid cell's open editor: its own undo/redo applies there. */
function inTextField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    (target instanceof HTMLElement && target.isContentEditable)
  );
}

export const ActionsContext = createContext<ActionRunner | null>(null);

/** The app's action runner (the Shell provides it). */
export function useActions(): ActionRunner {
  const runner = useContext(ActionsContext);
  if (!runner) throw new Error('ActionsContext missing');
  return runner;
}
