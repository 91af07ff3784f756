import { useEffect, useState } from 'react';

interface Props extends Omit<React.InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> {
  readonly value: string;
  /** Apply the typed text; return a Chinese message to refuse it (the field keeps what was typed). */
  readonly onCommit: (text: string) => string | null | void;
}

/**
 * A text field that edits a draft and applies it on Enter or when it loses focus — one undo step per change, not
 * per keystroke (an IME types many) — and shows the document's value again when that changes underneath (undo,
 * open).
 */
export function CommitInput({ value, onCommit, ...rest }: Props) {
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setDraft(value);
    setError(null);
  }, [value]);
  const commit = () => {
    if (draft === value) return;
    const refusal = onCommit(draft);
    setError(refusal || null);
  };
  return (
    <>
      <input
        {...rest}
        value={draft}
        aria-invalid={error ? true : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          // Enter and Escape during 拼音 composition choose or cancel the candidate, not the field's text.
          if (e.nativeEvent.isComposing) return;
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') {
            setDraft(value);
            setError(null);
          }
        }}
      />
      {error && <div className="gk-field-error">{error}</div>}
    </>
  );
}
