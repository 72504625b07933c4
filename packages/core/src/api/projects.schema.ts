import { z } from 'zod';
import {
  PROJECT_KINDS,
  PROJECT_PARTICIPANT_ROLES,
  PROJECT_STATUSES,
} from '../domain/vocabulary.ts';
import { ErrorResponseSchema } from './common.schema.ts';
import { ProvenanceInputSchema } from './editing.schema.ts';
import { PartialDateInputSchema } from './programmes.schema.ts';
import { ProjectSchema } from './registry.schema.ts';

/**
 * Editing investment and joint projects: participants and their roles, site,
 * cluster, stage milestones with partial dates («весной 2024»), investment,
 * jobs, status. Messages are Russian and name the field (the server adds the
 * English).
 */

const text = (max: number, label: string) =>
  z
    .string()
    .trim()
    .min(1, `${label}: заполните поле`)
    .max(max, `${label}: не длиннее ${max} символов`);
const optionalText = (max: number, label: string) =>
  z.string().trim().max(max, `${label}: не длиннее ${max} символов`).nullable().optional();
const rowId = z.number().int().min(1).max(2_147_483_647);
const regionCode = z.string().regex(/^\d{2,5}$/, 'Код региона — 2–5 цифр ОКАТО, например 42');

export const ProjectParticipantInputSchema = z.object({
  organisationId: rowId.describe('Организация-участник'),
  role: z.enum(PROJECT_PARTICIPANT_ROLES.values, {
    message: 'Выберите роль: инвестор, объект проекта или участник',
  }),
});

export const ProjectMilestoneInputSchema = z.object({
  title: text(1000, 'Этап'),
  date: PartialDateInputSchema.nullable()
    .optional()
    .describe('Срок этапа: частичная дата или словами, «весной 2024»'),
  done: z.boolean().optional().describe('Этап пройден'),
});

const projectFields = {
  kind: z.enum(PROJECT_KINDS.values, { message: 'Выберите вид проекта' }),
  status: z.enum(PROJECT_STATUSES.values).nullable().optional(),
  title: text(1000, 'Название проекта'),
  description: optionalText(10_000, 'Описание'),
  regionCode: regionCode.nullable().optional(),
  clusterId: rowId.nullable().optional().describe('Кластер, в который входит проект'),
  siteId: rowId.nullable().optional().describe('Площадка, на которой реализуется проект'),
  period: PartialDateInputSchema.nullable()
    .optional()
    .describe('Сроки проекта: частичная дата или словами'),
  investmentRub: z
    .number({ message: 'Инвестиции — число рублей' })
    .finite()
    .min(0, 'Инвестиции не могут быть отрицательными')
    .max(1e15, 'Инвестиции: слишком большое число')
    .nullable()
    .optional()
    .describe('Объём инвестиций, рублей'),
  jobs: z
    .number({ message: 'Рабочие места — целое число' })
    .int('Рабочие места — целое число')
    .min(0, 'Рабочих мест не может быть меньше нуля')
    .max(10_000_000, 'Рабочие места: слишком большое число')
    .nullable()
    .optional()
    .describe('Создаваемые рабочие места'),
  participants: z
    .array(ProjectParticipantInputSchema)
    .max(100, 'Не более 100 участников')
    .optional(),
  milestones: z.array(ProjectMilestoneInputSchema).max(100, 'Не более 100 этапов').optional(),
  published: z.boolean().optional(),
  ...ProvenanceInputSchema.shape,
};

export const ProjectCreateSchema = z.object(projectFields);
export const ProjectUpdateSchema = z.object({
  version: z
    .number({ message: 'Укажите версию, с которой начато изменение' })
    .int()
    .min(1)
    .describe('Версия записи, с которой начато изменение (409 при расхождении)'),
  ...projectFields,
  kind: projectFields.kind.optional(),
  title: projectFields.title.optional(),
});

/** A stale project write: the project as its page shows it now, and its version. */
export const ProjectConflictSchema = z.object({
  error: z.object({
    code: z.literal('conflict'),
    message: z.string(),
    messageEn: z.string(),
    current: ProjectSchema,
    currentVersion: z.number().int(),
  }),
});
export const ProjectWriteConflictSchema = z.union([ProjectConflictSchema, ErrorResponseSchema]);
