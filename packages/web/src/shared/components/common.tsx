import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type {
  EntityRef,
  SourceRef,
  PartialDateDto,
  RegionRef,
} from '@promatlas/core/api/common.schema.ts';
import type { ApiError } from '../api/client.ts';
import { entityPath, sourcePath } from '../lib/paths.ts';
import { formatDate } from '../lib/format.ts';

/** A link to a record's profile; plain text where the type has no page. */
export function EntityLink({
  entity,
  children,
}: {
  entity: EntityRef | { type: string; id: string | number; title: string };
  children?: ReactNode;
}) {
  const path = entityPath(entity);
  const content = children ?? entity.title;
  return path ? <Link to={path}>{content}</Link> : <span>{content}</span>;
}

export function RegionLink({ region }: { region: RegionRef | null | undefined }) {
  if (!region) return <span className="muted">не указан</span>;
  return <Link to={`/regions/${region.code}`}>{region.name}</Link>;
}

/** One click from a fact to its source document with the supporting sentence marked. */
export function SourceChip({ source }: { source: SourceRef | null | undefined }) {
  if (!source) return null;
  const published = formatDate(source.published);
  return (
    <Link
      className="source-chip"
      data-testid="source-chip"
      to={sourcePath(source.id, source.quote)}
      title={source.quote ? `«${source.quote}» — ${source.title}` : source.title}
    >
      <span aria-hidden="true">❝</span> Источник{published ? ` · ${published}` : ''}
    </Link>
  );
}

export function AsOf({ date }: { date: PartialDateDto | null | undefined }) {
  const text = formatDate(date);
  if (!text) return null;
  return <span className="as-of">по состоянию на {text}</span>;
}

export function Loading() {
  return (
    <p className="loading" role="status">
      Загрузка…
    </p>
  );
}

export function ErrorMessage({ error }: { error: ApiError }) {
  return (
    <div className="error" role="alert">
      {error.status === 404 ? 'Не найдено. ' : ''}
      {error.message}
    </div>
  );
}

export function Section({
  title,
  count,
  children,
  id,
}: {
  title: string;
  count?: number;
  children: ReactNode;
  id?: string;
}) {
  return (
    <section className="section" id={id} aria-label={title}>
      <h2>
        {title}
        {count !== undefined ? <span className="count"> {count}</span> : null}
      </h2>
      {children}
    </section>
  );
}

/** A definition list that omits empty values, or says «не указано» when asked to. */
export function Fields({
  rows,
}: {
  rows: Array<[string, ReactNode | null | undefined, { always?: boolean; empty?: string }?]>;
}) {
  const shown = rows.filter(
    ([, value, options]) =>
      (value !== null && value !== undefined && value !== '') || options?.always,
  );
  if (shown.length === 0) return null;
  return (
    <dl className="fields">
      {shown.map(([name, value, options]) => (
        <div key={name} className="field">
          <dt>{name}</dt>
          <dd>
            {value === null || value === undefined || value === '' ? (
              <span className="muted">{options?.empty ?? 'не указано'}</span>
            ) : (
              value
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function RefList({ items, empty }: { items: EntityRef[]; empty?: string }) {
  if (items.length === 0) return empty ? <p className="muted">{empty}</p> : null;
  return (
    <ul className="ref-list">
      {items.map((item) => (
        <li key={`${item.type}:${item.id}`}>
          <EntityLink entity={item} />
        </li>
      ))}
    </ul>
  );
}
