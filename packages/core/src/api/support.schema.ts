import { z } from 'zod';
import { ClusterRuleSetSchema } from '../compliance/cluster-rule-set.schema.ts';
import { SupportMeasureSchema } from '../compliance/support-measure.schema.ts';
import { TERRITORY_FLAGS } from '../domain/vocabulary.ts';
import { EntityRefSchema } from './common.schema.ts';

/**
 * Regulations as data: stored versions of the industrial-cluster rule set,
 * the terms of support measures with the subsidy calculator, territory flags
 * and the support awards recorded against projects.
 */

const isoDate = z.iso.date({ message: 'Дата в формате ГГГГ-ММ-ДД' });
const version = z.number().int().min(1).describe('Версия записи, с которой начато изменение');

// ---------- cluster rule sets ----------
export const StoredClusterRuleSetSchema = z.object({
  id: z.number().int(),
  code: z.string().describe('Код набора правил (pp779)'),
  ruleVersion: z.string().describe('Версия набора правил (редакция нормативного акта)'),
  title: z.string(),
  inForceFrom: z.string().describe('Действует с этой даты'),
  inForceTo: z.string().nullable().describe('Действует по эту дату; null — без срока'),
  published: z.boolean(),
  version: z.number().int().describe('Версия записи: передавайте её при изменении'),
  body: ClusterRuleSetSchema.describe('Набор правил в формате `promatlas clusters check --rules`'),
});
export type StoredClusterRuleSet = z.infer<typeof StoredClusterRuleSetSchema>;
export const StoredClusterRuleSetListSchema = z.object({
  items: z.array(StoredClusterRuleSetSchema),
});

export const ClusterRuleSetCreateSchema = z.object({
  inForceFrom: isoDate.describe('Действует с этой даты'),
  inForceTo: isoDate.nullable().optional(),
  published: z.boolean().optional(),
  body: z
    .unknown()
    .describe(
      'Набор правил (формат --rules); проверяется по полям, ошибки — по-русски и по-английски',
    ),
});
export type ClusterRuleSetCreate = z.infer<typeof ClusterRuleSetCreateSchema>;
export const ClusterRuleSetUpdateSchema = z.object({
  version,
  inForceFrom: isoDate.optional(),
  inForceTo: isoDate.nullable().optional(),
  published: z.boolean().optional(),
  body: z.unknown().optional(),
});
export type ClusterRuleSetUpdate = z.infer<typeof ClusterRuleSetUpdateSchema>;

// ---------- support measures and the subsidy calculator ----------
export const StoredSupportMeasureSchema = z.object({
  id: z.number().int(),
  code: z.string().nullable(),
  name: z.string(),
  regulation: z.string().nullable(),
  published: z.boolean(),
  version: z.number().int(),
  terms: SupportMeasureSchema.nullable().describe(
    'Условия меры (доля, предел, окно дат затрат, условия); null — не заданы, расчёт недоступен',
  ),
});
export type StoredSupportMeasure = z.infer<typeof StoredSupportMeasureSchema>;
export const StoredSupportMeasureListSchema = z.object({
  items: z.array(StoredSupportMeasureSchema),
});
export const SupportMeasureTermsUpdateSchema = z.object({
  version,
  terms: z.unknown().describe('Условия меры в формате SupportMeasure'),
});
export type SupportMeasureTermsUpdate = z.infer<typeof SupportMeasureTermsUpdateSchema>;

const ReasonSchema = z.object({
  code: z.string(),
  message: z.string(),
  messageEn: z.string(),
});
export const SubsidyCalculationSchema = z.object({
  measure: EntityRefSchema,
  measureVersion: z.string().describe('Версия условий меры, по которой сделан расчёт'),
  share: z.number(),
  lines: z.array(
    z.object({
      id: z.string(),
      eligible: z.boolean().nullable().describe('null — не хватает данных для проверки условия'),
      reasons: z.array(ReasonSchema).describe('Почему строка учтена или не учтена'),
      eligibleAmountRub: z.number(),
      share: z.number(),
      subsidyBeforeCapRub: z.number(),
      resultRub: z.number(),
    }),
  ),
  eligibleCostsRub: z.number(),
  subsidyBeforeCapRub: z.number(),
  capRub: z.number().nullable(),
  remainingCapRub: z.number().nullable(),
  capApplied: z.boolean(),
  resultRub: z.number(),
  pendingLines: z.array(z.string()),
});
export type SubsidyCalculationResponse = z.infer<typeof SubsidyCalculationSchema>;
export const SubsidyCalculationRequestSchema = z
  .unknown()
  .describe(
    'Расчёт: { applicant: { name, clusterParticipant }, alreadyAwardedRub?, share?, lines: [{ id, description, kind, date, amountRub, documented?, supplierIsClusterParticipant? }] }',
  );

