import { Link } from 'react-router';
import type { PersonListItem } from '@promatlas/core/api/registry.schema.ts';
import { DASH, ListPage, type ListConfig } from '../../shared/components/ListPage.tsx';

const people: ListConfig<PersonListItem> = {
  title: 'Люди',
  endpoint: '/api/people',
  rowKey: (p) => p.id,
  regionFilter: true,
  columns: [
    { title: 'ФИО', sort: 'name', render: (p) => <Link to={`/people/${p.id}`}>{p.fullName}</Link> },
    { title: 'Последняя известная должность', render: (p) => p.currentTitle ?? DASH },
  ],
};

export const PeopleList = () => <ListPage config={people} />;
