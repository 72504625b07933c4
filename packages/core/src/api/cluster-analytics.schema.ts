import { z } from 'zod';
import {
  DATASET_MEASURES,
  INDUSTRY_CLASSIFICATIONS,
  INDUSTRY_TYPES,
  QUARANTINE_REASONS,
  REGION_LEVELS,
} from '../domain/vocabulary.ts';
import { HttpUrlSchema, RegionRefSchema } from './common.schema.ts';

/**
 * API schemas of statistical datasets and cluster mapping: shared by
 * the server (validation, OpenAPI) and the web app (types).
 */

export const DatasetMeasureSchema = z
  .enum(DATASET_MEASURES.values)
  .describe('Показатель: занятость, число организаций (предприятий) или выпуск');
export const RegionLevelSchema = z
  .enum(REGION_LEVELS.values)
  .describe('Уровень регионов: субъекты РФ или муниципальные образования');
export const IndustryClassificationSchema = z
  .enum(INDUSTRY_CLASSIFICATIONS.values)
  .describe('Классификация отраслей: коды ОКВЭД2 или кластерные категории');
export const AnalysisLevelSchema = z
  .enum(['okved', 'category'])
  .describe(
    'Уровень анализа: коды ОКВЭД2 набора (okved) или кластерные категории (category; данные ОКВЭД2 агрегируются)',
  );

export const QuarantineReasonSchema = z
  .enum(QUARANTINE_REASONS.values)
  .describe('Почему строка отложена при импорте');

export const DatasetSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    description: z.string().nullable(),
    measure: DatasetMeasureSchema,
    unit: z.string().describe('Единица измерения: «человек», «единиц», «млн руб.»'),
    regionLevel: RegionLevelSchema,
    industryClassification: IndustryClassificationSchema,
    source: z
      .object({
        id: z.number().int().nullable().describe('Документ-источник в реестре, если есть'),
        text: z.string().nullable().describe('Источник словами: «Росстат, …»'),
        url: z.string().nullable(),
      })
      .describe('Источник данных'),
    provenance: z.string().nullable().describe('Как данные получены: файл, формат, дата импорта'),
    illustrative: z
      .boolean()
      .describe('Иллюстративные (выдуманные) данные для демонстрации — не реальная статистика'),
    createdAt: z.string(),
    valueCount: z.number().int().describe('Число значений регион × отрасль × год'),
    years: z.array(z.number().int()),
  })
  .describe('Статистический набор данных: значения регион × отрасль × год');
export type DatasetDto = z.infer<typeof DatasetSchema>;

export const DatasetListSchema = z.object({ items: z.array(DatasetSchema) });

export const DatasetSummarySchema = z.object({
  dataset: DatasetSchema,
  years: z.array(
    z.object({ year: z.number().int(), values: z.number().int(), regions: z.number().int() }),
  ),
  industries: z.array(
    z.object({
      code: z.string(),
      name: z
        .string()
        .nullable()
        .describe('Название по ОКВЭД2 или категории; null, если код неизвестен'),
      values: z.number().int(),
    }),
  ),
  regionCount: z.number().int(),
  quarantine: z
    .array(z.object({ reasonCode: QuarantineReasonSchema, rows: z.number().int() }))
    .describe('Строки, отложенные при импорте, по причинам'),
});

export const LongTableMappingSchema = z
  .object({
    regionColumn: z
      .string()
      .min(1)
      .describe('Столбец с регионом (название в любом написании или код)'),
    industryColumn: z
      .string()
      .min(1)
      .describe('Столбец с отраслью: код или название ОКВЭД2 либо кластерной категории'),
    valueColumn: z.string().min(1).describe('Столбец со значением'),
    yearColumn: z.string().min(1).optional().describe('Столбец с годом'),
    year: z
      .number()
      .int()
      .min(1900)
      .max(2200)
      .optional()
      .describe('Год для всего файла, если столбца года нет'),
  })
  .describe('Какие столбцы длинной таблицы что содержат');

export const UploadIdSchema = z
  .string()
  .regex(/^[0-9a-f]{32}$/, 'идентификатор загрузки — 32 шестнадцатеричные цифры')
  .describe('Файл, загруженный заранее через POST /api/uploads (для больших файлов)');

export const DatasetFileSchema = z
  .object({
    format: z
      .enum(['csv', 'rosstat', 'xlsx'])
      .describe(
        'csv — длинная таблица; rosstat — макет выгрузки Росстата (CSV); xlsx — длинная таблица в Excel',
      ),
    content: z.string().optional().describe('Содержимое файла CSV текстом'),
    contentBase64: z
      .string()
      .optional()
      .describe('Содержимое файла в base64: для xlsx и для CSV в Windows-1251'),
    uploadId: UploadIdSchema.optional(),
    fileName: z.string().max(500).optional().describe('Имя файла — для сведений о происхождении'),
    mapping: LongTableMappingSchema.optional().describe('Обязательно для csv и xlsx'),
  })
  .refine(
    (f) => [f.content, f.contentBase64, f.uploadId].filter((v) => v !== undefined).length === 1,
    {
      message: 'укажите ровно одно из полей content, contentBase64 и uploadId',
      path: ['content'],
    },
  )
  .refine((f) => f.format !== 'xlsx' || f.content === undefined, {
    message: 'файл xlsx передаётся в contentBase64 или загрузкой (uploadId)',
    path: ['contentBase64'],
  })
  .refine((f) => f.format === 'rosstat' || f.mapping !== undefined, {
    message: 'для csv и xlsx нужно сопоставление столбцов (mapping)',
    path: ['mapping'],
  });
