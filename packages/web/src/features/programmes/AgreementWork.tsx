import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import {
  addAgreementDirectionRoute,
  agreementWorkRoute,
  agreementWrites,
  createTaskRoute,
  removeAgreementDirectionRoute,
  restoreAgreementDirectionRoute,
  updateAgreementDirectionRoute,
} from '@promatlas/core/api/contract/programme-work.ts';
import type { User } from '@promatlas/core/api/accounts.schema.ts';
import type { AgreementWork } from '@promatlas/core/api/programmes.schema.ts';
import { api, useRoute } from '../../shared/api/api.ts';
import { ApiError } from '../../shared/api/client.ts';
import { canEditRegistry } from '../../shared/auth/permissions.ts';
import { useSession } from '../../shared/auth/session.ts';
import { Section } from '../../shared/components/common.tsx';
import { Dialog } from '../../shared/form/fields.tsx';
import { useLang } from './i18n.tsx';
import { EMPTY_PARTY, PartyPicker, partyInput, type PartyValue } from './pickers.tsx';
import { MarkDone, TaskSummary } from './TaskLine.tsx';
import './programmes.css';

type Direction = AgreementWork['directions'][number];

function useAction() {
  const { localise } = useLang();
  const [error, setError] = useState<{ message: string; fields: Array<[string, string]> } | null>(
    null,
  );
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
        fields: (local instanceof ApiError ? local.fields : []).map((f) => [f.field, f.message]),
      });
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, run };
}

