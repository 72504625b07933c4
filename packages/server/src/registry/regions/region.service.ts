import { sql } from 'kysely';
import type { Region, RegionListItem } from '@promatlas/core/api/registry.schema.ts';
import type { Db } from '../../db/connection.ts';
import { NotFoundError } from '../../shared/domain-errors.ts';
import { loadFacts } from '../shared/facts.ts';
import { offsetOf, parseSort } from '../shared/list-query.ts';
import { organisationDisplayName, periodOf, personFullName, ref } from '../shared/mappers.ts';
import { paginate, textFilter } from '../shared/paginate.repository.ts';
import { sequential } from '../shared/sequential.ts';

/** Live record counts per region (soft-deleted records excluded). */
function countsQuery(db: Db) {
  const count = (table: 'organisation' | 'site' | 'cluster') =>
    db
      .selectFrom(table)
      .select(['region_code', (eb) => eb.fn.countAll<number>().as('n')])
      .where('deleted_at', 'is', null)
      .where('region_code', 'is not', null)
      .groupBy('region_code');
  return { organisations: count('organisation'), sites: count('site'), clusters: count('cluster') };
}

export async function regionCounts(db: Db, codes?: string[]) {
  const none = { organisations: 0, sites: 0, clusters: 0 };
  // `IN ()` is not SQL: an empty page (no match, or past the end) has nothing to count.
  if (codes && codes.length === 0) return () => none;
  const q = countsQuery(db);
  const [o, s, c] = await sequential([
    () => (codes ? q.organisations.where('region_code', 'in', codes) : q.organisations).execute(),
    () => (codes ? q.sites.where('region_code', 'in', codes) : q.sites).execute(),
    () => (codes ? q.clusters.where('region_code', 'in', codes) : q.clusters).execute(),
  ] as const);
  const toMap = (rows: Array<{ region_code: string | null; n: number }>) =>
    new Map(rows.map((r) => [r.region_code!, Number(r.n)]));
  const om = toMap(o);
  const sm = toMap(s);
  const cm = toMap(c);
  return (code: string) => ({
    organisations: om.get(code) ?? 0,
    sites: sm.get(code) ?? 0,
    clusters: cm.get(code) ?? 0,
  });
}

type RegionRow = {
  code: string;
  name: string;
  short_name: string;
  kind: string;
  okato: string | null;
  oktmo: string | null;
  iso_code: string | null;
  federal_district_code: string;
  district_name: string;
};

function listItem(r: RegionRow, counts: RegionListItem['counts']): RegionListItem {
  return {
    code: r.code,
    name: r.name,
    shortName: r.short_name,
    kind: r.kind,
    okato: r.okato,
    oktmo: r.oktmo,
    isoCode: r.iso_code,
    federalDistrict: { code: r.federal_district_code, name: r.district_name },
    counts,
  };
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

export async function listRegions(
  db: Db,
  p: {
    federalDistrict?: string | undefined;
    q?: string | undefined;
    sort: string;
    page: number;
    pageSize: number;
  },
) {
  const text = textFilter('region', p.q);
  const base = () => {
    let q = db
      .selectFrom('region')
      .innerJoin('federal_district as fd', 'fd.code', 'region.federal_district_code');
    if (p.federalDistrict) q = q.where('region.federal_district_code', '=', p.federalDistrict);
    return text ? q.where(text) : q;
  };
  const sort = parseSort(p.sort);
  const ordered =
    sort.column === 'okato'
      ? base().orderBy('region.okato', sort.direction)
      : base().orderBy(sql`region.name COLLATE ru`, sort.direction);
  const { rows, total } = await paginate(
    ordered.select(REGION_COLUMNS).limit(p.pageSize).offset(offsetOf(p.page, p.pageSize)),
    base().select((eb) => eb.fn.countAll<number>().as('n')),
  );
  const counts = await regionCounts(
    db,
    rows.map((r) => r.code),
  );
  return {
    items: rows.map((r) => listItem(r, counts(r.code))),
    total,
    page: p.page,
    pageSize: p.pageSize,
  };
}

export async function getRegion(db: Db, code: string): Promise<Region> {
  const row = await db
    .selectFrom('region')
    .innerJoin('federal_district as fd', 'fd.code', 'region.federal_district_code')
    .select([...REGION_COLUMNS, 'region.aliases'])
    .where('region.code', '=', code)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('Регион', 'Region', code);
  const counts = await regionCounts(db, [code]);
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
  const facts = await loadFacts(db, 'region', code);
  return {
    ...listItem(row, counts(code)),
    aliases: row.aliases,
    facts,
    sites: sites.map((s) => ref('site', s.id, s.name)),
    clusters: clusters.map((c) => ref('cluster', c.id, c.name)),
    organisations: organisations.map((o) => ref('organisation', o.id, organisationDisplayName(o))),
    events: events.map((e) => ref('event', e.id, e.title)),
    agreements: agreements.map((a) => ref('agreement', a.id, a.title)),
    actionPlans: actionPlans.map((a) => ref('action_plan', a.id, a.title)),
    projects: projects.map((p) => ref('project', p.id, p.title)),
    people: people.map((p) => ({
      person: ref('person', p.id, personFullName(p)),
      title: p.title,
      asOf: periodOf(p),
    })),
  };
}
