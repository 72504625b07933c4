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
import { PartialDateSchema } from './common.schema.ts';
import { ProvenanceInputSchema } from './editing.schema.ts';

/**
 * Programmes at work, what is sent: action plans and their measures,
 * progress reports, events and their decisions that become tasks,
 * agreements, their directions and obligations, the list filters. Shared
 * with the browser; messages are Russian and name the field (the server adds
 * the English). Re-exported by programmes.schema.ts, the import point.
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
