import { Dialog } from '../form/fields.tsx';

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
  return (
    <Dialog
      title="Запись изменена другим пользователем"
      onClose={onClose}
      wide
      testId="conflict-dialog"
    >
      <p className="notice">{message}</p>
      <div className="table-wrap">
        <table className="table compact conflict-table">
          <thead>
            <tr>
              <th>Поле</th>
              <th>Ваша версия</th>
              <th>Текущая версия (№ {currentVersion})</th>
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
          Сохранить мою версию
        </button>
        <button
          type="button"
          className="button"
          onClick={onTakeCurrent}
          data-testid="conflict-take-current"
        >
          Взять текущую версию и продолжить правку
        </button>
        <button type="button" className="button" onClick={onClose}>
          Отмена
        </button>
      </div>
    </Dialog>
  );
}
