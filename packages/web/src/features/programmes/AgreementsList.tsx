import { Link } from 'react-router';
import { listAgreementsRoute } from '@promatlas/core/api/contract/registry.ts';
import { DASH, ListPage, type ListConfig } from '../../shared/components/ListPage.tsx';
import { useSession } from '../../shared/auth/session.ts';
import { canEditRegistry } from '../../shared/auth/permissions.ts';
import { formatDate } from '../../shared/lib/format.ts';
import { LangToggle, useLang } from './i18n.tsx';

export function AgreementsList() {
  const { t } = useLang();
  const { user } = useSession();
  const agreements: ListConfig<typeof listAgreementsRoute> = {
    title: t('Соглашения', 'Agreements'),
    route: listAgreementsRoute,
    rowKey: (a) => a.id,
    regionFilter: true,
    intro: (
      <p className="list-actions">
        {canEditRegistry(user) ? (
          <>
            <Link className="button primary" to="/agreements/new" data-testid="new-agreement">
              {t('Новое соглашение', 'New agreement')}
            </Link>{' '}
          </>
        ) : null}
        <LangToggle />
      </p>
    ),
    columns: [
      { title: t('Дата', 'Date'), sort: 'date', render: (a) => formatDate(a.date) ?? DASH },
      {
        title: t('Название', 'Title'),
        sort: 'title',
        render: (a) => <Link to={`/agreements/${a.id}`}>{a.title}</Link>,
      },
      { title: t('Стороны', 'Parties'), render: (a) => a.parties.join('; ') || DASH },
    ],
  };
  return <ListPage config={agreements} />;
}
