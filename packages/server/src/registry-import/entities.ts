import { ValidationError } from '../shared/domain-errors.ts';
import type { FieldIssue, FieldSet } from './field-kit.ts';
import { ORGANISATION_FIELDS, validateOrganisation } from './organisation-fields.ts';
import { PERSON_FIELDS, validatePerson } from './person-fields.ts';
import { SITE_FIELDS, validateSite } from './site-fields.ts';
import { CLUSTER_FIELDS, validateCluster } from './cluster-fields.ts';
import { CONTRACT_FIELDS, validateContract } from './contract-fields.ts';
import { STATEMENT_FIELDS, validateStatement } from './statement-fields.ts';

export const ENTITIES = [
  'organisations',
  'people',
  'sites',
  'clusters',
  'contracts',
  'statements',
] as const;
export type RegistryEntity = (typeof ENTITIES)[number];

export interface ValidationContext {
  /** Known ОКВЭД2 codes (the classifier in the database). */
  okved: ReadonlySet<string>;
  /** Today (YYYY-MM-DD): a fact cannot be dated later. */
  today: string;
}

export type Validated =
  { candidate: unknown; warnings: FieldIssue[] } | { issues: FieldIssue[]; warnings: FieldIssue[] };

/**
 * What the generic pipeline needs of an entity: its fields (with the header
 * spellings the suggestions use), the fields a mapping must include (at
 * least one of each group), and the check of one row's values.
 */
export interface EntityDefinition {
  entity: RegistryEntity;
  /** The list's name as the command line and the page say it. */
  label: { ru: string; en: string };
  fields: FieldSet;
  required: Array<{ anyOf: readonly string[]; ru: string; en: string }>;
  validate(values: Partial<Record<string, string>>, ctx: ValidationContext): Validated;
}

export const DEFINITIONS: Record<RegistryEntity, EntityDefinition> = {
  organisations: {
    entity: 'organisations',
    label: { ru: 'Организации', en: 'Organisations' },
    fields: ORGANISATION_FIELDS,
    required: [
      {
        anyOf: ['name', 'fullName'],
        ru: 'не выбран столбец с наименованием организации («Наименование» или «Полное наименование»)',
        en: 'no column is mapped to the organisation name ("Name" or "Full name")',
      },
    ],
    validate: (values, ctx) => validateOrganisation(values, ctx),
  },
  people: {
    entity: 'people',
    label: { ru: 'Персоны', en: 'People' },
    fields: PERSON_FIELDS,
    required: [
      {
        anyOf: ['lastName', 'fullName'],
        ru: 'не выбран столбец с фамилией («ФИО» или «Фамилия»)',
        en: 'no column is mapped to the last name ("Full name" or "Last name")',
      },
    ],
    validate: (values) => validatePerson(values),
  },
  sites: {
    entity: 'sites',
    label: { ru: 'Площадки', en: 'Sites' },
    fields: SITE_FIELDS,
    required: [
      {
        anyOf: ['name', 'fullName'],
        ru: 'не выбран столбец с наименованием площадки',
        en: 'no column is mapped to the site name',
      },
    ],
    validate: (values) => validateSite(values),
  },
  clusters: {
    entity: 'clusters',
    label: { ru: 'Кластеры', en: 'Clusters' },
    fields: CLUSTER_FIELDS,
    required: [
      {
        anyOf: ['name', 'fullName'],
        ru: 'не выбран столбец с наименованием кластера',
        en: 'no column is mapped to the cluster name',
      },
    ],
    validate: (values) => validateCluster(values),
  },
  contracts: {
    entity: 'contracts',
    label: { ru: 'Договоры кооперации', en: 'Cooperation contracts' },
    fields: CONTRACT_FIELDS,
    required: [
      {
        anyOf: ['buyerInn', 'buyer'],
        ru: 'не выбран столбец с покупателем (ИНН или наименование)',
        en: 'no column is mapped to the buyer (INN or name)',
      },
      {
        anyOf: ['supplierInn', 'supplier'],
        ru: 'не выбран столбец с поставщиком (ИНН или наименование)',
        en: 'no column is mapped to the supplier (INN or name)',
      },
      {
        anyOf: ['signedOn'],
        ru: 'не выбран столбец с датой подписания',
        en: 'no column is mapped to the signing date',
      },
    ],
    validate: (values) => validateContract(values),
  },
  statements: {
    entity: 'statements',
    label: { ru: 'Факты', en: 'Statements' },
    fields: STATEMENT_FIELDS,
    required: [
      {
        anyOf: ['property'],
        ru: 'не выбран столбец с показателем',
        en: 'no column is mapped to the property',
      },
      {
        anyOf: ['value'],
        ru: 'не выбран столбец со значением',
        en: 'no column is mapped to the value',
      },
    ],
    validate: (values, ctx) => validateStatement(values, ctx.today),
  },
};

export const isRegistryEntity = (value: string): value is RegistryEntity =>
  (ENTITIES as readonly string[]).includes(value);

export const isFieldOf = (entity: RegistryEntity, key: string): boolean =>
  Object.hasOwn(DEFINITIONS[entity].fields, key);

/** Guards the entity named by a request or the command line. */
export function entityOf(value: string): RegistryEntity {
  if (isRegistryEntity(value)) return value;
  throw new ValidationError(
    `Импорт «${value}» не поддерживается: поддерживаются ${ENTITIES.join(', ')}`,
    `Importing "${value}" is not supported: supported are ${ENTITIES.join(', ')}`,
    {
      code: 'unsupported_entity',
      fields: [{ field: 'entity', message: 'не поддерживается', messageEn: 'not supported' }],
    },
  );
}
