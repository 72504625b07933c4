import type { Cluster, SupportAward } from '@promatlas/core/api/registry.schema.ts';
import {
  AsOf,
  EntityLink,
  Fields,
  RefList,
  Section,
  SourceChip,
} from '../../components/common.tsx';
import { FactList, RoleLinks } from '../../components/facts.tsx';
import { ProfileHeader } from '../../components/ProfileHeader.tsx';
import { formatAmount } from '../../lib/format.ts';
import { CLUSTER_KINDS, CLUSTER_STATUSES, label } from '../../lib/labels.ts';
import { ProfilePage } from './useProfile.tsx';

export function SupportList({ support }: { support: SupportAward[] }) {
  if (support.length === 0) return null;
  return (
    <Section title="Полученная поддержка" count={support.length}>
      <ul className="facts">
        {support.map((award) => (
          <li key={award.id} className="fact" data-testid="support">
            <span className="fact-value">
              {award.amount !== null
                ? formatAmount(award.amount, award.currency, award.qualifier)
                : 'сумма не указана'}
            </span>
            <span className="fact-label">
              {award.provider ? (
                <>
                  от <EntityLink entity={award.provider} />
                </>
              ) : null}
              {award.measure ? (
                <>
                  {' · '}
                  <EntityLink entity={award.measure} />
                </>
              ) : null}
              {award.programme ? ` · ${award.programme}` : ''}
              {award.projects.length ? (
                <>
                  {' · проекты: '}
                  {award.projects.map((p, i) => (
                    <span key={p.id}>
                      {i ? ', ' : ''}
                      <EntityLink entity={p} />
                    </span>
                  ))}
                </>
              ) : null}
            </span>
            <span className="fact-meta">
              <AsOf date={award.asOf} />
              <SourceChip source={award.source} />
            </span>
          </li>
        ))}
      </ul>
    </Section>
  );
}

export function ClusterProfile() {
  return (
    <ProfilePage<Cluster>
      collection="clusters"
      titleOf={(c) => c.name}
      header={(c) => (
        <ProfileHeader
          title={c.name}
          type={`${label(CLUSTER_KINDS, c.kind)} · ${label(CLUSTER_STATUSES, c.status).toLowerCase()}`}
          region={c.region}
          source={c.source}
        />
      )}
      history="cluster"
      editing={(c) => ({
        type: 'cluster',
        id: String(c.id),
        title: c.name,
        version: c.version,
        regions: [c.region?.code ?? null],
        actions: ['edit', 'delete', 'member', 'fact'],
      })}
    >
      {(c) => (
        <>
          <Section title="Сведения">
            <Fields
              rows={[
                ['Полное название', c.fullName],
                ['Специализация', c.specialisation],
                ['Статус', label(CLUSTER_STATUSES, c.status)],
                [
                  'Специализированная организация',
                  c.specialisedOrganisation ? (
                    <EntityLink entity={c.specialisedOrganisation} />
                  ) : null,
                  { always: true, empty: 'не указана' },
                ],
                ['Другие названия', c.aliases.length ? c.aliases.join('; ') : null],
              ]}
            />
          </Section>
          <FactList facts={c.facts} />
          <SupportList support={c.support} />
          <RoleLinks title="Участники" links={c.members} />
          {c.projects.length ? (
            <Section title="Проекты" count={c.projects.length}>
              <RefList items={c.projects} />
            </Section>
          ) : null}
          {c.events.length ? (
            <Section title="Мероприятия" count={c.events.length}>
              <RefList items={c.events} />
            </Section>
          ) : null}
        </>
      )}
    </ProfilePage>
  );
}
