import type { z } from 'zod';
import type {
  ProjectCreateSchema,
  ProjectUpdateSchema,
} from '@promatlas/core/api/projects.schema.ts';
import type { Db } from '../../db/connection.ts';
import { ValidationError, type FieldProblem } from '../../shared/domain-errors.ts';
import {
  updateProvenance,
  updateRecord,
  type MutationContext,
  deleteInTransaction,
  restoreInTransaction,
} from '../../shared/records/versioned-record.repository.ts';
import { createWithChildren, replaceChildren } from '../shared/programme-record.repository.ts';
import { problem, resolvePartialDate } from '../shared/programme-input.ts';
import { organisationProblem, provenance, regionProblem } from '../shared/references.ts';
import { isRowId } from '../shared/region-resolvers.ts';
import { liveSiteOrCluster } from './project.repository.ts';

type ProjectFields = Omit<z.infer<typeof ProjectUpdateSchema>, 'version'>;

const SCALARS = {
  kind: 'kind',
  status: 'status',
  title: 'title',
  description: 'description',
  regionCode: 'region_code',
  clusterId: 'cluster_id',
  siteId: 'site_id',
  investmentRub: 'investment_rub',
  jobs: 'jobs',
  published: 'published',
} as const;

const periodColumns = (date: { from: string; to: string; precision: string } | null) => ({
  valid_from: date?.from ?? null,
  valid_to: date?.to ?? null,
  valid_precision: date?.precision ?? null,
});

/**
 * The project's columns and child rows from its input; every problem (an
 * unknown region, site, cluster or participant, an unreadable date) is
 * collected, so one answer names every field at fault.
 */
async function projectColumns(db: Db, input: ProjectFields, problems: FieldProblem[]) {
  const columns: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(SCALARS)) {
    const value = input[key as keyof typeof SCALARS];
    if (value !== undefined) columns[column] = value;
  }
  const region = await regionProblem(db, 'regionCode', input.regionCode);
  if (region) problems.push(region);
  for (const [field, table, ru, en] of [
    ['siteId', 'site', 'Площадка', 'Site'],
    ['clusterId', 'cluster', 'Кластер', 'Cluster'],
  ] as const) {
    const id = input[field];
    if (id === undefined || id === null) continue;
    if (!isRowId(id) || !(await liveSiteOrCluster(db, table, id)))
      problems.push(problem(field, `${ru} ${id} не найден(а)`, `${en} ${id} not found`));
  }
  const period = resolvePartialDate('period', input.period, problems);
  if (period !== undefined) Object.assign(columns, periodColumns(period));

  let participants: Array<Record<string, unknown>> | undefined;
  if (input.participants !== undefined) {
    participants = [];
    const seen = new Set<string>();
    for (const [k, p] of input.participants.entries()) {
      const missing = await organisationProblem(
        db,
        `participants.${k}.organisationId`,
        p.organisationId,
      );
      if (missing) problems.push(missing);
      const key = `${p.organisationId}:${p.role}`;
      if (seen.has(key))
        problems.push(
          problem(
            `participants.${k}`,
            'Эта организация уже указана в этой роли',
            'This organisation is already listed in this role',
          ),
        );
      seen.add(key);
      participants.push({ organisation_id: p.organisationId, role: p.role });
    }
  }
  let milestones: Array<Record<string, unknown>> | undefined;
  if (input.milestones !== undefined) {
    milestones = input.milestones.map((m, k) => {
      const date = resolvePartialDate(`milestones.${k}.date`, m.date, problems);
      return {
        position: k,
        title: m.title,
        done: m.done ?? false,
        ...periodColumns(date ?? null),
      };
    });
  }
  return { columns, participants, milestones };
}

export async function createProject(
  db: Db,
  ctx: MutationContext,
  input: z.infer<typeof ProjectCreateSchema>,
) {
  const problems: FieldProblem[] = [];
  const { sourceId, sourceQuote, ...fields } = input;
  const { columns, participants, milestones } = await projectColumns(db, fields, problems);
  if (problems.length) throw ValidationError.ofFields(problems);
  const prov = await provenance(db, { sourceId, sourceQuote });
  const row = await db.transaction().execute((trx) =>
    createWithChildren(
      trx,
      { ...ctx, sourceId: prov.source_id },
      'project',
      { ...columns, ...prov },
      [
        { table: 'project_participant', parentColumn: 'project_id', rows: participants ?? [] },
        { table: 'project_milestone', parentColumn: 'project_id', rows: milestones ?? [] },
      ],
    ),
  );
  return { id: row.id, version: row.version };
}

export async function updateProject(
  db: Db,
  ctx: MutationContext,
  id: number,
  input: z.infer<typeof ProjectUpdateSchema>,
) {
  const { version, sourceId, sourceQuote, ...fields } = input;
  const problems: FieldProblem[] = [];
  const { columns, participants, milestones } = await projectColumns(db, fields, problems);
  if (problems.length) throw ValidationError.ofFields(problems);
  const prov = await updateProvenance(db, 'project', id, { sourceId, sourceQuote });
  const row = await db.transaction().execute(async (trx) => {
    // Children are replaced in the same transaction: a stale version rolls them back too.
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const [name, table, rows] of [
      ['participants', 'project_participant', participants],
      ['milestones', 'project_milestone', milestones],
    ] as const) {
      if (!rows) continue;
      const changed = await replaceChildren(trx, id, { table, parentColumn: 'project_id', rows });
      before[name] = changed.before;
      after[name] = changed.after;
    }
    return updateRecord(
      trx,
      { ...ctx, sourceId: prov.source_id },
      'project',
      id,
      version,
      { ...columns, ...prov },
      Object.keys(after).length ? { before, after } : undefined,
    );
  });
  return { id: row.id, version: row.version };
}

export async function deleteProject(db: Db, ctx: MutationContext, id: number, version: number) {
  return deleteInTransaction(db, ctx, 'project', id, version);
}

export async function restoreProject(db: Db, ctx: MutationContext, id: number) {
  return restoreInTransaction(db, ctx, 'project', id);
}
