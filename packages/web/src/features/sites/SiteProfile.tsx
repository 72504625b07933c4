import { getSiteRoute } from '@promatlas/core/api/contract/registry.ts';
import {
  EntityLink,
  Fields,
  RefList,
  Section,
  SourceChip,
} from '../../shared/components/common.tsx';
import { FactList, RoleLinks } from '../../shared/components/facts.tsx';
import { ProfileHeader } from '../../shared/components/ProfileHeader.tsx';
import { SEZ_TYPES, SITE_KINDS, label } from '../../shared/lib/labels.ts';
import { ProfilePage } from '../../shared/profile/ProfilePage.tsx';

export function SiteProfile() {
  return (
    <ProfilePage
      route={getSiteRoute}
      titleOf={(s) => s.name}
      header={(s) => (
        <ProfileHeader
          title={s.name}
          type={
            s.sezType
              ? `${label(SITE_KINDS, s.kind)} · ${label(SEZ_TYPES, s.sezType)}`
              : label(SITE_KINDS, s.kind)
          }
          region={s.region}
          source={s.source}
        />
      )}
      history="site"
      editing={(s) => ({
        type: 'site',
        id: String(s.id),
        title: s.name,
        version: s.version,
        regions: [s.region?.code ?? null],
        actions: ['edit', 'delete', 'fact'],
      })}
    >
      {(s) => {
        // The SEZ type is a field of the site; a fact repeating it would only duplicate the line.
        const facts = s.facts.filter((f) => f.property !== 'sez_type' || !s.sezType);
        const sezTypeFact = s.facts.find((f) => f.property === 'sez_type');
        return (
          <>
            <Section title="Сведения">
              <Fields
                rows={[
                  ['Полное название', s.fullName],
                  ['Вид площадки', label(SITE_KINDS, s.kind)],
                  [
                    'Тип ОЭЗ (116-ФЗ)',
                    s.sezType ? (
                      <span data-testid="sez-type">
                        {label(SEZ_TYPES, s.sezType)}{' '}
                        {sezTypeFact ? <SourceChip source={sezTypeFact.source} /> : null}
                      </span>
                    ) : null,
                  ],
                  [
                    'Управляющая компания',
                    s.managementCompany ? <EntityLink entity={s.managementCompany} /> : null,
                    { always: s.kind === 'sez', empty: 'не указана' },
                  ],
                  ['Населённый пункт', s.town],
                  ['Специализация', s.specialisation],
                  ['Другие названия', s.aliases.length ? s.aliases.join('; ') : null],
                  [
                    'Координаты',
                    s.latitude !== null && s.longitude !== null
                      ? `${s.latitude.toFixed(4)}, ${s.longitude.toFixed(4)}`
                      : null,
                    { always: true, empty: 'не указаны' },
                  ],
                ]}
              />
            </Section>
            <FactList facts={facts} />
            {s.ratings.length ? (
              <Section title="Места в рейтингах" count={s.ratings.length}>
                <ul className="facts">
                  {[...s.ratings]
                    .sort((a, b) => a.year - b.year)
                    .map((r, index) => (
                      <li key={index} className="fact" data-testid="rating-place">
                        <span className="fact-value">{r.place}-е место</span>
                        <span className="fact-label">
                          <EntityLink entity={r.rating} /> · {r.editionLabel}
                          {r.peerGroup ? ` · ${r.peerGroup}` : ''}
                        </span>
                        <span className="fact-meta">
                          <SourceChip source={r.source} />
                        </span>
                      </li>
                    ))}
                </ul>
              </Section>
            ) : null}
            <RoleLinks title="Резиденты" links={s.residents} groupByRole={false} />
            {s.projects.length ? (
              <Section title="Проекты" count={s.projects.length}>
                <RefList items={s.projects} />
              </Section>
            ) : null}
          </>
        );
      }}
    </ProfilePage>
  );
}