export type DatasetFileInput = z.infer<typeof DatasetFileSchema>;

export const CreateDatasetSchema = z
  .object({
    name: z.string().trim().min(1).max(500),
    description: z.string().max(5000).optional(),
    measure: DatasetMeasureSchema,
    unit: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .optional()
      .describe('По умолчанию: «человек» или «единиц»'),
    regionLevel: RegionLevelSchema.default('federal_subject'),
    industryClassification: IndustryClassificationSchema.default('okved2'),
    sourceId: z.number().int().min(1).optional(),
    sourceText: z.string().max(2000).optional(),
    sourceUrl: HttpUrlSchema.optional(),
    illustrative: z.boolean().default(false),
    file: DatasetFileSchema,
  })
  .describe('Новый набор данных и файл для импорта в него (одна транзакция)');
export type CreateDatasetInput = z.infer<typeof CreateDatasetSchema>;

export const ImportResultSchema = z
  .object({
    rowsRead: z.number().int().describe('Строк данных в файле'),
    matchedRows: z.number().int().describe('Строк, из которых сохранено хотя бы одно значение'),
    values: z.number().int().describe('Сохранено значений (новых или обновлённых)'),
    emptyCells: z.number().int().describe('Пустых ячеек («…», «x», пусто) — не значения'),
    quarantined: z.number().int().describe('Отложено строк и ячеек с указанием причины'),
    regions: z.number().int(),
    industries: z.number().int(),
    years: z.array(z.number().int()),
    quarantineByReason: z.array(
      z.object({ reasonCode: QuarantineReasonSchema, rows: z.number().int() }),
    ),
    quarantineSample: z
      .array(
        z.object({
          line: z.number().int(),
          reasonCode: QuarantineReasonSchema,
          reason: z.string(),
        }),
      )
      .describe('Первые отложенные строки'),
  })
  .describe('Итог импорта');
export type ImportResult = z.infer<typeof ImportResultSchema>;

export const CreateDatasetResponseSchema = z.object({
  dataset: DatasetSchema,
  import: ImportResultSchema,
});

export const QuarantinePageSchema = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      line: z.number().int(),
      raw: z.record(z.string(), z.string()).describe('Строка файла как есть'),
      reasonCode: QuarantineReasonSchema,
      reason: z.string().describe('Причина по-русски, со строкой и полем'),
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

// ---- Cluster mapping ------------------------------------------------------

export const AnalysisNoteSchema = z
  .object({
    kind: z.string(),
    message: z.string().describe('По-русски'),
    messageEn: z.string(),
  })
  .describe('Пояснение к расчёту: нулевые итоги, нераспределённые коды и т. п.');

export const IndustryRefSchema = z.object({
  code: z.string().describe('Код ОКВЭД2 или кластерной категории'),
  name: z.string(),
  type: z
    .enum(INDUSTRY_TYPES.values)
    .nullable()
    .describe('Торгуемая или локальная; null — не определено'),
});

export const DatasetRefSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  measure: DatasetMeasureSchema,
  unit: z.string(),
  illustrative: z.boolean(),
});

export const ClusterMapQuerySchema = z.object({
  dataset: z.coerce
    .number()
    .int()
    .min(1)
    .max(2_147_483_647)
    .describe('Идентификатор набора данных'),
  year: z.coerce.number().int().min(1900).max(2200).describe('Год'),
  industry: z.string().trim().min(1).max(100).describe('Код ОКВЭД2 или кластерной категории'),
  level: AnalysisLevelSchema.optional(),
});

export const ClusterMapSchema = z.object({
  dataset: DatasetRefSchema,
  year: z.number().int(),
  level: AnalysisLevelSchema,
  industry: IndustryRefSchema,
  thresholds: z
    .object({
      qualifyingRegions: z.number().int().describe('Регионов со значением > 0'),
      locationQuotientQ75: z.number().nullable().describe('75-й процентиль КЛ (R-7)'),
      valueQ25: z.number().nullable().describe('25-й процентиль значения'),
      valueQ90: z.number().nullable().describe('90-й процентиль значения (звезда размера)'),
      focusQ90: z
        .number()
        .nullable()
        .describe('90-й процентиль доли отрасли в регионе (звезда фокуса)'),
    })
    .describe('Пороги, по которым определены сильные кластеры и звёзды'),
  items: z.array(
    z.object({
      region: RegionRefSchema,
      value: z.number().describe('Значение показателя набора (занятость, число организаций…)'),
      share: z.number().describe('Доля отрасли в итоге региона, 0–1'),
      locationQuotient: z.number().describe('Коэффициент локализации'),
      significant: z.boolean().describe('Размер выше 25-го процентиля'),
      strong: z.boolean().describe('Сильный кластер (U.S. Cluster Mapping)'),
      stars: z.number().int().min(0).max(3).describe('Звёзды ECO: размер, специализация, фокус'),
      starSize: z.boolean(),
      starSpecialisation: z.boolean(),
      starFocus: z.boolean(),
    }),
  ),
  notes: z.array(AnalysisNoteSchema),
});
export type ClusterMap = z.infer<typeof ClusterMapSchema>;

