import type { MeasureDto } from '@promatlas/core/api/programmes.schema.ts';
import {
  MEASURE_STATUSES,
  MEASURE_STATUS_UNKNOWN,
  type MeasurePartyType,
} from '@promatlas/core/domain/vocabulary.ts';
import { FLAG_REASONS, measureFlags, type FlagRules } from '@promatlas/core/programmes/flags.ts';
import { organisationDisplayName, personFullName, ref, toPartialDate } from '../shared/mappers.ts';
import type { CoExecutorRow, MeasureBase, MeasureRow } from './measure.repository.ts';
import type { DeadlineRow } from './measure-lists.repository.ts';

/** Measure rows → the API's measures, with the flags computed for `today`. */

type Party = MeasureDto['owner'];

function party(
  type: MeasurePartyType,
  id: string | number | null,
  title: string | null,
): NonNullable<Party> | null {
  return id === null || title === null ? null : { type, id: String(id), title };
}

/** The columns that name a measure's responsible party. */
type OwnerColumns = Pick<
  MeasureBase,
  | 'owner_organisation_id'
  | 'owner_region_code'
  | 'owner_person_id'
  | 'owner_org_name'
  | 'owner_org_legal_form'
  | 'owner_region_name'
  | 'owner_last_name'
  | 'owner_first_name'
  | 'owner_patronymic'
>;

function ownerOf(r: OwnerColumns): Party {
  if (r.owner_organisation_id !== null)
    return party(
      'organisation',
      r.owner_organisation_id,
      r.owner_org_name === null
        ? null
        : organisationDisplayName({ name: r.owner_org_name, legal_form: r.owner_org_legal_form }),
    );
  if (r.owner_region_code !== null)
    return party('region', r.owner_region_code, r.owner_region_name);
  if (r.owner_person_id !== null)
    return party(
      'person',
      r.owner_person_id,
      r.owner_last_name === null
        ? null
        : personFullName({
            last_name: r.owner_last_name,
            first_name: r.owner_first_name,
            patronymic: r.owner_patronymic,
          }),
    );
  return null;
}

export function coExecutorParty(c: CoExecutorRow): NonNullable<Party> | null {
  if (c.organisation_id !== null)
    return party(
      'organisation',
      c.organisation_id,
      c.org_name === null
        ? null
        : organisationDisplayName({ name: c.org_name, legal_form: c.legal_form }),
    );
  if (c.region_code !== null) return party('region', c.region_code, c.region_name);
  return party(
    'person',
    c.person_id,
    c.last_name === null
      ? null
      : personFullName({
          last_name: c.last_name,
          first_name: c.first_name,
          patronymic: c.patronymic,
        }),
  );
}

export function presentMeasure(
  r: MeasureRow,
  coExecutors: CoExecutorRow[],
  rules: FlagRules,
  today: string,
): MeasureDto {
  const start = toPartialDate(r.start_from, r.start_to, r.start_precision);
  const deadline = toPartialDate(r.deadline_from, r.deadline_to, r.deadline_precision);
  const progress = r.progress === null ? null : Number(r.progress);
  const lastReportOn = (r.last_report_on as string | null) ?? null;
  const computed = measureFlags(
    {
      status: r.status,
      start: start?.from ?? null,
      deadline: deadline?.to ?? null,
      progress,
      lastReportOn,
    },
    rules,
    today,
  );
  return {
    id: r.id,
    version: r.version,
    title: r.title,
    theme: r.theme,
    position: r.position,
    plan:
      r.action_plan_id !== null && r.plan_title !== null
        ? ref('action_plan', r.action_plan_id, r.plan_title)
        : null,
    agreement:
      r.agreement_id !== null && r.agreement_title !== null
        ? ref('agreement', r.agreement_id, r.agreement_title)
        : null,
    direction:
      r.agreement_direction_id !== null && r.direction_title !== null
        ? { id: r.agreement_direction_id, title: r.direction_title }
        : null,
    decision:
      r.event_decision_id !== null &&
      r.decision_text !== null &&
      r.event_id !== null &&
      r.event_title !== null
        ? {
            id: r.event_decision_id,
            text: r.decision_text,
            event: ref('event', r.event_id, r.event_title),
          }
        : null,
    owner: ownerOf(r),
    coExecutors: coExecutors
      .filter((c) => c.measure_id === r.id)
      .map(coExecutorParty)
      .filter((p): p is NonNullable<Party> => p !== null),
    start,
    deadline,
    status: r.status,
    statusLabel: r.status ? MEASURE_STATUSES.label(r.status) : MEASURE_STATUS_UNKNOWN.ru,
    indicator: r.indicator_name
      ? {
          name: r.indicator_name,
          unit: r.indicator_unit,
          target: r.indicator_target,
          targetOn: r.indicator_target_on,
          actual: r.indicator_actual,
          actualOn: r.indicator_actual_on,
        }
      : null,
    progress,
    lastReportOn,
    flags: computed.flags,
    flagReasons: computed.reasons.map((reason) => FLAG_REASONS[reason].ru),
    daysLeft: computed.daysLeft,
    published: r.published,
  };
}

/** Groups by co-executor lookups once per list. */
export function presentMeasures(
  rows: MeasureRow[],
  coExecutors: CoExecutorRow[],
  rules: FlagRules,
  today: string,
): MeasureDto[] {
  const byMeasure = new Map<number, CoExecutorRow[]>();
  for (const c of coExecutors) {
    const list = byMeasure.get(c.measure_id) ?? [];
    list.push(c);
    byMeasure.set(c.measure_id, list);
  }
  return rows.map((r) => presentMeasure(r, byMeasure.get(r.id) ?? [], rules, today));
}

/** A measure's deadline entry: what a calendar shows of it, without flags, reports or co-executors. */
export interface MeasureDeadline {
  id: number;
  title: string;
  deadline: string;
  status: MeasureRow['status'];
  statusLabel: string;
  plan: { id: number; title: string } | null;
  agreementTitle: string | null;
  ownerTitle: string | null;
  /** When the measure last changed (the calendar entry's stamp). */
  updatedAt: string;
}

/** Rows of measures with a deadline, not cancelled (findDeadlineRows) → deadline entries. */
export function presentDeadlines(rows: DeadlineRow[]): MeasureDeadline[] {
  return rows.flatMap((r) =>
    r.deadline_to === null
      ? []
      : [
          {
            id: r.id,
            title: r.title,
            deadline: r.deadline_to,
            status: r.status,
            statusLabel: r.status ? MEASURE_STATUSES.label(r.status) : MEASURE_STATUS_UNKNOWN.ru,
            plan:
              r.action_plan_id !== null && r.plan_title !== null
                ? { id: r.action_plan_id, title: r.plan_title }
                : null,
            agreementTitle: r.agreement_id !== null ? r.agreement_title : null,
            ownerTitle: ownerOf(r)?.title ?? null,
            updatedAt: String(r.updated_at),
          },
        ],
  );
}
