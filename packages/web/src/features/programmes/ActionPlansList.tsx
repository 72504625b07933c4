import { Link } from 'react-router';
import { listActionPlansRoute } from '@promatlas/core/api/contract/registry.ts';
import { DASH, ListPage, type ListConfig } from '../../shared/components/ListPage.tsx';
import { canEditRegistry } from '../../shared/auth/permissions.ts';
import { useSession } from '../../shared/auth/session.ts';
import { formatDate } from '../../shared/lib/format.ts';
import { LangToggle, useLang } from './i18n.tsx';

export function ActionPlansList() {
  const { t } = useLang();
  const { user } = useSession();
  const actionPlans: ListConfig<typeof listActionPlansRoute> = {
    title: t('Планы действий', 'Action plans'),
    route: listActionPlansRoute,
    rowKey: (p) => p.id,
    regionFilter: true,
    intro: (
      <p className="list-actions">
        {canEditRegistry(user) ? (
          <>
            <Link className="button primary" to="/action-plans/new" data-testid="new-plan">
              {t('Новый план действий', 'New action plan')}
            </Link>{' '}
          </>
        ) : null}
        <Link to="/programmes/regions" data-testid="region-dashboard-link">
          {t('Программы регионов: сроки и просрочки', 'Programmes by region: deadlines, overdue')}
        </Link>{' '}
        · <LangToggle />
      </p>
    ),
    columns: [
      {
        title: t('Период', 'Period'),
        sort: 'date',
        render: (p) => formatDate(p.period) ?? DASH,
      },
      {
        title: t('Название', 'Title'),
        sort: 'title',
        render: (p) => <Link to={`/action-plans/${p.id}`}>{p.title}</Link>,
      },
      { title: t('Направления', 'Themes'), render: (p) => p.themes.join('; ') || DASH },
    ],
  };
  return <ListPage config={actionPlans} />;
}