function ActionError({
  error,
}: {
  error: { message: string; fields: Array<[string, string]> } | null;
}) {
  if (!error) return null;
  return (
    <div role="alert" data-testid="action-error">
      {error.fields.length ? (
        error.fields.map(([field, message]) => (
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

/** An obligation under a direction: a task with the party responsible and a deadline. */
function ObligationForm({
  direction,
  user,
  onDone,
}: {
  direction: Direction;
  user: User;
  onDone: () => void;
}) {
  const { t } = useLang();
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState<PartyValue>(EMPTY_PARTY);
  const [deadline, setDeadline] = useState('');
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await action.run(() =>
      api(createTaskRoute, {
        body: {
          agreementDirectionId: direction.id,
          title,
          owner: partyInput(owner),
          deadline: deadline.trim() || null,
          status: 'planned',
        },
      }),
    );
    if (ok) {
      setTitle('');
      setDeadline('');
      onDone();
    }
  };
  return (
    <form className="work-form" onSubmit={(e) => void submit(e)} data-testid="obligation-form">
      <input
        aria-label={t('Обязательство', 'Obligation')}
        placeholder={t('Обязательство', 'Obligation')}
        data-testid="obligation-title"
        value={title}
        onChange={(e) => setTitle(e.target.value)}
      />{' '}
      <PartyPicker value={owner} onChange={setOwner} user={user} testId="obligation-owner" />{' '}
      <input
        aria-label={t('Срок', 'Deadline')}
        placeholder={t('Срок: 31.12.2025', 'Deadline: 31.12.2025')}
        data-testid="obligation-deadline"
        value={deadline}
        onChange={(e) => setDeadline(e.target.value)}
      />{' '}
      <button type="submit" className="button" disabled={action.busy} data-testid="obligation-add">
        {t('Добавить обязательство', 'Add obligation')}
      </button>
      <ActionError error={action.error} />
    </form>
  );
}

function DirectionItem({
  direction,
  user,
  canEdit,
  onChanged,
  onRemoved,
}: {
  direction: Direction;
  user: User | null;
  canEdit: boolean;
  onChanged: () => void;
  onRemoved: (direction: Direction) => void;
}) {
  const { t } = useLang();
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(direction.title);
  const action = useAction();
  return (
    <li data-testid="direction" data-direction={direction.id}>
      {editing ? (
        <form
          className="work-form"
          onSubmit={(e) => {
            e.preventDefault();
            void action
              .run(() =>
                api(updateAgreementDirectionRoute, {
                  params: { id: direction.id },
                  body: { version: direction.version, title },
                }),
              )
              .then((ok) => {
                if (ok) {
                  setEditing(false);
                  onChanged();
                }
              });
          }}
        >
          <input
            aria-label={t('Направление', 'Direction')}
            data-testid="direction-edit-title"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />{' '}
          <button
            type="submit"
            className="button"
            data-testid="direction-save"
            disabled={action.busy}
          >
            {t('Сохранить', 'Save')}
          </button>{' '}
          <button type="button" className="button" onClick={() => setEditing(false)}>
            {t('Отмена', 'Cancel')}
          </button>
        </form>
      ) : (
        <strong data-testid="direction-title">{direction.title}</strong>
      )}
      {canEdit && !editing ? (
        <>
          {' '}
          <button
            type="button"
            className="link-button"
            data-testid="direction-edit"
            onClick={() => setEditing(true)}
          >
            {t('изменить', 'edit')}
          </button>{' '}
          <button
            type="button"
            className="link-button"
            data-testid="direction-remove"
            onClick={() =>
              void action
                .run(() =>
                  api(removeAgreementDirectionRoute, {
                    params: { id: direction.id },
                    query: { version: direction.version },
                  }),
                )
                .then((ok) => ok && onRemoved(direction))
            }
          >
            {t('удалить', 'delete')}
          </button>
        </>
      ) : null}
      <ActionError error={action.error} />
      {direction.obligations.length ? (
        <ul className="plain-list tasks" data-testid="obligations">
          {direction.obligations.map((task) => (
            <li key={task.id} data-testid="obligation">
              {task.title} — <TaskSummary task={task} />
              <MarkDone task={task} canEdit={canEdit} onDone={onChanged} />
            </li>
          ))}
        </ul>
      ) : null}
      {canEdit && user ? (
        <ObligationForm direction={direction} user={user} onDone={onChanged} />
      ) : null}
    </li>
  );
}

function DeleteAgreement({ work, onDeleted }: { work: AgreementWork; onDeleted: () => void }) {
  const { t } = useLang();
  const [open, setOpen] = useState(false);
  const action = useAction();
  return (
    <>
      <button
        type="button"
        className="button danger-outline"
        data-testid="agreement-delete"
        onClick={() => setOpen(true)}
      >
        {t('Удалить', 'Delete')}
      </button>
      {open ? (
        <Dialog
          title={t('Удалить соглашение?', 'Delete the agreement?')}
          onClose={() => setOpen(false)}
          testId="delete-dialog"
        >
          <ActionError error={action.error} />
          <p>
            {t(
              `«${work.agreement.title}» будет помечено удалённым. Администратор может его восстановить.`,
              `«${work.agreement.title}» will be marked deleted. An administrator can restore it.`,
            )}
          </p>
          <div className="form-buttons">
            <button
              type="button"
              className="button danger"
              disabled={action.busy}
              data-testid="confirm-delete"
              onClick={() =>
                void action
                  .run(() =>
                    api(agreementWrites.remove, {
                      params: { id: work.agreement.id },
                      query: { version: work.version },
                    }),
                  )
                  .then((ok) => ok && onDeleted())
              }
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

/** The agreement at work, under its profile: edit and delete, directions and their obligations. */
export function AgreementWorkPanel({
  agreementId,
  onChanged,
  onDeleted,
}: {
  agreementId: number;
  onChanged: () => void;
  onDeleted: () => void;
}) {
  const { t } = useLang();
  const { user } = useSession();
  const work = useRoute(agreementWorkRoute, { params: { id: agreementId } });
  const [title, setTitle] = useState('');
  const [removed, setRemoved] = useState<Direction | null>(null);
  const add = useAction();
  const undo = useAction();
  const canEdit = canEditRegistry(user);
  if (!work.data) return null;
  const changed = () => {
    work.reload();
    onChanged();
  };
  return (
    <div className="programme-work" data-testid="agreement-work">
      {canEdit ? (
        <div className="toolbar-buttons" role="toolbar" aria-label={t('Изменение', 'Editing')}>
          <Link
            className="button"
            to={`/agreements/${agreementId}/edit`}
            data-testid="agreement-edit"
          >
            {t('Изменить', 'Edit')}
          </Link>{' '}
          <DeleteAgreement work={work.data} onDeleted={onDeleted} />
        </div>
      ) : null}
      {work.data.subject ? (
        <Section title={t('Предмет соглашения', 'Subject')}>
          <p data-testid="subject">{work.data.subject}</p>
        </Section>
      ) : null}
      <Section
        title={t('Направления и обязательства', 'Directions and obligations')}
        count={work.data.directions.length}
      >
        <ol className="numbered" data-testid="work-directions">
          {work.data.directions.map((d) => (
            <DirectionItem
              key={`${d.id}:${d.version}`}
              direction={d}
              user={user}
              canEdit={canEdit}
              onChanged={changed}
              onRemoved={(direction) => {
                setRemoved(direction);
                changed();
              }}
            />
          ))}
        </ol>
        {removed ? (
          <div className="notice" role="status" data-testid="direction-removed">
            {t(`Направление «${removed.title}» удалено.`, `Direction «${removed.title}» deleted.`)}{' '}
            <button
              type="button"
              className="button small"
              data-testid="direction-restore"
              disabled={undo.busy}
              onClick={() =>
                void undo
                  .run(() => api(restoreAgreementDirectionRoute, { params: { id: removed.id } }))
                  .then((ok) => {
                    if (ok) {
                      setRemoved(null);
                      changed();
                    }
                  })
              }
            >
              {t('Вернуть', 'Restore')}
            </button>
            <ActionError error={undo.error} />
          </div>
        ) : null}
        {canEdit ? (
          <form
            className="work-form"
            data-testid="direction-form"
            onSubmit={(e) => {
              e.preventDefault();
              void add
                .run(() =>
                  api(addAgreementDirectionRoute, { params: { id: agreementId }, body: { title } }),
                )
                .then((ok) => {
                  if (ok) {
                    setTitle('');
                    changed();
                  }
                });
            }}
          >
            <input
              aria-label={t('Новое направление', 'New direction')}
              placeholder={t('Новое направление', 'New direction')}
              data-testid="direction-title-input"
              value={title}
              onChange={(e) => setTitle(e.target.value)}
            />{' '}
            <button
              type="submit"
              className="button"
              disabled={add.busy}
              data-testid="direction-add"
            >
              {t('Добавить направление', 'Add direction')}
            </button>
            <ActionError error={add.error} />
          </form>
        ) : null}
      </Section>
    </div>
  );
}
