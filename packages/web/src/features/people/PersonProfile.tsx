import { getPersonRoute } from '@promatlas/core/api/contract/registry.ts';
import { addPositionAction } from './add-position-action.ts';
import {
  AsOf,
  EntityLink,
  RegionLink,
  Section,
  SourceChip,
} from '../../shared/components/common.tsx';
import { RoleLinks } from '../../shared/components/facts.tsx';
import { ProfileHeader } from '../../shared/components/ProfileHeader.tsx';
import { ProfilePage } from '../../shared/profile/ProfilePage.tsx';

export function PersonProfile() {
  return (
    <ProfilePage
      route={getPersonRoute}
      titleOf={(p) => p.fullName}
      header={(p) => (
        <ProfileHeader title={p.fullName} type="Персона" source={p.source}>
          {p.currentTitle ? <p className="lead">{p.currentTitle}</p> : null}
        </ProfileHeader>
      )}
      history="person"
      editing={(p) => ({
        type: 'person',
        id: String(p.id),
        title: p.fullName,
        version: p.version,
        // The server also counts the regions of the organisations the person works at.
        regions: p.positions.map((position) => position.region?.code ?? null),
        anyEditorWhenNoRegion: true,
        actions: ['edit', 'delete', addPositionAction],
      })}
    >
      {(p) => (
        <>
          <Section title="Должности" count={p.positions.length}>
            {p.positions.length ? (
              <ul className="ref-list positions" data-testid="positions">
                {p.positions.map((position) => (
                  <li key={position.id} data-testid="position">
                    <strong>{position.title}</strong>
                    {position.organisation ? (
                      <>
                        {' · '}
                        <EntityLink entity={position.organisation} />
                      </>
                    ) : null}
                    {position.region ? (
                      <>
                        {' · '}
                        <RegionLink region={position.region} />
                      </>
                    ) : null}{' '}
                    <AsOf date={position.asOf} /> <SourceChip source={position.source} />
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">не указаны</p>
            )}
          </Section>
          <RoleLinks title="Мероприятия" links={p.events} />
          <RoleLinks title="Соглашения" links={p.agreements} />
        </>
      )}
    </ProfilePage>
  );
}
