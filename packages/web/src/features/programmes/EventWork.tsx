import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import {
  addEventDecisionRoute,
  addEventParticipantRoute,
  createPlanOfEventRoute,
  decisionTaskRoute,
  eventWorkRoute,
  eventWrites,
  removeEventDecisionRoute,
  removeEventParticipantRoute,
  updateEventDecisionRoute,
} from '@promatlas/core/api/contract/programme-work.ts';
import type { User } from '@promatlas/core/api/accounts.schema.ts';
import type { Event } from '@promatlas/core/api/registry.schema.ts';
import type { EventWork } from '@promatlas/core/api/programmes.schema.ts';
import { PARTICIPATION_ROLES } from '@promatlas/core/domain/vocabulary.ts';
import { api, useRoute } from '../../shared/api/api.ts';

import { canEditRegistry } from '../../shared/auth/permissions.ts';
import { useSession } from '../../shared/auth/session.ts';
import { EntityLink, Section } from '../../shared/components/common.tsx';

import { useLang } from './i18n.tsx';
import {
  EMPTY_PARTY,
  PartyPicker,
  PositionSelect,
  RecordPicker,
  partyInput,
  type PartyValue,
  type Picked,
} from './pickers.tsx';
import { PersonPicker } from './PersonPicker.tsx';
import { TaskLine } from './TaskLine.tsx';
import { ActionError, DeleteRecordButton, useAction } from './work-actions.tsx';
import './programmes.css';

type Decision = EventWork['decisions'][number];