// ---------- territory flags ----------
export const TerritoryFlagRecordSchema = z.object({
  id: z.number().int(),
  flag: z.enum(TERRITORY_FLAGS.values),
  region: z.object({ code: z.string(), name: z.string() }),
  municipality: z
    .string()
    .nullable()
    .describe('Муниципальное образование (моногород); null — весь регион'),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  listSource: z.string().describe('Откуда взят перечень'),
  published: z.boolean(),
  version: z.number().int(),
});
export type TerritoryFlagRecord = z.infer<typeof TerritoryFlagRecordSchema>;
/**
 * A territory flag's edit or delete refused because it was changed meanwhile
 * (409): the flag as the list presents it now, so the editor compares and
 * retries without reading the list again; `current` is only `{ id, version }`
 * when the flag is no longer there to show.
 */
export const TerritoryFlagConflictSchema = z.object({
  error: z.object({
    code: z.literal('conflict'),
    message: z.string(),
    messageEn: z.string(),
    current: z.union([
      TerritoryFlagRecordSchema,
      z.object({ id: z.number().int(), version: z.number().int() }),
    ]),
    currentVersion: z.number().int(),
  }),
});
export type TerritoryFlagConflict = z.infer<typeof TerritoryFlagConflictSchema>;
export const TerritoryFlagListSchema = z.object({
  items: z.array(TerritoryFlagRecordSchema),
  sources: z
    .array(z.object({ flag: z.enum(TERRITORY_FLAGS.values), note: z.string(), noteEn: z.string() }))
    .describe('Что поставляется с PromAtlas по каждому перечню и откуда'),
});
export const TerritoryFlagQuerySchema = z.object({
  flag: z.enum(TERRITORY_FLAGS.values).optional(),
  regionCode: z.string().optional(),
});
const territoryFields = {
  flag: z.enum(TERRITORY_FLAGS.values, {
    message: 'Вид территории: individual_programme, geostrategic или monotown',
  }),
  regionCode: z.string().regex(/^\d{2}$/, 'Код региона — две цифры'),
  municipality: z.string().trim().min(1).max(300).nullable().optional(),
  validFrom: isoDate.nullable().optional(),
  validTo: isoDate.nullable().optional(),
  listSource: z.string().trim().min(1, 'Укажите, откуда взят перечень').max(1000),
  published: z.boolean().optional(),
};
export const TerritoryFlagCreateSchema = z.object(territoryFields);
export type TerritoryFlagCreate = z.infer<typeof TerritoryFlagCreateSchema>;
export const TerritoryFlagUpdateSchema = z
  .object({ version, ...territoryFields })
  .partial()
  .required({ version: true });
export type TerritoryFlagUpdate = z.infer<typeof TerritoryFlagUpdateSchema>;
export const TerritoryFlagImportResultSchema = z.object({
  created: z.number().int(),
  unchanged: z.number().int(),
});
export const TerritoryFlagImportSchema = z.object({
  fileName: z.string().min(1).describe('Имя файла (.csv или .xlsx)'),
  contentBase64: z.string().min(1).describe('Содержимое файла в base64'),
  listSource: z.string().trim().min(1, 'Укажите, откуда взят перечень').max(1000),
});

// ---------- support awards ----------
const awardFields = {
  providerId: z.number().int().positive().nullable().optional().describe('Кто оказал поддержку'),
  measureId: z.number().int().positive().nullable().optional(),
  amount: z
    .number({ message: 'Сумма: число рублей' })
    .nonnegative('Сумма не может быть отрицательной')
    .max(1e15)
    .nullable()
    .optional(),
  qualifier: z
    .enum(['exact', 'about', 'more_than', 'less_than', 'up_to', 'at_least'])
    .optional()
    .describe('Точность суммы: «более», «около», «до»…'),
  date: isoDate.nullable().optional().describe('Дата, на которую верна сумма'),
  programme: z.string().trim().max(500).nullable().optional(),
  projectIds: z.array(z.number().int().positive()).max(100).optional(),
  sourceId: z.number().int().positive().nullable().optional(),
  sourceQuote: z.string().trim().max(4000).nullable().optional(),
};
export const SupportAwardCreateSchema = z.object(awardFields);
export type SupportAwardCreate = z.infer<typeof SupportAwardCreateSchema>;
export const SupportAwardUpdateSchema = z.object({ version, ...awardFields });
export type SupportAwardUpdate = z.infer<typeof SupportAwardUpdateSchema>;
