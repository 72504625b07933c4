import { z } from 'zod';
import { methodologySchema } from '../ratings/methodology.schema.ts';
import { EntityRefSchema, SourceRefSchema } from './common.schema.ts';

// HTTP API of ratings: methodologies, editions (computed by PromAtlas
// and published by the rating's publisher), explanations, sensitivity,
// comparisons, what-if re-ranking and indicator-value import.

const RatingRefSchema = z.object({ id: z.number().int(), title: z.string() });

export const RatingMethodologySummarySchema = z
  .object({
    id: z.number().int().describe('Идентификатор версии методики в базе'),
    code: z.string().describe('Код методики (постоянный для всех версий)'),
    version: z.string().describe('Версия; сохранённая версия не меняется'),
    title: z.string(),
    objectType: z
      .string()
      .describe('Тип оцениваемых объектов: sez, industrial_park, technopark, cluster, region'),
    objectTypeLabel: z.string(),
    isDefault: z
      .boolean()
      .describe('Методика поставляется с PromAtlas (методика PromAtlas, не АКИТ РФ)'),
    author: z.string().describe('«PromAtlas» для поставляемых методик, иначе «пользователь»'),
    createdAt: z.string().describe('Когда версия сохранена, ISO 8601'),
  })
  .describe('Версия методики рейтинга');
export type RatingMethodologySummary = z.infer<typeof RatingMethodologySummarySchema>;

export const RatingMethodologyListSchema = z.object({
  items: z.array(RatingMethodologySummarySchema),
});

const RenderedIndicatorSchema = z.object({
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  direction: z.string(),
  directionLabel: z.string().describe('«больше — лучше» или «меньше — лучше»'),
  weight: z.number().describe('Вес внутри группы, как указан в методике'),
  shareOfGroup: z.number().describe('Доля веса в группе, 0–1'),
  shareOfTotal: z.number().describe('Доля в итоговом балле при полных данных, 0–1'),
  normalisation: z.string(),
  normalisationLabel: z.string(),
  target: z.number().nullable(),
  source: z.string(),
  rationale: z.string(),
});

export const RenderedMethodologySchema = z
  .object({
    title: z.string(),
    subtitle: z.string().describe('Код, версия и автор методики'),
    notice: z
      .string()
      .nullable()
      .describe('Пометка для поставляемых методик: это методика PromAtlas, не ассоциации'),
    description: z.string(),
    objectTypeLabel: z.string(),
    normalisationLabel: z.string(),
    missingValueRuleLabel: z.string(),
    tieRuleLabel: z.string(),
    peerGroups: z.object({
      basis: z.string(),
      groups: z.array(z.object({ code: z.string(), name: z.string() })),
    }),
    groups: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        description: z.string().nullable(),
        weight: z.number(),
        share: z.number().describe('Доля группы в итоговом балле, 0–1'),
        indicators: z.array(RenderedIndicatorSchema),
      }),
    ),
  })
  .describe('Методика в виде, удобном для чтения и печати (по-русски)');

export const RatingMethodologySchema = RatingMethodologySummarySchema.extend({
  methodology: methodologySchema.describe(
    'Методика как данные (JSON); её можно скачать, изменить и сохранить новой версией',
  ),
  rendered: RenderedMethodologySchema,
});
export type RatingMethodologyResponse = z.infer<typeof RatingMethodologySchema>;

// ---------- editions ----------

const LeaderSchema = z.object({
  peerGroup: z.string().nullable(),
  peerGroupName: z.string().nullable(),
  object: EntityRefSchema,
  place: z.number().int(),
});

export const RatingEditionSummarySchema = z
  .object({
    id: z.number().int(),
    kind: z
      .enum(['computed', 'published'])
      .describe(
        'computed — рассчитано PromAtlas по методике; published — места, опубликованные издателем рейтинга',
      ),
    kindLabel: z.string(),
    status: z.enum(['draft', 'final']),
    year: z.number().int(),
    label: z.string(),
    editionNumber: z.number().int().nullable(),
    rating: RatingRefSchema.nullable(),
    methodology: z
      .object({
        id: z.number().int(),
        code: z.string(),
        version: z.string(),
        title: z.string(),
        isDefault: z.boolean(),
      })
      .nullable(),
    dataset: z
      .string()
      .nullable()
      .describe('Набор значений показателей (для рассчитанных изданий)'),
    illustrative: z.boolean().describe('Рассчитано на иллюстративных (не реальных) данных'),
    objectCount: z.number().int(),
    leaders: z.array(LeaderSchema).describe('Первые места по группам сравнения'),
    computedAt: z.string().nullable(),
    source: SourceRefSchema.nullable().describe('Источник опубликованного издания'),
  })
  .describe('Издание рейтинга');
