import { Dialog } from '../form/fields.tsx';
import { useT } from '../lib/language.ts';

export interface ComparedField {
  label: string;
  mine: string;
  theirs: string;
}

/**
 * The record changed while it was being edited (409 from the server): both
 * versions side by side, the differing fields marked; the user saves theirs
 * over the new version, or takes the current one into the form.
 */
export function ConflictDialog({
  message,
  fields,
  currentVersion,
  onReapply,
  onTakeCurrent,
  onClose,
}: {
  message: string;
  fields: ComparedField[];
  currentVersion: number;
  onReapply: () => void;
  onTakeCurrent: () => void;
  onClose: () => void;
}) {
  const t = useT();
  return (
    <Dialog
      title={t('Запись изменена другим пользователем', 'Someone else changed the record')}
      onClose={onClose}
      wide
      testId="conflict-dialog"
    >
      <p className="notice">{message}</p>
      <div className="table-wrap">
        <table className="table compact conflict-table">
          <thead>
            <tr>
              <th>{t('Поле', 'Field')}</th>
              <th>{t('Ваша версия', 'Your version')}</th>
              <th>
                {t('Текущая версия', 'Current version')} (№ {currentVersion})
              </th>
            </tr>
          </thead>
          <tbody>
            {fields.map((field) => {
              const differs = field.mine !== field.theirs;
              return (
                <tr
                  key={field.label}
                  className={differs ? 'differs' : ''}
                  data-testid="conflict-row"
                  data-differs={differs}
                >
                  <th scope="row">{field.label}</th>
                  <td data-testid="conflict-mine">
                    {field.mine || <span className="muted">—</span>}
                  </td>
                  <td data-testid="conflict-theirs">
                    {field.theirs || <span className="muted">—</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="form-buttons">
        <button
          type="button"
          className="button primary"
          onClick={onReapply}
          data-testid="conflict-reapply"
        >
          {t('Сохранить мою версию', 'Save my version')}
        </button>
        <button
          type="button"
          className="button"
          onClick={onTakeCurrent}
          data-testid="conflict-take-current"
        >
          {t(
            'Взять текущую версию и продолжить правку',
            'Take the current version and go on editing',
          )}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('Отмена', 'Cancel')}
        </button>
      </div>
    </Dialog>
  );
}
