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

import { canEditRegistry } from '../../shared/auth/permissions.ts';
import { useSession } from '../../shared/auth/session.ts';
import { Section } from '../../shared/components/common.tsx';

import { useLang } from './i18n.tsx';
import { EMPTY_PARTY, PartyPicker, partyInput, type PartyValue } from './pickers.tsx';
import { InlineEdit } from './InlineEdit.tsx';
import { MarkDone, TaskSummary } from './TaskLine.tsx';
import { ActionFieldErrors, DeleteRecordButton, useAction } from './work-actions.tsx';
import './programmes.css';

type Direction = AgreementWork['directions'][number];

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
      <ActionFieldErrors error={action.error} />
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
  const action = useAction();
  return (
    <li data-testid="direction" data-direction={direction.id}>
      <InlineEdit
        text={direction.title}
        label={['Направление', 'Direction']}
        view={<strong data-testid="direction-title">{direction.title}</strong>}
        canEdit={canEdit}
        save={(title) =>
          api(updateAgreementDirectionRoute, {
            params: { id: direction.id },
            body: { version: direction.version, title },
          })
        }
        onSaved={onChanged}
        testIds={{ field: 'direction-edit-title', save: 'direction-save', edit: 'direction-edit' }}
        errors={(error) => <ActionFieldErrors error={error} />}
        actions={
          <>
            {' '}
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
        }
      />
      <ActionFieldErrors error={action.error} />
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
  const current = work.data;
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
          <DeleteRecordButton
            testId="agreement-delete"
            title={['Удалить соглашение?', 'Delete the agreement?']}
            message={[
              `«${current.agreement.title}» будет помечено удалённым. Администратор может его восстановить.`,
              `«${current.agreement.title}» will be marked deleted. An administrator can restore it.`,
            ]}
            remove={() =>
              api(agreementWrites.remove, {
                params: { id: current.agreement.id },
                query: { version: current.version },
              })
            }
            onDeleted={onDeleted}
          />
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
            <ActionFieldErrors error={undo.error} />
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
            <ActionFieldErrors error={add.error} />
          </form>
        ) : null}
      </Section>
    </div>
  );
}
