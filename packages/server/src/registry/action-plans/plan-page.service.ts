import type { z } from 'zod';
import type {
  MeasureDto,
  MeasureListQuerySchema,
  PlanPage,
  Timeline,
} from '@promatlas/core/api/programmes.schema.ts';
import type { Db } from '../../db/connection.ts';
import { NotFoundError } from '../../shared/domain-errors.ts';
import { organisationDisplayName, ref, toPartialDate } from '../shared/mappers.ts';
import { planHeader, planParties, planSourceRows } from './plan-page.repository.ts';
import { currentFlagRules, filterMeasures, loadMeasures } from './measure.service.ts';

/** A plan at work: its page (measures by theme, counts, flags), its timeline, its documents. */

type ListQuery = z.infer<typeof MeasureListQuerySchema>;

async function planOrThrow(db: Db, planId: number) {
  const plan = await planHeader(db, planId);
  if (!plan) throw new NotFoundError('План действий', 'Action plan', planId);
  return plan;
}

/** The plan page: measures grouped by theme (the plan's themes first, in order), filtered, with flags. */
export async function planPage(
  db: Db,
  planId: number,
  q: ListQuery,
  today: string,
): Promise<PlanPage> {
  const plan = await planOrThrow(db, planId);
  const rules = await currentFlagRules(db);
  const all = await loadMeasures(db, { planId }, today, rules);
  const shown = filterMeasures(all, q);
  const order = [...plan.themes];
  for (const m of shown) if (m.theme !== null && !order.includes(m.theme)) order.push(m.theme);
  const groups: Array<{ theme: string | null; measures: MeasureDto[] }> = order
    .map((theme) => ({ theme, measures: shown.filter((m) => m.theme === theme) }))
    .filter((g) => g.measures.length);
  const untitled = shown.filter((m) => m.theme === null);
  if (untitled.length) groups.push({ theme: null, measures: untitled });
  const byStatus: Record<string, number> = {};
  for (const m of all) byStatus[m.status ?? 'none'] = (byStatus[m.status ?? 'none'] ?? 0) + 1;
  const parties = await planParties(db, planId);
  return {
    plan: {
      id: plan.id,
      version: plan.version,
      title: plan.title,
      period: toPartialDate(plan.valid_from, plan.valid_to, plan.valid_precision),
      themes: plan.themes,
      parties: parties.flatMap((p): PlanPage['plan']['parties'] =>
        p.organisation_id !== null && p.org_name !== null
          ? [
              {
                type: 'organisation' as const,
                id: String(p.organisation_id),
                title: organisationDisplayName({ name: p.org_name, legal_form: p.legal_form }),
              },
            ]
          : p.region_code !== null && p.region_name !== null
            ? [{ type: 'region' as const, id: p.region_code, title: p.region_name }]
            : [],
      ),
      event:
        plan.event_id !== null && plan.event_title !== null
          ? ref('event', plan.event_id, plan.event_title)
          : null,
      published: plan.published,
    },
    today,
    rules,
    counts: {
      total: all.length,
      shown: shown.length,
      overdue: all.filter((m) => m.flags.includes('overdue')).length,
      atRisk: all.filter((m) => m.flags.includes('at_risk')).length,
      byStatus,
    },
    themes: groups,
  };
}

/** Timeline (Gantt) data: one bar per measure with dates, and the plan's milestones. */
export async function planTimeline(db: Db, planId: number, today: string): Promise<Timeline> {
  const plan = await planOrThrow(db, planId);
  const measures = await loadMeasures(db, { planId }, today);
  const milestones: Timeline['milestones'] = [];
  if (plan.event_id !== null && plan.event_title !== null && plan.event_from)
    milestones.push({
      date: plan.event_from,
      title: plan.event_title,
      ref: ref('event', plan.event_id, plan.event_title),
      kind: 'event',
    });
  if (plan.valid_to)
    milestones.push({ date: plan.valid_to, title: 'Окончание плана', ref: null, kind: 'plan_end' });
  return {
    today,
    items: measures.map((m) => ({
      id: m.id,
      title: m.title,
      theme: m.theme,
      start: m.start?.from ?? null,
      end: m.deadline?.to ?? null,
      status: m.status,
      flags: m.flags,
      progress: m.progress,
    })),
    milestones,
  };
}

/** A document a plan, one of its measures (measureId) or their reports rest on. */
export interface PlanSource {
  measureId: number | null;
  id: number;
  title: string;
  published: ReturnType<typeof toPartialDate>;
}

/** The documents a plan rests on, the plan's own first, then by measure (for its status report). */
export async function planSources(db: Db, planId: number): Promise<PlanSource[]> {
  const rows = await planSourceRows(db, planId);
  return rows.map((r) => ({
    measureId: r.measure_id,
    id: r.id,
    title: r.title,
    published: toPartialDate(r.published_from, r.published_to, r.published_precision),
  }));
}
