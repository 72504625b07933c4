import { Suspense, useState } from 'react';
import { Link } from 'react-router';
import {
  clusterWrites,
  organisationWrites,
  personWrites,
  siteWrites,
} from '@promatlas/core/api/contract/editing.ts';
import { api } from '../api/api.ts';
import { ApiError } from '../api/client.ts';
import { registryPermission } from '../auth/permissions.ts';
import { useSession } from '../auth/session.ts';
import { regionNamer, useRegions } from '../lib/regions.ts';
import { ENTITY_PATHS } from '../lib/paths.ts';
import {
  isRestorable,
  type CommonAction,
  type EditingSpec,
  type ProfileAction,
  type RestorableType,
} from './editing-spec.ts';
import { AddFactDialog } from './AddFactDialog.tsx';
import { deleteProjectRoute, restoreProjectRoute } from '@promatlas/core/api/contract/projects.ts';
import { Dialog, FormError } from '../form/fields.tsx';

const LABELS: Record<CommonAction, string> = {
  edit: 'Изменить',
  delete: 'Удалить',
  fact: 'Добавить факт',
};

/** The delete and restore routes of each soft-deleted record type. */
const WRITES = {
  organisation: organisationWrites,
  person: personWrites,
  site: siteWrites,
  cluster: clusterWrites,
  project: { remove: deleteProjectRoute, restore: restoreProjectRoute },
} satisfies Record<RestorableType, unknown>;

const keyOf = (action: ProfileAction) => (typeof action === 'string' ? action : action.key);

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
  const remove = async () => {
    if (!isRestorable(spec.type)) return;
    setBusy(true);
    setError(null);
    try {
      await api(WRITES[spec.type].remove, {
        params: { id: spec.id },
        query: { version: spec.version },
      });
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
  // Some changes' rights depend on what is chosen in their dialog (a new position's organisation or region).
  const anyEditorPermission = registryPermission(user, [], { anyEditorWhenNoRegion: true });
  const allowedFor = (action: ProfileAction) =>
    typeof action !== 'string' && action.permission === 'anyEditor'
      ? anyEditorPermission
      : permission;
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
          const key = keyOf(action);
          const testId = `action-${key}`;
          if (action === 'edit' && allowed) {
            return (
              <Link
                key={key}
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
              key={key}
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
              {typeof action === 'string' ? LABELS[action] : action.label}
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
      {open !== null && typeof open !== 'string' ? (
        <Suspense fallback={null}>
          <open.dialog
            spec={spec}
            user={user}
            onClose={() => setOpen(null)}
            onSaved={() => done(open.savedMessage)}
          />
        </Suspense>
      ) : null}
    </div>
  );
}

/** On the page of a deleted record (the API answers 404): the administrator's «Восстановить». */
export function RestorePanel({
  type,
  id,
  onRestored,
  restore: restoreWith,
}: {
  type: EditingSpec['type'];
  id: string;
  onRestored: () => void;
  /** The record type's own restore call, for types outside RESTORABLE. */
  restore?: (() => Promise<unknown>) | undefined;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!restoreWith && !isRestorable(type)) return null;
  const restore = async () => {
    setBusy(true);
    setError(null);
    try {
      if (restoreWith) await restoreWith();
      else if (isRestorable(type)) await api(WRITES[type].restore, { params: { id } });
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