export type RatingEditionSummary = z.infer<typeof RatingEditionSummarySchema>;

export const RatingEditionListSchema = z
  .object({
    ratings: z.array(
      z.object({
        id: z.number().int(),
        code: z.string().nullable(),
        name: z.string(),
        publisher: EntityRefSchema.nullable(),
        methodologyCode: z
          .string()
          .nullable()
          .describe('Код методики PromAtlas, по которой рассчитывается этот рейтинг'),
        editions: z
          .array(RatingEditionSummarySchema)
          .describe('Рассчитанные и опубликованные издания рядом, новые годы сначала'),
      }),
    ),
    otherEditions: z
      .array(RatingEditionSummarySchema)
      .describe('Рассчитанные издания, не привязанные к рейтингу реестра'),
  })
  .describe('Рейтинги с изданиями');

const GroupScoreSchema = z.object({
  code: z.string(),
  score: z.number().nullable(),
  weight: z.number(),
  contribution: z.number().nullable(),
});

export const RatingRowSchema = z.object({
  object: EntityRefSchema,
  place: z.number().int().nullable(),
  score: z.number().nullable().describe('Итоговый балл (для опубликованных изданий — нет)'),
  disqualified: z.boolean(),
  groupScores: z.array(GroupScoreSchema).describe('Баллы групп показателей в порядке методики'),
  missingIndicators: z.array(z.string()),
});
export type RatingRow = z.infer<typeof RatingRowSchema>;

export const PeerGroupTableSchema = z.object({
  peerGroup: z.string().nullable(),
  name: z.string(),
  rows: z.array(RatingRowSchema),
});

export const RatingEditionSchema = RatingEditionSummarySchema.extend({
  tieRule: z.string().describe('Правило равных баллов'),
  groups: z.array(z.object({ code: z.string(), name: z.string(), weight: z.number() })),
  peerGroups: z.array(PeerGroupTableSchema).describe('Таблица мест по каждой группе сравнения'),
});
export type RatingEditionResponse = z.infer<typeof RatingEditionSchema>;

export const ComputeEditionBodySchema = z.object({
  methodologyId: z
    .number()
    .int()
    .positive()
    .describe('Версия методики (идентификатор из списка методик)'),
  year: z.number().int().min(1900).max(2100).describe('Год значений показателей'),
  dataset: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .default('main')
    .describe('Набор значений показателей; по умолчанию main'),
  label: z
    .string()
    .trim()
    .min(1)
    .max(300)
    .optional()
    .describe('Название издания; по умолчанию строится из методики, года и набора'),
  ratingId: z
    .number()
    .int()
    .positive()
    .optional()
    .describe(
      'Рейтинг реестра, к которому относится издание (по умолчанию — рейтинг с кодом этой методики)',
    ),
  status: z
    .enum(['draft', 'final'])
    .default('draft')
    .describe('final — издание заморожено и не пересчитывается'),
});

// ---------- explanation, sensitivity, comparison, what-if ----------

