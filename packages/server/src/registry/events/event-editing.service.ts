import type { z } from 'zod';
import type {
  DecisionCreateSchema,
  DecisionUpdateSchema,
  EventCreateSchema,
  EventParticipantCreateSchema,
  EventUpdateSchema,
} from '@promatlas/core/api/programmes.schema.ts';
import type { Db } from '../../db/connection.ts';
import { NotFoundError, ValidationError, type FieldProblem } from '../../shared/domain-errors.ts';
import {
  updateProvenance,
  updateRecord,
  type MutationContext,
  deleteInTransaction,
  restoreInTransaction,
} from '../../shared/records/versioned-record.repository.ts';
import { provenance } from '../shared/references.ts';
import { organisationDisplayName, personFullName, ref } from '../shared/mappers.ts';
import { createWithChildren } from '../shared/programme-record.repository.ts';
import {
  liveOrganisation,
  livePerson,
  livePosition,
  liveRecordExists,
  plansOfEvent,
  regionByCode,
} from '../shared/programme-lookup.repository.ts';
import { problem, resolvePartialDate } from '../shared/programme-input.ts';
import {
  decisionsOf,
  eventHeader,
  participantsForWork,
  tasksOfDecisions,
} from './event-editing.repository.ts';

type EventFields = Omit<z.infer<typeof EventUpdateSchema>, 'version'>;
type ParticipantInput = z.infer<typeof EventParticipantCreateSchema>;

async function eventColumns(db: Db, input: EventFields, problems: FieldProblem[], selfId?: number) {
  const columns: Record<string, unknown> = {};
  const direct: Array<[keyof EventFields, string]> = [
    ['kind', 'kind'],
    ['status', 'status'],
    ['title', 'title'],
    ['place', 'place'],
    ['regionCode', 'region_code'],
    ['agenda', 'agenda'],
    ['participantCategories', 'participant_categories'],
    ['topics', 'topics'],
    ['goals', 'goals'],
    ['outcomes', 'outcomes'],
    ['plannedParticipants', 'planned_participants'],
    ['followsEventId', 'follows_event_id'],
    ['published', 'published'],
  ];
  for (const [key, column] of direct) if (input[key] !== undefined) columns[column] = input[key];
  if (input.regionCode && !(await regionByCode(db, input.regionCode)))
    problems.push(
      problem(
        'regionCode',
        `Неизвестный код региона ${input.regionCode}`,
        `Unknown region ${input.regionCode}`,
      ),
    );
  const follows = input.followsEventId;
  if (follows !== undefined && follows !== null) {
    if (follows === selfId)
      problems.push(
        problem(
          'followsEventId',
          'Мероприятие не может продолжать само себя',
          'An event cannot follow itself',
        ),
      );
    else if (!(await liveRecordExists(db, 'event', follows)))
      problems.push(
        problem(
          'followsEventId',
          `Мероприятие ${follows} не найдено`,
          `Event ${follows} not found`,
        ),
      );
  }
  const date = resolvePartialDate('date', input.date, problems);
  if (date !== undefined)
    Object.assign(columns, {
      valid_from: date?.from ?? null,
      valid_to: date?.to ?? null,
      valid_precision: date?.precision ?? null,
    });
  return columns;
}

async function participantRow(
  db: Db,
  field: string,
  p: ParticipantInput,
  problems: FieldProblem[],
): Promise<Record<string, unknown>> {
  const organisationId = p.organisationId ?? null;
  const personId = p.personId ?? null;
  const positionId = p.positionId ?? null;
  if (organisationId === null && personId === null)
    problems.push(
      problem(
        `${field}.organisationId`,
        'Укажите организацию или персону',
        'Give an organisation or a person',
      ),
    );
  if (organisationId !== null && !(await liveOrganisation(db, organisationId)))
    problems.push(
      problem(
        `${field}.organisationId`,
        `Организация ${organisationId} не найдена`,
        `Organisation ${organisationId} not found`,
      ),
    );
  if (personId !== null && !(await livePerson(db, personId)))
    problems.push(
      problem(
        `${field}.personId`,
        `Персона ${personId} не найдена`,
        `Person ${personId} not found`,
      ),
    );
  if (positionId !== null) {
    const position = await livePosition(db, positionId);
    if (!position || (personId !== null && position.person_id !== personId))
      problems.push(
        problem(
          `${field}.positionId`,
          'Должность не найдена у этой персоны',
          'The position is not one of this person’s',
        ),
      );
  }
  return {
    organisation_id: organisationId,
    person_id: personId,
    position_id: positionId,
    role: p.role,
  };
}

function fail(problems: FieldProblem[]) {
  if (problems.length) throw ValidationError.ofFields(problems);
}

export async function createEvent(
  db: Db,
  ctx: MutationContext,
  input: z.infer<typeof EventCreateSchema>,
) {
  const { participants = [], decisions = [], sourceId, sourceQuote, ...fields } = input;
  const problems: FieldProblem[] = [];
  const columns = await eventColumns(db, fields, problems);
  const participantRows: Array<Record<string, unknown>> = [];
  for (const [i, p] of participants.entries())
    participantRows.push(await participantRow(db, `participants.${i}`, p, problems));
  fail(problems);
  const prov = await provenance(db, { sourceId, sourceQuote });
  const row = await db.transaction().execute((trx) =>
    createWithChildren(
      trx,
      { ...ctx, sourceId: prov.source_id },
      'event',
      { ...columns, ...prov },
      [
        { table: 'event_participant', parentColumn: 'event_id', rows: participantRows },
        {
          table: 'event_decision',
          parentColumn: 'event_id',
          rows: decisions.map((text, position) => ({ text, position })),
        },
      ],
    ),
  );
  return { id: row.id, version: row.version };
}

