import type { ReactNode } from 'react';

interface Props {
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
  readonly testId?: string;
  readonly title?: string;
  readonly children: ReactNode;
}

/** A checkbox with its text after it, clickable as a whole: how the dialogs and 打印预览 show an option. */
export function CheckField({ checked, onChange, testId, title, children }: Props) {
  return (
    <label title={title}>
      <input
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        data-testid={testId}
      />{' '}
      {children}
    </label>
  );
}
