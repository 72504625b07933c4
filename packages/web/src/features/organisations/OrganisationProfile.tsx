import { getOrganisationRoute } from '@promatlas/core/api/contract/registry.ts';
import {
  AsOf,
  EntityLink,
  Fields,
  RefList,
  Section,
  SourceChip,
} from '../../shared/components/common.tsx';
import { FactList, RoleLinks } from '../../shared/components/facts.tsx';
import { ProfileHeader } from '../../shared/components/ProfileHeader.tsx';
import { ORGANISATION_KINDS, label } from '../../shared/lib/labels.ts';
import { ProfilePage } from '../../shared/profile/ProfilePage.tsx';

const COUNTRIES: Record<string, string> = {
  RU: 'Россия',
  BY: 'Беларусь',
  KZ: 'Казахстан',
  CN: 'Китай',
};

export function OrganisationProfile() {
  return (
    <ProfilePage
      route={getOrganisationRoute}
      titleOf={(o) => o.displayName}
      header={(o) => (
        <ProfileHeader
          title={o.displayName}
          type={label(ORGANISATION_KINDS, o.kind)}
          region={o.region}
          source={o.source}
        />
      )}
      history="organisation"
      editing={(o) => ({
        type: 'organisation',
        id: String(o.id),
        title: o.displayName,
        version: o.version,
        regions: [o.region?.code ?? null],
        actions: ['edit', 'delete', 'fact'],
      })}
    >
      {(o) => (
        <>
          <Section title="Сведения">
            <Fields
              rows={[
                ['Полное наименование', o.fullName !== o.displayName ? o.fullName : null],
                ['Сокращённое наименование', o.shortName],
                ['Организационно-правовая форма', o.legalForm],
                ['Населённый пункт', o.town],
                ['Страна', o.country !== 'RU' ? (COUNTRIES[o.country] ?? o.country) : null],
                ['ИНН', o.inn],
                ['ОГРН', o.ogrn],
                ['КПП', o.kpp],
                ['Описание', o.description],
                ['Другие названия', o.aliases.length ? o.aliases.join('; ') : null],
                ['Головная организация', o.parent ? <EntityLink entity={o.parent} /> : null],
              ]}
            />
          </Section>
          {o.children.length ? (
            <Section title="Подразделения и дочерние организации" count={o.children.length}>
              <RefList items={o.children} />
            </Section>
          ) : null}
          <FactList facts={o.facts} />
          {o.okved.length ? (
            <Section title="Виды деятельности (ОКВЭД2)">
              <ul className="ref-list">
                {o.okved.map((item) => (
                  <li key={item.code}>
                    <code>{item.code}</code> {item.name}
                    {item.isMain ? <span className="badge">основной</span> : null}
                  </li>
                ))}
              </ul>
            </Section>
          ) : null}
          {o.people.length ? (
            <Section title="Люди" count={o.people.length}>
              <ul className="ref-list">
                {o.people.map((p, index) => (
                  <li key={index}>
                    <EntityLink entity={p.person} /> — {p.title} <AsOf date={p.asOf} />{' '}
                    <SourceChip source={p.source} />
                  </li>
                ))}
              </ul>
            </Section>
          ) : null}
          {o.managedSites.length ? (
            <Section title="Управляет площадками">
              <RefList items={o.managedSites} />
            </Section>
          ) : null}
          <RoleLinks title="Кластеры" links={o.clusters} />
          <RoleLinks title="Площадки" links={o.sites} />
          <RoleLinks title="Мероприятия" links={o.events} />
          <RoleLinks title="Соглашения" links={o.agreements} />
          <RoleLinks title="Планы действий" links={o.actionPlans} />
          <RoleLinks title="Проекты" links={o.projects} />
        </>
      )}
    </ProfilePage>
  );
}
