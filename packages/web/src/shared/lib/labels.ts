import {
  CLUSTER_KINDS,
  CLUSTER_STATUSES,
  ENTITY_TYPES,
  EVENT_KINDS,
  EVENT_STATUSES,
  LINK_ROLES,
  ORGANISATION_KINDS,
  PROJECT_KINDS,
  PROJECT_STATUSES,
  SEZ_TYPES,
  SITE_KINDS,
  SOURCE_KINDS,
} from '@promatlas/core/domain/vocabulary.ts';

/**
 * Label of a vocabulary key in the interface language (Russian; the English
 * labels serve the API and exports). An unknown key is shown as it is rather
 * than hidden.
 */
export function label(
  vocabulary: { label(value: string | null | undefined): string },
  key: string | null | undefined,
): string {
  return vocabulary.label(key);
}

/** Roles in memberships, participations, parties and projects share one namespace in core. */
export function roleLabel(role: string): string {
  return LINK_ROLES.label(role);
}

export const entityTypeLabel = (type: string) => label(ENTITY_TYPES, type) || 'Запись';

/** Plural headings for search groups and tabs. */
export const ENTITY_TYPE_PLURALS: Record<string, string> = {
  region: 'Регионы',
  organisation: 'Организации',
  person: 'Люди',
  site: 'Площадки',
  cluster: 'Кластеры',
  event: 'Мероприятия',
  agreement: 'Соглашения',
  action_plan: 'Планы действий',
  project: 'Проекты',
  source: 'Источники',
  rating: 'Рейтинги',
  support_measure: 'Меры поддержки',
};

export const SEARCH_TYPE_ORDER = [
  'region',
  'site',
  'cluster',
  'organisation',
  'event',
  'person',
  'agreement',
  'action_plan',
  'project',
  'source',
] as const;

export {
  CLUSTER_KINDS,
  CLUSTER_STATUSES,
  EVENT_KINDS,
  EVENT_STATUSES,
  ORGANISATION_KINDS,
  PROJECT_KINDS,
  PROJECT_STATUSES,
  SEZ_TYPES,
  SITE_KINDS,
  SOURCE_KINDS,
};
