import { z } from 'zod';
import {
  EVENT_KINDS,
  MEASURE_FLAGS,
  MEASURE_PARTY_TYPES,
  MEASURE_STATUSES,
  PARTICIPATION_ROLES,
} from '../domain/vocabulary.ts';
import { FlagRulesSchema } from '../programmes/flags.ts';
import { EntityRefSchema, PartialDateSchema, RegionRefSchema } from './common.schema.ts';

/**
 * Programmes at work: action plans and their measures, progress reports,
 * event decisions that become tasks, agreement directions and obligations.
 * This file holds what the server answers; what is sent (input schemas, list
 * filters) is in programme-inputs.schema.ts and re-exported here, so this is
 * the one import point of both.
 */
export * from './programme-inputs.schema.ts';

// ---------- responses ----------
const Ref = EntityRefSchema;
export const MeasurePartySchema = z.object({
  type: z.enum(MEASURE_PARTY_TYPES.values),
  id: z.string(),
  title: z.string(),
});
export const IndicatorSchema = z.object({
  name: z.string(),
  unit: z.string().nullable(),
  target: z.number().nullable(),
  targetOn: z.string().nullable(),
  actual: z.number().nullable(),
  actualOn: z.string().nullable(),
});
export const ReportSchema = z.object({
  id: z.number().int(),
  version: z.number().int(),
  reportedOn: z.string(),
  note: z.string(),
  progress: z.number().nullable(),
  actualValue: z.number().nullable(),
  source: z.object({ id: z.number().int(), title: z.string() }).nullable(),
});
export const MeasureSchema = z.object({
  id: z.number().int(),
  version: z.number().int(),
  title: z.string(),
  theme: z.string().nullable(),
  position: z.number().int(),
  plan: Ref.nullable(),
  agreement: Ref.nullable(),
  direction: z.object({ id: z.number().int(), title: z.string() }).nullable(),
  decision: z.object({ id: z.number().int(), text: z.string(), event: Ref }).nullable(),
  owner: MeasurePartySchema.nullable(),
  coExecutors: z.array(MeasurePartySchema),
  start: PartialDateSchema.nullable(),
  deadline: PartialDateSchema.nullable(),
  status: z.enum(MEASURE_STATUSES.values).nullable(),
  statusLabel: z.string().describe('Статус по-русски; «нет данных», если не указан'),
  indicator: IndicatorSchema.nullable(),
  progress: z.number().nullable().describe('Выполнение по последнему отчёту, %'),
  lastReportOn: z.string().nullable(),
  flags: z.array(z.enum(MEASURE_FLAGS.values)),
  flagReasons: z.array(z.string()),
  daysLeft: z.number().int().nullable(),
  published: z.boolean(),
});
export const MeasureDetailSchema = MeasureSchema.extend({ reports: z.array(ReportSchema) });

export const PlanPageSchema = z.object({
  plan: z.object({
    id: z.number().int(),
    version: z.number().int(),
    title: z.string(),
    period: PartialDateSchema.nullable(),
    themes: z.array(z.string()),
    parties: z.array(MeasurePartySchema),
    event: Ref.nullable(),
    published: z.boolean(),
  }),
  today: z.string(),
  rules: FlagRulesSchema,
  counts: z.object({
    total: z.number().int(),
    shown: z.number().int(),
    overdue: z.number().int(),
    atRisk: z.number().int(),
    byStatus: z.record(z.string(), z.number().int()),
  }),
  themes: z.array(z.object({ theme: z.string().nullable(), measures: z.array(MeasureSchema) })),
});

export const TimelineSchema = z.object({
  today: z.string(),
  items: z.array(
    z.object({
      id: z.number().int(),
      title: z.string(),
      theme: z.string().nullable(),
      start: z.string().nullable(),
      end: z.string().nullable(),
      status: z.enum(MEASURE_STATUSES.values).nullable(),
      flags: z.array(z.enum(MEASURE_FLAGS.values)),
      progress: z.number().nullable(),
    }),
  ),
  milestones: z.array(
    z.object({ date: z.string(), title: z.string(), ref: Ref.nullable(), kind: z.string() }),
  ),
});

