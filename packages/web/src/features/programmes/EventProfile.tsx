import { getEventRoute } from '@promatlas/core/api/contract/registry.ts';
import type { EventParticipant } from '@promatlas/core/api/registry.schema.ts';
import type { EntityRef } from '@promatlas/core/api/common.schema.ts';
import { useRoute } from '../../shared/api/api.ts';
import {
  EntityLink,
  Fields,
  RefList,
  Section,
  SourceChip,
} from '../../shared/components/common.tsx';
import { FactList } from '../../shared/components/facts.tsx';
import { ProfileHeader } from '../../shared/components/ProfileHeader.tsx';
import { formatDate, withLegalForm } from '../../shared/lib/format.ts';
import { EVENT_KINDS, EVENT_STATUSES, label, roleLabel } from '../../shared/lib/labels.ts';
import { ProfilePage } from '../../shared/profile/ProfilePage.tsx';

const ROLE_ORDER = ['organiser', 'supporter', 'partner', 'opener', 'speaker', 'participant'];
const ROLE_HEADINGS: Record<string, string> = {
  organiser: 'Организаторы',
  supporter: 'При поддержке',
  partner: 'Совместно с',
  opener: 'Открыл(а) мероприятие',
  speaker: 'Выступили',
  participant: 'Участники',
};
const KIND_ORDER = [
  'enterprise',
  'foreign_company',
  'university',
  'research_institute',
  'college',
  'government_body',
  'development_institution',
  'association',
  'consultancy',
  'management_company',
  'media',
  'other',
];
const KIND_HEADINGS: Record<string, string> = {
  enterprise: 'Предприятия',
  foreign_company: 'Иностранные компании',
  university: 'Вузы',
  research_institute: 'Научно-исследовательские институты',
  college: 'Колледжи',
  government_body: 'Органы власти',
  development_institution: 'Институты развития',
  association: 'Ассоциации',
  consultancy: 'Консалтинговые компании',
  management_company: 'Управляющие компании',
  media: 'СМИ',
  other: 'Иные организации',
  person: 'Персоны',
};

const orderOf = (list: string[], key: string) => {
  const index = list.indexOf(key);
  return index === -1 ? list.length : index;
};

function Participant({ p }: { p: EventParticipant }) {
  return (
    <li
      data-testid="participant"
      data-role={p.role}
      data-kind={p.organisationKind ?? (p.person ? 'person' : '')}
    >
      {p.person ? (
        <>
          <EntityLink entity={p.person} />
          {p.positionTitle ? <span className="position"> — {p.positionTitle}</span> : null}
          {p.organisation ? (
            <>
              {' · '}
              <EntityLink entity={p.organisation} />
            </>
          ) : null}
        </>
      ) : p.organisation ? (
        <>
          <EntityLink entity={p.organisation}>
            {withLegalForm(p.organisation.title, p.legalForm)}
          </EntityLink>
          {p.town ? <span className="town"> · {p.town}</span> : null}
        </>
      ) : null}{' '}
      <SourceChip source={p.source} />
    </li>
  );
}

/** Participants grouped by role, and within a role by the kind of organisation. */
function Participants({ participants }: { participants: EventParticipant[] }) {
  if (participants.length === 0) return null;
  const roles = [...new Set(participants.map((p) => p.role))].sort(
    (a, b) => orderOf(ROLE_ORDER, a) - orderOf(ROLE_ORDER, b),
  );
  return (
    <Section title="Организаторы и участники" count={participants.length}>
      {roles.map((role) => {
        const inRole = participants.filter((p) => p.role === role);
        const kinds = [
          ...new Set(inRole.map((p) => p.organisationKind ?? (p.person ? 'person' : 'other'))),
        ].sort((a, b) => orderOf(KIND_ORDER, a) - orderOf(KIND_ORDER, b));
        const split = role === 'participant' && kinds.length > 1;
        return (
          <div key={role} className="role-group" data-testid={`role-${role}`}>
            <h3>
              {ROLE_HEADINGS[role] ?? roleLabel(role)}{' '}
              <span className="count">{inRole.length}</span>
            </h3>
            {split ? (
              kinds.map((kind) => {
                const group = inRole.filter(
                  (p) => (p.organisationKind ?? (p.person ? 'person' : 'other')) === kind,
                );
                return (
                  <div key={kind} className="kind-group" data-testid={`kind-${kind}`}>
                    <h4>
                      {KIND_HEADINGS[kind] ?? kind} <span className="count">{group.length}</span>
                    </h4>
                    <ul className="ref-list">
                      {group.map((p, i) => (
                        <Participant key={i} p={p} />
                      ))}
                    </ul>
                  </div>
                );
              })
            ) : (
              <ul className="ref-list">
                {inRole.map((p, i) => (
                  <Participant key={i} p={p} />
                ))}
              </ul>
            )}
          </div>
        );
      })}
    </Section>
  );
}

/** A follow-up event, with its date and goals, loaded alongside. */
function FollowUp({ event }: { event: EntityRef }) {
  const next = useRoute(getEventRoute, { params: { id: event.id } });
  return (
    <li data-testid="follow-up">
      <EntityLink entity={event} />
      {next.data ? (
        <>
          {next.data.date ? <span className="muted"> · {formatDate(next.data.date)}</span> : null}
          <span className="muted"> · {label(EVENT_STATUSES, next.data.status).toLowerCase()}</span>
          {next.data.goals.length ? (
            <ul className="plain-list">
              {next.data.goals.map((goal) => (
                <li key={goal}>{goal}</li>
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
    </li>
  );
}

function TextList({ title, items }: { title: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <Section title={title}>
      <ul className="plain-list">
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </Section>
  );
}

export function EventProfile() {
  return (
    <ProfilePage
      route={getEventRoute}
      titleOf={(e) => e.title}
      header={(e) => (
        <ProfileHeader
          title={e.title}
          type={`${label(EVENT_KINDS, e.kind)} · ${label(EVENT_STATUSES, e.status).toLowerCase()}`}
          region={e.region}
          source={e.source}
        />
      )}
      history="event"
      editing={(e) => ({
        type: 'event',
        id: String(e.id),
        title: e.title,
        regions: [e.region?.code ?? null],
        actions: ['fact'],
      })}
    >
      {(e) => (
        <>
          <Section title="Сведения">
            <Fields
              rows={[
                ['Дата', formatDate(e.date), { always: true }],
                ['Место', e.place],
                ['Продолжение мероприятия', e.follows ? <EntityLink entity={e.follows} /> : null],
              ]}
            />
          </Section>
          <TextList title="Цели" items={e.goals} />
          <TextList title="Темы" items={e.topics} />
          <TextList title="Категории участников" items={e.participantCategories} />
          <Participants participants={e.participants} />
          <TextList title="Итоги" items={e.outcomes} />
          {e.followedBy.length ? (
            <Section title="Следующие мероприятия">
              <ul className="ref-list">
                {e.followedBy.map((next) => (
                  <FollowUp key={next.id} event={next} />
                ))}
              </ul>
            </Section>
          ) : null}
          {e.agreements.length ? (
            <Section title="Соглашения" count={e.agreements.length}>
              <RefList items={e.agreements} />
            </Section>
          ) : null}
          {e.actionPlans.length ? (
            <Section title="Планы действий" count={e.actionPlans.length}>
              <RefList items={e.actionPlans} />
            </Section>
          ) : null}
          <FactList facts={e.facts} title="Сведения из источников" />
        </>
      )}
    </ProfilePage>
  );
}
