import { sql } from 'kysely';
import type { ProjectKind } from '@promatlas/core/domain/vocabulary.ts';
import type { Db } from '../../db/connection.ts';
import { paginate, textFilter } from '../shared/paginate.repository.ts';

export interface ProjectFilter {
  regions?: string[] | undefined;
  kind?: ProjectKind | undefined;
  q?: string | undefined;
}

export async function findProjects(
  db: Db,
  f: ProjectFilter,
  direction: 'asc' | 'desc',
  limit: number,
  offset: number,
) {
  const text = textFilter('project', f.q);
  const base = () => {
    let q = db
      .selectFrom('project')
      .leftJoin('region', 'region.code', 'project.region_code')
      .where('project.deleted_at', 'is', null);
    if (f.regions) q = q.where('project.region_code', 'in', f.regions);
    if (f.kind) q = q.where('project.kind', '=', f.kind);
    return text ? q.where(text) : q;
  };
  return paginate(
    base()
      .select([
        'project.id',
        'project.kind',
        'project.status',
        'project.title',
        'project.region_code',
        'region.name as region_name',
        'project.valid_from',
        'project.valid_to',
        'project.valid_precision',
      ])
      .orderBy(sql`project.title COLLATE ru`, direction)
      .orderBy('project.id')
      .limit(limit)
      .offset(offset),
    base().select((eb) => eb.fn.countAll<number>().as('n')),
  );
}

export type ProjectListRow = Awaited<ReturnType<typeof findProjects>>['rows'][number];

export async function getProjectRow(db: Db, id: number) {
  return db
    .selectFrom('project')
    .leftJoin('region', 'region.code', 'project.region_code')
    .leftJoin('cluster', 'cluster.id', 'project.cluster_id')
    .leftJoin('site', 'site.id', 'project.site_id')
    .selectAll('project')
    .select([
      'region.name as region_name',
      'cluster.name as cluster_name',
      'site.name as site_name',
    ])
    .where('project.id', '=', id)
    .where('project.deleted_at', 'is', null)
    .executeTakeFirst();
}

export type ProjectRow = NonNullable<Awaited<ReturnType<typeof getProjectRow>>>;

/** A project's live participants, in the order they were recorded. */
export async function findProjectParticipants(db: Db, id: number) {
  return db
    .selectFrom('project_participant as p')
    .innerJoin('organisation as o', 'o.id', 'p.organisation_id')
    .select([
      'p.role',
      'p.source_id',
      'p.source_quote',
      'o.id as organisation_id',
      'o.name',
      'o.legal_form',
    ])
    .where('p.project_id', '=', id)
    .where('p.deleted_at', 'is', null)
    .orderBy('p.id')
    .execute();
}

export type ProjectParticipantRow = Awaited<ReturnType<typeof findProjectParticipants>>[number];

/** The support awards that cover a project. */
export async function findProjectAwardIds(db: Db, id: number): Promise<number[]> {
  const rows = await db
    .selectFrom('support_award_project')
    .select('support_award_id')
    .where('project_id', '=', id)
    .execute();
  return rows.map((r) => r.support_award_id);
}

/** A project's live stage milestones, in their order. */
export async function findProjectMilestones(db: Db, id: number) {
  return db
    .selectFrom('project_milestone')
    .select(['id', 'title', 'valid_from', 'valid_to', 'valid_precision', 'done'])
    .where('project_id', '=', id)
    .where('deleted_at', 'is', null)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

export type ProjectMilestoneRow = Awaited<ReturnType<typeof findProjectMilestones>>[number];

/** Whether a live site or cluster exists (checked before a project names it). */
export async function liveSiteOrCluster(
  db: Db,
  table: 'site' | 'cluster',
  id: number,
): Promise<boolean> {
  const row = await db
    .selectFrom(table)
    .select('id')
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

/** A project's region (null: national), deleted or not; undefined when there is no such project. */
export async function findProjectRegion(db: Db, id: number) {
  return db.selectFrom('project').select('region_code').where('id', '=', id).executeTakeFirst();
}
