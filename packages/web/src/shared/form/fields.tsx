import { useEffect, useId, useRef, type ReactNode } from 'react';
import { messagesFor, type FieldErrors } from './useForm.ts';
// Every form page and dialog renders these fields: their styles travel with them.
import './editing.css';
import { useT } from '../lib/language.ts';

/** A labelled field with its messages right under it (aria-describedby points at them). */
export function Field({
  name,
  label,
  errors,
  hint,
  required,
  children,
}: {
  name: string;
  label: ReactNode;
  errors: FieldErrors;
  hint?: ReactNode;
  required?: boolean;
  children: (props: {
    id: string;
    'aria-invalid': boolean;
    'aria-describedby': string;
    'data-testid': string;
  }) => ReactNode;
}) {
  const id = useId();
  const messages = messagesFor(errors, name);
  return (
    <div className={`form-field${messages.length ? ' invalid' : ''}`} data-testid={`field-${name}`}>
      <label htmlFor={id}>
        {label}
        {required ? (
          <span className="required" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
      </label>
      {children({
        id,
        'aria-invalid': messages.length > 0,
        'aria-describedby': `${id}-messages`,
        'data-testid': `input-${name}`,
      })}
      <div id={`${id}-messages`}>
        {hint ? <p className="field-hint">{hint}</p> : null}
        {messages.map((message) => (
          <p key={message} className="field-error" data-testid={`error-${name}`} role="alert">
            {message}
          </p>
        ))}
      </div>
    </div>
  );
}

/** A message not tied to a field: refusal, network failure. */
export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div className="error" role="alert" data-testid="form-error">
      {message}
    </div>
  );
}

/** A modal dialog on the native <dialog> (focus trap, Escape closes). */
export function Dialog({
  title,
  onClose,
  children,
  wide,
  testId,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
  testId?: string;
}) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={`dialog${wide ? ' wide' : ''}`}
      data-testid={testId ?? 'dialog'}
      aria-label={title}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <header className="dialog-header">
        <h2>{title}</h2>
        <button
          type="button"
          className="dialog-close"
          aria-label={t('Закрыть', 'Close')}
          onClick={onClose}
        >
          ×
        </button>
      </header>
      {children}
    </dialog>
  );
}

/** «Сохранить» and «Отмена» at the end of a form. */
export function FormButtons({
  submitting,
  label,
  onCancel,
}: {
  submitting: boolean;
  /** The submit button's words; «Сохранить» (or «Save») when not given. */
  label?: string;
  onCancel?: () => void;
}) {
  const t = useT();
  return (
    <div className="form-buttons">
      <button type="submit" className="button primary" disabled={submitting} data-testid="submit">
        {submitting ? t('Сохранение…', 'Saving…') : (label ?? t('Сохранить', 'Save'))}
      </button>
      {onCancel ? (
        <button type="button" className="button" onClick={onCancel} data-testid="cancel">
          {t('Отмена', 'Cancel')}
        </button>
      ) : null}
    </div>
  );
}
