import { z } from 'zod';
import { COOPERATION_CONTRACT_TYPES, MEMBERSHIP_ROLES } from '../domain/vocabulary.ts';
import { ClusterCheckResultSchema } from '../compliance/cluster-check.schema.ts';
import { EntityRefSchema, SourceRefSchema } from './common.schema.ts';
import { ProvenanceInputSchema } from './editing.schema.ts';

/**
 * Cooperation inside a cluster: contracts between organisations, the yearly
 * purchases of finished-product makers, and the industrial-cluster check read
 * from them.
 */

const isoDate = z.iso.date({ message: 'Дата в формате ГГГГ-ММ-ДД' });
const rub = (label: string) =>
  z
    .number({ message: `${label}: число рублей` })
    .nonnegative(`${label} не может быть отрицательной`)
    .max(1e15, `${label} слишком велика`);

const contractFields = {
  buyerId: z
    .number()
    .int()
    .positive()
    .describe('Покупатель (или первая сторона совместного проекта)'),
  supplierId: z
    .number()
    .int()
    .positive()
    .describe('Поставщик (или вторая сторона совместного проекта)'),
  contractType: z.enum(COOPERATION_CONTRACT_TYPES.values).describe('Тип договора'),
  okpd2: z
    .string()
    .regex(/^\d{2}(\.\d{1,2}){0,3}(\.\d{3})?$/, 'Код ОКПД2 вида 28.30.2')
    .nullable()
    .optional()
    .describe('Продукция по ОКПД2, если известна'),
  product: z.string().trim().max(1000).nullable().optional().describe('Продукция словами'),
  signedOn: isoDate.describe('Дата подписания'),
  validFrom: isoDate.nullable().optional().describe('Начало срока действия'),
  validTo: isoDate.nullable().optional().describe('Окончание срока действия'),
  valueRub: rub('Сумма договора').nullable().optional().describe('Сумма договора, ₽'),
  ...ProvenanceInputSchema.shape,
};

type ContractDates = { signedOn?: string; validFrom?: string | null; validTo?: string | null };
const periodInOrder = (v: ContractDates) => !v.validFrom || !v.validTo || v.validFrom <= v.validTo;
const partiesDiffer = (v: { buyerId?: number; supplierId?: number }) =>
  v.buyerId === undefined || v.buyerId !== v.supplierId;

export const ContractCreateSchema = z
  .object(contractFields)
  .refine(partiesDiffer, {
    message: 'У договора две разные стороны: поставщик не может быть покупателем',
    path: ['supplierId'],
  })
  .refine(periodInOrder, {
    message: 'Окончание срока действия раньше его начала',
    path: ['validTo'],
  });
export type ContractCreate = z.infer<typeof ContractCreateSchema>;

export const ContractUpdateSchema = z
  .object(contractFields)
  .partial()
  .extend({ version: z.number().int().min(1).describe('Версия, с которой начато изменение') })
  .refine(partiesDiffer, {
    message: 'У договора две разные стороны: поставщик не может быть покупателем',
    path: ['supplierId'],
  })
  .refine(periodInOrder, {
    message: 'Окончание срока действия раньше его начала',
    path: ['validTo'],
  });
export type ContractUpdate = z.infer<typeof ContractUpdateSchema>;

