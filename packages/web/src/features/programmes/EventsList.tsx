import { Link } from 'react-router';
import { listEventsRoute } from '@promatlas/core/api/contract/registry.ts';
import {
  DASH,
  vocabularyOptions,
  ListPage,
  type ListConfig,
} from '../../shared/components/ListPage.tsx';
import { RegionLink } from '../../shared/components/common.tsx';
import { formatDate } from '../../shared/lib/format.ts';
import { EVENT_KINDS, EVENT_STATUSES, label } from '../../shared/lib/labels.ts';

const events: ListConfig<typeof listEventsRoute> = {
  title: 'Мероприятия',
  route: listEventsRoute,
  rowKey: (e) => e.id,
  regionFilter: true,
  selects: [{ param: 'kind', label: 'Вид', options: vocabularyOptions(EVENT_KINDS) }],
  columns: [
    { title: 'Дата', sort: 'date', render: (e) => formatDate(e.date) ?? DASH },
    {
      title: 'Название',
      sort: 'title',
      render: (e) => <Link to={`/events/${e.id}`}>{e.title}</Link>,
    },
    { title: 'Вид', render: (e) => label(EVENT_KINDS, e.kind) },
    { title: 'Статус', render: (e) => label(EVENT_STATUSES, e.status) },
    { title: 'Регион', render: (e) => (e.region ? <RegionLink region={e.region} /> : DASH) },
  ],
};

export const EventsList = () => <ListPage config={events} />;
