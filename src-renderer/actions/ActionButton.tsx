import type { ButtonHTMLAttributes, MouseEvent } from 'react';
import { actionSpec, type LocalActionId } from '../../src-core';
import { useActions } from './action-runner';
import type { ActionArgs, RegisteredActionId } from './register';

type Attributes = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'onClick' | 'type'> & {
  /** The click does not reach what holds the button (a button in a clickable finding row). */
  readonly stopClick?: boolean;
  /** Runs after the action was started (the tooltip closes itself). */
  readonly afterPerform?: () => void;
};

type ArgProps<K> = K extends keyof ActionArgs
  ? { readonly arg: ActionArgs[K] }
  : { readonly arg?: undefined };

/** A registered action: the registry performs it, with its argument. */
type RegisteredProps = {
  [K in RegisteredActionId]: { readonly action: K; readonly onPerform?: undefined } & ArgProps<K>;
}[RegisteredActionId];

/** A local action: its component performs it; the registry gives the id and the label. */
type LocalProps = {
  readonly action: LocalActionId;
  readonly onPerform: () => void | Promise<void>;
  readonly arg?: undefined;
};

export type ActionButtonProps = Attributes & (RegisteredProps | LocalProps);

/**
 * The app's one button: every button performs an action of the table (src-core/actions) through the runner, and says
 * which in `data-action` (a browser test lists the rendered buttons; lint forbids a bare <button> in the renderer).
 * Without children it shows the action's label; a registered action that cannot be done now is disabled.
 */
export function ActionButton(props: ActionButtonProps) {
  const { action, arg, onPerform, stopClick, afterPerform, children, disabled, ...rest } = props;
  const actions = useActions();
  const click = (e: MouseEvent<HTMLButtonElement>) => {
    if (stopClick) e.stopPropagation();
    void actions.perform(action, { arg, run: onPerform });
    afterPerform?.();
  };
  return (
    <button
      type="button"
      data-action={action}
      disabled={disabled || (onPerform === undefined && !actions.enabled(action))}
      onClick={click}
      {...rest}
    >
      {children ?? actionSpec(action).label}
    </button>
  );
}