export const MyTasksSchema = z.object({
  today: z.string(),
  organisation: Ref.nullable(),
  person: Ref.nullable(),
  items: z.array(MeasureSchema),
});

export const RegionDashboardSchema = z.object({
  region: RegionRefSchema,
  today: z.string(),
  rules: FlagRulesSchema,
  open: z
    .array(MeasureSchema)
    .describe('Открытые мероприятия, ближайшие по сроку (не больше limit)'),
  overdue: z.array(MeasureSchema).describe('Просроченные, по сроку (не больше limit)'),
  upcoming: z
    .array(MeasureSchema)
    .describe('Со сроком в ближайшие N дней, по сроку (не больше limit)'),
  totals: z
    .object({
      open: z.number().int(),
      overdue: z.number().int(),
      upcoming: z.number().int(),
      limit: z.number().int().describe('Сколько мероприятий показывает каждый список'),
    })
    .describe('Сколько всего открытых, просроченных и ближайших мероприятий в регионе'),
  upcomingEvents: z.array(
    z.object({ event: Ref, date: PartialDateSchema.nullable(), kind: z.enum(EVENT_KINDS.values) }),
  ),
  agreementsInForce: z.array(z.object({ agreement: Ref, date: PartialDateSchema.nullable() })),
});

export const DecisionSchema = z.object({
  id: z.number().int(),
  version: z.number().int(),
  position: z.number().int(),
  text: z.string(),
  tasks: z.array(z.object({ id: z.number().int(), title: z.string() })),
});
export const DirectionSchema = z.object({
  id: z.number().int(),
  version: z.number().int(),
  position: z.number().int(),
  title: z.string(),
  obligations: z.array(MeasureSchema),
});
const PositionRefSchema = z.object({ id: z.number().int(), title: z.string() });
/** A participant as its editor needs it: the row to remove, the person's position then. */
export const WorkParticipantSchema = z.object({
  id: z.number().int(),
  version: z.number().int(),
  role: z.enum(PARTICIPATION_ROLES.values),
  organisation: Ref.nullable(),
  person: Ref.nullable(),
  position: PositionRefSchema.nullable(),
});
/** A party as its editor needs it: ids to send back unchanged, the signatory's position. */
export const WorkPartySchema = z.object({
  organisation: Ref.nullable(),
  region: RegionRefSchema.nullable(),
  signatory: Ref.nullable(),
  signatoryPosition: PositionRefSchema.nullable(),
});
export const EventWorkSchema = z.object({
  event: Ref,
  version: z.number().int(),
  agenda: z.string().nullable(),
  decisions: z.array(DecisionSchema),
  producedPlans: z.array(Ref),
  participants: z.array(WorkParticipantSchema),
  plannedParticipants: z.number().int().nullable(),
  published: z.boolean(),
});
export const AgreementWorkSchema = z.object({
  agreement: Ref,
  version: z.number().int(),
  subject: z.string().nullable(),
  directions: z.array(DirectionSchema),
  parties: z.array(WorkPartySchema),
  published: z.boolean(),
});

export type MeasureDto = z.infer<typeof MeasureSchema>;
export type PlanPage = z.infer<typeof PlanPageSchema>;
export type MyTasks = z.infer<typeof MyTasksSchema>;
export type Timeline = z.infer<typeof TimelineSchema>;
export type RegionDashboard = z.infer<typeof RegionDashboardSchema>;
export type EventWork = z.infer<typeof EventWorkSchema>;
export type AgreementWork = z.infer<typeof AgreementWorkSchema>;
export type WorkParticipant = z.infer<typeof WorkParticipantSchema>;
export type WorkParty = z.infer<typeof WorkPartySchema>;
