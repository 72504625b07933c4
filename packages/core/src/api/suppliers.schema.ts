import { z } from 'zod';
import {
  CLUSTER_REGISTRY_STATUSES,
  STATED_CLUSTER_REGISTRY_STATUSES,
  SUPPLIER_RANK_REASONS,
} from '../domain/vocabulary.ts';
import { EntityRefSchema, RegionRefSchema } from './common.schema.ts';

/**
 * Supplier search for a cluster's needs (by ОКПД2 product or ОКВЭД2 activity,
 * region and radius), the «gaps» of a cluster (products its members buy
 * outside it) and the cluster's status in the Minpromtorg registry.
 */

const isoDate = z.iso.date({ message: 'Дата в формате ГГГГ-ММ-ДД' });
const OKPD2 = /^\d{2}(\.\d{1,2}){0,3}(\.\d{3})?$/;
const OKVED2 = /^\d{2}(\.\d{1,2}){0,2}$/;

export const SupplierSearchQuerySchema = z
  .object({
    okpd2: z
      .string()
      .regex(OKPD2, 'Код ОКПД2 вида 28.30.2')
      .optional()
      .describe('Нужная продукция по ОКПД2'),
    okved: z
      .string()
      .regex(OKVED2, 'Код ОКВЭД2 вида 28.30')
      .optional()
      .describe('Нужный вид деятельности по ОКВЭД2'),
    region: z
      .string()
      .regex(/^\d{2}$/, 'Код региона — две цифры')
      .optional()
      .describe('Только организации этого региона'),
    lat: z.coerce.number().min(-90).max(90).optional().describe('Широта точки, от которой радиус'),
    lon: z.coerce
      .number()
      .min(-180)
      .max(180)
      .optional()
      .describe('Долгота точки, от которой радиус'),
    organisationId: z.coerce
      .number()
      .int()
      .positive()
      .optional()
      .describe('Организация, от которой радиус (вместо точки)'),
    radiusKm: z.coerce
      .number()
      .positive('Радиус больше нуля')
      .max(3000, 'Радиус — не больше 3000 км')
      .default(100)
      .describe('Радиус поиска, км'),
    clusterId: z.coerce
      .number()
      .int()
      .positive()
      .optional()
      .describe('Кластер, участие в котором поднимает организацию в выдаче'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((q) => (q.okpd2 === undefined) !== (q.okved === undefined), {
    message: 'Укажите ровно одно: продукцию по ОКПД2 или вид деятельности по ОКВЭД2',
    path: ['okpd2'],
  })
  .refine((q) => (q.lat === undefined) === (q.lon === undefined), {
    message: 'Точка задаётся широтой и долготой вместе',
    path: ['lon'],
  })
  .refine((q) => q.lat === undefined || q.organisationId === undefined, {
    message: 'Радиус — от точки или от организации, не от обеих',
    path: ['organisationId'],
  })
  .refine((q) => q.lat !== undefined || q.organisationId !== undefined || q.region, {
    message: 'Укажите регион или точку (организацию), от которой считать радиус',
    path: ['region'],
  });
export type SupplierSearchQuery = z.infer<typeof SupplierSearchQuerySchema>;

export const RankReasonSchema = z.object({
  code: z.enum(SUPPLIER_RANK_REASONS.values),
  points: z.number().describe('Вклад в оценку, баллы из 100'),
  message: z.string(),
  messageEn: z.string(),
});

export const SupplierCandidateSchema = z.object({
  organisation: EntityRefSchema,
  region: RegionRefSchema.nullable(),
  town: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  distanceKm: z.number().nullable().describe('Расстояние от точки поиска, км'),
  score: z.number().describe('Оценка 0–100: сумма вкладов reasons'),
  activities: z.array(z.string()).describe('Коды ОКВЭД2 организации, подходящие под запрос'),
  inCluster: z.boolean().describe('Участник кластера, указанного в запросе'),
  clusters: z.number().int().describe('В скольких кластерах участвует'),
  pastContracts: z.number().int().describe('Договоров поставки этой продукции в прошлом'),
  reasons: z.array(RankReasonSchema).describe('Почему организация на этом месте'),
});
export type SupplierCandidate = z.infer<typeof SupplierCandidateSchema>;

export const SupplierSearchResultSchema = z.object({
  need: z.object({
    okpd2: z.string().nullable(),
    okved: z.string().nullable(),
    activityPrefix: z
      .string()
      .describe('Коды ОКВЭД2, с которых начинается подходящий вид деятельности'),
    title: z.string().nullable().describe('Название позиции классификатора'),
  }),
  origin: z
    .object({
      latitude: z.number(),
      longitude: z.number(),
      organisation: EntityRefSchema.nullable(),
    })
    .nullable(),
  radiusKm: z.number().nullable(),
  region: RegionRefSchema.nullable(),
  cluster: EntityRefSchema.nullable(),
  total: z.number().int().describe('Подходящих организаций всего (показаны лучшие limit)'),
  items: z.array(SupplierCandidateSchema),
  method: z.array(z.string()).describe('Как ранжирована выдача'),
  methodEn: z
    .array(z.string())
    .describe('Как ранжирована выдача, по-английски (строка за строкой с method)'),
});
export type SupplierSearchResult = z.infer<typeof SupplierSearchResultSchema>;

export const SupplierGapsQuerySchema = z.object({
  radiusKm: z.coerce
    .number()
    .positive('Радиус больше нуля')
    .max(3000, 'Радиус — не больше 3000 км')
    .optional()
    .describe('Только поставщики в радиусе от покупателя, км; без него — весь регион'),
  perGap: z.coerce.number().int().min(1).max(20).default(5),
});

export const SupplierGapSchema = z.object({
  okpd2: z.string().nullable(),
  product: z.string().describe('Продукция (название ОКПД2 или текст договора)'),
  contracts: z.number().int(),
  valueRub: z.number().nullable().describe('Сумма договоров с известной суммой, ₽'),
  buyers: z.array(EntityRefSchema).describe('Участники, покупающие вне кластера'),
  outsideSuppliers: z.array(EntityRefSchema).describe('Нынешние поставщики вне кластера'),
  candidates: z
    .array(SupplierCandidateSchema)
    .describe('Организации региона, которые могли бы поставлять (кроме нынешних)'),
});

export const SupplierGapsSchema = z.object({
  cluster: EntityRefSchema,
  region: RegionRefSchema.nullable(),
  gaps: z.array(SupplierGapSchema),
});
export type SupplierGaps = z.infer<typeof SupplierGapsSchema>;

export const ClusterRegistryStatusSchema = z.object({
  cluster: EntityRefSchema,
  version: z.number().int(),
  stated: z
    .enum(STATED_CLUSTER_REGISTRY_STATUSES)
    .nullable()
    .describe('Записанный статус; null — не указан'),
  status: z
    .enum(CLUSTER_REGISTRY_STATUSES.values)
    .nullable()
    .describe('Статус на сегодня: у записи в реестре с истёкшим заключением — expired'),
  statusLabel: z.string().nullable(),
  statusLabelEn: z.string().nullable(),
  decisionNumber: z.string().nullable(),
  decisionDate: z.string().nullable(),
  validUntil: z
    .string()
    .nullable()
    .describe('Первый день, когда заключение уже недействительно (дата + срок по правилам)'),
  validityYears: z.number().int(),
  history: z
    .array(
      z.object({
        at: z.string(),
        user: z.string().nullable().describe('Кто изменил'),
        stated: z.enum(STATED_CLUSTER_REGISTRY_STATUSES).nullable(),
        decisionNumber: z.string().nullable(),
        decisionDate: z.string().nullable(),
      }),
    )
    .describe(
      'Изменения статуса и заключения из журнала, новые первыми (только для вошедших пользователей)',
    ),
});
export type ClusterRegistryStatus = z.infer<typeof ClusterRegistryStatusSchema>;

export const ClusterRegistryStatusUpdateSchema = z
  .object({
    version: z.number().int().min(1).describe('Версия кластера, с которой начато изменение'),
    status: z.enum(STATED_CLUSTER_REGISTRY_STATUSES).describe('candidate или registered'),
    decisionNumber: z
      .string()
      .trim()
      .min(1, 'Укажите номер заключения')
      .max(100)
      .nullable()
      .optional()
      .describe('Номер заключения Минпромторга'),
    decisionDate: isoDate.nullable().optional().describe('Дата заключения Минпромторга'),
  })
  .refine((v) => v.status !== 'registered' || !!v.decisionNumber, {
    message: 'У кластера в реестре есть номер заключения',
    path: ['decisionNumber'],
  })
  .refine((v) => v.status !== 'registered' || !!v.decisionDate, {
    message: 'У кластера в реестре есть дата заключения',
    path: ['decisionDate'],
  })
  .refine((v) => v.status !== 'candidate' || (!v.decisionNumber && !v.decisionDate), {
    message: 'У кандидата нет заключения: уберите номер и дату или выберите «в реестре»',
    path: ['decisionNumber'],
  });
export type ClusterRegistryStatusUpdate = z.infer<typeof ClusterRegistryStatusUpdateSchema>;
