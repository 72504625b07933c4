import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/connection.ts';
import type { RegionResolver } from '../auth/access.ts';

/**
 * Which regions a change touches, for the regional editor's access check.
 * A record's region is where it lies; a person lies in the regions of the
 * positions held (directly or through the organisation); a membership in the
 * region of the cluster; a fact in the region of its subject.
 */
type Params = { id?: string | number };
const idOf = (request: FastifyRequest) => Number((request.params as Params).id);
const bodyOf = (request: FastifyRequest) => (request.body ?? {}) as Record<string, unknown>;

async function regionOf(
  db: Db,
  table: 'organisation' | 'site' | 'cluster' | 'event' | 'project',
  id: number,
): Promise<string | null | undefined> {
  if (!Number.isInteger(id)) return undefined;
  const row = await db
    .selectFrom(table)
    .select('region_code')
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? row.region_code : undefined;
}

export async function personRegions(db: Db, personId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('position as p')
    .leftJoin('organisation as o', 'o.id', 'p.organisation_id')
    .select(['p.region_code', 'o.region_code as organisation_region'])
    .where('p.person_id', '=', personId)
    .where('p.deleted_at', 'is', null)
    .execute();
  return [
    ...new Set(
      rows
        .flatMap((r) => [r.region_code, r.organisation_region])
        .filter((r): r is string => r !== null),
    ),
  ];
}

/** New record: the region in the body. */
export const regionFromBody: RegionResolver = async (request) => [
  (bodyOf(request)['regionCode'] as string | null | undefined) ?? null,
];

/** Existing record (and, on update, the region it moves to). */
export function regionOfRecord(table: 'organisation' | 'site' | 'cluster'): RegionResolver {
  return async (request, db) => {
    const current = await regionOf(db, table, idOf(request));
    if (current === undefined) return null;
    const body = bodyOf(request);
    return 'regionCode' in body
      ? [current, (body['regionCode'] as string | null) ?? null]
      : [current];
  };
}

export const regionOfPerson: RegionResolver = async (request, db) => {
  const id = idOf(request);
  const person = await db.selectFrom('person').select('id').where('id', '=', id).executeTakeFirst();
  if (!person) return null;
  return personRegions(db, id);
};

/** A new position: the person's regions stay theirs; the position's own region must be granted. */
export const regionOfNewPosition: RegionResolver = async (request, db) => {
  const body = bodyOf(request);
  const organisationId = body['organisationId'] as number | null | undefined;
  const organisationRegion = organisationId
    ? await regionOf(db, 'organisation', organisationId)
    : null;
  return [(body['regionCode'] as string | null | undefined) ?? null, organisationRegion ?? null];
};

export const regionOfClusterFromPath: RegionResolver = async (request, db) => {
  const region = await regionOf(db, 'cluster', idOf(request));
  return region === undefined ? null : [region];
};

export function regionOfChild(table: 'cluster_member' | 'position' | 'statement'): RegionResolver {
  return async (request, db) => {
    const id = idOf(request);
    if (table === 'cluster_member') {
      const row = await db
        .selectFrom('cluster_member as m')
        .innerJoin('cluster as c', 'c.id', 'm.cluster_id')
        .select('c.region_code')
        .where('m.id', '=', id)
        .executeTakeFirst();
      return row ? [row.region_code] : null;
    }
    if (table === 'position') {
      const row = await db
        .selectFrom('position as p')
        .leftJoin('organisation as o', 'o.id', 'p.organisation_id')
        .select(['p.region_code', 'o.region_code as org_region'])
        .where('p.id', '=', id)
        .executeTakeFirst();
      return row ? [row.region_code ?? row.org_region ?? null] : null;
    }
    const row = await db
      .selectFrom('statement')
      .select(['subject_type', 'subject_id'])
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? subjectRegions(db, row.subject_type, row.subject_id) : null;
  };
}

async function subjectRegions(
  db: Db,
  type: string,
  id: string,
): Promise<Array<string | null> | null> {
  switch (type) {
    case 'region':
      return [id];
    case 'person':
      return personRegions(db, Number(id));
    case 'organisation':
    case 'site':
    case 'cluster':
    case 'event':
    case 'project': {
      const region = await regionOf(db, type, Number(id));
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
