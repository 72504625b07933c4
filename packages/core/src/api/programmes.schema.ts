import { z } from 'zod';
import {
  EVENT_KINDS,
  EVENT_STATUSES,
  MEASURE_FLAGS,
  MEASURE_PARTY_TYPES,
  MEASURE_STATUSES,
  PARTICIPATION_ROLES,
} from '../domain/vocabulary.ts';
import { FlagRulesSchema } from '../programmes/flags.ts';
import { EntityRefSchema, PartialDateSchema, RegionRefSchema } from './common.schema.ts';
import { ProvenanceInputSchema } from './editing.schema.ts';

/**
 * Programmes at work: action plans and their measures, progress reports,
 * event decisions that become tasks, agreement directions and obligations.
 * Input schemas are shared with the browser; messages are Russian and name
 * the field (the server adds the English).
 */

const text = (max: number, label: string) =>
  z
    .string()
    .trim()
    .min(1, `${label}: заполните поле`)
    .max(max, `${label}: не длиннее ${max} символов`);
const optionalText = (max: number, label: string) =>
  z.string().trim().max(max, `${label}: не длиннее ${max} символов`).nullable().optional();
const regionCode = z.string().regex(/^\d{2,5}$/, 'Код региона — 2–5 цифр ОКАТО, например 42');
const rowId = z.number().int().min(1).max(2_147_483_647);
const isoDate = z.iso.date('Дата в формате ГГГГ-ММ-ДД');
const version = z
  .number({ message: 'Укажите версию, с которой начато изменение' })
  .int()
  .min(1)
  .describe('Версия записи, с которой начато изменение (409 при расхождении)');

/** The longest agenda or decision text an event takes (a long programme fits; a pasted file does not). */
export const AGENDA_MAX_CHARS = 100_000;

/**
 * A start or deadline: a partial date, or the words a plan uses («II квартал
 * 2025», «до конца 2025 года», «весной 2024»), which the server resolves.
 */
export const PartialDateInputSchema = z
  .union([PartialDateSchema, z.string().trim().min(1).max(100)])
  .describe('Частичная дата или её запись словами: «II квартал 2025», «до конца 2025 года»');

/** A responsible party or co-executor: an organisation (id), a region (code) or a person (id). */
export const MeasurePartyInputSchema = z.object({
  type: z.enum(MEASURE_PARTY_TYPES.values, {
    message: 'Выберите: организация, регион или персона',
  }),
  id: z.union([z.string().trim().min(1).max(20), rowId]).transform(String),
});

export const IndicatorInputSchema = z.object({
  name: text(500, 'Показатель'),
  unit: optionalText(50, 'Единица измерения'),
  target: z.number().finite().nullable().optional(),
  targetOn: isoDate.nullable().optional(),
  actual: z.number().finite().nullable().optional(),
  actualOn: isoDate.nullable().optional(),
});

const measureFields = {
  title: text(2000, 'Название мероприятия'),
  theme: optionalText(500, 'Тема'),
  owner: MeasurePartyInputSchema.nullable().optional().describe('Ответственный'),
  coExecutors: z.array(MeasurePartyInputSchema).max(50, 'Не более 50 соисполнителей').optional(),
  start: PartialDateInputSchema.nullable().optional(),
  deadline: PartialDateInputSchema.nullable().optional(),
  status: z.enum(MEASURE_STATUSES.values).nullable().optional(),
  indicator: IndicatorInputSchema.nullable().optional(),
  position: z.number().int().min(0).max(1_000_000).optional(),
  published: z.boolean().optional(),
  ...ProvenanceInputSchema.shape,
};

export const MeasureCreateSchema = z.object({
  actionPlanId: rowId.nullable().optional().describe('План действий, в который входит мероприятие'),
  agreementDirectionId: rowId
    .nullable()
    .optional()
    .describe('Направление соглашения (обязательство по нему)'),
  ...measureFields,
});
export const MeasureUpdateSchema = z.object({
  version,
  ...measureFields,
  title: measureFields.title.optional(),
});

export const ReportCreateSchema = z.object({
  reportedOn: isoDate.describe('Дата отчёта'),
  note: text(10_000, 'Текст отчёта'),
  progress: z
    .number()
    .min(0, 'Выполнение — от 0 до 100 %')
    .max(100, 'Выполнение — от 0 до 100 %')
    .nullable()
    .optional(),
  actualValue: z.number().finite().nullable().optional(),
  ...ProvenanceInputSchema.shape,
});

const planPartyInput = z.object({
  organisationId: rowId.nullable().optional(),
  regionCode: regionCode.nullable().optional(),
});
const planFields = {
  title: text(1000, 'Название плана'),
  period: PartialDateInputSchema.nullable().optional(),
  themes: z.array(text(500, 'Тема')).max(100).optional(),
  eventId: rowId
    .nullable()
    .optional()
    .describe('Мероприятие, на котором план утверждён или которым порождён'),
  parties: z.array(planPartyInput).max(50).optional(),
  published: z.boolean().optional(),
  ...ProvenanceInputSchema.shape,
};
export const ActionPlanCreateSchema = z.object(planFields);
export const ActionPlanUpdateSchema = z.object({
  version,
  ...planFields,
  title: planFields.title.optional(),
});

