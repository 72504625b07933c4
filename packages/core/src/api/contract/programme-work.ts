import { z } from 'zod';
import { CreatedSchema } from '../editing.schema.ts';
import {
  ActionPlanCreateSchema,
  ActionPlanUpdateSchema,
  AgreementCreateSchema,
  AgreementUpdateSchema,
  AgreementWorkSchema,
  DecisionCreateSchema,
  DecisionTaskSchema,
  DecisionUpdateSchema,
  DirectionCreateSchema,
  DirectionUpdateSchema,
  EventCreateSchema,
  EventParticipantCreateSchema,
  EventUpdateSchema,
  EventWorkSchema,
  MeasureCreateSchema,
  MeasureDetailSchema,
  MeasureListQuerySchema,
  MeasureUpdateSchema,
  MyTasksSchema,
  RegionDashboardSchema,
} from '../programmes.schema.ts';
import {
  defineRoute,
  DeleteQuerySchema,
  FileResponseSchema,
  IdParamsSchema,
  RegionCodeParamsSchema,
} from './kit.ts';

// Programmes at work as the browser edits them: events (sessions) with their
// participants and decisions, agreements with their directions, the tasks
// made of decisions and obligations, and the views the calendar reads.

/** Create, change, delete (soft) and restore of a programme record. */
function programmeRecordRoutes<const P extends string, C extends z.ZodType, U extends z.ZodType>(
  path: P,
  create: C,
  update: U,
) {
  return {
    create: defineRoute({ method: 'POST', path, body: create, response: CreatedSchema }),
    update: defineRoute({
      method: 'PATCH',
      path: `${path}/:id` as `${P}/:id`,
      params: IdParamsSchema,
      body: update,
      response: CreatedSchema,
    }),
    remove: defineRoute({
      method: 'DELETE',
      path: `${path}/:id` as `${P}/:id`,
      params: IdParamsSchema,
      query: DeleteQuerySchema,
      response: CreatedSchema,
    }),
    restore: defineRoute({
      method: 'POST',
      path: `${path}/:id/restore` as `${P}/:id/restore`,
      params: IdParamsSchema,
      response: CreatedSchema,
    }),
  };
}

export const eventWrites = programmeRecordRoutes(
  '/api/events',
  EventCreateSchema,
  EventUpdateSchema,
);
export const agreementWrites = programmeRecordRoutes(
  '/api/agreements',
  AgreementCreateSchema,
  AgreementUpdateSchema,
);

export const eventWorkRoute = defineRoute({
  method: 'GET',
  path: '/api/events/:id/work',
  params: IdParamsSchema,
  response: EventWorkSchema,
});
export const addEventParticipantRoute = defineRoute({
  method: 'POST',
  path: '/api/events/:id/participants',
  params: IdParamsSchema,
  body: EventParticipantCreateSchema,
  response: CreatedSchema,
});
export const removeEventParticipantRoute = defineRoute({
  method: 'DELETE',
  path: '/api/event-participants/:id',
  params: IdParamsSchema,
  query: DeleteQuerySchema,
  response: CreatedSchema,
});
export const addEventDecisionRoute = defineRoute({
  method: 'POST',
  path: '/api/events/:id/decisions',
  params: IdParamsSchema,
  body: DecisionCreateSchema,
  response: CreatedSchema,
});
export const updateEventDecisionRoute = defineRoute({
  method: 'PATCH',
  path: '/api/event-decisions/:id',
  params: IdParamsSchema,
  body: DecisionUpdateSchema,
  response: CreatedSchema,
});
export const removeEventDecisionRoute = defineRoute({
  method: 'DELETE',
  path: '/api/event-decisions/:id',
  params: IdParamsSchema,
  query: DeleteQuerySchema,
  response: CreatedSchema,
});
export const decisionTaskRoute = defineRoute({
  method: 'POST',
  path: '/api/event-decisions/:id/task',
  params: IdParamsSchema,
  body: DecisionTaskSchema,
  response: CreatedSchema,
});

export const agreementWorkRoute = defineRoute({
  method: 'GET',
  path: '/api/agreements/:id/work',
  params: IdParamsSchema,
  query: MeasureListQuerySchema.pick({ today: true }),
  response: AgreementWorkSchema,
});
export const addAgreementDirectionRoute = defineRoute({
  method: 'POST',
  path: '/api/agreements/:id/directions',
  params: IdParamsSchema,
  body: DirectionCreateSchema,
  response: CreatedSchema,
});
export const updateAgreementDirectionRoute = defineRoute({
  method: 'PATCH',
  path: '/api/agreement-directions/:id',
  params: IdParamsSchema,
  body: DirectionUpdateSchema,
  response: CreatedSchema,
});
export const removeAgreementDirectionRoute = defineRoute({
  method: 'DELETE',
  path: '/api/agreement-directions/:id',
  params: IdParamsSchema,
  query: DeleteQuerySchema,
  response: CreatedSchema,
});

export const restoreAgreementDirectionRoute = defineRoute({
  method: 'POST',
  path: '/api/agreement-directions/:id/restore',
  params: IdParamsSchema,
  response: CreatedSchema,
});

/** A task: a decision's, or an obligation under an agreement's direction (a measure without a plan). */
export const createTaskRoute = defineRoute({
  method: 'POST',
  path: '/api/measures',
  body: MeasureCreateSchema,
  response: CreatedSchema,
});
export const getTaskRoute = defineRoute({
  method: 'GET',
  path: '/api/measures/:id',
  params: IdParamsSchema,
  query: MeasureListQuerySchema.pick({ today: true }),
  response: MeasureDetailSchema,
});
export const updateTaskRoute = defineRoute({
  method: 'PATCH',
  path: '/api/measures/:id',
  params: IdParamsSchema,
  body: MeasureUpdateSchema,
  response: CreatedSchema,
});
export const myTasksRoute = defineRoute({
  method: 'GET',
  path: '/api/my-tasks',
  query: MeasureListQuerySchema,
  response: MyTasksSchema,
});
export const regionProgrammesRoute = defineRoute({
  method: 'GET',
  path: '/api/regions/:code/programmes',
  params: RegionCodeParamsSchema,
  query: MeasureListQuerySchema.pick({ today: true }),
  response: RegionDashboardSchema,
});

/** An event produces a programme: a new action plan approved at it, or an existing one linked. */
export const createPlanOfEventRoute = defineRoute({
  method: 'POST',
  path: '/api/action-plans',
  body: ActionPlanCreateSchema,
  response: CreatedSchema,
});
export const linkPlanToEventRoute = defineRoute({
  method: 'PATCH',
  path: '/api/action-plans/:id',
  params: IdParamsSchema,
  body: ActionPlanUpdateSchema,
  response: CreatedSchema,
});

/** The iCalendar feed of events and deadlines (a link to subscribe to, never parsed by the web). */
export const calendarFeedRoute = defineRoute({
  method: 'GET',
  path: '/api/calendar.ics',
  query: z.object({
    region: z.string().optional(),
    plan: z.coerce.number().int().optional(),
  }),
  response: FileResponseSchema,
});
