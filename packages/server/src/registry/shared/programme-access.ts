import type { FastifyRequest } from 'fastify';
import type { RegionResolver } from '../../auth/index.ts';
import type { Db } from '../../db/connection.ts';
import {
  agreementPlaces,
  decisionEvent,
  directionAgreement,
  eventPlaces,
  measureContainers,
  participantEvent,
  partyPlaces,
  planPlaces,
  reportMeasure,
} from './programme-lookup.repository.ts';

/**
 * Who may change a programme. A programme (an event, an agreement, an action
 * plan and everything inside it: measures, reports, decisions, directions)
 * involves the regions of its parties — a party's own region and its
 * organisation's — and, for an event, its region and its organisers'. A
 * regional editor may change a programme that involves a region granted to
 * them: a joint plan of Moscow, the Magadan region and Minpromtorg is run by
 * the editors of either region; one that involves no region at all (national
 * parties only) is the administrator's.
 *
 * The resolvers answer in the terms of auth/access.ts (every region returned
 * must be granted): one granted region the programme involves when there is
 * one, otherwise all the regions it involves (so the refusal names them), or
 * `[null]` when it involves none. A change that also moves the programme
 * (new parties, a new region) must involve a granted region before and after.
 * `null`: the record does not exist (404, or a field-level 400 for a body).
 */
type Places = Array<string | null>;
const idOf = (request: FastifyRequest) => Number((request.params as { id?: string }).id);
const bodyOf = (request: FastifyRequest) => (request.body ?? {}) as Record<string, unknown>;

function scope(request: FastifyRequest, places: Places): Places {
  const regions = [...new Set(places.filter((p): p is string => p !== null))];
  if (!regions.length) return [null];
  const granted = request.viewer.user?.regions ?? [];
  const mine = regions.find((r) => granted.includes(r));
  return mine ? [mine] : regions;
}

function combine(request: FastifyRequest, ...sets: Array<Places | undefined>): Places | null {
  if (sets.some((s) => s === undefined)) return null;
  return sets.flatMap((s) => scope(request, s!));
}

type PartyList = Array<{ organisationId?: number | null; regionCode?: string | null }>;
const partiesIn = (body: Record<string, unknown>) =>
  Array.isArray(body['parties']) ? (body['parties'] as PartyList) : undefined;

async function measureContainerPlaces(
  db: Db,
  c: {
    action_plan_id: number | null;
    agreement_direction_id: number | null;
    event_decision_id: number | null;
  },
): Promise<Places | undefined> {
  const places: Places = [];
  if (c.action_plan_id !== null) {
    const p = await planPlaces(db, c.action_plan_id);
    if (!p) return undefined;
    places.push(...p);
  }
  if (c.agreement_direction_id !== null) {
    const agreement = await directionAgreement(db, c.agreement_direction_id);
    const p = agreement === undefined ? undefined : await agreementPlaces(db, agreement);
    if (!p) return undefined;
    places.push(...p);
  }
  if (c.event_decision_id !== null) {
    const event = await decisionEvent(db, c.event_decision_id);
    const p = event === undefined ? undefined : await eventPlaces(db, event);
    if (!p) return undefined;
    places.push(...p);
  }
  return places;
}

/** A new plan or agreement: the regions of the parties in the body. */
export const programmeFromBody: RegionResolver = async (request, db) =>
  combine(request, await partyPlaces(db, partiesIn(bodyOf(request)) ?? []));

/** A new event: its region and its organisations' regions. */
export const eventFromBody: RegionResolver = async (request, db) => {
  const body = bodyOf(request);
  const participants = Array.isArray(body['participants'])
    ? (body['participants'] as Array<{ organisationId?: number | null; role?: string }>)
    : [];
  const organisers = participants.filter((p) =>
    ['organiser', 'supporter', 'partner'].includes(p.role ?? ''),
  );
  const places = await partyPlaces(db, [
    { regionCode: (body['regionCode'] as string | null | undefined) ?? null },
    ...organisers.map((p) => ({ organisationId: p.organisationId ?? null })),
  ]);
  return combine(request, places);
};

export const ofPlan: RegionResolver = async (request, db) => {
  const body = bodyOf(request);
  const parties = partiesIn(body);
  return combine(
    request,
    await planPlaces(db, idOf(request)),
    ...(parties ? [await partyPlaces(db, parties)] : []),
  );
};

export const ofAgreement: RegionResolver = async (request, db) => {
  const parties = partiesIn(bodyOf(request));
  return combine(
    request,
    await agreementPlaces(db, idOf(request)),
    ...(parties ? [await partyPlaces(db, parties)] : []),
  );
};

export const ofEvent: RegionResolver = async (request, db) => {
  const body = bodyOf(request);
  const moves = 'regionCode' in body;
  return combine(
    request,
    await eventPlaces(db, idOf(request)),
    ...(moves
      ? [await partyPlaces(db, [{ regionCode: (body['regionCode'] as string | null) ?? null }])]
      : []),
  );
};

/** A new measure: its plan's or agreement direction's regions (no container: the handler names the field). */
export const measureFromBody: RegionResolver = async (request, db) => {
  const body = bodyOf(request);
  const plan = typeof body['actionPlanId'] === 'number' ? body['actionPlanId'] : null;
  const direction =
    typeof body['agreementDirectionId'] === 'number' ? body['agreementDirectionId'] : null;
  if (plan === null && direction === null) return null;
  return combine(
    request,
    await measureContainerPlaces(db, {
      action_plan_id: plan,
      agreement_direction_id: direction,
      event_decision_id: null,
    }),
  );
};

export const ofMeasure: RegionResolver = async (request, db) => {
  const c = await measureContainers(db, idOf(request));
  return c ? combine(request, await measureContainerPlaces(db, c)) : null;
};

export const ofReport: RegionResolver = async (request, db) => {
  const measure = await reportMeasure(db, idOf(request));
  const c = measure === undefined ? undefined : await measureContainers(db, measure);
  return c ? combine(request, await measureContainerPlaces(db, c)) : null;
};

export const ofDirection: RegionResolver = async (request, db) => {
  const agreement = await directionAgreement(db, idOf(request));
  return agreement === undefined ? null : combine(request, await agreementPlaces(db, agreement));
};

/** A decision, and the task made from it: the event's regions, and the target plan's when one is named. */
export const ofDecision: RegionResolver = async (request, db) => {
  const event = await decisionEvent(db, idOf(request));
  if (event === undefined) return null;
  const plan = bodyOf(request)['actionPlanId'];
  return combine(
    request,
    await eventPlaces(db, event),
    ...(typeof plan === 'number' ? [await planPlaces(db, plan)] : []),
  );
};

export const ofParticipant: RegionResolver = async (request, db) => {
  const event = await participantEvent(db, idOf(request));
  return event === undefined ? null : combine(request, await eventPlaces(db, event));
};
