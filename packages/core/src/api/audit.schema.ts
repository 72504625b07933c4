import { z } from 'zod';
import { AUDIT_ACTIONS } from '../domain/vocabulary.ts';
import { isoDate } from './fields.ts';

/** The audit trail: the administrators' journal search and a record's history. */

/** A date that exists (2026-02-30 is refused here, not by the database). */
const calendarDate = isoDate.refine(
  (v) => !Number.isNaN(Date.parse(v)) && new Date(v).toISOString().slice(0, 10) === v,
  { message: 'Такой даты нет в календаре' },
);

export const AuditSearchQuerySchema = z.object({
  trail: z
    .enum(['all', 'changes', 'security'])
    .default('all')
    .describe('changes — изменения записей, security — события безопасности'),
  userId: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .describe('Кто действовал (или о ком событие)'),
  action: z.string().trim().max(60).optional(),
  entityType: z.string().trim().max(60).optional(),
  entityId: z.string().trim().max(60).optional(),
  from: calendarDate.optional(),
  to: calendarDate.optional().describe('Включительно'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditSearchQuery = z.infer<typeof AuditSearchQuerySchema>;

export const AuditRowSchema = z.object({
  trail: z.enum(['changes', 'security']),
  id: z.number().int(),
  at: z.string(),
  user: z.object({ id: z.number().int(), displayName: z.string() }).nullable(),
  action: z.string(),
  entity: z.object({ type: z.string(), id: z.string() }).nullable(),
  email: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditRow = z.infer<typeof AuditRowSchema>;
export const AuditSearchResultSchema = z.object({
  items: z.array(AuditRowSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

const FieldLabelSchema = z
  .object({ ru: z.string(), en: z.string() })
  .describe('Подпись на русском и английском');

export const AuditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  user: z.object({ id: z.number().int(), displayName: z.string() }).nullable(),
  action: z.enum(AUDIT_ACTIONS.values),
  entity: z.object({
    type: z.string().describe('Таблица записи: organisation, statement, position, cluster_member…'),
    id: z.string(),
  }),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
  source: z.object({ id: z.number().int(), title: z.string() }).nullable(),
  entityLabel: FieldLabelSchema.nullable().describe(
    'Что это за запись (организация, должность, факт…), по-русски и по-английски',
  ),
  fieldLabels: z
    .record(z.string(), FieldLabelSchema)
    .describe(
      'Подписи полей этой записи в порядке показа; valid_period — период актуальности ' +
        '(valid_from, valid_to, valid_precision) одной строкой. Поля без подписи — служебные, не показываются',
    ),
});
export const HistorySchema = z.object({ items: z.array(AuditEntrySchema) });
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
