import { getRegionRoute } from '@promatlas/core/api/contract/registry.ts';
import { Link } from 'react-router';
import { AsOf, EntityLink, Fields, RefList, Section } from '../../shared/components/common.tsx';
import { FactList } from '../../shared/components/facts.tsx';
import { ProfileHeader } from '../../shared/components/ProfileHeader.tsx';
import { formatNumber } from '../../shared/lib/format.ts';
import { ProfilePage } from '../../shared/profile/ProfilePage.tsx';
import type { EntityRef } from '@promatlas/core/api/common.schema.ts';

function RefSection({
  title,
  items,
  total,
}: {
  title: string;
  items: EntityRef[];
  total?: number;
}) {
  if (items.length === 0) return null;
  return (
    <Section title={title} count={total ?? items.length}>
      <RefList items={items} />
      {total !== undefined && total > items.length ? (
        <p className="muted">
          Показаны первые {items.length} из {formatNumber(total)}.
        </p>
      ) : null}
    </Section>
  );
}

export function RegionProfile() {
  return (
    <ProfilePage
      route={getRegionRoute}
      titleOf={(r) => r.name}
      header={(r) => (
        <ProfileHeader
          title={r.name}
          type={`Субъект Российской Федерации · ${r.federalDistrict.name} федеральный округ`}
        >
          <Link to={`/reports/region/${r.code}`} data-testid="report-link">
            Отчёт для печати (A4, XLSX, PDF)
          </Link>{' '}
          ·{' '}
          <Link to={`/regions/${r.code}/programmes`} data-testid="region-programmes-link">
            Программы региона: планы, сроки, просрочки
          </Link>
        </ProfileHeader>
      )}
      history="region"
      editing={(r) => ({
        type: 'region',
        id: r.code,
        title: r.name,
        regions: [r.code],
        actions: ['fact'],
      })}
    >
      {(r) => (
        <>
          <Section title="Сведения">
            <Fields
              rows={[
                ['Код региона в PromAtlas (ОКАТО)', r.code],
                ['ОКАТО', r.okato],
                ['ОКТМО', r.oktmo],
                ['ISO 3166-2', r.isoCode],
                ['Федеральный округ', r.federalDistrict.name],
                ['Другие названия', r.aliases.length ? r.aliases.join('; ') : null],
              ]}
            />
            <p className="counts">
              Организаций: <strong>{formatNumber(r.counts.organisations)}</strong> · площадок:{' '}
              <strong>{formatNumber(r.counts.sites)}</strong> · кластеров:{' '}
              <strong>{formatNumber(r.counts.clusters)}</strong>
            </p>
          </Section>
          <FactList facts={r.facts} />
          <RefSection title="Площадки" items={r.sites} />
          <RefSection title="Кластеры" items={r.clusters} />
          <RefSection title="Мероприятия" items={r.events} />
          <RefSection title="Соглашения" items={r.agreements} />
          <RefSection title="Планы действий" items={r.actionPlans} />
          <RefSection title="Проекты" items={r.projects} />
          {r.people.length ? (
            <Section title="Люди" count={r.people.length}>
              <ul className="ref-list">
                {r.people.map((p, index) => (
                  <li key={index}>
                    <EntityLink entity={p.person} /> — {p.title} <AsOf date={p.asOf} />
                  </li>
                ))}
              </ul>
            </Section>
          ) : null}
          <RefSection title="Организации" items={r.organisations} total={r.counts.organisations} />
        </>
      )}
    </ProfilePage>
  );
}
