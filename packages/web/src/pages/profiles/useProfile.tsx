import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { useApi } from '../../api/client.ts';
import { ErrorMessage, Loading } from '../../components/common.tsx';
import { useTitle } from '../../lib/useTitle.ts';

/** Loads /api/<collection>/:id for the route's :id (or :code) and renders the page once it arrives. */
export function ProfilePage<T>({
  collection,
  titleOf,
  children,
}: {
  collection: string;
  titleOf: (record: T) => string;
  children: (record: T) => ReactNode;
}) {
  const params = useParams();
  const id = params.id ?? params.code ?? '';
  const record = useApi<T>(`/api/${collection}/${encodeURIComponent(id)}`);
  const current = record.loading ? undefined : record.data;
  useTitle(current ? titleOf(current) : record.error ? 'Не найдено' : undefined);
  return (
    <div className="page profile">
      {record.error ? <ErrorMessage error={record.error} /> : null}
      {current ? children(current) : record.loading ? <Loading /> : null}
    </div>
  );
}
