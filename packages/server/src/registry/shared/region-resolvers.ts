import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/connection.ts';
import type { RegionResolver } from '../../auth/index.ts';
import {
  findMembershipRegions,
  findPersonId,
  findPersonPositionPlaces,
  findPositionPlace,
  findRecordRegion,
  findStatementSubject,
} from './region-resolvers.repository.ts';

/**
 * Which regions a change touches, for the regional editor's access check
 * (auth/access.ts: every touched region must be granted; a `null` — a place
 * without a region, i.e. national — is the administrator's).
 *
 * - A record lies in its own region; a move touches the old and the new one;
 *   setting the region to empty touches `null`.
 * - A person has no region of their own: they lie in the places of their
 *   current positions. A position's place is its region (if given) and its
 *   organisation's region — `null` for a national organisation such as АКИТ РФ.
 * - A link (a new position, a cluster membership, a site's management
 *   organisation, a cluster's specialised organisation) touches the regions of
 *   both ends, so it is made only by someone entitled to both: an editor of one
 *   region can never attach records of another region to theirs, nor make a
 *   person of another region partly theirs (which would lock that region's
 *   editor out of the person).
 * - A fact lies where its subject lies.
 *
 * `null` as the resolver's answer means the record (or a record it refers to)
 * does not exist: the handler then answers 404 or a field-level 400.
 */
type Params = { id?: string | number };
const idOf = (request: FastifyRequest) => Number((request.params as Params).id);
const bodyOf = (request: FastifyRequest) => (request.body ?? {}) as Record<string, unknown>;
type Places = Array<string | null>;
/** Ids beyond PostgreSQL's integer range name no row (and would make the query fail). */
export const isRowId = (id: unknown): id is number =>
  typeof id === 'number' && Number.isInteger(id) && id >= 1 && id <= 2_147_483_647;

async function regionOf(
  db: Db,
  table: 'organisation' | 'site' | 'cluster' | 'event' | 'project',
  id: number,
): Promise<string | null | undefined> {
  if (!isRowId(id)) return undefined;
  const row = await findRecordRegion(db, table, id);
  return row ? row.region_code : undefined;
}

/** The places of one position: its own region, and its organisation's (null when national). */
function positionPlaces(row: {
  region_code: string | null;
  organisation_id: number | null;
  organisation_region: string | null;
}): Places {
  const places: Places = [];
  if (row.region_code !== null) places.push(row.region_code);
  if (row.organisation_id !== null) places.push(row.organisation_region);
  return places.length ? places : [null];
}

/** The places of a person's current positions; null among them when one is at a national organisation. */
export async function personRegions(db: Db, personId: number): Promise<Places> {
  const rows = await findPersonPositionPlaces(db, personId);
  return [...new Set(rows.flatMap(positionPlaces))];
}

/**
 * Organisations a site or cluster body links to. undefined: one of them does
 * not exist (the handler names the field).
 */
async function linkedOrganisations(
  db: Db,
  body: Record<string, unknown>,
): Promise<Places | undefined> {
  const places: Places = [];
  for (const field of ['managementOrganisationId', 'specialisedOrganisationId']) {
    const id = body[field];
    if (typeof id !== 'number') continue;
    const region = await regionOf(db, 'organisation', id);
    if (region === undefined) return undefined;
    places.push(region);
  }
  return places;
}

/** New record: the region in the body (null when empty), and the organisations it links to. */
export const regionFromBody: RegionResolver = async (request, db) => {
  const body = bodyOf(request);
  const linked = await linkedOrganisations(db, body);
  if (linked === undefined) return null;
  return [(body['regionCode'] as string | null | undefined) ?? null, ...linked];
};

/** Existing record: its region, the region it moves to (null when emptied), the organisations it links to. */
export function regionOfRecord(table: 'organisation' | 'site' | 'cluster'): RegionResolver {
  return async (request, db) => {
    const current = await regionOf(db, table, idOf(request));
    if (current === undefined) return null;
    const body = bodyOf(request);
    const linked = await linkedOrganisations(db, body);
    if (linked === undefined) return null;
    return [
      current,
      ...('regionCode' in body ? [(body['regionCode'] as string | null) ?? null] : []),
      ...linked,
    ];
  };
}

export const regionOfPerson: RegionResolver = async (request, db) => {
  const id = idOf(request);
  if (!isRowId(id)) return null;
  const person = await findPersonId(db, id);
  if (!person) return null;
  return personRegions(db, id);
};

/**
 * A new position links a person to a place: it touches the person's current
 * regions and the position's own place.
 */
export const regionOfNewPosition: RegionResolver = async (request, db) => {
  const personId = idOf(request);
  if (!isRowId(personId)) return null;
  const person = await findPersonId(db, personId);
  if (!person) return null;
  const body = bodyOf(request);
  const organisationId = body['organisationId'];
  let organisationRegion: string | null = null;
  if (typeof organisationId === 'number') {
    const region = await regionOf(db, 'organisation', organisationId);
    if (region === undefined) return null;
    organisationRegion = region;
  }
  return [
    ...(await personRegions(db, personId)),
    ...positionPlaces({
      region_code: (body['regionCode'] as string | null | undefined) ?? null,
      organisation_id: typeof organisationId === 'number' ? organisationId : null,
      organisation_region: organisationRegion,
    }),
  ];
};

/** A new membership links an organisation to a cluster: both regions. */
export const regionOfNewMember: RegionResolver = async (request, db) => {
  const cluster = await regionOf(db, 'cluster', idOf(request));
  if (cluster === undefined) return null;
  const organisationId = bodyOf(request)['organisationId'];
  const organisation =
    typeof organisationId === 'number' ? await regionOf(db, 'organisation', organisationId) : null;
  if (organisation === undefined) return null;
  return [cluster, organisation];
};

export function regionOfChild(table: 'cluster_member' | 'position' | 'statement'): RegionResolver {
  return async (request, db) => {
    const id = idOf(request);
    if (!isRowId(id)) return null;
    if (table === 'cluster_member') {
      // Unlinking needs the same rights as linking: both the cluster's and the member's region.
      const row = await findMembershipRegions(db, id);
      return row ? [row.region_code, row.organisation_region] : null;
    }
    if (table === 'position') {
      // Removing a position only narrows the person's regions, so its own place decides.
      const row = await findPositionPlace(db, id);
      return row ? positionPlaces(row) : null;
    }
    const row = await findStatementSubject(db, id);
    return row ? subjectRegions(db, row.subject_type, row.subject_id) : null;
  };
}

async function subjectRegions(db: Db, type: string, id: string): Promise<Places | null> {
  switch (type) {
    case 'region':
      return [id];
    case 'person':
      return /^\d+$/.test(id) && isRowId(Number(id)) ? personRegions(db, Number(id)) : null;
    case 'organisation':
    case 'site':
    case 'cluster':
    case 'event':
    case 'project': {
      const region = /^\d+$/.test(id) ? await regionOf(db, type, Number(id)) : undefined;
      return region === undefined ? null : [region];
    }
    default:
      return [];
  }
}

export const regionOfStatementSubject: RegionResolver = async (request, db) => {
  const subject = bodyOf(request)['subject'] as { type: string; id: string } | undefined;
  return subject ? subjectRegions(db, subject.type, subject.id) : [];
};

/** Sources are shared by all regions: any editor may add one. */
export const noRegion: RegionResolver = async () => [];