export const ContractSchema = z.object({
  id: z.number().int(),
  version: z.number().int(),
  buyer: EntityRefSchema,
  supplier: EntityRefSchema,
  contractType: z.enum(COOPERATION_CONTRACT_TYPES.values),
  contractTypeLabel: z.string(),
  okpd2: z.string().nullable(),
  product: z.string().nullable(),
  signedOn: z.string(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  valueRub: z.number().nullable(),
  published: z.boolean(),
  source: SourceRefSchema.nullable(),
});
export type Contract = z.infer<typeof ContractSchema>;

export const PurchaseCreateSchema = z
  .object({
    organisationId: z.number().int().positive().describe('Производитель конечной продукции'),
    year: z.number().int().min(1990, 'Год — от 1990').max(2100, 'Год — до 2100'),
    totalRub: rub('Сумма закупок').describe('Все закупки сырья, материалов и комплектующих, ₽'),
    fromParticipantsRub: rub('Сумма закупок у участников').describe(
      'Из них у других участников кластера, ₽',
    ),
    ...ProvenanceInputSchema.shape,
  })
  .refine((v) => v.fromParticipantsRub <= v.totalRub, {
    message: 'Закупки у участников не могут быть больше всех закупок',
    path: ['fromParticipantsRub'],
  });
export type PurchaseCreate = z.infer<typeof PurchaseCreateSchema>;

export const PurchaseUpdateSchema = z
  .object({
    version: z.number().int().min(1).describe('Версия, с которой начато изменение'),
    year: z.number().int().min(1990, 'Год — от 1990').max(2100, 'Год — до 2100').optional(),
    totalRub: rub('Сумма закупок').optional(),
    fromParticipantsRub: rub('Сумма закупок у участников').optional(),
    ...ProvenanceInputSchema.shape,
  })
  .refine(
    (v) =>
      v.totalRub === undefined ||
      v.fromParticipantsRub === undefined ||
      v.fromParticipantsRub <= v.totalRub,
    {
      message: 'Закупки у участников не могут быть больше всех закупок',
      path: ['fromParticipantsRub'],
    },
  );
export type PurchaseUpdate = z.infer<typeof PurchaseUpdateSchema>;

export const PurchaseSchema = z.object({
  id: z.number().int(),
  version: z.number().int(),
  organisation: EntityRefSchema,
  year: z.number().int(),
  totalRub: z.number(),
  fromParticipantsRub: z.number(),
  source: SourceRefSchema.nullable(),
});
export type Purchase = z.infer<typeof PurchaseSchema>;

export const CooperationParticipantSchema = z.object({
  organisation: EntityRefSchema,
  roles: z.array(z.enum(MEMBERSHIP_ROLES.values)),
  joined: z.string().nullable().describe('Дата вступления (самая ранняя из ролей)'),
});

export const ClusterCooperationSchema = z.object({
  cluster: EntityRefSchema,
  participants: z.array(CooperationParticipantSchema),
  contracts: z
    .array(ContractSchema.extend({ insideCluster: z.boolean() }))
    .describe('Договоры, где хотя бы одна сторона — участник кластера'),
  purchases: z.array(PurchaseSchema),
});
export type ClusterCooperation = z.infer<typeof ClusterCooperationSchema>;

export const ClusterGapSchema = z.object({
  requirement: z.string(),
  participants: z.array(EntityRefSchema),
  deadline: z.string().nullable(),
  message: z.string(),
  messageEn: z.string(),
});

export const ClusterComplianceSchema = z.object({
  cluster: EntityRefSchema,
  asOf: z.string(),
  ruleSet: z.object({
    code: z.string(),
    version: z.string(),
    title: z.string(),
    id: z
      .number()
      .int()
      .nullable()
      .describe(
        'Хранимая версия набора правил, по которой вынесен вердикт; null — поставляемая по умолчанию',
      ),
    revision: z.number().int().nullable().describe('Номер правки хранимой версии'),
    inForceFrom: z.string().nullable(),
  }),
  check: ClusterCheckResultSchema.describe(
    'Вердикт по каждому требованию ПП РФ № 779 (участники — идентификаторы организаций)',
  ),
  participants: z
    .array(EntityRefSchema)
    .describe('Организации, на которые ссылаются вердикты и пробелы'),
  gaps: z.array(ClusterGapSchema).describe('Что сделать и к какому сроку'),
  assumptions: z
    .array(z.string())
    .describe('Как данные реестра переведены во входные данные проверки'),
});
export type ClusterCompliance = z.infer<typeof ClusterComplianceSchema>;

export const ComplianceQuerySchema = z.object({
  asOf: isoDate.optional().describe('Дата проверки; по умолчанию — сегодня'),
  ruleSetId: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .describe('Хранимый набор правил; по умолчанию — действующий на дату проверки'),
});
