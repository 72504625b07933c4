import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
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

/**
 * Codes under a prefix as a range of the pattern index (`text_pattern_ops`:
 * byte order), beside the LIKE: the planner derives the same range from a LIKE
 * whose pattern it can read, which a prepared statement's parameter is not, so
 * a generic plan of the LIKE alone scans. The end is the prefix with its last
 * character raised by one (codes are digits and dots).
 */
function codesUnder(column: string, prefix: string): RawBuilder<SqlBool> {
  const end = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
  return sql<SqlBool>`(${sql.ref(column)} ~>=~ ${prefix} AND ${sql.ref(column)} ~<~ ${end} AND ${sql.ref(column)} LIKE ${under(prefix)})`;
}

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
  const origin = area.origin;
  const radiusM = area.radiusKm === null ? null : area.radiusKm * 1000;
  const box = area.origin && radiusM !== null ? boundingBox(area.origin, radiusM) : null;

  // Three steps, each over fewer rows. (1) The matches inside the area: the organisations
  // with an activity under the prefix, read from supplier_candidate's one index (activity
  // code, latitude, with the point, region and visibility flags included: an index-only
  // range scan over the class, the latitude/longitude window and the exact distance tested
  // on the index entries), and those that supplied the product before (a few), read
  // through the viewer's organisation view. Driving from the radius instead reads every
  // organisation within it — 60,000 around Moscow for 100 km — before the activity filter.
  // (2) The ranking over those, cut to the limit; (3) the names, region and activities are
  // read for the rows returned only.
  // The same conditions on both sources of matches, each aliased `p` (see distanceM).
  const inArea = (id: 'id' | 'organisation_id'): Expression<SqlBool> => {
    const conditions: RawBuilder<unknown>[] = [sql`p.deleted_at IS NULL`];
    if (area.region) conditions.push(sql`p.region_code = ${area.region}`);
    if (box) {
      conditions.push(sql`p.latitude >= ${box.minLat}`, sql`p.latitude <= ${box.maxLat}`);
      if (box.minLon !== null && box.maxLon !== null)
        conditions.push(sql`p.longitude >= ${box.minLon}`, sql`p.longitude <= ${box.maxLon}`);
    }
    if (origin && radiusM !== null)
      conditions.push(sql`${distanceM(origin)} <= ${radiusM}::float8`);
    if (options.excludeIds?.length)
      conditions.push(
        sql`${sql.ref(`p.${id}`)} NOT IN (${sql.join(options.excludeIds.map((x) => sql`${x}`))})`,
      );
    return sql<SqlBool>`(${sql.join(conditions, sql` AND `)})`;
  };
  const distanceKm = origin
    ? sql<number>`${distanceM(origin)} / 1000`
    : sql<number | null>`NULL::float8`;
  const near = db.with(
    (cte) => cte('near').materialized(),
    (qb) =>
      qb
        .selectFrom('supplier_candidate as p')
        .where(codesUnder('p.okved_code', need.activityPrefix))
        .where(inArea('organisation_id'))
        .select(['p.organisation_id as id', distanceKm.as('distance_km')])
        .union(
          qb
            .selectFrom('organisation as p')
            .where(
              'p.id',
              'in',
              qb
                .selectFrom('cooperation_contract as pc')
                .select('pc.supplier_id')
                .where('pc.deleted_at', 'is', null)
                .where(codesUnder('pc.okpd2_code', need.productPrefix)),
            )
            .where(inArea('id'))
            .select(['p.id', distanceKm.as('distance_km')]),
        ),
  );

  // One probe of the viewer's cluster memberships per match gives both the number of
  // clusters and whether the cluster of the query is one of them (an EXISTS of its own
  // became a hash of every visible cluster, built for each search).
  const parts = near
    .selectFrom('near as n')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('cluster_member as cm')
          .select([
            sql<number>`count(DISTINCT cm.cluster_id)::int`.as('clusters'),
            (options.clusterId === null
              ? sql<boolean>`false`
              : sql<boolean>`coalesce(bool_or(cm.cluster_id = ${options.clusterId}), false)`
            ).as('in_cluster'),
          ])
          .whereRef('cm.organisation_id', '=', 'n.id')
          .where('cm.deleted_at', 'is', null)
          .as('c'),
      (join) => join.onTrue(),
    )
    .select((eb) => [
      'n.id',
      'n.distance_km',
      eb
        .selectFrom('cooperation_contract as pc')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('pc.supplier_id', '=', 'n.id')
        .where('pc.deleted_at', 'is', null)
        .where(codesUnder('pc.okpd2_code', need.productPrefix))
        .as('past_contracts'),
      'c.clusters',
      'c.in_cluster',
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
        .where(codesUnder('a.okved_code', need.activityPrefix))
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
