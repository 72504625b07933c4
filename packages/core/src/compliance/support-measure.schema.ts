import { z } from 'zod';

/**
 * Support measures as data: a measure says which costs it reimburses, the
 * maximum share, the cap per applicant, the window of cost dates and the
 * conditions a cost line must meet. The shipped defaults are the two ПП РФ № 41
 * tracks (DEFAULT_SUPPORT_MEASURES); a deployment stores new versions as the
 * rules change.
 */

export const CostKindSchema = z
  .enum(['joint_project', 'starter_batch_components', 'other'])
  .describe(
    'Вид затрат: совместный проект участников кластера, стартовая партия комплектующих, иное',
  );
export type CostKind = z.infer<typeof CostKindSchema>;

const IsoDate = z.iso.date();

export const SupportMeasureSchema = z
  .strictObject({
    id: z.string().min(1),
    version: z.string().min(1),
    title: z.string().min(1),
    titleEn: z.string().min(1),
    regulation: z.strictObject({
      reference: z.string().min(1),
      referenceEn: z.string().min(1),
      url: z.string().nullable(),
    }),
    eligibleCostKinds: z.array(CostKindSchema).min(1),
    maxShare: z.number().gt(0).max(1).describe('Наибольшая доля возмещения затрат'),
    capPerApplicantRub: z
      .number()
      .nonnegative()
      .nullable()
      .describe('Наибольшая сумма на одного получателя, ₽; null — без предела'),
    costDateFrom: IsoDate.nullable().describe('Затраты не ранее этой даты; null — без ограничения'),
    costDateTo: IsoDate.nullable().describe('Затраты не позднее этой даты; null — без ограничения'),
    conditions: z.strictObject({
      applicantMustBeClusterParticipant: z
        .boolean()
        .describe('Получатель — участник кластера, включённого в реестр Минпромторга'),
      supplierMustBeClusterParticipant: z
        .boolean()
        .describe('Затраты — на покупку у другого участника кластера'),
      documentsRequired: z.boolean().describe('Затраты подтверждены документами'),
    }),
    note: z.string().nullable(),
    noteEn: z.string().nullable(),
  })
  .describe('Мера поддержки');
export type SupportMeasure = z.infer<typeof SupportMeasureSchema>;

export const SubsidyCostLineSchema = z.strictObject({
  id: z.string().min(1),
  description: z.string().min(1),
  kind: CostKindSchema,
  date: IsoDate.describe('Дата затрат (оплаты)'),
  amountRub: z.number().nonnegative(),
  documented: z.boolean().optional().describe('Подтверждены документами; нет поля — неизвестно'),
  supplierIsClusterParticipant: z
    .boolean()
    .optional()
    .describe('Поставщик — другой участник кластера; нет поля — неизвестно'),
});
export type SubsidyCostLine = z.infer<typeof SubsidyCostLineSchema>;

export const SubsidyCalculationInputSchema = z.strictObject({
  applicant: z.strictObject({
    name: z.string().min(1),
    clusterParticipant: z
      .boolean()
      .describe('Участник кластера, включённого в реестр Минпромторга'),
  }),
  alreadyAwardedRub: z
    .number()
    .nonnegative()
    .default(0)
    .describe('Уже получено этим заявителем по этой мере, ₽ (учитывается в пределе)'),
  share: z
    .number()
    .gt(0)
    .max(1)
    .optional()
    .describe('Доля возмещения, если ниже наибольшей (по условиям отбора)'),
  lines: z.array(SubsidyCostLineSchema),
});
export type SubsidyCalculationInput = z.input<typeof SubsidyCalculationInputSchema>;
