import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError, apiSend } from '../api/client.ts';
import { registryPermission } from '../auth/permissions.ts';
import { useSession } from '../auth/session.ts';
import { regionNamer, useRegions } from '../lib/regions.ts';
import { ENTITY_PATHS } from '../lib/paths.ts';
import { RESTORABLE, type EditingSpec, type ProfileAction } from './editing-spec.ts';
import { AddFactDialog } from './AddFactDialog.tsx';
import { AddMemberDialog } from '../../features/clusters/AddMemberDialog.tsx';
import { AddPositionDialog } from '../../features/people/AddPositionDialog.tsx';
import { Dialog, FormError } from '../form/fields.tsx';

const LABELS: Record<ProfileAction, string> = {
  edit: 'Изменить',
  delete: 'Удалить',
  fact: 'Добавить факт',
  member: 'Добавить участника',
  position: 'Новая должность',
};

/** «Удалить» asks first; the record is only marked deleted (an administrator can restore it). */
function DeleteDialog({
  spec,
  onClose,
  onDeleted,
}: {
  spec: EditingSpec;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const collection = RESTORABLE[spec.type]!;
  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await apiSend(
        'DELETE',
        `/api/${collection}/${encodeURIComponent(spec.id)}${spec.version ? `?version=${spec.version}` : ''}`,
      );
      onDeleted();
    } catch (e) {
      setError(
        e instanceof ApiError && e.code === 'conflict'
          ? 'Запись изменилась, пока страница была открыта. Обновите страницу и проверьте изменения, прежде чем удалять.'
          : (e as Error).message,
      );
      setBusy(false);
    }
  };
  return (
    <Dialog title="Удалить запись?" onClose={onClose} testId="delete-dialog">
      <FormError message={error} />
      <p>
        «{spec.title}» будет помечена удалённой и пропадёт из реестра, поиска и карты. Ничего не
        стирается: администратор может восстановить запись, а её история сохранится.
      </p>
      <div className="form-buttons">
        <button
          type="button"
          className="button danger"
          disabled={busy}
          onClick={() => void remove()}
          data-testid="confirm-delete"
        >
          {busy ? 'Удаление…' : 'Удалить'}
        </button>
        <button type="button" className="button" onClick={onClose}>
          Отмена
        </button>
      </div>
    </Dialog>
  );
}

/**
 * The changes a signed-in viewer may make on a profile. Buttons the viewer's
 * role or regions do not allow are shown disabled with the reason; the
 * server still decides, and its refusal is shown as it comes.
 */
export function EditingToolbar({
  spec,
  onChanged,
  onDeleted,
}: {
  spec: EditingSpec;
  onChanged: () => void;
  onDeleted: () => void;
}) {
  const { user } = useSession();
  const regionName = regionNamer(useRegions());
  const [open, setOpen] = useState<ProfileAction | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  if (!user) return null;
  const permission = registryPermission(user, spec.regions, {
    anyEditorWhenNoRegion: spec.anyEditorWhenNoRegion,
    regionName,
  });
  // A new position's rights depend on the organisation or region chosen in the form.
  const positionPermission = registryPermission(user, [], { anyEditorWhenNoRegion: true });
  const allowedFor = (action: ProfileAction) =>
    action === 'position' ? positionPermission : permission;
  const reason = !permission.allowed ? permission.reason : null;
  const base = ENTITY_PATHS[spec.type];
  const done = (message: string) => {
    setOpen(null);
    setSaved(message);
    onChanged();
  };
  return (
    <div className="editing-toolbar" data-testid="editing-toolbar">
      <div className="toolbar-buttons" role="toolbar" aria-label="Изменение записи">
        {spec.actions.map((action) => {
          const allowed = allowedFor(action).allowed;
          const testId = `action-${action}`;
          if (action === 'edit' && allowed) {
            return (
              <Link
                key={action}
                className="button"
                to={`${base}/${encodeURIComponent(spec.id)}/edit`}
                data-testid={testId}
              >
                {LABELS.edit}
              </Link>
            );
          }
          return (
            <button
              key={action}
              type="button"
              className={`button${action === 'delete' ? ' danger-outline' : ''}`}
              disabled={!allowed}
              title={allowed ? undefined : (allowedFor(action) as { reason: string }).reason}
              data-testid={testId}
              onClick={() => {
                setSaved(null);
                setOpen(action);
              }}
            >
              {LABELS[action]}
            </button>
          );
        })}
      </div>
      {reason ? (
        <p className="toolbar-reason" data-testid="edit-denied">
          {reason}
        </p>
      ) : null}
      {saved ? (
        <p className="toolbar-saved" role="status" data-testid="saved">
          {saved}
        </p>
      ) : null}
      {open === 'delete' ? (
        <DeleteDialog spec={spec} onClose={() => setOpen(null)} onDeleted={onDeleted} />
      ) : null}
      {open === 'fact' ? (
        <AddFactDialog
          spec={spec}
          onClose={() => setOpen(null)}
          onSaved={() => done('Факт добавлен')}
        />
      ) : null}
      {open === 'member' ? (
        <AddMemberDialog
          spec={spec}
          onClose={() => setOpen(null)}
          onSaved={() => done('Участник добавлен')}
        />
      ) : null}
      {open === 'position' ? (
        <AddPositionDialog
          spec={spec}
          user={user}
          onClose={() => setOpen(null)}
          onSaved={() => done('Должность записана')}
        />
      ) : null}
    </div>
  );
}

/** On the page of a deleted record (the API answers 404): the administrator's «Восстановить». */
export function RestorePanel({
  type,
  id,
  onRestored,
}: {
  type: EditingSpec['type'];
  id: string;
  onRestored: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const collection = RESTORABLE[type];
  if (!collection) return null;
  const restore = async () => {
    setBusy(true);
    setError(null);
    try {
      await apiSend('POST', `/api/${collection}/${encodeURIComponent(id)}/restore`);
      onRestored();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="restore-panel" data-testid="restore-panel">
      <p>
        Если запись была удалена, администратор может её восстановить — со всей историей изменений.
      </p>
      <FormError message={error} />
      <button
        type="button"
        className="button primary"
        disabled={busy}
        onClick={() => void restore()}
        data-testid="action-restore"
      >
        Восстановить
      </button>
    </div>
  );
}
