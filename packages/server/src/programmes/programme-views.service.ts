import type { z } from 'zod';
import type {
  AffiliationSchema,
  FlagRulesUpdateSchema,
  MeasureListQuerySchema,
  MyTasks,
  RegionDashboard,
} from '@promatlas/core/api/programmes.schema.ts';
import type { Db } from '../db/connection.ts';
import type { Viewer } from '../auth/index.ts';
import { writeAudit } from '../audit/index.ts';
import {
  NotFoundError,
  StaleVersionError,
  UnauthenticatedError,
  ValidationError,
  type FieldProblem,
} from '../shared/domain-errors.ts';
import {
  organisationDisplayName,
  personFullName,
  ref,
  toPartialDate,
} from '../registry/shared/mappers.ts';
import {
  liveOrganisation,
  livePerson,
  regionByCode,
} from '../registry/shared/programme-lookup.repository.ts';
import { problem } from '../registry/shared/programme-input.ts';
import { currentFlagRules, filterMeasures, loadMeasures } from '../registry/action-plans/index.ts';
import { flagRules, regionMeasureLists, updateFlagRules } from '../registry/action-plans/index.ts';
import {
  affiliationOf,
  agreementsOfRegion,
  organisationTitle,
  personTitle,
  setAffiliation,
  upcomingEvents,
  userExists,
} from './programme-views.repository.ts';

type ListQuery = z.infer<typeof MeasureListQuerySchema>;

/**
 * «Мои задачи»: measures whose responsible party is the signed-in user's
 * organisation or the user themselves (the person they are in the registry).
 * An administrator links an account to both (PUT /api/users/:id/affiliation).
 */
export async function myTasks(
  db: Db,
  writeDb: Db,
  viewer: Viewer,
  q: ListQuery,
  today: string,
): Promise<MyTasks> {
  if (!viewer.user)
    throw new UnauthenticatedError(
      'Войдите, чтобы увидеть свои задачи',
      'Sign in to see your tasks',
    );
  const link = await affiliationOf(writeDb, viewer.user.id);
  const organisationId = link?.organisation_id ?? null;
  const personId = link?.person_id ?? null;
  const items =
    organisationId === null && personId === null
      ? []
      : await loadMeasures(
          db,
          {
            ownerOrganisationIds: organisationId === null ? [] : [organisationId],
            ownerPersonIds: personId === null ? [] : [personId],
          },
          today,
        );
  const org = organisationId === null ? undefined : await organisationTitle(db, organisationId);
  const person = personId === null ? undefined : await personTitle(db, personId);
  const shown = filterMeasures(items, q).sort(
    (a, b) => (a.deadline?.to ?? '9999').localeCompare(b.deadline?.to ?? '9999') || a.id - b.id,
  );
  return {
    today,
    organisation: org ? ref('organisation', org.id, organisationDisplayName(org)) : null,
    person: person ? ref('person', person.id, personFullName(person)) : null,
    items: shown,
  };
}

export async function updateAffiliation(
  db: Db,
  viewer: Viewer,
  userId: number,
  input: z.infer<typeof AffiliationSchema>,
) {
  const before = await userExists(db, userId);
  if (!before) throw new NotFoundError('Пользователь', 'User', userId);
  const problems: FieldProblem[] = [];
  if (input.organisationId !== null && !(await liveOrganisation(db, input.organisationId)))
    problems.push(
      problem(
        'organisationId',
        `Организация ${input.organisationId} не найдена`,
        `Organisation ${input.organisationId} not found`,
      ),
    );
  if (input.personId !== null && !(await livePerson(db, input.personId)))
    problems.push(
      problem(
        'personId',
        `Персона ${input.personId} не найдена`,
        `Person ${input.personId} not found`,
      ),
    );
  if (problems.length) throw ValidationError.ofFields(problems);
  const after = await db.transaction().execute(async (trx) => {
    const after = await setAffiliation(trx, userId, {
      organisation_id: input.organisationId,
      person_id: input.personId,
    });
    await writeAudit(trx, {
      userId: viewer.user?.id ?? null,
      action: 'update',
      entityType: 'app_user_affiliation',
      entityId: userId,
      before,
      after: after ?? null,
    });
    return after;
  });
  return {
    userId,
    organisationId: after?.organisation_id ?? null,
    personId: after?.person_id ?? null,
  };
}

