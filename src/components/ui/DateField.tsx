/**
 * A text field for a date (ÅÅÅÅ-MM-DD) or a month (ÅÅÅÅ-MM), the same in every browser language
 * (no native date or month input). The typed value is committed on Enter or when the field loses
 * focus, if it reads; otherwise a Swedish error is shown beside it and the last valid value stays.
 */
import { useId, useState, type KeyboardEvent } from 'react';
import { DATE_FORMAT, readDateText, type DateKind } from './dateText';

interface Props {
  label: string;
  kind: DateKind;
  /** The value in use, as an ISO string of the kind. */
  value: string;
  min?: string;
  max?: string;
  /** Receives a new valid value, or null when the field is emptied (the default applies). */
  onCommit: (value: string | null) => void;
}

export function DateField({ label, kind, value, min, max, onCommit }: Props) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  // A value changed from outside (the URL, a reset button) replaces whatever was typed.
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setDraft(value);
    setError(null);
  }

  const commit = () => {
    // The value in use stands as it is, even if the bounds have moved since.
    const result = draft.trim() === value ? { ok: true as const, value } : readDateText(draft, kind, min, max);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setError(null);
    setDraft(result.value ?? value);
    if (result.value !== value) onCommit(result.value);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    commit();
  };

  return (
    <div className="date-field">
      <span>
        <label htmlFor={id}>{label}</label>{' '}
        <span id={`${id}-format`} className="hint">
          {DATE_FORMAT[kind]}
        </span>
      </span>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        className={kind}
        value={draft}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-format ${id}-error` : `${id}-format`}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={onKeyDown}
      />
      {error && (
        <span id={`${id}-error`} className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
