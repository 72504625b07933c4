import { getEventRoute } from '@promatlas/core/api/contract/registry.ts';
import type { EventParticipant } from '@promatlas/core/api/registry.schema.ts';
import type { EntityRef } from '@promatlas/core/api/common.schema.ts';
import { api, useRoute } from '../../shared/api/api.ts';
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
import { EVENT_KINDS, EVENT_STATUSES, ORGANISATION_KINDS } from '../../shared/lib/labels.ts';
import { PARTICIPATION_ROLES } from '@promatlas/core/domain/vocabulary.ts';
import { ProfilePage } from '../../shared/profile/ProfilePage.tsx';
import { eventWrites } from '@promatlas/core/api/contract/programme-work.ts';
import { EventWorkPanel } from './EventWork.tsx';
import { LangToggle, useLang } from './i18n.tsx';

const ROLE_ORDER = ['organiser', 'supporter', 'partner', 'opener', 'speaker', 'participant'];
const ROLE_HEADINGS: Record<string, [string, string]> = {
  organiser: ['Организаторы', 'Organisers'],
  supporter: ['При поддержке', 'Supported by'],
  partner: ['Совместно с', 'Together with'],
  opener: ['Открыл(а) мероприятие', 'Opened by'],
  speaker: ['Выступили', 'Speakers'],
  participant: ['Участники', 'Participants'],
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
const KIND_HEADINGS: Record<string, [string, string]> = {
  enterprise: ['Предприятия', 'Enterprises'],
  foreign_company: ['Иностранные компании', 'Foreign companies'],
  university: ['Вузы', 'Universities'],
  research_institute: ['Научно-исследовательские институты', 'Research institutes'],
  college: ['Колледжи', 'Colleges'],
  government_body: ['Органы власти', 'Government bodies'],
  development_institution: ['Институты развития', 'Development institutions'],
  association: ['Ассоциации', 'Associations'],
  consultancy: ['Консалтинговые компании', 'Consultancies'],
  management_company: ['Управляющие компании', 'Management companies'],
  media: ['СМИ', 'Media'],
  other: ['Иные организации', 'Other organisations'],
  person: ['Персоны', 'People'],
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
  const { t, lang, label } = useLang();
  const pick = (pair: [string, string] | undefined) =>
    pair ? pair[lang === 'en' ? 1 : 0] : undefined;
  if (participants.length === 0) return null;
  const roles = [...new Set(participants.map((p) => p.role))].sort(
    (a, b) => orderOf(ROLE_ORDER, a) - orderOf(ROLE_ORDER, b),
  );
  return (
    <Section
      title={t('Организаторы и участники', 'Organisers and participants')}
      count={participants.length}
    >
      {roles.map((role) => {
        const inRole = participants.filter((p) => p.role === role);
        const kinds = [
          ...new Set(inRole.map((p) => p.organisationKind ?? (p.person ? 'person' : 'other'))),
        ].sort((a, b) => orderOf(KIND_ORDER, a) - orderOf(KIND_ORDER, b));
        const split = role === 'participant' && kinds.length > 1;
        return (
          <div key={role} className="role-group" data-testid={`role-${role}`}>
            <h3>
              {pick(ROLE_HEADINGS[role]) ?? label(PARTICIPATION_ROLES, role)}{' '}
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
                      {pick(KIND_HEADINGS[kind]) ?? label(ORGANISATION_KINDS, kind)}{' '}
                      <span className="count">{group.length}</span>
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
  const { label } = useLang();
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
  const { t, label } = useLang();
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
        >
          <LangToggle />
        </ProfileHeader>
      )}
      history="event"
      restore={(id) => api(eventWrites.restore, { params: { id } })}
      editing={(e) => ({
        type: 'event',
        id: String(e.id),
        title: e.title,
        regions: [e.region?.code ?? null],
        actions: ['fact'],
      })}
    >
      {(e, page) => (
        <>
          <Section title={t('Сведения', 'Details')}>
            <Fields
              rows={[
                [t('Дата', 'Date'), formatDate(e.date), { always: true }],
                [t('Место', 'Place'), e.place],
                [
                  t('Продолжение мероприятия', 'Follows event'),
                  e.follows ? <EntityLink entity={e.follows} /> : null,
                ],
              ]}
            />
          </Section>
          <TextList title={t('Цели', 'Goals')} items={e.goals} />
          <TextList title={t('Темы', 'Topics')} items={e.topics} />
          <TextList
            title={t('Категории участников', 'Participant categories')}
            items={e.participantCategories}
          />
          <Participants participants={e.participants} />
          <TextList title={t('Итоги', 'Outcomes')} items={e.outcomes} />
          <EventWorkPanel event={e} onChanged={page.reload} onDeleted={page.markDeleted} />
          {e.followedBy.length ? (
            <Section title={t('Следующие мероприятия', 'Follow-up events')}>
              <ul className="ref-list">
                {e.followedBy.map((next) => (
                  <FollowUp key={next.id} event={next} />
                ))}
              </ul>
            </Section>
          ) : null}
          {e.agreements.length ? (
            <Section title={t('Соглашения', 'Agreements')} count={e.agreements.length}>
              <RefList items={e.agreements} />
            </Section>
          ) : null}
          {e.actionPlans.length ? (
            <Section title={t('Планы действий', 'Action plans')} count={e.actionPlans.length}>
              <RefList items={e.actionPlans} />
            </Section>
          ) : null}
          <FactList facts={e.facts} title={t('Сведения из источников', 'Facts from sources')} />
        </>
      )}
    </ProfilePage>
  );
}
