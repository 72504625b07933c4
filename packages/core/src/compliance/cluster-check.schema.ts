import { z } from 'zod';
import {
  ContractTypeSchema,
  ParticipantKindSchema,
  TerritoryFlagSchema,
} from './cluster-rule-set.schema.ts';

/**
 * The input and output of the industrial-cluster check, exactly as
 * `promatlas clusters check` reads and writes them. Null semantics of the input:
 * an optional fact that is absent is unknown, never assumed — the requirement
 * that needs it answers «недостаточно данных».
 */

const IsoDate = z.iso.date().describe('Дата YYYY-MM-DD');
const Rub = z.number().nonnegative().describe('Сумма, ₽ (неотрицательное число)');

export const ClusterCheckParticipantSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1),
  region: z.string().min(1).optional().describe('Код субъекта РФ, например 48'),
  kind: ParticipantKindSchema,
  industrial: z
    .boolean()
    .optional()
    .describe('Промышленное предприятие; нет поля — неизвестно (для неотраслевых видов — false)'),
  finalProductMaker: z
    .boolean()
    .optional()
    .describe('Производитель конечной продукции; нет поля — неизвестно'),
  territory: z
    .array(TerritoryFlagSchema)
    .optional()
    .describe('Отмеченные территории, где работает участник; [] — ни одной; нет поля — неизвестно'),
  joined: IsoDate.optional().describe('Дата вступления в кластер; нет поля — неизвестна'),
});
export type ClusterCheckParticipant = z.infer<typeof ClusterCheckParticipantSchema>;

export const ClusterCheckContractSchema = z.strictObject({
  id: z.string().min(1),
  parties: z.array(z.string().min(1)).describe('Идентификаторы участников — сторон договора'),
  type: ContractTypeSchema,
  signed: IsoDate.describe('Дата подписания'),
});
export type ClusterCheckContract = z.infer<typeof ClusterCheckContractSchema>;

export const ClusterCheckPurchaseSchema = z.strictObject({
  buyer: z.string().min(1).describe('Идентификатор участника-покупателя'),
  year: z.number().int().min(1900).max(2200),
  totalRub: Rub.describe('Все закупки сырья, материалов и комплектующих за год, ₽'),
  fromParticipantsRub: Rub.describe('Из них у других участников кластера, ₽'),
});
export type ClusterCheckPurchase = z.infer<typeof ClusterCheckPurchaseSchema>;

export const ClusterCheckInputSchema = z.strictObject({
  asOf: IsoDate.describe('Дата, на которую проверяется кластер'),
  cluster: z.strictObject({
    name: z.string().min(1),
    decisionDate: IsoDate.nullable()
      .optional()
      .describe(
        'Дата заключения Минпромторга о соответствии; null — заключения нет; нет поля — неизвестно',
      ),
  }),
  participants: z.array(ClusterCheckParticipantSchema),
  contracts: z.array(ClusterCheckContractSchema),
  purchases: z.array(ClusterCheckPurchaseSchema),
});
export type ClusterCheckInput = z.infer<typeof ClusterCheckInputSchema>;

export const RequirementCodeSchema = z.enum([
  'cooperation',
  'functional_dependence',
  'composition',
  'specialised_organisation',
  'decision_validity',
]);
export type RequirementCode = z.infer<typeof RequirementCodeSchema>;

export const VerdictSchema = z
  .enum(['met', 'not_met', 'insufficient_data'])
  .describe('соответствует, не соответствует, недостаточно данных');
export type Verdict = z.infer<typeof VerdictSchema>;

export const RequirementResultSchema = z.object({
  code: RequirementCodeSchema,
  verdict: VerdictSchema,
  value: z.unknown().describe('Значение, по которому вынесен вердикт (null — не определено)'),
  threshold: z.unknown().describe('Порог требования'),
  participants: z
    .array(z.string())
    .describe('Участники, которые не выполняют требование или по которым не хватает данных'),
  deadline: IsoDate.nullable().describe('Срок, до которого требование нужно выполнить'),
});
export type RequirementResult = z.infer<typeof RequirementResultSchema>;

export const ClusterCheckResultSchema = z.object({
  compliant: z
    .boolean()
    .nullable()
    .describe('null — ни одно требование не нарушено, но по какому-то не хватает данных'),
  functionalDependence: z.number().nullable(),
  functionalDependenceThreshold: z
    .number()
    .nullable()
    .describe(
      'Применимый порог; null — неизвестно, какой порог применим (нет данных о территориях)',
    ),
  requirements: z.array(RequirementResultSchema),
});
export type ClusterCheckResult = z.infer<typeof ClusterCheckResultSchema>;
