/**
 * Labels of the fields a record's history shows, in Russian and English, per
 * entity type (the table the audit entry is about), in display order. The
 * keys are the columns of the audit snapshots; `valid_period` stands for the
 * three period columns (valid_from, valid_to, valid_precision) shown as one
 * «По состоянию на». Columns without a label here (ids, versions, search
 * columns) are bookkeeping and not shown.
 */
export interface FieldLabel {
  ru: string;
  en: string;
}

const f = (ru: string, en: string): FieldLabel => ({ ru, en });

/** Fields every versioned record has. */
const RECORD = {
  published: f('Опубликовано', 'Published'),
  deleted_at: f('Удалено', 'Deleted'),
  source_id: f('Источник', 'Source'),
  source_quote: f('Цитата из источника', 'Quote from the source'),
};
const PERIOD = { valid_period: f('По состоянию на', 'As of') };

const organisation = {
  kind: f('Вид', 'Kind'),
  name: f('Название', 'Name'),
  full_name: f('Полное название', 'Full name'),
  short_name: f('Краткое название', 'Short name'),
  legal_form: f('ОПФ', 'Legal form'),
  inn: f('ИНН', 'INN'),
  ogrn: f('ОГРН', 'OGRN'),
  kpp: f('КПП', 'KPP'),
  okved: f('ОКВЭД2', 'OKVED2'),
  region_code: f('Регион', 'Region'),
  town: f('Населённый пункт', 'Town'),
  country: f('Страна', 'Country'),
  description: f('Описание', 'Description'),
  aliases: f('Другие названия', 'Other names'),
  parent_id: f('Головная организация', 'Parent organisation'),
  latitude: f('Широта', 'Latitude'),
  longitude: f('Долгота', 'Longitude'),
  ...RECORD,
};

const person = {
  last_name: f('Фамилия', 'Last name'),
  first_name: f('Имя', 'First name'),
  patronymic: f('Отчество', 'Patronymic'),
  aliases: f('Другие имена', 'Other names'),
  ...RECORD,
};

const site = {
  kind: f('Вид', 'Kind'),
  sez_type: f('Тип ОЭЗ', 'SEZ type'),
  name: f('Название', 'Name'),
  full_name: f('Полное название', 'Full name'),
  aliases: f('Другие названия', 'Other names'),
  region_code: f('Регион', 'Region'),
  town: f('Населённый пункт', 'Town'),
  management_organisation_id: f('Управляющая компания', 'Management company'),
  specialisation: f('Специализация', 'Specialisation'),
  latitude: f('Широта', 'Latitude'),
  longitude: f('Долгота', 'Longitude'),
  ...RECORD,
};

const cluster = {
  kind: f('Вид', 'Kind'),
  status: f('Статус', 'Status'),
  name: f('Название', 'Name'),
  full_name: f('Полное название', 'Full name'),
  aliases: f('Другие названия', 'Other names'),
  region_code: f('Регион', 'Region'),
  specialisation: f('Специализация', 'Specialisation'),
  specialised_organisation_id: f('Специализированная организация', 'Specialised organisation'),
  ...RECORD,
};

const region = {
  name: f('Название', 'Name'),
  short_name: f('Краткое название', 'Short name'),
  kind: f('Вид', 'Kind'),
  okato: f('ОКАТО', 'OKATO'),
  oktmo: f('ОКТМО', 'OKTMO'),
  iso_code: f('Код ISO', 'ISO code'),
  federal_district_code: f('Федеральный округ', 'Federal district'),
  aliases: f('Другие названия', 'Other names'),
};

const event = {
  kind: f('Вид', 'Kind'),
  status: f('Статус', 'Status'),
  title: f('Название', 'Title'),
  ...PERIOD,
  region_code: f('Регион', 'Region'),
  place: f('Место', 'Place'),
  participant_categories: f('Категории участников', 'Participant categories'),
  topics: f('Темы', 'Topics'),
  outcomes: f('Итоги', 'Outcomes'),
  goals: f('Цели', 'Goals'),
  planned_participants: f('Плановое число участников', 'Planned participants'),
  planned_participants_qualifier: f('Уточнение числа участников', 'Participants qualifier'),
  follows_event_id: f('Предыдущее мероприятие', 'Previous event'),
  ...RECORD,
};

const project = {
  kind: f('Вид', 'Kind'),
  status: f('Статус', 'Status'),
  title: f('Название', 'Title'),
  description: f('Описание', 'Description'),
  ...PERIOD,
  region_code: f('Регион', 'Region'),
  cluster_id: f('Кластер', 'Cluster'),
  site_id: f('Площадка', 'Site'),
  ...RECORD,
};

const position = {
  person_id: f('Персона', 'Person'),
  organisation_id: f('Организация', 'Organisation'),
  region_code: f('Регион', 'Region'),
  title: f('Должность', 'Position'),
  ...PERIOD,
  ...RECORD,
};

const cluster_member = {
  cluster_id: f('Кластер', 'Cluster'),
  organisation_id: f('Организация', 'Organisation'),
  role: f('Роль', 'Role'),
  ...PERIOD,
  ...RECORD,
};

const statement = {
  subject_type: f('Объект (тип)', 'Subject (type)'),
  subject_id: f('Объект', 'Subject'),
  property: f('Свойство', 'Property'),
  value_number: f('Значение', 'Value'),
  value_text: f('Значение', 'Value'),
  unit: f('Единица', 'Unit'),
  qualifier: f('Уточнение', 'Qualifier'),
  object_type: f('Связанный объект (тип)', 'Object (type)'),
  object_id: f('Связанный объект', 'Object'),
  ...PERIOD,
  ...RECORD,
};

export const HISTORY_FIELD_LABELS = {
  organisation,
  person,
  site,
  cluster,
  region,
  event,
  project,
  position,
  cluster_member,
  statement,
};

/** Entity types whose audit entries a history shows (the record's own and its children's). */
export type HistoryEntityType = keyof typeof HISTORY_FIELD_LABELS;

/** What the entries of a history are about, in Russian and English. */
export const HISTORY_ENTITY_LABELS: Record<HistoryEntityType, FieldLabel> = {
  organisation: f('Организация', 'Organisation'),
  person: f('Персона', 'Person'),
  site: f('Площадка', 'Site'),
  cluster: f('Кластер', 'Cluster'),
  region: f('Регион', 'Region'),
  event: f('Мероприятие', 'Event'),
  project: f('Проект', 'Project'),
  position: f('Должность', 'Position'),
  cluster_member: f('Участник кластера', 'Cluster member'),
  statement: f('Факт', 'Statement'),
};

export const isHistoryEntityType = (type: string): type is HistoryEntityType =>
  Object.hasOwn(HISTORY_FIELD_LABELS, type);

/** The label of a field of an entity type's snapshot, or null for a bookkeeping column. */
export function historyFieldLabel(entityType: string, field: string): FieldLabel | null {
  if (!isHistoryEntityType(entityType)) return null;
  const labels: Record<string, FieldLabel> = HISTORY_FIELD_LABELS[entityType];
  return Object.hasOwn(labels, field) ? labels[field]! : null;
}