/** Participants as rows an editor removes, and the form that adds one. */
function ParticipantsEditor({
  work,
  onChanged,
  canEdit,
}: {
  work: EventWork;
  onChanged: () => void;
  canEdit: boolean;
}) {
  const { t, label } = useLang();
  const [kind, setKind] = useState<'organisation' | 'person'>('organisation');
  const [organisation, setOrganisation] = useState<Picked | null>(null);
  const [person, setPerson] = useState<Picked | null>(null);
  const [positionId, setPositionId] = useState<number | null>(null);
  const [role, setRole] = useState<string>('participant');
  const [open, setOpen] = useState(false);
  const add = useAction();
  const remove = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await add.run(() =>
      api(addEventParticipantRoute, {
        params: { id: work.event.id },
        body: {
          organisationId: organisation?.id ?? null,
          personId: kind === 'person' ? (person?.id ?? null) : null,
          positionId: kind === 'person' ? positionId : null,
          role: role as 'participant',
        },
      }),
    );
    if (ok) {
      setOrganisation(null);
      setPerson(null);
      setPositionId(null);
      onChanged();
    }
  };
  if (!open)
    return (
      <p>
        <button
          type="button"
          className="button"
          data-testid="participants-edit"
          onClick={() => setOpen(true)}
        >
          {t('Изменить состав участников', 'Edit the participants')}
        </button>
      </p>
    );
  return (
    <Section
      title={t('Участники: редактирование', 'Participants: editing')}
      count={work.participants.length}
    >
      <ul className="ref-list" data-testid="work-participants">
        {work.participants.map((p) => (
          <li key={p.id} data-testid="work-participant" data-role={p.role}>
            <span className="muted">{label(PARTICIPATION_ROLES, p.role)}:</span>{' '}
            {p.person ? <EntityLink entity={p.person} /> : null}
            {p.position ? <span className="position"> — {p.position.title}</span> : null}
            {p.person && p.organisation ? ' · ' : null}
            {p.organisation ? <EntityLink entity={p.organisation} /> : null}{' '}
            {canEdit ? (
              <button
                type="button"
                className="link-button"
                data-testid="participant-remove"
                onClick={() =>
                  void remove
                    .run(() =>
                      api(removeEventParticipantRoute, {
                        params: { id: p.id },
                        query: { version: p.version },
                      }),
                    )
                    .then((ok) => ok && onChanged())
                }
              >
                {t('убрать', 'remove')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      <ActionError error={remove.error} />
      {canEdit ? (
        <form className="work-form" onSubmit={(e) => void submit(e)} data-testid="participant-form">
          <select
            aria-label={t('Кто', 'Who')}
            data-testid="participant-kind"
            value={kind}
            onChange={(e) => setKind(e.target.value as 'organisation' | 'person')}
          >
            <option value="organisation">{t('Организация', 'Organisation')}</option>
            <option value="person">{t('Персона', 'Person')}</option>
          </select>{' '}
          {kind === 'person' ? (
            <>
              <PersonPicker
                value={person}
                onChange={(v) => {
                  setPerson(v && { id: v.id, title: v.title });
                  setPositionId(null);
                }}
                testId="participant-person"
              />{' '}
              {person ? (
                <PositionSelect
                  personId={person.id}
                  value={positionId}
                  onChange={setPositionId}
                  testId="participant-position"
                />
              ) : null}
            </>
          ) : (
            <RecordPicker
              types="organisation"
              value={organisation}
              onChange={setOrganisation}
              testId="participant-organisation"
            />
          )}{' '}
          <select
            aria-label={t('Роль', 'Role')}
            data-testid="participant-role"
            value={role}
            onChange={(e) => setRole(e.target.value)}
          >
            {PARTICIPATION_ROLES.values.map((r) => (
              <option key={r} value={r}>
                {label(PARTICIPATION_ROLES, r)}
              </option>
            ))}
          </select>{' '}
          <button
            type="submit"
            className="button"
            disabled={add.busy}
            data-testid="participant-add"
          >
            {t('Добавить участника', 'Add participant')}
          </button>
          <ActionError error={add.error} />
        </form>
      ) : null}
    </Section>
  );
}

/** A decision becomes a task: only the owner and the deadline are asked, the text is its title. */
function TaskForm({
  decision,
  work,
  user,
  onDone,
}: {
  decision: Decision;
  work: EventWork;
  user: User;
  onDone: () => void;
}) {
  const { t } = useLang();
  const [owner, setOwner] = useState<PartyValue>(EMPTY_PARTY);
  const [deadline, setDeadline] = useState('');
  const [planId, setPlanId] = useState<string>(
    work.producedPlans.length === 1 ? work.producedPlans[0]!.id : '',
  );
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await action.run(() =>
      api(decisionTaskRoute, {
        params: { id: decision.id },
        body: {
          owner: partyInput(owner),
          deadline: deadline.trim() || null,
          actionPlanId: planId ? Number(planId) : null,
        },
      }),
    );
    if (ok) onDone();
  };
  return (
    <form className="work-form task-form" onSubmit={(e) => void submit(e)} data-testid="task-form">
      <label>
        {t('Ответственный', 'Owner')}{' '}
        <PartyPicker value={owner} onChange={setOwner} user={user} testId="task-owner" />
      </label>{' '}
      <label>
        {t('Срок', 'Deadline')}{' '}
        <input
          data-testid="task-deadline-input"
          placeholder={t('31.12.2025 или «II квартал 2025»', '31.12.2025 or «II квартал 2025»')}
          value={deadline}
          onChange={(e) => setDeadline(e.target.value)}
        />
      </label>{' '}
      {work.producedPlans.length ? (
        <label>
          {t('В план', 'Into plan')}{' '}
          <select
            value={planId}
            onChange={(e) => setPlanId(e.target.value)}
            data-testid="task-plan"
          >
            <option value="">{t('— без плана —', '— no plan —')}</option>
            {work.producedPlans.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </select>
        </label>
      ) : null}{' '}
      <button
        type="submit"
        className="button primary"
        disabled={action.busy}
        data-testid="task-create"
      >
        {t('Создать задачу', 'Create task')}
      </button>
      {action.error
        ? Object.entries(action.error.fields).map(([field, message]) => (
            <p key={field} className="field-error" role="alert" data-testid={`error-${field}`}>
              {message}
            </p>
          ))
        : null}
      {action.error && Object.keys(action.error.fields).length === 0 ? (
        <ActionError error={action.error} />
      ) : null}
    </form>
  );
}

function DecisionItem({
  decision,
  work,
  user,
  canEdit,
  onChanged,
}: {
  decision: Decision;
  work: EventWork;
  user: User | null;
  canEdit: boolean;
  onChanged: () => void;
}) {
  const { t } = useLang();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(decision.text);
  const [tasking, setTasking] = useState(false);
  const action = useAction();
  return (
    <li data-testid="decision" data-decision={decision.id}>
      {editing ? (
        <form
          className="work-form"
          onSubmit={(e) => {
            e.preventDefault();
            void action
              .run(() =>
                api(updateEventDecisionRoute, {
                  params: { id: decision.id },
                  body: { version: decision.version, text },
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
          <textarea
            rows={2}
            value={text}
            aria-label={t('Текст решения', 'Decision text')}
            data-testid="decision-edit-text"
            onChange={(e) => setText(e.target.value)}
          />{' '}
          <button
            type="submit"
            className="button"
            data-testid="decision-save"
            disabled={action.busy}
          >
            {t('Сохранить', 'Save')}
          </button>{' '}
          <button type="button" className="button" onClick={() => setEditing(false)}>
            {t('Отмена', 'Cancel')}
          </button>
        </form>
      ) : (
        <span data-testid="decision-text">{decision.text}</span>
      )}
      {canEdit && !editing ? (
        <span className="decision-actions">
          {' '}
          <button type="button" className="link-button" onClick={() => setEditing(true)}>
            {t('изменить', 'edit')}
          </button>{' '}
          <button
            type="button"
            className="link-button"
            data-testid="decision-remove"
            onClick={() =>
              void action
                .run(() =>
                  api(removeEventDecisionRoute, {
                    params: { id: decision.id },
                    query: { version: decision.version },
                  }),
                )
                .then((ok) => ok && onChanged())
            }
          >
            {t('удалить', 'delete')}
          </button>{' '}
          {decision.tasks.length === 0 ? (
            <button
              type="button"
              className="button small"
              data-testid="decision-to-task"
              onClick={() => setTasking((v) => !v)}
            >
              {t('Сделать задачей', 'Make a task')}
            </button>
          ) : null}
        </span>
      ) : null}
      <ActionError error={action.error} />
      {tasking && user && decision.tasks.length === 0 ? (
        <TaskForm
          decision={decision}
          work={work}
          user={user}
          onDone={() => {
            setTasking(false);
            onChanged();
          }}
        />
      ) : null}
      {decision.tasks.length ? (
        <ul className="plain-list tasks">
          {decision.tasks.map((task) => (
            <TaskLine key={task.id} id={task.id} canEdit={canEdit} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

function DecisionsEditor({
  work,
  user,
  canEdit,
  onChanged,
}: {
  work: EventWork;
  user: User | null;
  canEdit: boolean;
  onChanged: () => void;
}) {
  const { t } = useLang();
  const [text, setText] = useState('');
  const action = useAction();
  if (!canEdit && work.decisions.length === 0) return null;
  return (
    <Section title={t('Решения', 'Decisions')} count={work.decisions.length}>
      {work.decisions.length ? (
        <ol className="numbered decisions" data-testid="decisions">
          {work.decisions.map((d) => (
            <DecisionItem
              key={`${d.id}:${d.version}`}
              decision={d}
              work={work}
              user={user}
              canEdit={canEdit}
              onChanged={onChanged}
            />
          ))}
        </ol>
      ) : (
        <p className="muted">{t('Решения не записаны', 'No decisions recorded')}</p>
      )}
      {canEdit ? (
        <form
          className="work-form"
          data-testid="decision-form"
          onSubmit={(e) => {
            e.preventDefault();
            void action
              .run(() =>
                api(addEventDecisionRoute, { params: { id: work.event.id }, body: { text } }),
              )
              .then((ok) => {
                if (ok) {
                  setText('');
                  onChanged();
                }
              });
          }}
        >
          <textarea
            rows={2}
            aria-label={t('Новое решение', 'New decision')}
            placeholder={t('Текст решения', 'Decision text')}
            data-testid="decision-text-input"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />{' '}
          <button
            type="submit"
            className="button"
            disabled={action.busy}
            data-testid="decision-add"
          >
            {t('Записать решение', 'Record decision')}
          </button>
          <ActionError error={action.error} />
        </form>
      ) : null}
    </Section>
  );
}

/** The programmes (action plans) the event produced, and a new one started from it. */
function ProducedPlans({
  work,
  event,
  canEdit,
  onChanged,
}: {
  work: EventWork;
  event: Event;
  canEdit: boolean;
  onChanged: () => void;
}) {
  const { t } = useLang();
  const [title, setTitle] = useState('');
  const action = useAction();
  if (!canEdit && work.producedPlans.length === 0) return null;
  return (
    <Section
      title={t('Порождённые программы (планы)', 'Programmes produced (plans)')}
      count={work.producedPlans.length}
    >
      <ul className="ref-list" data-testid="produced-plans">
        {work.producedPlans.map((p) => (
          <li key={p.id}>
            <EntityLink entity={p} /> ·{' '}
            <Link to={`/action-plans/${p.id}/work`}>{t('мероприятия плана', 'plan measures')}</Link>
          </li>
        ))}
      </ul>
      {canEdit ? (
        <form
          className="work-form"
          data-testid="plan-form"
          onSubmit={(e) => {
            e.preventDefault();
            void action
              .run(() =>
                api(createPlanOfEventRoute, {
                  body: {
                    title,
                    eventId: Number(work.event.id),
                    period: null,
                    parties: event.region ? [{ regionCode: event.region.code }] : [],
                  },
                }),
              )
              .then((ok) => {
                if (ok) {
                  setTitle('');
                  onChanged();
                }
              });
          }}
        >
          <input
            aria-label={t('Название плана', 'Plan title')}
            placeholder={t(
              'Например: программа развития кластера на 3 года',
              'E.g. a 3-year cluster development programme',
            )}
            data-testid="plan-title"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />{' '}
          <button type="submit" className="button" disabled={action.busy} data-testid="plan-create">
            {t('Создать план по итогам', 'Start a plan from this event')}
          </button>
          <ActionError error={action.error} />
        </form>
      ) : null}
    </Section>
  );
}

/**
 * The event at work, under its profile: edit and delete, participants,
 * decisions and the tasks made of them, the programmes it produced.
 */
export function EventWorkPanel({
  event,
  onChanged,
  onDeleted,
}: {
  event: Event;
  onChanged: () => void;
  onDeleted: () => void;
}) {
  const { t } = useLang();
  const { user } = useSession();
  const work = useRoute(eventWorkRoute, { params: { id: event.id } });
  const canEdit = canEditRegistry(user);
  if (!work.data) return null;
  const current = work.data;
  const changed = () => {
    work.reload();
    onChanged();
  };
  return (
    <div className="programme-work" data-testid="event-work">
      {canEdit ? (
        <div className="toolbar-buttons" role="toolbar" aria-label={t('Изменение', 'Editing')}>
          <Link className="button" to={`/events/${event.id}/edit`} data-testid="event-edit">
            {t('Изменить', 'Edit')}
          </Link>{' '}
          <DeleteRecordButton
            testId="event-delete"
            title={['Удалить мероприятие?', 'Delete the event?']}
            message={[
              `«${current.event.title}» будет помечено удалённым. Администратор может его восстановить, история сохранится.`,
              `«${current.event.title}» will be marked deleted. An administrator can restore it; its history is kept.`,
            ]}
            remove={() =>
              api(eventWrites.remove, {
                params: { id: current.event.id },
                query: { version: current.version },
              })
            }
            onDeleted={onDeleted}
          />
        </div>
      ) : null}
      {work.data.agenda ? (
        <Section title={t('Повестка', 'Agenda')}>
          <p className="agenda" data-testid="agenda">
            {work.data.agenda}
          </p>
        </Section>
      ) : null}
      {canEdit ? (
        <ParticipantsEditor work={work.data} canEdit={canEdit} onChanged={changed} />
      ) : null}
      <DecisionsEditor work={work.data} user={user} canEdit={canEdit} onChanged={changed} />
      <ProducedPlans work={work.data} event={event} canEdit={canEdit} onChanged={changed} />
    </div>
  );
}
