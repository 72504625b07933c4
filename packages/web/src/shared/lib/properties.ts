/**
 * Statement properties offered in «Добавить факт», with the kind of value,
 * the usual unit and the records they describe. Labels match the server's
 * (server/src/registry/shared/facts.ts); any other lowercase key is accepted.
 */
export interface PropertyInfo {
  key: string;
  label: string;
  value: 'number' | 'text';
  unit?: string;
  subjects: ReadonlyArray<
    'organisation' | 'site' | 'cluster' | 'region' | 'person' | 'event' | 'project'
  >;
}

export const PROPERTIES: readonly PropertyInfo[] = [
  { key: 'residents', label: 'Резиденты', value: 'number', unit: 'резидентов', subjects: ['site'] },
  {
    key: 'plants_to_open',
    label: 'Новых заводов откроется в этом году',
    value: 'number',
    unit: 'заводов',
    subjects: ['site', 'region'],
  },
  {
    key: 'employees',
    label: 'Численность работников',
    value: 'number',
    unit: 'человек',
    subjects: ['organisation', 'site', 'cluster', 'region'],
  },
  {
    key: 'investment',
    label: 'Объём инвестиций',
    value: 'number',
    unit: 'RUB',
    subjects: ['organisation', 'site', 'cluster', 'region', 'project'],
  },
  { key: 'revenue', label: 'Выручка', value: 'number', unit: 'RUB', subjects: ['organisation'] },
  {
    key: 'participants',
    label: 'Число участников',
    value: 'number',
    unit: 'участников',
    subjects: ['cluster', 'event'],
  },
  {
    key: 'planned_participants',
    label: 'Планируемое число участников',
    value: 'number',
    unit: 'участников',
    subjects: ['event'],
  },
  {
    key: 'supported_projects',
    label: 'Проектов поддержано',
    value: 'number',
    unit: 'проектов',
    subjects: ['cluster', 'region'],
  },
  {
    key: 'support_total',
    label: 'Общая сумма поддержки',
    value: 'number',
    unit: 'RUB',
    subjects: ['cluster', 'organisation', 'project'],
  },
  {
    key: 'education_production_clusters',
    label: 'Образовательно-производственные кластеры',
    value: 'number',
    unit: 'кластеров',
    subjects: ['region'],
  },
  {
    key: 'education_clusters',
    label: 'Образовательные кластеры',
    value: 'number',
    unit: 'кластеров',
    subjects: ['region'],
  },
  { key: 'key_industry', label: 'Ключевая отрасль', value: 'text', subjects: ['region'] },
  {
    key: 'cooperation',
    label: 'Сотрудничество',
    value: 'text',
    subjects: ['region', 'organisation'],
  },
  {
    key: 'note',
    label: 'Примечание',
    value: 'text',
    subjects: ['organisation', 'site', 'cluster', 'region', 'person', 'event', 'project'],
  },
];

const BY_KEY = new Map(PROPERTIES.map((p) => [p.key, p]));

export function propertyInfo(key: string): PropertyInfo | undefined {
  return BY_KEY.get(key);
}

export function propertyLabel(key: string): string {
  return BY_KEY.get(key)?.label ?? key;
}
