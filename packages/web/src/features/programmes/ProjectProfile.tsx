import { getProjectRoute } from '@promatlas/core/api/contract/registry.ts';
import { EntityLink, Fields, Section } from '../../shared/components/common.tsx';
import { FactList, RoleLinks } from '../../shared/components/facts.tsx';
import { ProfileHeader } from '../../shared/components/ProfileHeader.tsx';
import { formatDate } from '../../shared/lib/format.ts';
import { PROJECT_KINDS, PROJECT_STATUSES, label } from '../../shared/lib/labels.ts';
import { SupportList } from '../../shared/components/SupportList.tsx';
import { ProfilePage } from '../../shared/profile/ProfilePage.tsx';

export function ProjectProfile() {
  return (
    <ProfilePage
      route={getProjectRoute}
      titleOf={(p) => p.title}
      header={(p) => (
        <ProfileHeader
          title={p.title}
          type={label(PROJECT_KINDS, p.kind)}
          region={p.region}
          source={p.source}
        />
      )}
      history="project"
      editing={(p) => ({
        type: 'project',
        id: String(p.id),
        title: p.title,
        regions: [p.region?.code ?? null],
        actions: ['fact'],
      })}
    >
      {(p) => (
        <>
          <Section title="Сведения">
            <Fields
              rows={[
                ['Статус', p.status ? label(PROJECT_STATUSES, p.status) : null],
                ['Срок', formatDate(p.date), { always: true }],
                ['Описание', p.description],
                ['Кластер', p.cluster ? <EntityLink entity={p.cluster} /> : null],
                ['Площадка', p.site ? <EntityLink entity={p.site} /> : null],
              ]}
            />
          </Section>
          <RoleLinks title="Участники" links={p.participants} />
          <FactList facts={p.facts} />
          <SupportList support={p.support} />
        </>
      )}
    </ProfilePage>
  );
}
