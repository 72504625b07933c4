import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../../db/connection.ts';

/** Where a search is centred and how far it reaches. */
export interface SearchArea {
  origin: { latitude: number; longitude: number } | null;
  radiusKm: number | null;
  region: string | null;
}

/** What the need matches: activities starting with one prefix, past contracts with another. */
export interface NeedMatch {
  activityPrefix: string;
  productPrefix: string;
}

/** The points each ranking part gives (out of 100 together), chosen by the service. */
export interface RankWeights {
  distance: number;
  clusterMember: number;
  otherClusterMember: number;
  perPastContract: number;
  pastContractsMax: number;
}

export interface CandidateRow {
  id: number;
  name: string;
  legal_form: string | null;
  region_code: string | null;
  region_name: string | null;
  town: string | null;
  latitude: number | null;
  longitude: number | null;
  distance_km: number | null;
  activities: string[];
  past_contracts: number;
  clusters: number;
  in_cluster: boolean;
  score: number;
  total: number;
}

/** A LIKE pattern for codes under a prefix (the code itself and its children), escaped. */
const under = (prefix: string) => `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The sphere of earthdistance's earth(), in metres: distances and windows use the same one. */
const EARTH_M = 6_378_168;

/**
 * The great-circle distance in metres from an organisation's point (`p`) to
 * the origin, in plain SQL (haversine): the same figure earthdistance's
 * `earth_distance(ll_to_earth(…), ll_to_earth(…))` gives on its sphere, without
 * the cube and earthdistance extensions, which make the embedded engine spin
 * (docs/DECISIONS.md).
 */
function distanceM(origin: { latitude: number; longitude: number }) {
  const lat = sql`${origin.latitude}::float8`;
  const lon = sql`${origin.longitude}::float8`;
  return sql<number>`(2 * ${EARTH_M}::float8 * asin(least(1::float8, sqrt(
    power(sin(radians(p.latitude - ${lat}) / 2), 2)
    + cos(radians(${lat})) * cos(radians(p.latitude)) * power(sin(radians(p.longitude - ${lon}) / 2), 2)))))`;
}

/**
 * The latitude/longitude window holding every point within `radiusM` of the
 * origin on the distance's sphere (`EARTH_M`), a little wider so
 * that rounding never leaves a point out: only a prefilter before the exact
 * distance. Null longitudes when the circle reaches a pole.
 */
function boundingBox(origin: { latitude: number; longitude: number }, radiusM: number) {
  const MARGIN = 0.01; // degrees, ~1 km: far more than any rounding of the sines below
  const angle = radiusM / EARTH_M; // radians of arc
  const dLat = (angle * 180) / Math.PI + MARGIN;
  const minLat = origin.latitude - dLat;
  const maxLat = origin.latitude + dLat;
  if (angle >= Math.PI / 2 || maxLat >= 90 || minLat <= -90)
    return { minLat, maxLat, minLon: null, maxLon: null };
  // The widest longitude a great circle of that radius reaches (at a latitude nearer the pole).
  const dLon =
    (Math.asin(Math.min(1, Math.sin(angle) / Math.cos((origin.latitude * Math.PI) / 180))) * 180) /
      Math.PI +
    MARGIN;
  const minLon = origin.longitude - dLon;
  const maxLon = origin.longitude + dLon;
  // Across the antimeridian the window would wrap: keep the latitude band only.
  if (minLon <= -180 || maxLon >= 180) return { minLat, maxLat, minLon: null, maxLon: null };
  return { minLat, maxLat, minLon, maxLon };
}

/**
 * The organisations that could meet a need, ranked, with the number of all
 * matches (`total`, the same on every row). A match has an ОКВЭД2 activity
 * under the activity prefix or has supplied a product under the product prefix
 * before. The radius is the exact great-circle distance (`distanceM`); the
 * score is computed here so that the database orders and cuts the list.
 */
export async function findSupplierCandidates(
  db: Db,
  area: SearchArea,
  need: NeedMatch,
  options: {
    clusterId: number | null;
    weights: RankWeights;
    limit: number;
    excludeIds?: number[];
  },
): Promise<CandidateRow[]> {
  const { weights: w } = options;
  const activity = under(need.activityPrefix);
  const product = under(need.productPrefix);
  const origin = area.origin;
  const radiusM = area.radiusKm === null ? null : area.radiusKm * 1000;
  const box = area.origin && radiusM !== null ? boundingBox(area.origin, radiusM) : null;

  // Three steps, each over fewer rows. (1) The matches by need (materialized: a class of
  // ОКВЭД2 is a few hundred to a few thousand organisations nationally, a pattern-index
  // scan). Driving from the radius instead reads every organisation within it — 60,000
  // around Moscow for 100 km — before the activity filter, and the planner cannot tell.
  // (2) Those inside the area, read from organisation_visible_point_idx alone (id with
  // the visibility flags, the point and the region: an index-only scan, no row of the
  // wide organisation table), the latitude/longitude window first and the exact distance
  // on what passes. (3) The ranking over those, cut to the limit; the names, region and
  // activities are read for the rows returned only.
  const near = db
    .with(
      (cte) => cte('m').materialized(),
      (qb) =>
        qb
          // The table itself, not the viewer's view of it: that view only hides the activities
          // of organisations the viewer may not see, and every id here is next read through
          // the viewer's organisation view (`near`), which hides the same ones. The view
          // would test each of the class's rows (thousands) against the organisation once more.
          .selectFrom(
            sql<{
              organisation_id: number;
              okved_code: string;
            }>`${sql.table('public.organisation_okved')}`.as('a'),
          )
          .select('a.organisation_id as id')
          .where('a.okved_code', 'like', activity)
          .union(
            qb
              .selectFrom('cooperation_contract as pc')
              .select('pc.supplier_id as id')
              .where('pc.deleted_at', 'is', null)
              .where('pc.okpd2_code', 'like', product),
          ),
    )
    .with(
      (cte) => cte('near').materialized(),
      (qb) =>
        qb
          .selectFrom('organisation as p')
          .innerJoin('m', 'm.id', 'p.id')
          .where('p.deleted_at', 'is', null)
          .where((eb) => {
            const conditions: Expression<SqlBool>[] = [];
            if (area.region) conditions.push(eb('p.region_code', '=', area.region));
            if (box) {
              conditions.push(eb('p.latitude', '>=', box.minLat));
              conditions.push(eb('p.latitude', '<=', box.maxLat));
              if (box.minLon !== null && box.maxLon !== null) {
                conditions.push(eb('p.longitude', '>=', box.minLon));
                conditions.push(eb('p.longitude', '<=', box.maxLon));
              }
            }
            if (origin && radiusM !== null)
              conditions.push(sql<SqlBool>`${distanceM(origin)} <= ${radiusM}::float8`);
            if (options.excludeIds?.length)
              conditions.push(eb('p.id', 'not in', options.excludeIds));
            return eb.and(conditions);
          })
          .select([
            'p.id',
            (origin
              ? sql<number>`${distanceM(origin)} / 1000`
              : sql<number | null>`NULL::float8`
            ).as('distance_km'),
          ]),
    );

  const parts = near.selectFrom('near as n').select((eb) => [
    'n.id',
    'n.distance_km',
    eb
      .selectFrom('cooperation_contract as pc')
      .select(sql<number>`count(*)::int`.as('n'))
      .whereRef('pc.supplier_id', '=', 'n.id')
      .where('pc.deleted_at', 'is', null)
      .where('pc.okpd2_code', 'like', product)
      .as('past_contracts'),
    eb
      .selectFrom('cluster_member as cm')
      .select(sql<number>`count(DISTINCT cm.cluster_id)::int`.as('n'))
      .whereRef('cm.organisation_id', '=', 'n.id')
      .where('cm.deleted_at', 'is', null)
      .as('clusters'),
    options.clusterId === null
      ? sql<boolean>`false`.as('in_cluster')
      : eb
          .exists(
            eb
              .selectFrom('cluster_member as mc')
              .select(sql`1`.as('one'))
              .whereRef('mc.organisation_id', '=', 'n.id')
              .where('mc.cluster_id', '=', options.clusterId)
              .where('mc.deleted_at', 'is', null),
          )
          .as('in_cluster'),
  ]);

  // The score of a row from its parts; the service explains the same parts.
  const distancePoints =
    origin && radiusM !== null
      ? sql<number>`${w.distance}::float8 * greatest(0, 1 - s.distance_km / ${area.radiusKm}::float8)`
      : sql<number>`0::float8`;
  const ranked = db
    .selectFrom(parts.as('s'))
    .selectAll('s')
    .select(
      sql<number>`round((${distancePoints}
        + CASE WHEN s.in_cluster THEN ${w.clusterMember}::float8
               WHEN s.clusters > 0 THEN ${w.otherClusterMember}::float8 ELSE 0 END
        + least(s.past_contracts * ${w.perPastContract}::float8, ${w.pastContractsMax}::float8))::numeric, 1)::float8`.as(
        'score',
      ),
    )
    .select(sql<number>`count(*) OVER ()::int`.as('total'))
    .orderBy('score', 'desc')
    .orderBy(sql`s.distance_km ASC NULLS LAST`)
    .orderBy('s.id')
    .limit(options.limit);

  const rows = await db
    .selectFrom(ranked.as('k'))
    .innerJoin('organisation as o', 'o.id', 'k.id')
    .leftJoin('region as r', 'r.code', 'o.region_code')
    .select((eb) => [
      'o.id',
      'o.name',
      'o.legal_form',
      'o.region_code',
      'r.name as region_name',
      'o.town',
      'o.latitude',
      'o.longitude',
      'k.distance_km',
      eb
        .selectFrom('organisation_okved as a')
        .select(
          sql<string[]>`coalesce(array_agg(a.okved_code ORDER BY a.okved_code), '{}')`.as('c'),
        )
        .whereRef('a.organisation_id', '=', 'o.id')
        .where('a.okved_code', 'like', activity)
        .as('activities'),
      'k.past_contracts',
      'k.clusters',
      'k.in_cluster',
      'k.score',
      'k.total',
    ])
    .orderBy('k.score', 'desc')
    .orderBy(sql`k.distance_km ASC NULLS LAST`)
    .orderBy('k.id')
    .execute();
  return rows as CandidateRow[];
}

export async function getOrganisationPoint(db: Db, id: number) {
  return db
    .selectFrom('organisation')
    .select(['id', 'name', 'legal_form', 'latitude', 'longitude'])
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function classifierTitle(
  db: Db,
  table: 'okpd2' | 'okved',
  code: string,
): Promise<string | null> {
  const row = await db.selectFrom(table).select('name').where('code', '=', code).executeTakeFirst();
  return row?.name ?? null;
}

export async function getRegion(db: Db, code: string) {
  return db
    .selectFrom('region')
    .select(['code', 'name'])
    .where('code', '=', code)
    .executeTakeFirst();
}

export async function getClusterHead(db: Db, id: number) {
  return db
    .selectFrom('cluster')
    .select(['id', 'name', 'region_code'])
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export interface OutsidePurchaseRow {
  okpd2_code: string | null;
  product: string | null;
  okpd2_name: string | null;
  buyer_id: number;
  buyer_name: string;
  buyer_legal_form: string | null;
  buyer_latitude: number | null;
  buyer_longitude: number | null;
  supplier_id: number;
  supplier_name: string;
  supplier_legal_form: string | null;
  value_rub: number | null;
}

/** Contracts where a member of the cluster buys from an organisation that is not a member. */
export async function findOutsidePurchases(
  db: Db,
  clusterId: number,
): Promise<OutsidePurchaseRow[]> {
  const members = db
    .selectFrom('cluster_member as m')
    .select('m.organisation_id')
    .where('m.cluster_id', '=', clusterId)
    .where('m.deleted_at', 'is', null);
  return db
    .selectFrom('cooperation_contract as c')
    .innerJoin('organisation as b', 'b.id', 'c.buyer_id')
    .innerJoin('organisation as s', 's.id', 'c.supplier_id')
    .leftJoin('okpd2 as k', 'k.code', 'c.okpd2_code')
    .select([
      'c.okpd2_code',
      'c.product',
      'k.name as okpd2_name',
      'c.buyer_id',
      'b.name as buyer_name',
      'b.legal_form as buyer_legal_form',
      'b.latitude as buyer_latitude',
      'b.longitude as buyer_longitude',
      'c.supplier_id',
      's.name as supplier_name',
      's.legal_form as supplier_legal_form',
      'c.value_rub',
    ])
    .where('c.deleted_at', 'is', null)
    .where('c.buyer_id', 'in', members)
    .where('c.supplier_id', 'not in', members)
    .where('b.deleted_at', 'is', null)
    .where('s.deleted_at', 'is', null)
    .orderBy('c.okpd2_code')
    .orderBy('c.id')
    .execute();
}
