import { Link } from 'react-router';
import { listEventsRoute } from '@promatlas/core/api/contract/registry.ts';
import { EVENT_KINDS, EVENT_STATUSES } from '@promatlas/core/domain/vocabulary.ts';
import { DASH, ListPage, type ListConfig } from '../../shared/components/ListPage.tsx';
import { RegionLink } from '../../shared/components/common.tsx';
import { useSession } from '../../shared/auth/session.ts';
import { canEditRegistry } from '../../shared/auth/permissions.ts';
import { formatDate } from '../../shared/lib/format.ts';
import { LangToggle, useLang } from './i18n.tsx';

export function EventsList() {
  const { t, label, lang } = useLang();
  const { user } = useSession();
  const events: ListConfig<typeof listEventsRoute> = {
    title: t('Мероприятия', 'Events'),
    route: listEventsRoute,
    rowKey: (e) => e.id,
    regionFilter: true,
    intro: (
      <p className="list-actions">
        {canEditRegistry(user) ? (
          <>
            <Link className="button primary" to="/events/new" data-testid="new-event">
              {t('Новое мероприятие', 'New event')}
            </Link>{' '}
          </>
        ) : null}
        <Link to="/calendar" data-testid="calendar-link">
          {t('Календарь мероприятий и сроков', 'Calendar of events and deadlines')}
        </Link>{' '}
        · <LangToggle />
      </p>
    ),
    selects: [
      {
        param: 'kind',
        label: t('Вид', 'Kind'),
        options: Object.entries(lang === 'en' ? EVENT_KINDS.labelsEn : EVENT_KINDS.labels),
      },
    ],
    columns: [
      { title: t('Дата', 'Date'), sort: 'date', render: (e) => formatDate(e.date) ?? DASH },
      {
        title: t('Название', 'Title'),
        sort: 'title',
        render: (e) => <Link to={`/events/${e.id}`}>{e.title}</Link>,
      },
      { title: t('Вид', 'Kind'), render: (e) => label(EVENT_KINDS, e.kind) },
      { title: t('Статус', 'Status'), render: (e) => label(EVENT_STATUSES, e.status) },
      {
        title: t('Регион', 'Region'),
        render: (e) => (e.region ? <RegionLink region={e.region} /> : DASH),
      },
    ],
  };
  return <ListPage config={events} />;
}
