import {
  CLUSTER_KINDS,
  CLUSTER_STATUSES,
  ENTITY_TYPES,
  EVENT_KINDS,
  EVENT_STATUSES,
  MEMBERSHIP_ROLES,
  ORGANISATION_KINDS,
  PARTICIPATION_ROLES,
  PARTY_ROLES,
  PROJECT_KINDS,
  PROJECT_STATUSES,
  SEZ_TYPES,
  SITE_KINDS,
  SOURCE_KINDS,
} from '@promatlas/core/domain/vocabulary.ts';

/** Label of a vocabulary key; an unknown key is shown as it is rather than hidden. */
export function label(
  vocabulary: { labels: Record<string, string> },
  key: string | null | undefined,
): string {
  if (!key) return '';
  return vocabulary.labels[key] ?? key;
}

const EXTRA_ROLES: Record<string, string> = {
  investor: 'Инвестор',
  object: 'Объект проекта',
  member: 'Участник',
};

/** Roles in memberships, participations and parties share one namespace in the UI. */
export function roleLabel(role: string): string {
  return (
    (PARTICIPATION_ROLES.labels as Record<string, string>)[role] ??
    (MEMBERSHIP_ROLES.labels as Record<string, string>)[role] ??
    (PARTY_ROLES.labels as Record<string, string>)[role] ??
    EXTRA_ROLES[role] ??
    role
  );
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
