import { useState, type FormEvent } from 'react';
import {
  addEventDecisionRoute,
  decisionTaskRoute,
  removeEventDecisionRoute,
  updateEventDecisionRoute,
} from '@promatlas/core/api/contract/programme-work.ts';
import type { User } from '@promatlas/core/api/accounts.schema.ts';
import type { EventWork } from '@promatlas/core/api/programmes.schema.ts';
import { api } from '../../shared/api/api.ts';
import { Section } from '../../shared/components/common.tsx';
import { useLang } from './i18n.tsx';
import { InlineEdit } from './InlineEdit.tsx';
import { EMPTY_PARTY, PartyPicker, partyInput, type PartyValue } from './pickers.tsx';
import { TaskLine } from './TaskLine.tsx';
import { ActionError, useAction } from './work-actions.tsx';

type Decision = EventWork['decisions'][number];

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
  const [tasking, setTasking] = useState(false);
  const action = useAction();
  return (
    <li data-testid="decision" data-decision={decision.id}>
      <InlineEdit
        text={decision.text}
        multiline
        label={['Текст решения', 'Decision text']}
        view={<span data-testid="decision-text">{decision.text}</span>}
        canEdit={canEdit}
        save={(text) =>
          api(updateEventDecisionRoute, {
            params: { id: decision.id },
            body: { version: decision.version, text },
          })
        }
        onSaved={onChanged}
        testIds={{ field: 'decision-edit-text', save: 'decision-save' }}
        errors={(error) => <ActionError error={error} />}
        actions={
          <>
            {' '}
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
          </>
        }
      />
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

export function DecisionsEditor({
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