export async function updateEvent(
  db: Db,
  ctx: MutationContext,
  id: number,
  input: z.infer<typeof EventUpdateSchema>,
) {
  const { version, sourceId, sourceQuote, ...fields } = input;
  const problems: FieldProblem[] = [];
  const columns = await eventColumns(db, fields, problems, id);
  fail(problems);
  const prov = await updateProvenance(db, 'event', id, { sourceId, sourceQuote });
  const row = await db.transaction().execute((trx) =>
    updateRecord(trx, { ...ctx, sourceId: prov.source_id }, 'event', id, version, {
      ...columns,
      ...prov,
    }),
  );
  return { id: row.id, version: row.version };
}

export async function deleteEvent(db: Db, ctx: MutationContext, id: number, version: number) {
  return deleteInTransaction(db, ctx, 'event', id, version);
}

export async function restoreEvent(db: Db, ctx: MutationContext, id: number) {
  return restoreInTransaction(db, ctx, 'event', id);
}

export async function addParticipant(
  db: Db,
  ctx: MutationContext,
  eventId: number,
  input: ParticipantInput,
) {
  if (!(await eventHeader(db, eventId))) throw new NotFoundError('Мероприятие', 'Event', eventId);
  const problems: FieldProblem[] = [];
  const values = await participantRow(db, '', input, problems);
  fail(problems.map((p) => ({ ...p, field: p.field.replace(/^\./, '') })));
  const prov = await provenance(db, input);
  const row = await db.transaction().execute((trx) =>
    createWithChildren(trx, { ...ctx, sourceId: prov.source_id }, 'event_participant', {
      ...values,
      event_id: eventId,
      ...prov,
    }),
  );
  return { id: row.id, version: row.version };
}

export async function removeEventChild(
  db: Db,
  ctx: MutationContext,
  table: 'event_participant' | 'event_decision',
  id: number,
  version: number,
) {
  return deleteInTransaction(db, ctx, table, id, version);
}

export async function addDecision(
  db: Db,
  ctx: MutationContext,
  eventId: number,
  input: z.infer<typeof DecisionCreateSchema>,
) {
  if (!(await eventHeader(db, eventId))) throw new NotFoundError('Мероприятие', 'Event', eventId);
  const prov = await provenance(db, input);
  const existing = await decisionsOf(db, eventId);
  const row = await db.transaction().execute((trx) =>
    createWithChildren(trx, { ...ctx, sourceId: prov.source_id }, 'event_decision', {
      event_id: eventId,
      text: input.text,
      position: input.position ?? existing.length,
      ...prov,
    }),
  );
  return { id: row.id, version: row.version };
}

export async function updateDecision(
  db: Db,
  ctx: MutationContext,
  id: number,
  input: z.infer<typeof DecisionUpdateSchema>,
) {
  const changes: Record<string, unknown> = {};
  if (input.text !== undefined) changes['text'] = input.text;
  if (input.position !== undefined) changes['position'] = input.position;
  const row = await db
    .transaction()
    .execute((trx) => updateRecord(trx, ctx, 'event_decision', id, input.version, changes));
  return { id: row.id, version: row.version };
}

/** What a session produced: its agenda, its decisions and the tasks made of them, the plans it gave rise to. */
export async function eventWork(db: Db, id: number) {
  const event = await eventHeader(db, id);
  if (!event) throw new NotFoundError('Мероприятие', 'Event', id);
  const decisions = await decisionsOf(db, id);
  const tasks = await tasksOfDecisions(
    db,
    decisions.map((d) => d.id),
  );
  const plans = await plansOfEvent(db, id);
  const participants = await participantsForWork(db, id);
  return {
    event: ref('event', event.id, event.title),
    version: event.version,
    agenda: event.agenda,
    decisions: decisions.map((d) => ({
      id: d.id,
      version: d.version,
      position: d.position,
      text: d.text,
      tasks: tasks
        .filter((t) => t.event_decision_id === d.id)
        .map((t) => ({ id: t.id, title: t.title })),
    })),
    producedPlans: plans.map((p) => ref('action_plan', p.id, p.title)),
    participants: participants.map((p) => ({
      id: p.id,
      version: p.version,
      role: p.role,
      organisation:
        p.organisation_id !== null && p.organisation_name !== null
          ? ref(
              'organisation',
              p.organisation_id,
              organisationDisplayName({ legal_form: p.legal_form, name: p.organisation_name }),
            )
          : null,
      person:
        p.person_id !== null && p.last_name !== null
          ? ref('person', p.person_id, personFullName({ ...p, last_name: p.last_name }))
          : null,
      position:
        p.position_id !== null && p.position_title !== null
          ? { id: p.position_id, title: p.position_title }
          : null,
    })),
    plannedParticipants: event.planned_participants,
    published: event.published,
  };
}