export const FLAG_RULES_DOCUMENTATION =
  'Просрочено: срок (последний день указанного периода) прошёл, а мероприятие не выполнено и не отменено; в день срока — ещё не просрочено. ' +
  'Под угрозой срыва: (1) до срока осталось не больше N дней (ровно N — считается) и выполнение по последнему отчёту меньше доли прошедшего времени (от начала до срока; без начала — 100 %, без отчёта — 0 %), ' +
  'или (2) прошло M дней и больше с последнего отчёта (без отчётов — с начала, если оно наступило).';

export async function getFlagRules(db: Db) {
  const rules = await flagRules(db);
  const current = await currentFlagRules(db);
  return { ...current, version: rules?.version ?? 1, documentation: FLAG_RULES_DOCUMENTATION };
}

export async function editFlagRules(
  db: Db,
  viewer: Viewer,
  input: z.infer<typeof FlagRulesUpdateSchema>,
) {
  const result = await db.transaction().execute(async (trx) => {
    const before = await flagRules(trx);
    const after = await updateFlagRules(trx, input, input.version);
    if (!after) {
      throw new StaleVersionError(
        {
          atRiskWithinDays: before?.atRiskWithinDays,
          staleReportDays: before?.staleReportDays,
          version: before?.version ?? 1,
        },
        before?.version ?? 1,
      );
    }
    await writeAudit(trx, {
      userId: viewer.user?.id ?? null,
      action: 'update',
      entityType: 'programme_flag_rule',
      entityId: 1,
      before: before ?? null,
      after,
    });
    return after;
  });
  return {
    atRiskWithinDays: result.at_risk_within_days,
    staleReportDays: result.stale_report_days,
    version: result.version,
    documentation: FLAG_RULES_DOCUMENTATION,
  };
}

/** How many measures each list of the region dashboard shows (the totals count them all). */
const DASHBOARD_LIST_LIMIT = 100;

const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A region's programmes at a glance: open, overdue and upcoming measures, events to come, agreements in force. */
export async function regionDashboard(
  db: Db,
  code: string,
  today: string,
): Promise<RegionDashboard> {
  const region = await regionByCode(db, code);
  if (!region) throw new NotFoundError('Регион', 'Region', code);
  const rules = await currentFlagRules(db);
  const lists = await regionMeasureLists(
    db,
    code,
    today,
    addDays(today, rules.atRiskWithinDays),
    DASHBOARD_LIST_LIMIT,
  );
  const ids = [...new Set([...lists.open, ...lists.overdue, ...lists.upcoming])];
  const byId = new Map(
    (ids.length ? await loadMeasures(db, { ids }, today, rules) : []).map((m) => [m.id, m]),
  );
  const pick = (list: number[]) =>
    list.flatMap((id) => {
      const m = byId.get(id);
      return m ? [m] : [];
    });
  const events = await upcomingEvents(db, code, today, 20);
  const agreements = await agreementsOfRegion(db, code, today);
  return {
    region: { code: region.code, name: region.name },
    today,
    rules,
    open: pick(lists.open),
    overdue: pick(lists.overdue),
    upcoming: pick(lists.upcoming),
    totals: { ...lists.totals, limit: DASHBOARD_LIST_LIMIT },
    upcomingEvents: events.map((e) => ({
      event: ref('event', e.id, e.title),
      date: toPartialDate(e.valid_from, e.valid_to, e.valid_precision),
      kind: e.kind,
    })),
    agreementsInForce: agreements.map((a) => ({
      agreement: ref('agreement', a.id, a.title),
      date: toPartialDate(a.valid_from, a.valid_to, a.valid_precision),
    })),
  };
}