export const ClusterPortfolioQuerySchema = z.object({
  dataset: z.coerce
    .number()
    .int()
    .min(1)
    .max(2_147_483_647)
    .describe('Идентификатор набора данных'),
  year: z.coerce.number().int().min(1900).max(2200).describe('Год'),
  region: z.string().trim().min(1).max(300).describe('Код субъекта (ОКАТО) или его название'),
  baseYear: z.coerce
    .number()
    .int()
    .min(1900)
    .max(2200)
    .optional()
    .describe('Базовый год для роста'),
  level: AnalysisLevelSchema.optional(),
});

export const ClusterPortfolioSchema = z.object({
  dataset: DatasetRefSchema,
  region: RegionRefSchema,
  year: z.number().int(),
  baseYear: z.number().int().nullable(),
  level: AnalysisLevelSchema,
  regionTotal: z.number().describe('Итог региона (по непересекающимся кодам)'),
  clusterStrength: z
    .object({
      tradedValue: z.number().describe('Значение в торгуемых отраслях'),
      strongValue: z.number().describe('Из него — в сильных кластерах'),
      strength: z.number().describe('Доля торгуемых в сильных кластерах, 0–1'),
    })
    .describe('Сила кластеров региона (U.S. Cluster Mapping)'),
  strongClusters: z
    .array(
      z.object({
        industry: IndustryRefSchema,
        value: z.number(),
        locationQuotient: z.number(),
        stars: z.number().int(),
        rankByLocationQuotient: z
          .number()
          .int()
          .describe('Место региона по КЛ среди регионов с отраслью'),
      }),
    )
    .describe('Сильные кластеры региона с их показателями'),
  items: z.array(
    z.object({
      industry: IndustryRefSchema,
      value: z.number(),
      share: z.number().describe('Доля в итоге региона, 0–1'),
      locationQuotient: z.number(),
      baseValue: z.number().nullable(),
      growth: z
        .number()
        .nullable()
        .describe('Рост к базовому году, доля (0,1 = +10 %); null без базы'),
      strong: z.boolean(),
      stars: z.number().int().min(0).max(3),
    }),
  ),
  notes: z.array(AnalysisNoteSchema),
});
export type ClusterPortfolio = z.infer<typeof ClusterPortfolioSchema>;

export const ClusterCandidatesQuerySchema = z.object({
  dataset: z.coerce
    .number()
    .int()
    .min(1)
    .max(2_147_483_647)
    .describe('Идентификатор набора данных'),
  year: z.coerce.number().int().min(1900).max(2200).describe('Год'),
  region: z.string().trim().min(1).max(300).describe('Код субъекта (ОКАТО) или его название'),
  minRelatedness: z.coerce
    .number()
    .gt(0)
    .max(1)
    .default(0.3)
    .describe('Порог связанности φ (корреляция долей по регионам), (0, 1]'),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  level: AnalysisLevelSchema.optional(),
});

export const ClusterCandidatesSchema = z.object({
  dataset: DatasetRefSchema,
  region: RegionRefSchema,
  year: z.number().int(),
  level: AnalysisLevelSchema,
  minRelatedness: z.number(),
  regionsCounted: z.number().int().describe('Регионов в расчёте связанности'),
  strongIndustries: z
    .array(IndustryRefSchema)
    .describe('Сильные отрасли региона — опора кандидатов'),
  items: z.array(
    z.object({
      industry: IndustryRefSchema,
      score: z.number().describe('Σ φ по связанным сильным отраслям'),
      locationQuotient: z.number(),
      value: z.number(),
      relatedStrongIndustries: z.array(
        z.object({ industry: IndustryRefSchema, relatedness: z.number() }),
      ),
    }),
  ),
  notes: z.array(AnalysisNoteSchema),
});
export type ClusterCandidates = z.infer<typeof ClusterCandidatesSchema>;

export const ExportFormatSchema = z.enum(['csv', 'xlsx']).default('csv').describe('Формат файла');

export const UploadSchema = z
  .object({
    uploadId: UploadIdSchema,
    bytes: z.number().int(),
    sha256: z.string(),
    expiresAt: z.string().describe('До этого времени загрузку можно использовать (один раз)'),
  })
  .describe('Загруженный файл, ожидающий импорта');
