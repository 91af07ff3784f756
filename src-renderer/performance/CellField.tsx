import { useEffect, useState } from 'react';

interface Props {
  /** The document's text. */
  readonly value: string;
  /** What the field shows while not being edited (1,023.66 for 1023.66); default: the value. */
  readonly display?: string;
  readonly multiline?: boolean;
  readonly placeholder?: string;
  readonly className?: string;
  readonly title?: string;
  readonly label: string;
  /** Where in doc.performance: lets a finding focus the field. */
  readonly path: string;
  readonly align?: 'left' | 'center' | 'right';
  /** Apply the typed text; return a Chinese message to refuse it (the field keeps what was typed). */
  readonly onCommit: (text: string) => string | null | void;
}

/**
 * A cell of a printed form the user types into: edits a draft and applies it when the field loses focus (or on
 * Enter in a one-line field) — one undo step per change, not per keystroke — and follows the document when it
 * changes underneath (undo, open). Escape puts the document's text back.
 */
export function CellField({
  value,
  display,
  multiline,
  placeholder,
  className,
  title,
  label,
  path,
  align,
  onCommit,
}: Props) {
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setDraft(null);
    setError(null);
  }, [value]);
  // Focusing keeps the text as shown (1,023.66 stays 1,023.66: the caret and a selection stay where they are).
  const shown = display ?? value;
  const commit = (text: string) => {
    if (text === shown || text === value) {
      setDraft(null);
      setError(null);
      return;
    }
    const refusal = onCommit(text);
    if (refusal) setError(refusal);
    else {
      setError(null);
      setDraft(null);
    }
  };
  const common = {
    className: `pfe-field${align ? ` pfe-${align}` : ''}${error ? ' pfe-invalid' : ''}${className ? ` ${className}` : ''}`,
    value: draft ?? shown,
    placeholder,
    title: error ?? title,
    'aria-label': label,
    'aria-invalid': error ? true : undefined,
    'data-path': path,
    onFocus: () => setDraft((d) => d ?? shown),
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setDraft(e.target.value),
    onBlur: (e: React.FocusEvent<HTMLInputElement | HTMLTextAreaElement>) => commit(e.target.value),
    onKeyDown: (e: React.KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      if (e.key === 'Escape' && !e.nativeEvent.isComposing) {
        setDraft(shown);
        setError(null);
      }
      if (e.key === 'Enter' && !multiline && !e.nativeEvent.isComposing) commit(e.currentTarget.value);
    },
  };
  return multiline ? <textarea rows={1} {...common} /> : <input {...common} />;
}
