import type { z } from 'zod';
import type { MeasureDto, MeasureListQuerySchema } from '@promatlas/core/api/programmes.schema.ts';
import { DEFAULT_FLAG_RULES, type FlagRules } from '@promatlas/core/programmes/flags.ts';
import type { Db } from '../../db/connection.ts';
import { NotFoundError } from '../../shared/domain-errors.ts';
import {
  coExecutorsOf,
  findMeasures,
  reportsOf,
  type MeasureFilter,
} from './measure.repository.ts';
import { findDeadlineRows } from './measure-lists.repository.ts';
import { flagRules } from './plan-page.repository.ts';
import { presentDeadlines, presentMeasures, type MeasureDeadline } from './measure.presenter.ts';

/** Reading measures: with their flags for a day, one with its reports, the filters of the lists. */

export const MEASURE_LABEL = ['Мероприятие плана', 'Measure'] as const;

export async function currentFlagRules(db: Db): Promise<FlagRules> {
  const rules = await flagRules(db);
  return rules
    ? { atRiskWithinDays: rules.atRiskWithinDays, staleReportDays: rules.staleReportDays }
    : { ...DEFAULT_FLAG_RULES };
}

/** Measures matching a filter, presented with their flags for `today`. */
export async function loadMeasures(
  db: Db,
  filter: MeasureFilter,
  today: string,
  rules?: FlagRules,
): Promise<MeasureDto[]> {
  const rows = await findMeasures(db, filter);
  const co = await coExecutorsOf(
    db,
    rows.map((r) => r.id),
  );
  return presentMeasures(rows, co, rules ?? (await currentFlagRules(db)), today);
}

/** Deadlines of the measures matching a filter (not cancelled), for the calendar feed. */
export async function loadDeadlines(db: Db, filter: MeasureFilter): Promise<MeasureDeadline[]> {
  return presentDeadlines(await findDeadlineRows(db, filter));
}

export async function getMeasure(db: Db, id: number, today: string) {
  const [measure] = await loadMeasures(db, { ids: [id] }, today);
  if (!measure) throw new NotFoundError(MEASURE_LABEL[0], MEASURE_LABEL[1], id);
  const reports = await reportsOf(db, id);
  return {
    ...measure,
    reports: reports.map((r) => ({
      id: r.id,
      version: r.version,
      reportedOn: r.reported_on,
      note: r.note,
      progress: r.progress,
      actualValue: r.actual_value,
      source:
        r.source_id !== null && r.source_title !== null
          ? { id: r.source_id, title: r.source_title }
          : null,
    })),
  };
}

type ListQuery = z.infer<typeof MeasureListQuerySchema>;

/** The filters of the plan page and the task lists, applied to presented measures. */
export function filterMeasures(items: MeasureDto[], q: ListQuery): MeasureDto[] {
  const statuses = q.status === undefined ? undefined : [q.status].flat();
  const [ownerType, ownerId] = q.owner ? q.owner.split(':') : [];
  return items.filter(
    (m) =>
      (!statuses || statuses.includes(m.status ?? 'none')) &&
      (!q.flag || m.flags.includes(q.flag)) &&
      (!q.owner || (m.owner?.type === ownerType && m.owner?.id === ownerId)) &&
      (!q.deadlineFrom || (m.deadline !== null && m.deadline.to >= q.deadlineFrom)) &&
      (!q.deadlineTo || (m.deadline !== null && m.deadline.to <= q.deadlineTo)) &&
      (q.theme === undefined || (m.theme ?? '') === q.theme),
  );
}
