import type { Db } from '../../db/connection.ts';
import { isRowId } from './region-resolvers.ts';

/**
 * Lookups the programme features share: whether a referenced record exists
 * (checked before writing, so the answer names the field), and which regions
 * a programme involves (for the regional editor's access).
 */
type Places = Array<string | null>;

export async function liveOrganisation(db: Db, id: number) {
  if (!isRowId(id)) return undefined;
  return db
    .selectFrom('organisation')
    .select(['id', 'name', 'legal_form', 'region_code'])
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function livePerson(db: Db, id: number) {
  if (!isRowId(id)) return undefined;
  return db
    .selectFrom('person')
    .select(['id', 'last_name', 'first_name', 'patronymic'])
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function regionByCode(db: Db, code: string) {
  return db
    .selectFrom('region')
    .select(['code', 'name'])
    .where('code', '=', code)
    .executeTakeFirst();
}

export async function livePosition(db: Db, id: number) {
  if (!isRowId(id)) return undefined;
  return db
    .selectFrom('position')
    .select(['id', 'person_id', 'organisation_id', 'title'])
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function liveRecordExists(
  db: Db,
  table: 'event' | 'action_plan' | 'agreement' | 'agreement_direction' | 'event_decision',
  id: number,
): Promise<boolean> {
  if (!isRowId(id)) return false;
  const row = await db
    .selectFrom(table)
    .select('id')
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

/** Regions named by parties: each party's own region and its organisation's (null for a national one). */
export async function partyPlaces(
  db: Db,
  parties: ReadonlyArray<{ organisationId?: number | null; regionCode?: string | null }>,
): Promise<Places | undefined> {
  const places: Places = [];
  for (const p of parties) {
    if (p.regionCode) places.push(p.regionCode);
    if (typeof p.organisationId === 'number') {
      const o = await liveOrganisation(db, p.organisationId);
      if (!o) return undefined;
      places.push(o.region_code);
    }
  }
  return places;
}

async function partiesOf(db: Db, kind: 'action_plan' | 'agreement', id: number): Promise<Places> {
  const rows =
    kind === 'action_plan'
      ? await db
          .selectFrom('action_plan_party as p')
          .leftJoin('organisation as o', 'o.id', 'p.organisation_id')
          .select(['p.region_code', 'o.region_code as organisation_region', 'p.organisation_id'])
          .where('p.action_plan_id', '=', id)
          .where('p.deleted_at', 'is', null)
          .execute()
      : await db
          .selectFrom('agreement_party as p')
          .leftJoin('organisation as o', 'o.id', 'p.organisation_id')
          .select(['p.region_code', 'o.region_code as organisation_region', 'p.organisation_id'])
          .where('p.agreement_id', '=', id)
          .where('p.deleted_at', 'is', null)
          .execute();
  return rows.flatMap((r) => [
    ...(r.region_code ? [r.region_code] : []),
    ...(r.organisation_id !== null ? [r.organisation_region] : []),
  ]);
}

/** The regions an action plan involves; undefined when it does not exist. */
export async function planPlaces(db: Db, id: number): Promise<Places | undefined> {
  if (!(await liveOrExists(db, 'action_plan', id))) return undefined;
  return partiesOf(db, 'action_plan', id);
}

export async function agreementPlaces(db: Db, id: number): Promise<Places | undefined> {
  if (!(await liveOrExists(db, 'agreement', id))) return undefined;
  return partiesOf(db, 'agreement', id);
}

/** An event lies in its region and in the regions of its organisers, supporters and partners. */
export async function eventPlaces(db: Db, id: number): Promise<Places | undefined> {
  if (!isRowId(id)) return undefined;
  const event = await db
    .selectFrom('event')
    .select('region_code')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!event) return undefined;
  const organisers = await db
    .selectFrom('event_participant as p')
    .innerJoin('organisation as o', 'o.id', 'p.organisation_id')
    .select('o.region_code')
    .where('p.event_id', '=', id)
    .where('p.deleted_at', 'is', null)
    .where('p.role', 'in', ['organiser', 'supporter', 'partner'])
    .execute();
  return [event.region_code, ...organisers.map((o) => o.region_code)];
}

/** Deleted records too: restoring one needs its regions. */
async function liveOrExists(db: Db, table: 'action_plan' | 'agreement', id: number) {
  if (!isRowId(id)) return false;
  return (
    (await db.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst()) !== undefined
  );
}

export async function directionAgreement(db: Db, id: number): Promise<number | undefined> {
  if (!isRowId(id)) return undefined;
  const row = await db
    .selectFrom('agreement_direction')
    .select('agreement_id')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.agreement_id;
}

export async function decisionEvent(db: Db, id: number): Promise<number | undefined> {
  if (!isRowId(id)) return undefined;
  const row = await db
    .selectFrom('event_decision')
    .select('event_id')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.event_id;
}

export async function participantEvent(db: Db, id: number): Promise<number | undefined> {
  if (!isRowId(id)) return undefined;
  const row = await db
    .selectFrom('event_participant')
    .select('event_id')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.event_id;
}

/** The containers of a measure (deleted measures too: restoring needs them). */
export async function measureContainers(db: Db, id: number) {
  if (!isRowId(id)) return undefined;
  return db
    .selectFrom('programme_measure')
    .select(['action_plan_id', 'agreement_direction_id', 'event_decision_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function reportMeasure(db: Db, id: number): Promise<number | undefined> {
  if (!isRowId(id)) return undefined;
  const row = await db
    .selectFrom('measure_report')
    .select('measure_id')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.measure_id;
}

/** The action plans an event produced (approved at it, or a programme it commissioned). */
export async function plansOfEvent(db: Db, eventId: number) {
  return db
    .selectFrom('action_plan')
    .select(['id', 'title'])
    .where('approved_at_event_id', '=', eventId)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute();
}
