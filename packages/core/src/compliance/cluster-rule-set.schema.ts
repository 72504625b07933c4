import { z } from 'zod';

/**
 * The industrial-cluster requirements as versioned, editable data. The shipped
 * default (DEFAULT_CLUSTER_RULE_SET) encodes ПП РФ № 779 of 31.07.2015; a
 * deployment may store its own version when the regulation changes, and
 * `promatlas clusters check --rules` reads the same format.
 */

export const ContractTypeSchema = z
  .enum(['import_substitution_project', 'supply', 'production_services', 'spic', 'other'])
  .describe(
    'Тип договора: совместный проект по импортозамещению, поставка продукции кластера, ' +
      'производственные работы или услуги, СПИК с обязательствами по поставке, иное',
  );
export type ContractType = z.infer<typeof ContractTypeSchema>;

export const TerritoryFlagSchema = z
  .enum(['individual_programme', 'geostrategic', 'monotown'])
  .describe(
    'Территория: субъект с индивидуальной программой социально-экономического развития, ' +
      'геостратегическая территория, моногород',
  );
export type TerritoryFlag = z.infer<typeof TerritoryFlagSchema>;

export const ParticipantKindSchema = z
  .enum([
    'enterprise',
    'infrastructure',
    'education',
    'research',
    'finance',
    'specialised_organisation',
    'other',
  ])
  .describe('Вид участника кластера');
export type ParticipantKind = z.infer<typeof ParticipantKindSchema>;

const Share = z.number().min(0).max(1);

export const ClusterRuleSetSchema = z
  .strictObject({
    id: z.string().min(1).describe('Идентификатор набора правил, например pp779'),
    version: z.string().min(1).describe('Версия набора правил'),
    title: z.string().min(1),
    titleEn: z.string().min(1),
    regulation: z.strictObject({
      reference: z
        .string()
        .min(1)
        .describe('Нормативный акт, например «ПП РФ № 779 от 31.07.2015»'),
      referenceEn: z.string().min(1),
      url: z.string().nullable(),
    }),
    cooperation: z.strictObject({
      eligibleContractTypes: z
        .array(ContractTypeSchema)
        .min(1)
        .describe('Типы договоров, которые считаются кооперационными связями'),
      maxParticipantsWithoutContract: z
        .number()
        .int()
        .min(0)
        .describe('Сколько участников может не иметь кооперационного договора'),
      gracePeriodYears: z
        .number()
        .int()
        .min(0)
        .describe(
          'Участник без договора допустим, только если вступил менее чем за столько лет до даты проверки',
        ),
    }),
    functionalDependence: z.strictObject({
      threshold: Share.describe('Минимальный уровень функциональной зависимости'),
      reducedThreshold: Share.describe(
        'Минимальный уровень, если достаточная доля участников — на отмеченных территориях',
      ),
      flaggedTerritoryShare: Share.describe(
        'Доля участников на отмеченных территориях (не менее), с которой действует сниженный порог',
      ),
      flaggedTerritories: z.array(TerritoryFlagSchema).min(1),
    }),
    composition: z.strictObject({
      minIndustrialEnterprises: z.number().int().min(0),
      minInfrastructureOrganisations: z.number().int().min(0),
      infrastructureKinds: z
        .array(ParticipantKindSchema)
        .min(1)
        .describe('Виды участников, которые считаются организациями инфраструктуры'),
      verified: z
        .boolean()
        .describe(
          'false — пороги состава не сверены с текстом постановления (показывать в интерфейсе)',
        ),
      note: z.string().nullable(),
      noteEn: z.string().nullable(),
    }),
    specialisedOrganisation: z.strictObject({
      required: z.boolean(),
      kinds: z.array(ParticipantKindSchema).min(1),
    }),
    decision: z.strictObject({
      validityYears: z
        .number()
        .int()
        .min(1)
        .describe('Срок действия заключения Минпромторга о соответствии, лет'),
    }),
  })
  .refine(
    (rules) => rules.functionalDependence.reducedThreshold <= rules.functionalDependence.threshold,
    {
      path: ['functionalDependence', 'reducedThreshold'],
      message: 'Сниженный порог не может быть выше основного',
      params: { messageEn: 'The reduced threshold cannot exceed the standard threshold' },
    },
  )
  .describe('Набор правил проверки промышленного кластера');
export type ClusterRuleSet = z.infer<typeof ClusterRuleSetSchema>;
