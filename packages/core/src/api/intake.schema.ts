import { z } from 'zod';
import { PROPOSAL_KINDS } from '../intake/proposals.ts';
import { INTAKE_DECISION_STATUSES, INTAKE_FORMATS } from '../domain/vocabulary.ts';
import { EntityRefSchema, HttpUrlSchema } from './common.schema.ts';

/**
 * API schemas of document intake: a document in (pasted text or a file), its
 * mentions and proposed facts out, decisions on the proposals back. Shared by
 * the server (validation, OpenAPI) and the web app (types).
 */

export const ProposalKindSchema = z.enum(PROPOSAL_KINDS as [string, ...string[]]);

/** ~10 MB as base64. */
const BASE64_LIMIT = 14_000_000;

export const IntakeDocumentCreateSchema = z
  .object({
    text: z
      .string()
      .max(1_000_000, 'Текст не длиннее миллиона символов')
      .optional()
      .describe('Вставленный текст документа'),
    file: z
      .object({
        name: z.string().trim().min(1).max(300).describe('Имя файла: .txt, .docx, .html или .pdf'),
        contentBase64: z
          .string()
          .max(BASE64_LIMIT, 'Файл больше 10 МБ')
          .describe('Содержимое файла в base64, до 10 МБ'),
      })
      .optional()
      .describe('Загруженный файл (вместо text)'),
    title: z
      .string()
      .trim()
      .max(1000)
      .optional()
      .describe('Заголовок; по умолчанию — первая строка'),
    publisher: z.string().trim().max(500).nullable().optional().describe('Издатель'),
    published: z.iso.date().nullable().optional().describe('Дата публикации YYYY-MM-DD'),
    url: HttpUrlSchema.nullable().optional(),
  })
  .refine((v) => (v.text === undefined) !== (v.file === undefined), {
    message: 'укажите ровно одно из полей text и file',
    path: ['text'],
  })
  .describe('Документ для разбора: текст или файл, с издателем, датой и адресом');
export type IntakeDocumentCreate = z.infer<typeof IntakeDocumentCreateSchema>;

export const IntakeMatchSchema = z.object({
  status: z
    .enum(['existing', 'new'])
    .describe('existing — запись уже есть в реестре, new — будет создана'),
  record: EntityRefSchema.nullable(),
  reason: z.string().describe('Почему: «совпадает ИНН», «совпадает название», «новая запись»'),
  reasonEn: z.string(),
});

export const IntakeDecisionStateSchema = z.object({
  status: z.enum(['pending', ...INTAKE_DECISION_STATUSES.values]),
  record: EntityRefSchema.nullable().describe('Запись, созданная или связанная при принятии'),
  decidedAt: z.string().nullable(),
});

export const IntakeProposalSchema = z.object({
  key: z.string().describe('Ключ предложения: одинаков при повторном разборе того же текста'),
  kind: ProposalKindSchema,
  label: z.string(),
  quote: z.string().describe('Предложение текста, из которого взят факт'),
  quoteStart: z.number().int(),
  mentions: z.array(z.object({ start: z.number().int(), end: z.number().int(), type: z.string() })),
  regionCode: z.string().nullable().describe('Регион, которого касается предложение'),
  data: z.record(z.string(), z.unknown()).describe('Значения предложения (по виду)'),
  match: IntakeMatchSchema,
  decision: IntakeDecisionStateSchema,
});
export type IntakeProposalDto = z.infer<typeof IntakeProposalSchema>;

export const IntakeDocumentSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  publisher: z.string().nullable(),
  published: z.string().nullable(),
  url: z.string().nullable(),
  fileName: z.string().nullable(),
  format: z.enum(INTAKE_FORMATS.values),
  sourceId: z.number().int().nullable().describe('Источник, созданный при первом принятии'),
  createdAt: z.string(),
});

export const IntakeReviewSchema = z.object({
  document: IntakeDocumentSchema,
  /** True when the same text was already under review: that document is returned. */
  reused: z.boolean(),
  text: z.string(),
  mentions: z.array(z.object({ start: z.number().int(), end: z.number().int(), type: z.string() })),
  proposals: z.array(IntakeProposalSchema),
  /** Why the text yields nothing (no Cyrillic, empty), else null. */
  notice: z.object({ message: z.string(), messageEn: z.string() }).nullable(),
});
export type IntakeReview = z.infer<typeof IntakeReviewSchema>;

export const IntakeDocumentListSchema = z.object({
  items: z.array(
    IntakeDocumentSchema.extend({ accepted: z.number().int(), rejected: z.number().int() }),
  ),
});

export const IntakeEditSchema = z
  .object({
    name: z.string().trim().min(1).max(500).optional(),
    legalForm: z.string().trim().max(20).nullable().optional(),
    regionCode: z.string().trim().max(10).nullable().optional(),
    fullName: z.string().trim().min(1).max(300).optional(),
    positionTitle: z.string().trim().min(1).max(300).optional(),
    title: z.string().trim().min(1).max(1000).optional(),
    valueNumber: z.number().finite().optional(),
    /** Link to this record instead of the proposed match (or create a new one with 'new'). */
    link: z
      .union([
        z.literal('new'),
        z.object({
          type: z.enum(['organisation', 'person', 'site', 'cluster', 'event', 'region']),
          id: z.string().min(1).max(20),
        }),
      ])
      .optional(),
  })
  .describe('Правка предложения перед принятием');
export type IntakeEdit = z.infer<typeof IntakeEditSchema>;

export const IntakeDecisionsSchema = z
  .object({
    action: z.enum(['accept', 'reject']),
    keys: z.array(z.string().min(1).max(500)).max(1000).optional().describe('Ключи предложений'),
    kind: ProposalKindSchema.optional().describe('Все ещё не решённые предложения этого вида'),
    edits: z.record(z.string(), IntakeEditSchema).optional().describe('Правки по ключам'),
  })
  .refine((v) => (v.keys === undefined) !== (v.kind === undefined), {
    message: 'укажите ровно одно из полей keys и kind',
    path: ['keys'],
  })
  .describe('Принять или отклонить предложения: по ключам или все одного вида');
export type IntakeDecisions = z.infer<typeof IntakeDecisionsSchema>;

/** The answer to a set of decisions: the review as it now stands, and what was done. */
export const IntakeDecisionResponseSchema = IntakeReviewSchema.extend({
  result: z.object({
    accepted: z.number().int(),
    rejected: z.number().int(),
    skipped: z.number().int(),
  }),
});
