import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { paginate, textFilter } from '../shared/paginate.repository.ts';
import { sequential } from '../shared/sequential.ts';

export interface RegionFilter {
  federalDistrict?: string | undefined;
  q?: string | undefined;
}

/** A region with its federal district, as listed. */
export interface RegionRow {
  code: string;
  name: string;
  short_name: string;
  kind: string;
  okato: string | null;
  oktmo: string | null;
  iso_code: string | null;
  federal_district_code: string;
  district_name: string;
}

/** Live record counts of one table, per region. */
export interface RegionCountRow {
  region_code: string | null;
  n: number;
}

const REGION_COLUMNS = [
  'region.code',
  'region.name',
  'region.short_name',
  'region.kind',
  'region.okato',
  'region.oktmo',
  'region.iso_code',
  'region.federal_district_code',
  'fd.name as district_name',
] as const;

/** Live record counts per region (soft-deleted records excluded), limited to `codes` when given. */
export async function countRecordsByRegion(
  db: Db,
  codes: string[] | undefined,
): Promise<{
  organisations: RegionCountRow[];
  sites: RegionCountRow[];
  clusters: RegionCountRow[];
}> {
  const count = (table: 'organisation' | 'site' | 'cluster') => {
    const q = db
      .selectFrom(table)
      .select(['region_code', (eb) => eb.fn.countAll<number>().as('n')])
      .where('deleted_at', 'is', null)
      .where('region_code', 'is not', null)
      .groupBy('region_code');
    return codes ? q.where('region_code', 'in', codes) : q;
  };
  const [organisations, sites, clusters] = await sequential([
    () => count('organisation').execute(),
    () => count('site').execute(),
    () => count('cluster').execute(),
  ] as const);
  return { organisations, sites, clusters };
}

export async function findRegions(
  db: Db,
  f: RegionFilter,
  sort: { column: string; direction: 'asc' | 'desc' },
  limit: number,
  offset: number,
): Promise<{ rows: RegionRow[]; total: number }> {
  const text = textFilter('region', f.q);
  const base = () => {
    let q = db
      .selectFrom('region')
      .innerJoin('federal_district as fd', 'fd.code', 'region.federal_district_code');
    if (f.federalDistrict) q = q.where('region.federal_district_code', '=', f.federalDistrict);
    return text ? q.where(text) : q;
  };
  const ordered =
    sort.column === 'okato'
      ? base().orderBy('region.okato', sort.direction)
      : base().orderBy(sql`region.name COLLATE ru`, sort.direction);
  return paginate(
    ordered.select(REGION_COLUMNS).limit(limit).offset(offset),
    base().select((eb) => eb.fn.countAll<number>().as('n')),
  );
}

export async function getRegionRow(db: Db, code: string) {
  return db
    .selectFrom('region')
    .innerJoin('federal_district as fd', 'fd.code', 'region.federal_district_code')
    .select([...REGION_COLUMNS, 'region.aliases'])
    .where('region.code', '=', code)
    .executeTakeFirst();
}

/** What a region profile lists: its records, the programmes it is a party to, the people working there. */
export async function getRegionLinks(db: Db, code: string) {
  const [sites, clusters, organisations, events, agreements, actionPlans, projects, people] =
    await sequential([
      () =>
        db
          .selectFrom('site')
          .select(['id', 'name'])
          .where('region_code', '=', code)
          .where('deleted_at', 'is', null)
          .orderBy(sql`name COLLATE ru`)
          .execute(),
      () =>
        db
          .selectFrom('cluster')
          .select(['id', 'name'])
          .where('region_code', '=', code)
          .where('deleted_at', 'is', null)
          .orderBy(sql`name COLLATE ru`)
          .execute(),
      () =>
        db
          .selectFrom('organisation')
          .select(['id', 'name', 'legal_form'])
          .where('region_code', '=', code)
          .where('deleted_at', 'is', null)
          .orderBy(sql`name COLLATE ru`)
          .orderBy('id')
          .limit(100)
          .execute(),
      () =>
        db
          .selectFrom('event')
          .select(['id', 'title'])
          .where('region_code', '=', code)
          .where('deleted_at', 'is', null)
          .orderBy('valid_from', (ob) => ob.desc().nullsLast())
          .execute(),
      () =>
        db
          .selectFrom('agreement')
          .select(['id', 'title'])
          .where('deleted_at', 'is', null)
          .where((eb) =>
            eb.exists(
              eb
                .selectFrom('agreement_party as p')
                .select(sql`1`.as('one'))
                .whereRef('p.agreement_id', '=', 'agreement.id')
                .where('p.region_code', '=', code),
            ),
          )
          .execute(),
      () =>
        db
          .selectFrom('action_plan')
          .select(['id', 'title'])
          .where('deleted_at', 'is', null)
          .where((eb) =>
            eb.exists(
              eb
                .selectFrom('action_plan_party as p')
                .select(sql`1`.as('one'))
                .whereRef('p.action_plan_id', '=', 'action_plan.id')
                .where('p.region_code', '=', code),
            ),
          )
          .execute(),
      () =>
        db
          .selectFrom('project')
          .select(['id', 'title'])
          .where('region_code', '=', code)
          .where('deleted_at', 'is', null)
          .orderBy('id')
          .execute(),
      () =>
        db
          .selectFrom('position as p')
          .innerJoin('person', 'person.id', 'p.person_id')
          .leftJoin('organisation as o', 'o.id', 'p.organisation_id')
          .select([
            'person.id',
            'person.last_name',
            'person.first_name',
            'person.patronymic',
            'p.title',
            'p.valid_from',
            'p.valid_to',
            'p.valid_precision',
          ])
          .where((eb) => eb.or([eb('p.region_code', '=', code), eb('o.region_code', '=', code)]))
          .where('p.deleted_at', 'is', null)
          .orderBy('p.valid_from', (ob) => ob.desc().nullsLast())
          .execute(),
    ] as const);
  return { sites, clusters, organisations, events, agreements, actionPlans, projects, people };
}

export type RegionLinks = Awaited<ReturnType<typeof getRegionLinks>>;
