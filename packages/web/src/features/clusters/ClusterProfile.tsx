import { Link } from 'react-router';
import { getClusterRoute } from '@promatlas/core/api/contract/registry.ts';
import { addMemberAction } from './add-member-action.ts';
import { EntityLink, Fields, RefList, Section } from '../../shared/components/common.tsx';
import { FactList, RoleLinks } from '../../shared/components/facts.tsx';
import { ProfileHeader } from '../../shared/components/ProfileHeader.tsx';
import { CLUSTER_KINDS, CLUSTER_STATUSES, label } from '../../shared/lib/labels.ts';
import { SupportList } from '../../shared/components/SupportList.tsx';
import { ProfilePage } from '../../shared/profile/ProfilePage.tsx';
import { CooperationSection } from './cooperation/CooperationSection.tsx';

export function ClusterProfile() {
  return (
    <ProfilePage
      route={getClusterRoute}
      titleOf={(c) => c.name}
      header={(c) => (
        <ProfileHeader
          title={c.name}
          type={`${label(CLUSTER_KINDS, c.kind)} · ${label(CLUSTER_STATUSES, c.status).toLowerCase()}`}
          region={c.region}
          source={c.source}
        >
          <Link to={`/reports/cluster/${c.id}`} data-testid="report-link">
            Паспорт кластера для печати (A4, XLSX, PDF)
          </Link>
        </ProfileHeader>
      )}
      history="cluster"
      editing={(c) => ({
        type: 'cluster',
        id: String(c.id),
        title: c.name,
        version: c.version,
        regions: [c.region?.code ?? null],
        actions: ['edit', 'delete', addMemberAction, 'fact'],
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
          <p>
            <Link to={`/support?cluster=${c.id}`} data-testid="cluster-subsidy-link">
              Рассчитать субсидию участнику (ПП РФ № 41)
            </Link>
          </p>
          <RoleLinks title="Участники" links={c.members} />
          <CooperationSection clusterId={c.id} />
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
