import { Link } from 'react-router';
import { getActionPlanRoute, getAgreementRoute } from '@promatlas/core/api/contract/registry.ts';
import type { Agreement } from '@promatlas/core/api/registry.schema.ts';
import {
  EntityLink,
  Fields,
  RegionLink,
  Section,
  SourceChip,
} from '../../shared/components/common.tsx';
import { ProfileHeader } from '../../shared/components/ProfileHeader.tsx';
import { formatDate } from '../../shared/lib/format.ts';
import { roleLabel } from '../../shared/lib/labels.ts';
import { ProfilePage } from '../../shared/profile/ProfilePage.tsx';
import { api } from '../../shared/api/api.ts';
import { agreementWrites } from '@promatlas/core/api/contract/programme-work.ts';
import { AgreementWorkPanel } from './AgreementWork.tsx';
import { LangToggle, useLang } from './i18n.tsx';

type Party = Agreement['parties'][number];

function Parties({ parties, title }: { parties: Party[]; title: string }) {
  const { t } = useLang();
  if (parties.length === 0) return null;
  return (
    <Section title={title} count={parties.length}>
      <ul className="ref-list parties">
        {parties.map((party, index) => (
          <li key={index} data-testid="party">
            {party.organisation ? (
              <EntityLink entity={party.organisation} />
            ) : party.region ? (
              <RegionLink region={party.region} />
            ) : (
              <span className="muted">{t('сторона не указана', 'party not given')}</span>
            )}
            {party.organisation && party.region ? (
              <span className="muted">
                {' · '}
                <RegionLink region={party.region} />
              </span>
            ) : null}
            {party.role !== 'party' ? (
              <span className="muted"> · {roleLabel(party.role)}</span>
            ) : null}
            {party.signatory ? (
              <div className="signatory" data-testid="signatory">
                {t('Подписал(а)', 'Signed by')}: <EntityLink entity={party.signatory} />
                {party.signatoryTitle ? (
                  <span className="position"> — {party.signatoryTitle}</span>
                ) : null}
              </div>
            ) : null}{' '}
            <SourceChip source={party.source} />
          </li>
        ))}
      </ul>
    </Section>
  );
}

function NumberedList({
  title,
  items,
  testId,
}: {
  title: string;
  items: string[];
  testId: string;
}) {
  if (items.length === 0) return null;
  return (
    <Section title={title} count={items.length}>
      <ol className="numbered" data-testid={testId}>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ol>
    </Section>
  );
}

export function AgreementProfile() {
  const { t } = useLang();
  return (
    <ProfilePage
      route={getAgreementRoute}
      titleOf={(a) => a.title}
      header={(a) => (
        <ProfileHeader title={a.title} type={t('Соглашение', 'Agreement')} source={a.source}>
          <LangToggle />
        </ProfileHeader>
      )}
      restore={(id) => api(agreementWrites.restore, { params: { id } })}
    >
      {(a, page) => (
        <>
          <Section title={t('Сведения', 'Details')}>
            <Fields
              rows={[
                [t('Дата', 'Date'), formatDate(a.date), { always: true }],
                [t('Место', 'Place'), a.place],
                [
                  t('Подписано в рамках', 'Signed at'),
                  a.event ? <EntityLink entity={a.event} /> : null,
                ],
              ]}
            />
          </Section>
          <Parties
            parties={a.parties}
            title={t('Стороны и подписанты', 'Parties and signatories')}
          />
          <NumberedList
            title={t('Направления сотрудничества', 'Directions of cooperation')}
            items={a.directions}
            testId="directions"
          />
          <AgreementWorkPanel
            agreementId={a.id}
            onChanged={page.reload}
            onDeleted={page.markDeleted}
          />
        </>
      )}
    </ProfilePage>
  );
}

export function ActionPlanProfile() {
  const { t } = useLang();
  return (
    <ProfilePage
      route={getActionPlanRoute}
      titleOf={(p) => p.title}
      header={(p) => (
        <ProfileHeader title={p.title} type={t('План действий', 'Action plan')} source={p.source} />
      )}
    >
      {(p) => (
        <>
          <p className="muted small">
            <LangToggle />
          </p>
          <Section title={t('Сведения', 'Details')}>
            <Fields
              rows={[
                [t('Период', 'Period'), formatDate(p.period), { always: true }],
                [
                  t('Утверждён', 'Approved at'),
                  p.approvedAt ? <EntityLink entity={p.approvedAt} /> : null,
                ],
              ]}
            />
          </Section>
          <Parties parties={p.parties} title={t('Стороны', 'Parties')} />
          <NumberedList
            title={t('Направления (темы)', 'Directions (themes)')}
            items={p.themes}
            testId="themes"
          />
          <p>
            <Link to={`/action-plans/${p.id}/work`}>
              {t(
                'Мероприятия плана: сроки, статусы, флаги',
                'Measures: deadlines, statuses, flags',
              )}
            </Link>
          </p>
        </>
      )}
    </ProfilePage>
  );
}
