import { useState } from 'react';
import { ApiError } from '../../shared/api/client.ts';
import { Dialog } from '../../shared/form/fields.tsx';
import { useLang } from './i18n.tsx';

export interface ActionFailure {
  message: string;
  /** The server's field-level messages by field name, in the interface language. */
  fields: Record<string, string>;
}

/** Runs a change and keeps the server's refusal (in the interface language) for the control. */
export function useAction() {
  const { localise } = useLang();
  const [error, setError] = useState<ActionFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await work();
      return true;
    } catch (e) {
      const local = localise(e);
      setError({
        message: (local as Error).message,
        fields: Object.fromEntries(
          (local instanceof ApiError ? local.fields : []).map((f) => [f.field, f.message]),
        ),
      });
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, run };
}

/** The refusal as one message. */
export function ActionError({ error }: { error: { message: string } | null }) {
  if (!error) return null;
  return (
    <p className="field-error" role="alert" data-testid="action-error">
      {error.message}
    </p>
  );
}

/** The refusal field by field when the server named fields, else as one message. */
export function ActionFieldErrors({ error }: { error: ActionFailure | null }) {
  if (!error) return null;
  const fields = Object.entries(error.fields);
  return (
    <div role="alert" data-testid="action-error">
      {fields.length ? (
        fields.map(([field, message]) => (
          <p key={field} className="field-error" data-testid={`error-${field}`}>
            {message}
          </p>
        ))
      ) : (
        <p className="field-error">{error.message}</p>
      )}
    </div>
  );
}

/**
 * «Удалить» with a confirmation: the record is only marked deleted, and an
 * administrator can restore it.
 */
export function DeleteRecordButton({
  testId,
  title,
  message,
  remove,
  onDeleted,
}: {
  testId: string;
  title: [ru: string, en: string];
  message: [ru: string, en: string];
  remove: () => Promise<unknown>;
  onDeleted: () => void;
}) {
  const { t } = useLang();
  const [open, setOpen] = useState(false);
  const action = useAction();
  return (
    <>
      <button
        type="button"
        className="button danger-outline"
        data-testid={testId}
        onClick={() => setOpen(true)}
      >
        {t('Удалить', 'Delete')}
      </button>
      {open ? (
        <Dialog title={t(...title)} onClose={() => setOpen(false)} testId="delete-dialog">
          <ActionError error={action.error} />
          <p>{t(...message)}</p>
          <div className="form-buttons">
            <button
              type="button"
              className="button danger"
              disabled={action.busy}
              data-testid="confirm-delete"
              onClick={() => void action.run(remove).then((ok) => ok && onDeleted())}
            >
              {t('Удалить', 'Delete')}
            </button>
            <button type="button" className="button" onClick={() => setOpen(false)}>
              {t('Отмена', 'Cancel')}
            </button>
          </div>
        </Dialog>
      ) : null}
    </>
  );
}
