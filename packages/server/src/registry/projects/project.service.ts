import type { Project } from '@promatlas/core/api/registry.schema.ts';
import type { Db } from '../../db/connection.ts';
import { NotFoundError } from '../../shared/domain-errors.ts';
import { loadFacts } from '../shared/facts.ts';
import { offsetOf, parseSort } from '../shared/list-query.ts';
import { SourceRefs, sourceIdsOf } from '../shared/mappers.ts';
import { loadSupportAwards } from '../shared/support-awards.ts';
import { projectListItem, projectProfile } from './project.presenter.ts';
import {
  findProjectAwardIds,
  findProjectMilestones,
  findProjectParticipants,
  findProjects,
  getProjectRow,
  type ProjectFilter,
} from './project.repository.ts';

export async function listProjects(
  db: Db,
  p: ProjectFilter & { sort: string; page: number; pageSize: number },
) {
  const { rows, total } = await findProjects(
    db,
    { regions: p.regions, kind: p.kind, q: p.q },
    parseSort(p.sort).direction,
    p.pageSize,
    offsetOf(p.page, p.pageSize),
  );
  return { items: rows.map(projectListItem), total, page: p.page, pageSize: p.pageSize };
}

export async function getProject(db: Db, id: number): Promise<Project> {
  const row = await getProjectRow(db, id);
  if (!row) throw new NotFoundError('Проект', 'Project', id);
  const participants = await findProjectParticipants(db, id);
  const milestones = await findProjectMilestones(db, id);
  const support = await loadSupportAwards(db, await findProjectAwardIds(db, id));
  const facts = await loadFacts(db, 'project', id);
  const sources = await SourceRefs.load(db, [row.source_id, ...sourceIdsOf(participants)]);
  return projectProfile(row, participants, milestones, support, facts, sources);
}
