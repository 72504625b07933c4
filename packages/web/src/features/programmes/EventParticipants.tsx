import { useState, type FormEvent } from 'react';
import {
  addEventParticipantRoute,
  removeEventParticipantRoute,
} from '@promatlas/core/api/contract/programme-work.ts';
import type { EventWork } from '@promatlas/core/api/programmes.schema.ts';
import { PARTICIPATION_ROLES } from '@promatlas/core/domain/vocabulary.ts';
import { api } from '../../shared/api/api.ts';
import { EntityLink, Section } from '../../shared/components/common.tsx';
import { useLang } from './i18n.tsx';
import { PersonPicker } from './PersonPicker.tsx';
import { PositionSelect, RecordPicker, type Picked } from './pickers.tsx';
import { ActionError, useAction } from './work-actions.tsx';

/** Participants as rows an editor removes, and the form that adds one. */
export function ParticipantsEditor({
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
