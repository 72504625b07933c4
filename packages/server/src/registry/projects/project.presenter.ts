import type { Fact } from '@promatlas/core/api/common.schema.ts';
import type {
  Project,
  ProjectListItem,
  SupportAward,
} from '@promatlas/core/api/registry.schema.ts';
import {
  organisationDisplayName,
  periodOf,
  ref,
  regionRef,
  type SourceRefs,
} from '../shared/mappers.ts';
import type {
  ProjectListRow,
  ProjectMilestoneRow,
  ProjectParticipantRow,
  ProjectRow,
} from './project.repository.ts';

export function projectListItem(r: ProjectListRow): ProjectListItem {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    title: r.title,
    region: regionRef(r),
    date: periodOf(r),
  };
}

export function projectProfile(
  row: ProjectRow,
  participants: ProjectParticipantRow[],
  milestones: ProjectMilestoneRow[],
  support: SupportAward[],
  facts: Fact[],
  sources: SourceRefs,
): Project {
  return {
    ...projectListItem(row),
    version: row.version,
    published: row.published,
    description: row.description,
    investmentRub: row.investment_rub,
    jobs: row.jobs,
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
    milestones: milestones.map((m) => ({
      id: m.id,
      title: m.title,
      date: periodOf(m),
      done: m.done,
    })),
    support,
    facts,
    source: sources.of(row),
  };
}
