import { sql, type SelectQueryBuilder } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { Database } from '../../db/database.ts';
import type { SezType, SiteKind } from '@promatlas/core/domain/vocabulary.ts';
import { paginate, textFilter } from '../shared/paginate.repository.ts';
import { sequential } from '../shared/sequential.ts';

export interface SiteFilter {
  regions?: string[] | undefined;
  kind?: SiteKind | undefined;
  sezType?: SezType | undefined;
  q?: string | undefined;
}

function filtered<O>(query: SelectQueryBuilder<Database, 'site', O>, f: SiteFilter) {
  let q = query.where('site.deleted_at', 'is', null);
  if (f.regions) q = q.where('site.region_code', 'in', f.regions);
  if (f.kind) q = q.where('site.kind', '=', f.kind);
  if (f.sezType) q = q.where('site.sez_type', '=', f.sezType);
  const text = textFilter('site', f.q);
  return text ? q.where(text) : q;
}

export async function findSites(
  db: Db,
  f: SiteFilter,
  direction: 'asc' | 'desc',
  limit: number,
  offset: number,
) {
  const page = filtered(
    db
      .selectFrom('site')
      .leftJoin('region', 'region.code', 'site.region_code')
      .select([
        'site.id',
        'site.kind',
        'site.sez_type',
        'site.name',
        'site.region_code',
        'region.name as region_name',
        'site.latitude',
        'site.longitude',
      ]),
    f,
  )
    .orderBy(sql`site.name COLLATE ru`, direction)
    .orderBy('site.id', direction)
    .limit(limit)
    .offset(offset);
  const count = filtered(
    db.selectFrom('site').select((eb) => eb.fn.countAll<number>().as('n')),
    f,
  );
  return paginate(page, count);
}

export async function getSiteRow(db: Db, id: number) {
  return db
    .selectFrom('site')
    .leftJoin('region', 'region.code', 'site.region_code')
    .selectAll('site')
    .select('region.name as region_name')
    .where('site.id', '=', id)
    .where('site.deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function getSiteLinks(db: Db, id: number, managementId: number | null) {
  const [management, residents, ratings, projects] = await sequential([
    () =>
      managementId === null
        ? Promise.resolve(undefined)
        : db
            .selectFrom('organisation')
            .select(['id', 'name', 'legal_form'])
            .where('id', '=', managementId)
            .executeTakeFirst(),
    () =>
      db
        .selectFrom('site_resident as r')
        .innerJoin('organisation as o', 'o.id', 'r.organisation_id')
        .select([
          'r.valid_from',
          'r.valid_to',
          'r.valid_precision',
          'r.source_id',
          'r.source_quote',
          'o.id as target_id',
          'o.name',
          'o.legal_form',
        ])
        .where('r.site_id', '=', id)
        .where('r.deleted_at', 'is', null)
        .execute(),
    () =>
      db
        .selectFrom('rating_result as rr')
        .innerJoin('rating', 'rating.id', 'rr.rating_id')
        .select([
          'rr.edition_label',
          'rr.edition_number',
          'rr.year',
          'rr.peer_group',
          'rr.place',
          'rr.kind',
          'rr.source_id',
          'rr.source_quote',
          'rating.id as rating_id',
          'rating.name as rating_name',
        ])
        .where('rr.object_type', '=', 'site')
        .where('rr.object_id', '=', id)
        .where('rr.deleted_at', 'is', null)
        .orderBy('rr.year', 'desc')
        .execute(),
    () =>
      db
        .selectFrom('project')
        .select(['id', 'title'])
        .where('site_id', '=', id)
        .where('deleted_at', 'is', null)
        .execute(),
  ] as const);
  return { management, residents, ratings, projects };
}

export type SiteRow = NonNullable<Awaited<ReturnType<typeof getSiteRow>>>;
export type SiteLinks = Awaited<ReturnType<typeof getSiteLinks>>;
