import { Link } from 'react-router';
import { listPeopleRoute } from '@promatlas/core/api/contract/registry.ts';
import { DASH, ListPage, type ListConfig } from '../../shared/components/ListPage.tsx';

const people: ListConfig<typeof listPeopleRoute> = {
  title: 'Люди',
  route: listPeopleRoute,
  rowKey: (p) => p.id,
  regionFilter: true,
  columns: [
    { title: 'ФИО', sort: 'name', render: (p) => <Link to={`/people/${p.id}`}>{p.fullName}</Link> },
    { title: 'Последняя известная должность', render: (p) => p.currentTitle ?? DASH },
  ],
};

export const PeopleList = () => <ListPage config={people} />;
