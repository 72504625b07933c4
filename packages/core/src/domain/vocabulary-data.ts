import { vocabulary, type ValueOf } from './vocabulary-kit.ts';

/** Vocabularies of data coming in: statistics files and registry imports. */

/** Why a row of an imported statistics file was set aside (dataset_quarantine_row.reason_code). */
export const QUARANTINE_REASONS = vocabulary({
  unknown_region: { ru: 'регион не найден', en: 'region not found' },
  region_includes_parts: {
    ru: 'регион включает автономные округа',
    en: 'region includes its autonomous okrugs',
  },
  duplicate_region_spelling: {
    ru: 'другое написание уже взятого региона',
    en: 'another spelling of a region already taken',
  },
  unknown_industry: { ru: 'отрасль не найдена', en: 'industry not found' },
  ambiguous_industry: { ru: 'отрасль неоднозначна', en: 'industry is ambiguous' },
  total_row: { ru: 'строка итога', en: 'total row' },
  other_ownership_form: { ru: 'разрез по форме собственности', en: 'breakdown by ownership form' },
  unrecognised_row: { ru: 'строка не распознана', en: 'row not recognised' },
  invalid_value: { ru: 'значение не число', en: 'value is not a number' },
  invalid_year: { ru: 'год не распознан', en: 'year not recognised' },
  duplicate_key: { ru: 'повтор строки', en: 'repeated row' },
});
export type QuarantineReason = ValueOf<typeof QUARANTINE_REASONS>;

/** The state of a registry import job (registry_import_job.status). */
export const REGISTRY_IMPORT_STATUSES = vocabulary({
  queued: { ru: 'в очереди', en: 'queued' },
  running: { ru: 'идёт', en: 'running' },
  done: { ru: 'завершён', en: 'done' },
  failed: { ru: 'файл не принят', en: 'file refused' },
  cancelled: { ru: 'отменён', en: 'cancelled' },
  interrupted: { ru: 'прерван остановкой сервера', en: 'interrupted by a server stop' },
});
export type RegistryImportStatus = ValueOf<typeof REGISTRY_IMPORT_STATUSES>;

/** Why a registry import set a row aside (registry_import_quarantine.reason_code). */
export const REGISTRY_IMPORT_REASONS = vocabulary({
  invalid_value: { ru: 'ошибка в значении', en: 'invalid value' },
  duplicate_in_file: { ru: 'повтор в файле', en: 'repeated in the file' },
  conflict: { ru: 'конфликт с более новой правкой', en: 'conflict with a newer edit' },
  forbidden_region: { ru: 'регион вне ваших прав', en: 'region not granted' },
  ambiguous_match: { ru: 'неоднозначное совпадение', en: 'ambiguous match' },
});
export type RegistryImportReason = ValueOf<typeof REGISTRY_IMPORT_REASONS>;

/** What a registry import reads (registry_import_mapping.entity, registry_import_job.entity). */
export const REGISTRY_IMPORT_ENTITIES = vocabulary({
  organisations: { ru: 'организации', en: 'organisations' },
  people: { ru: 'персоны и должности', en: 'people and positions' },
  sites: { ru: 'площадки и резиденты', en: 'sites and residents' },
  clusters: { ru: 'кластеры и участники', en: 'clusters and members' },
  contracts: { ru: 'кооперационные договоры', en: 'cooperation contracts' },
  statements: { ru: 'заявления', en: 'statements' },
});

/** Whether a set-aside row still waits (registry_import_quarantine.status). */
export const REGISTRY_IMPORT_ROW_STATUSES = vocabulary({
  open: { ru: 'ждёт исправления', en: 'open' },
  retried: { ru: 'повторена', en: 'retried' },
});

/** What a statistical dataset counts (statistical_dataset.measure). */
export const DATASET_MEASURES = vocabulary({
  employment: { ru: 'Занятость', en: 'Employment' },
  establishments: { ru: 'Число организаций', en: 'Establishments' },
  output: { ru: 'Выпуск', en: 'Output' },
});
export type DatasetMeasure = ValueOf<typeof DATASET_MEASURES>;

/** The regions a dataset is broken down by (statistical_dataset.region_level); labels read inside a sentence. */
export const REGION_LEVELS = vocabulary({
  federal_subject: { ru: 'субъекты РФ', en: 'federal subjects' },
  municipality: { ru: 'муниципальные образования', en: 'municipalities' },
});
export type RegionLevel = ValueOf<typeof REGION_LEVELS>;

/** How a dataset codes industries (statistical_dataset.industry_classification). */
export const INDUSTRY_CLASSIFICATIONS = vocabulary({
  okved2: { ru: 'коды ОКВЭД2', en: 'OKVED2 codes' },
  cluster_category: { ru: 'кластерные категории', en: 'cluster categories' },
});
export type IndustryClassification = ValueOf<typeof INDUSTRY_CLASSIFICATIONS>;

/** Traded or local cluster category (cluster_category.type). */
export const INDUSTRY_TYPES = vocabulary({
  traded: { ru: 'торгуемая', en: 'traded' },
  local: { ru: 'локальная', en: 'local' },
});
export type IndustryType = ValueOf<typeof INDUSTRY_TYPES>;
