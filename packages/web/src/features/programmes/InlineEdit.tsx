import { useState, type ReactNode } from 'react';
import { useLang } from './i18n.tsx';
import { useAction, type ActionFailure } from './work-actions.tsx';

/**
 * One line of text edited in place (a decision of an event, a direction of an
 * agreement): the text with «изменить», or a field with «Сохранить» and
 * «Отмена». `save` sends the new text; on success the form closes and
 * `onSaved` reloads the record. The refusal goes to `errors`, which the
 * caller shows where its own refusals are shown.
 */
export function InlineEdit({
  text,
  multiline = false,
  label,
  view,
  canEdit,
  save,
  onSaved,
  testIds,
  actions,
  errors,
}: {
  text: string;
  multiline?: boolean;
  /** The field's accessible name, as [ru, en]. */
  label: [string, string];
  /** The text when not editing. */
  view: ReactNode;
  canEdit: boolean;
  save: (text: string) => Promise<unknown>;
  onSaved: () => void;
  /** data-testid of the field, the save button and (if any) the «изменить» link. */
  testIds: { field: string; save: string; edit?: string };
  /** More controls beside «изменить» (delete, make a task), shown when not editing. */
  actions?: ReactNode;
  errors: (failure: ActionFailure | null) => ReactNode;
}) {
  const { t } = useLang();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(text);
  const action = useAction();
  return (
    <>
      {editing ? (
        <form
          className="work-form"
          onSubmit={(e) => {
            e.preventDefault();
            void action
              .run(() => save(value))
              .then((ok) => {
                if (ok) {
                  setEditing(false);
                  onSaved();
                }
              });
          }}
        >
          {multiline ? (
            <textarea
              rows={2}
              value={value}
              aria-label={t(...label)}
              data-testid={testIds.field}
              onChange={(e) => setValue(e.target.value)}
            />
          ) : (
            <input
              aria-label={t(...label)}
              data-testid={testIds.field}
              value={value}
              onChange={(e) => setValue(e.target.value)}
            />
          )}{' '}
          <button
            type="submit"
            className="button"
            data-testid={testIds.save}
            disabled={action.busy}
          >
            {t('Сохранить', 'Save')}
          </button>{' '}
          <button type="button" className="button" onClick={() => setEditing(false)}>
            {t('Отмена', 'Cancel')}
          </button>
        </form>
      ) : (
        view
      )}
      {canEdit && !editing ? (
        <span className="decision-actions">
          {' '}
          <button
            type="button"
            className="link-button"
            data-testid={testIds.edit}
            onClick={() => setEditing(true)}
          >
            {t('изменить', 'edit')}
          </button>
          {actions}
        </span>
      ) : null}
      {errors(action.error)}
    </>
  );
}