export const ScoreExplanationSchema = z
  .object({
    edition: z.object({ id: z.number().int(), label: z.string() }),
    object: EntityRefSchema,
    peerGroup: z.string().nullable(),
    score: z.number().nullable(),
    place: z.number().int().nullable(),
    disqualified: z.boolean(),
    groups: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        weight: z.number(),
        score: z.number().nullable(),
        contribution: z.number().nullable(),
        share: z.number().nullable().describe('Доля группы в итоговом балле объекта'),
      }),
    ),
    indicators: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        unit: z.string(),
        group: z.string(),
        raw: z.number().nullable(),
        normalised: z.number().nullable(),
        imputed: z.boolean().describe('Значение подставлено правилом пропусков'),
        weight: z.number().describe('Действующий вес показателя в итоговом балле'),
        contribution: z.number().nullable(),
      }),
    ),
    above: z
      .object({
        object: EntityRefSchema,
        place: z.number().int(),
        score: z.number(),
        gap: z.number(),
      })
      .nullable()
      .describe('Объект местом выше и отставание от него'),
    below: z
      .object({
        object: EntityRefSchema,
        place: z.number().int(),
        score: z.number(),
        gap: z.number(),
      })
      .nullable()
      .describe('Объект местом ниже и отрыв от него'),
    liftOnePlace: z
      .array(
        z.object({
          indicator: z.string(),
          name: z.string(),
          unit: z.string(),
          outcome: z.enum([
            'lifts',
            'missing_value',
            'zero_weight',
            'constant_column',
            'beyond_best',
          ]),
          outcomeLabel: z.string(),
          currentValue: z.number().nullable(),
          requiredValue: z.number().nullable(),
          change: z.number().nullable(),
        }),
      )
      .describe(
        'Какое изменение каждого показателя (при прочих равных) поднимет объект на одно место',
      ),
  })
  .describe('Разложение балла объекта');

export const SensitivityQuerySchema = z.object({
  method: z
    .enum(['uniform', 'dirichlet'])
    .default('uniform')
    .describe(
      'uniform — веса ×U(1−x, 1+x); dirichlet — Монте-Карло по Дирихле вокруг заявленных весов',
    ),
  spread: z.coerce
    .number()
    .min(0)
    .max(1)
    .default(0.2)
    .describe('Для uniform: x, доля отклонения весов (0,2 = ±20 %)'),
  concentration: z.coerce
    .number()
    .positive()
    .max(1e6)
    .default(50)
    .describe('Для dirichlet: концентрация κ (больше — ближе к заявленным весам)'),
  runs: z.coerce
    .number()
    .int()
    .min(1)
    .max(5000)
    .default(1000)
    .describe(
      'Число прогонов, до 5 000 (1 000 прогонов для 1 000 объектов × 100 показателей — около 2 с)',
    ),
  seed: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .default(1)
    .describe('Зерно генератора: одно зерно — один результат'),
  threshold: z.coerce
    .number()
    .min(0)
    .max(1000)
    .default(2)
    .describe('Место устойчиво, если p95 − p5 ≤ порога'),
});

export const SensitivitySchema = z
  .object({
    edition: z.object({ id: z.number().int(), label: z.string() }),
    perturbation: z.string().describe('Как возмущались веса, по-русски'),
    runs: z.number().int(),
    seed: z.number().int(),
    threshold: z.number(),
    objects: z.array(
      z.object({
        object: EntityRefSchema,
        peerGroup: z.string().nullable(),
        place: z.number().int(),
        median: z.number(),
        p5: z.number(),
        p95: z.number(),
        min: z.number().int(),
        max: z.number().int(),
        robust: z.boolean(),
        placeCounts: z
          .array(z.number().int())
          .describe('placeCounts[k−1] — в скольких прогонах объект занял место k'),
      }),
    ),
  })
  .describe('Устойчивость мест к весам');

export const EditionComparisonSchema = z
  .object({
    before: RatingEditionSummarySchema,
    after: RatingEditionSummarySchema,
    placesOnly: z
      .boolean()
      .describe('Одно из изданий опубликовано (только места): причин изменения нет'),
    moves: z.array(
      z.object({
        object: EntityRefSchema,
        peerGroupBefore: z.string().nullable(),
        peerGroupAfter: z.string().nullable(),
        placeBefore: z.number().int().nullable(),
        placeAfter: z.number().int().nullable(),
        placesGained: z.number().int().nullable().describe('Положительное — поднялся'),
        scoreBefore: z.number().nullable(),
        scoreAfter: z.number().nullable(),
        scoreChange: z.number().nullable(),
        drivers: z
          .array(
            z.object({
              indicator: z.string(),
              name: z.string(),
              contributionBefore: z.number(),
              contributionAfter: z.number(),
              change: z.number(),
            }),
          )
          .describe('Показатели, изменившие балл, по убыванию |изменения|'),
      }),
    ),
    entered: z.array(EntityRefSchema),
    left: z.array(EntityRefSchema),
  })
  .describe('Сравнение двух изданий: кто сдвинулся и почему');