const participantInput = z.object({
  organisationId: rowId.nullable().optional(),
  personId: rowId.nullable().optional(),
  positionId: rowId.nullable().optional().describe('Должность, которую персона занимала тогда'),
  role: z.enum(PARTICIPATION_ROLES.values),
});
const eventFields = {
  kind: z.enum(EVENT_KINDS.values, { message: 'Выберите вид мероприятия' }),
  status: z.enum(EVENT_STATUSES.values).optional(),
  title: text(1000, 'Название мероприятия'),
  date: PartialDateInputSchema.nullable().optional(),
  place: optionalText(500, 'Место'),
  regionCode: regionCode.nullable().optional(),
  agenda: z
    .string()
    .max(AGENDA_MAX_CHARS, `Повестка: не длиннее ${AGENDA_MAX_CHARS} символов`)
    .nullable()
    .optional(),
  participantCategories: z.array(text(500, 'Категория участников')).max(50).optional(),
  topics: z.array(text(1000, 'Тема')).max(100).optional(),
  goals: z.array(text(1000, 'Цель')).max(100).optional(),
  outcomes: z.array(text(1000, 'Итог')).max(100).optional(),
  plannedParticipants: z.number().int().min(0).max(1_000_000).nullable().optional(),
  followsEventId: rowId
    .nullable()
    .optional()
    .describe('Мероприятие, продолжением которого является это'),
  published: z.boolean().optional(),
  ...ProvenanceInputSchema.shape,
};
export const EventCreateSchema = z.object({
  ...eventFields,
  participants: z.array(participantInput).max(500).optional(),
  decisions: z.array(text(AGENDA_MAX_CHARS, 'Решение')).max(200).optional(),
});
export const EventUpdateSchema = z.object({
  version,
  ...eventFields,
  kind: eventFields.kind.optional(),
  title: eventFields.title.optional(),
});
export const EventParticipantCreateSchema = participantInput.extend(ProvenanceInputSchema.shape);
export const DecisionCreateSchema = z.object({
  text: text(AGENDA_MAX_CHARS, 'Решение'),
  position: z.number().int().min(0).max(1_000_000).optional(),
  ...ProvenanceInputSchema.shape,
});
export const DecisionUpdateSchema = z.object({
  version,
  text: text(AGENDA_MAX_CHARS, 'Решение').optional(),
  position: z.number().int().min(0).max(1_000_000).optional(),
});
/** A decision becomes a task: its text is the title; only owner and deadline are asked. */
export const DecisionTaskSchema = z.object({
  owner: MeasurePartyInputSchema.nullable().optional(),
  deadline: PartialDateInputSchema.nullable().optional(),
  start: PartialDateInputSchema.nullable().optional(),
  actionPlanId: rowId
    .nullable()
    .optional()
    .describe('План, в который войдёт задача; по умолчанию — план, порождённый мероприятием'),
  theme: optionalText(500, 'Тема'),
});

const agreementPartyInput = z.object({
  organisationId: rowId.nullable().optional(),
  regionCode: regionCode.nullable().optional(),
  signatoryPersonId: rowId.nullable().optional(),
  signatoryPositionId: rowId
    .nullable()
    .optional()
    .describe('Должность подписанта (в организации этой стороны)'),
});
const agreementFields = {
  title: text(1000, 'Название соглашения'),
  subject: optionalText(5000, 'Предмет соглашения'),
  date: PartialDateInputSchema.nullable().optional(),
  place: optionalText(500, 'Место'),
  eventId: rowId.nullable().optional(),
  parties: z.array(agreementPartyInput).max(50).optional(),
  published: z.boolean().optional(),
  ...ProvenanceInputSchema.shape,
};
export const AgreementCreateSchema = z.object({
  ...agreementFields,
  directions: z.array(text(2000, 'Направление')).max(100).optional(),
});
export const AgreementUpdateSchema = z.object({
  version,
  ...agreementFields,
  title: agreementFields.title.optional(),
});
export const DirectionCreateSchema = z.object({
  title: text(2000, 'Направление'),
  position: z.number().int().min(0).max(1_000_000).optional(),
  ...ProvenanceInputSchema.shape,
});
export const DirectionUpdateSchema = z.object({
  version,
  title: text(2000, 'Направление').optional(),
  position: z.number().int().min(0).max(1_000_000).optional(),
});

export const AffiliationSchema = z.object({
  organisationId: rowId.nullable().describe('Организация, в которой работает пользователь'),
  personId: rowId.nullable().describe('Персона реестра, которой является пользователь'),
});

export const FlagRulesUpdateSchema = FlagRulesSchema.extend({ version });
export const FlagRulesResponseSchema = FlagRulesSchema.extend({
  version: z.number().int(),
  documentation: z.string().describe('Правила словами'),
});

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

export const MeasureListQuerySchema = z.object({
  status: z
    .union([
      z.enum([...MEASURE_STATUSES.values, 'none']),
      z.array(z.enum([...MEASURE_STATUSES.values, 'none'])),
    ])
    .optional()
    .describe('Статус (можно несколько); none — «нет данных»'),
  flag: z.enum(MEASURE_FLAGS.values).optional(),
  owner: z
    .string()
    .regex(
      /^(organisation|region|person):[\w-]{1,20}$/,
      'Ответственный: organisation:ID, region:КОД или person:ID',
    )
    .optional(),
  deadlineFrom: isoDate.optional(),
  deadlineTo: isoDate.optional(),
  theme: z.string().max(500).optional(),
  today: isoDate.optional().describe('День, на который считаются флаги (по умолчанию — сегодня)'),
});

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
