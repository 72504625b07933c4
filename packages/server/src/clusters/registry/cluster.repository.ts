import { sql, type SelectQueryBuilder } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { Database } from '../../db/database.ts';
import type {
  ClusterKind,
  ClusterStatus,
  MembershipRole,
} from '@promatlas/core/domain/vocabulary.ts';
import { paginate, textFilter } from '../../registry/shared/paginate.repository.ts';
import { sequential } from '../../registry/shared/sequential.ts';

export interface ClusterFilter {
  regions?: string[] | undefined;
  kind?: ClusterKind | undefined;
  status?: ClusterStatus | undefined;
  q?: string | undefined;
}

function filtered<O>(query: SelectQueryBuilder<Database, 'cluster', O>, f: ClusterFilter) {
  let q = query.where('cluster.deleted_at', 'is', null);
  if (f.regions) q = q.where('cluster.region_code', 'in', f.regions);
  if (f.kind) q = q.where('cluster.kind', '=', f.kind);
  if (f.status) q = q.where('cluster.status', '=', f.status);
  const text = textFilter('cluster', f.q);
  return text ? q.where(text) : q;
}

export async function findClusters(
  db: Db,
  f: ClusterFilter,
  direction: 'asc' | 'desc',
  limit: number,
  offset: number,
) {
  const page = filtered(
    db
      .selectFrom('cluster')
      .leftJoin('region', 'region.code', 'cluster.region_code')
      .select([
        'cluster.id',
        'cluster.kind',
        'cluster.status',
        'cluster.name',
        'cluster.specialisation',
        'cluster.region_code',
        'region.name as region_name',
      ]),
    f,
  )
    .orderBy(sql`cluster.name COLLATE ru`, direction)
    .orderBy('cluster.id', direction)
    .limit(limit)
    .offset(offset);
  const count = filtered(
    db.selectFrom('cluster').select((eb) => eb.fn.countAll<number>().as('n')),
    f,
  );
  return paginate(page, count);
}

export async function getClusterRow(db: Db, id: number) {
  return db
    .selectFrom('cluster')
    .leftJoin('region', 'region.code', 'cluster.region_code')
    .selectAll('cluster')
    .select('region.name as region_name')
    .where('cluster.id', '=', id)
    .where('cluster.deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function getClusterLinks(db: Db, id: number, specialisedId: number | null) {
  const [specialised, members, projects, awards, events] = await sequential([
    () =>
      specialisedId === null
        ? Promise.resolve(undefined)
        : db
            .selectFrom('organisation')
            .select(['id', 'name', 'legal_form'])
            .where('id', '=', specialisedId)
            .executeTakeFirst(),
    () =>
      db
        .selectFrom('cluster_member as m')
        .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
        .select([
          'm.role',
          'm.valid_from',
          'm.valid_to',
          'm.valid_precision',
          'm.source_id',
          'm.source_quote',
          'o.id as target_id',
          'o.name',
          'o.legal_form',
        ])
        .where('m.cluster_id', '=', id)
        .where('m.deleted_at', 'is', null)
        .orderBy(sql`o.name COLLATE ru`)
        .execute(),
    () =>
      db
        .selectFrom('project')
        .select(['id', 'title'])
        .where('cluster_id', '=', id)
        .where('deleted_at', 'is', null)
        .orderBy('id')
        .execute(),
    () =>
      db
        .selectFrom('support_award as a')
        .where('a.deleted_at', 'is', null)
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('support_award_project as sap')
              .innerJoin('project as p', 'p.id', 'sap.project_id')
              .select(sql`1`.as('one'))
              .whereRef('sap.support_award_id', '=', 'a.id')
              .where('p.cluster_id', '=', id),
          ),
        )
        .select('a.id')
        .execute(),
    () =>
      db
        .selectFrom('statement as s')
        .innerJoin('event as e', (j) => j.on(sql`e.id::text`, '=', sql.ref('s.subject_id')))
        .select(['e.id', 'e.title'])
        .where('s.subject_type', '=', 'event')
        .where('s.object_type', '=', 'cluster')
        .where('s.object_id', '=', String(id))
        .execute(),
  ] as const);
  return { specialised, members, projects, awardIds: awards.map((a) => a.id), events };
}

export type ClusterListRow = Awaited<ReturnType<typeof findClusters>>['rows'][number];
export type ClusterRow = NonNullable<Awaited<ReturnType<typeof getClusterRow>>>;
export type ClusterLinks = Awaited<ReturnType<typeof getClusterLinks>>;

/** A live membership of this organisation in this cluster with this role, if any. */
export async function findLiveMembership(
  db: Db,
  clusterId: number,
  organisationId: number,
  role: MembershipRole,
) {
  return db
    .selectFrom('cluster_member')
    .select('id')
    .where('cluster_id', '=', clusterId)
    .where('organisation_id', '=', organisationId)
    .where('role', '=', role)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** The cluster's registry status and Minpromtorg decision. */
export async function getClusterRegistryRow(db: Db, id: number) {
  return db
    .selectFrom('cluster')
    .select(['id', 'name', 'version', 'registry_status', 'decision_number', 'decision_date'])
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** The cluster's audit entries that changed its registry status or decision, newest first. */
export async function findRegistryStatusChanges(db: Db, id: number) {
  return db
    .selectFrom('audit_entry as a')
    .leftJoin('app_user as u', 'u.id', 'a.user_id')
    .select(['a.at', 'a.before', 'a.after', 'u.display_name'])
    .where('a.entity_type', '=', 'cluster')
    .where('a.entity_id', '=', String(id))
    .where(
      sql<boolean>`(a.after->>'registry_status') IS DISTINCT FROM (a.before->>'registry_status')
        OR (a.after->>'decision_number') IS DISTINCT FROM (a.before->>'decision_number')
        OR (a.after->>'decision_date') IS DISTINCT FROM (a.before->>'decision_date')`,
    )
    .where('a.after', 'is not', null)
    .orderBy('a.id', 'desc')
    .execute();
}
