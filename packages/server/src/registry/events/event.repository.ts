import { sql, type SelectQueryBuilder } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { Database } from '../../db/database.ts';
import type { EventKind } from '@promatlas/core/domain/vocabulary.ts';
import { paginate, textFilter } from '../shared/paginate.repository.ts';
import { sequential } from '../shared/sequential.ts';

export interface EventFilter {
  regions?: string[] | undefined;
  kind?: EventKind | undefined;
  q?: string | undefined;
}

function filtered<O>(query: SelectQueryBuilder<Database, 'event', O>, f: EventFilter) {
  let q = query.where('event.deleted_at', 'is', null);
  if (f.regions) q = q.where('event.region_code', 'in', f.regions);
  if (f.kind) q = q.where('event.kind', '=', f.kind);
  const text = textFilter('event', f.q);
  return text ? q.where(text) : q;
}

export async function findEvents(
  db: Db,
  f: EventFilter,
  sort: { column: string; direction: 'asc' | 'desc' },
  limit: number,
  offset: number,
) {
  let page = filtered(
    db
      .selectFrom('event')
      .leftJoin('region', 'region.code', 'event.region_code')
      .select([
        'event.id',
        'event.kind',
        'event.status',
        'event.title',
        'event.valid_from',
        'event.valid_to',
        'event.valid_precision',
        'event.region_code',
        'region.name as region_name',
      ]),
    f,
  );
  page =
    sort.column === 'date'
      ? page.orderBy('event.valid_from', (ob) =>
          (sort.direction === 'asc' ? ob.asc() : ob.desc()).nullsLast(),
        )
      : page.orderBy(sql`event.title COLLATE ru`, sort.direction);
  const count = filtered(
    db.selectFrom('event').select((eb) => eb.fn.countAll<number>().as('n')),
    f,
  );
  return paginate(page.orderBy('event.id').limit(limit).offset(offset), count);
}

export async function getEventRow(db: Db, id: number) {
  return db
    .selectFrom('event')
    .leftJoin('region', 'region.code', 'event.region_code')
    .selectAll('event')
    .select('region.name as region_name')
    .where('event.id', '=', id)
    .where('event.deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function getEventLinks(db: Db, id: number, followsId: number | null) {
  const [follows, followedBy, participants, agreements, actionPlans] = await sequential([
    () =>
      followsId === null
        ? Promise.resolve(undefined)
        : db
            .selectFrom('event')
            .select(['id', 'title'])
            .where('id', '=', followsId)
            .executeTakeFirst(),
    () =>
      db
        .selectFrom('event')
        .select(['id', 'title'])
        .where('follows_event_id', '=', id)
        .where('deleted_at', 'is', null)
        .execute(),
    () =>
      db
        .selectFrom('event_participant as p')
        .leftJoin('organisation as o', 'o.id', 'p.organisation_id')
        .leftJoin('person', 'person.id', 'p.person_id')
        .leftJoin('position as pos', 'pos.id', 'p.position_id')
        .select([
          'p.id',
          'p.role',
          'p.source_id',
          'p.source_quote',
          'o.id as organisation_id',
          'o.name as organisation_name',
          'o.legal_form',
          'o.town',
          'o.kind as organisation_kind',
          'person.id as person_id',
          'person.last_name',
          'person.first_name',
          'person.patronymic',
          'pos.title as position_title',
        ])
        .where('p.event_id', '=', id)
        .where('p.deleted_at', 'is', null)
        .orderBy('p.id')
        .execute(),
    () =>
      db
        .selectFrom('agreement')
        .select(['id', 'title'])
        .where('event_id', '=', id)
        .where('deleted_at', 'is', null)
        .execute(),
    () =>
      db
        .selectFrom('action_plan')
        .select(['id', 'title'])
        .where('approved_at_event_id', '=', id)
        .where('deleted_at', 'is', null)
        .execute(),
  ] as const);
  return { follows, followedBy, participants, agreements, actionPlans };
}

export type EventListRow = Awaited<ReturnType<typeof findEvents>>['rows'][number];
export type EventRow = NonNullable<Awaited<ReturnType<typeof getEventRow>>>;
export type EventLinks = Awaited<ReturnType<typeof getEventLinks>>;
