import { sql } from 'kysely';
import type { Project, ProjectListItem } from '@promatlas/core/api/registry.schema.ts';
import type { ProjectKind } from '@promatlas/core/domain/vocabulary.ts';
import type { Db } from '../../db/connection.ts';
import { NotFoundError } from '../../shared/domain-errors.ts';
import { loadFacts } from '../shared/facts.ts';
import { offsetOf, parseSort } from '../shared/list-query.ts';
import {
  organisationDisplayName,
  periodOf,
  ref,
  regionRef,
  SourceRefs,
  sourceIdsOf,
} from '../shared/mappers.ts';
import { paginate, textFilter } from '../shared/paginate.repository.ts';
import { loadSupportAwards } from '../shared/support-awards.ts';

type ProjectRowLike = {
  id: number;
  kind: ProjectListItem['kind'];
  status: ProjectListItem['status'];
  title: string;
  region_code: string | null;
  region_name: string | null;
  valid_from: string | null;
  valid_to: string | null;
  valid_precision: string | null;
};

function listItem(r: ProjectRowLike): ProjectListItem {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    title: r.title,
    region: regionRef(r),
    date: periodOf(r),
  };
}

export async function listProjects(
  db: Db,
  p: {
    regions?: string[] | undefined;
    kind?: ProjectKind | undefined;
    q?: string | undefined;
    sort: string;
    page: number;
    pageSize: number;
  },
) {
  const text = textFilter('project', p.q);
  const base = () => {
    let q = db
      .selectFrom('project')
      .leftJoin('region', 'region.code', 'project.region_code')
      .where('project.deleted_at', 'is', null);
    if (p.regions) q = q.where('project.region_code', 'in', p.regions);
    if (p.kind) q = q.where('project.kind', '=', p.kind);
    return text ? q.where(text) : q;
  };
  const sort = parseSort(p.sort);
  const { rows, total } = await paginate(
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
      .orderBy(sql`project.title COLLATE ru`, sort.direction)
      .orderBy('project.id')
      .limit(p.pageSize)
      .offset(offsetOf(p.page, p.pageSize)),
    base().select((eb) => eb.fn.countAll<number>().as('n')),
  );
  return { items: rows.map(listItem), total, page: p.page, pageSize: p.pageSize };
}

export async function getProject(db: Db, id: number): Promise<Project> {
  const row = await db
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
  if (!row) throw new NotFoundError('Проект', 'Project', id);
  const participants = await db
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
  const awardIds = (
    await db
      .selectFrom('support_award_project')
      .select('support_award_id')
      .where('project_id', '=', id)
      .execute()
  ).map((r) => r.support_award_id);
  const support = await loadSupportAwards(db, awardIds);
  const facts = await loadFacts(db, 'project', id);
  const sources = await SourceRefs.load(db, [row.source_id, ...sourceIdsOf(participants)]);
  return {
    ...listItem(row),
    description: row.description,
    cluster:
      row.cluster_id !== null && row.cluster_name
        ? ref('cluster', row.cluster_id, row.cluster_name)
        : null,
    site: row.site_id !== null && row.site_name ? ref('site', row.site_id, row.site_name) : null,
    participants: participants.map((p) => ({
      role: p.role,
      target: ref('organisation', p.organisation_id, organisationDisplayName(p)),
      asOf: null,
      source: sources.of(p),
    })),
    support,
    facts,
    source: sources.of(row),
  };
}