export const WhatIfBodySchema = z.object({
  groupWeights: z
    .record(z.string(), z.number().min(0).max(1e6))
    .default({})
    .describe('Новые веса групп по кодам; не указанные остаются'),
  indicatorWeights: z
    .record(z.string(), z.number().min(0).max(1e6))
    .default({})
    .describe('Новые веса показателей внутри групп по кодам; не указанные остаются'),
});

export const WhatIfSchema = z
  .object({
    edition: z.object({ id: z.number().int(), label: z.string() }),
    groups: z.array(z.object({ code: z.string(), name: z.string(), weight: z.number() })),
    peerGroups: z.array(
      z.object({
        peerGroup: z.string().nullable(),
        name: z.string(),
        rows: z.array(
          RatingRowSchema.extend({
            placeBefore: z.number().int().nullable().describe('Место в сохранённом издании'),
            scoreBefore: z.number().nullable(),
          }),
        ),
      }),
    ),
  })
  .describe('Пересчёт издания с изменёнными весами (ничего не сохраняется)');

// ---------- indicator values ----------

export const ImportIndicatorValuesBodySchema = z
  .object({
    fileName: z.string().max(300).optional().describe('Имя файла (для сообщений)'),
    uploadId: z
      .string()
      .regex(/^[0-9a-f]{32}$/, 'идентификатор загрузки — 32 шестнадцатеричные цифры')
      .optional()
      .describe('Файл, загруженный заранее через POST /api/uploads (вместо contentBase64)'),
    contentBase64: z
      .string()
      .min(1)
      .max(14_000_000)
      .optional()
      .describe(
        'Файл CSV (UTF-8 или Windows-1251) или XLSX в base64; столбцы object,indicator,value,year,source',
      ),
    year: z.number().int().min(1900).max(2100).optional().describe('Год для строк без года'),
    dataset: z.string().trim().min(1).max(200).default('main').describe('Набор значений'),
    objectType: z
      .enum(['site', 'cluster', 'region'])
      .default('site')
      .describe('Тип объектов в столбце object'),
  })
  .refine((b) => (b.contentBase64 === undefined) !== (b.uploadId === undefined), {
    message: 'укажите ровно одно из полей contentBase64 и uploadId',
    path: ['contentBase64'],
  });

export const ImportProblemSchema = z.object({
  line: z.number().int().nullable().describe('Строка файла (заголовок — строка 1)'),
  field: z.string(),
  value: z.string().nullable(),
  message: z.string().describe('Причина по-русски'),
});

export const ImportIndicatorValuesResultSchema = z.object({
  dataset: z.string(),
  rows: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  years: z.array(z.number().int()),
});

export const ImportRejectedSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), messageEn: z.string() }),
  problems: z
    .array(ImportProblemSchema)
    .describe('Каждая ошибочная строка: номер, поле, причина; ничего не записано'),
});

export const IndicatorValueListSchema = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      dataset: z.string(),
      object: EntityRefSchema,
      indicator: z.string(),
      year: z.number().int(),
      value: z.number().nullable(),
      source: SourceRefSchema.nullable(),
      sourceText: z.string().nullable(),
      provenance: z.enum(['import', 'illustrative', 'manual']),
      illustrative: z.boolean(),
    }),
  ),
  total: z.number().int(),
});

export type ScoreExplanationResponse = z.infer<typeof ScoreExplanationSchema>;
export type SensitivityResponse = z.infer<typeof SensitivitySchema>;
export type EditionComparisonResponse = z.infer<typeof EditionComparisonSchema>;
export type WhatIfResponse = z.infer<typeof WhatIfSchema>;
export type RatingEditionList = z.infer<typeof RatingEditionListSchema>;
export type ImportProblem = z.infer<typeof ImportProblemSchema>;
export type ImportIndicatorValuesResult = z.infer<typeof ImportIndicatorValuesResultSchema>;
export type IndicatorValueList = z.infer<typeof IndicatorValueListSchema>;
