import { z } from 'zod';
import {
  CLUSTER_KINDS,
  CLUSTER_STATUSES,
  EVENT_STATUSES,
  MEMBERSHIP_ROLES,
  ORGANISATION_KINDS,
  SEZ_TYPES,
  SITE_KINDS,
  SOURCE_KINDS,
} from '../domain/vocabulary.ts';
import { ClusterSchema, OrganisationSchema, PersonSchema, SiteSchema } from './registry.schema.ts';
import {
  innMatchesLegalForm,
  innProblem,
  kppProblem,
  legalFormProblem,
  ogrnProblem,
  okvedProblem,
  pastDateProblem,
} from '../validation/organisation-rules.ts';
import { EntityRefSchema, HttpUrlSchema, PartialDateSchema } from './common.schema.ts';

/**
 * Input schemas of the editing API, shared with the browser so forms validate
 * as the user types with exactly the server's rules. Messages are Russian and
 * attached to the field they concern.
 */

import { isoDate, optionalText, regionCode, text } from './fields.ts';

export const ProvenanceInputSchema = z.object({
  sourceId: z
    .number()
    .int()
    .positive()
    .nullable()
    .optional()
    .describe('Источник (документ) записи или факта'),
  sourceQuote: optionalText(2000, 'Цитата'),
});

const organisationFields = {
  kind: z.enum(ORGANISATION_KINDS.values, { message: 'Выберите вид организации' }),
  name: text(500, 'Название'),
  fullName: optionalText(1000, 'Полное название'),
  shortName: optionalText(200, 'Краткое название'),
  legalForm: optionalText(40, 'ОПФ'),
  inn: z.string().trim().nullable().optional(),
  ogrn: z.string().trim().nullable().optional(),
  kpp: z.string().trim().nullable().optional(),
  regionCode: regionCode.nullable().optional(),
  town: optionalText(200, 'Населённый пункт'),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'Код страны ISO 3166-1: две заглавные латинские буквы')
    .optional(),
  description: optionalText(5000, 'Описание'),
  aliases: z.array(text(500, 'Другое название')).max(50).optional(),
  okved: z
    .array(z.object({ code: z.string().trim(), isMain: z.boolean().default(false) }))
    .max(100, 'Не более 100 кодов ОКВЭД2')
    .optional(),
  published: z.boolean().optional(),
  ...ProvenanceInputSchema.shape,
};

type OrganisationFieldsValue = {
  legalForm?: string | null | undefined;
  inn?: string | null | undefined;
  ogrn?: string | null | undefined;
  kpp?: string | null | undefined;
  okved?: Array<{ code: string }> | undefined;
};

/** Cross-field rules: checksums, ОГРН and ИНН matching the legal form, ОКВЭД2 codes. */
function checkOrganisation(value: OrganisationFieldsValue, ctx: z.RefinementCtx) {
  const issue = (path: string, message: string | null) => {
    if (message) ctx.addIssue({ code: 'custom', path: [path], message });
  };
  if (value.legalForm) issue('legalForm', legalFormProblem(value.legalForm));
  if (value.inn)
    issue('inn', innProblem(value.inn) ?? innMatchesLegalForm(value.inn, value.legalForm));
  if (value.ogrn) issue('ogrn', ogrnProblem(value.ogrn, value.legalForm));
  if (value.kpp) issue('kpp', kppProblem(value.kpp));
  value.okved?.forEach((o, i) => {
    const problem = okvedProblem(o.code);
    if (problem) ctx.addIssue({ code: 'custom', path: ['okved', i, 'code'], message: problem });
  });
}

export const OrganisationCreateSchema = z.object(organisationFields).superRefine(checkOrganisation);
export const OrganisationUpdateSchema = z
  .object({
    ...organisationFields,
    version: z.number().int().min(1).describe('Версия, которую редактировали'),
  })
  .partial()
  .required({ version: true })
  .superRefine(checkOrganisation);
export type OrganisationCreate = z.infer<typeof OrganisationCreateSchema>;
export type OrganisationUpdate = z.infer<typeof OrganisationUpdateSchema>;

const personFields = {
  lastName: text(100, 'Фамилия'),
  firstName: optionalText(100, 'Имя'),
  patronymic: optionalText(100, 'Отчество'),
  published: z.boolean().optional(),
  ...ProvenanceInputSchema.shape,
};
export const PersonCreateSchema = z.object(personFields);
export const PersonUpdateSchema = z
  .object({ ...personFields, version: z.number().int().min(1) })
  .partial()
  .required({ version: true });

export const PositionCreateSchema = z
  .object({
    organisationId: z.number().int().positive().nullable().optional(),
    regionCode: regionCode.nullable().optional(),
    title: text(500, 'Должность'),
    asOf: PartialDateSchema.nullable()
      .optional()
      .describe('Дата, на которую должность подтверждена'),
    ...ProvenanceInputSchema.shape,
  })
  .refine((v) => v.organisationId || v.regionCode, {
    message: 'Укажите организацию или регион',
    path: ['organisationId'],
  });

const siteFields = {
  kind: z.enum(SITE_KINDS.values, { message: 'Выберите вид площадки' }),
  sezType: z.enum(SEZ_TYPES.values).nullable().optional(),
  name: text(500, 'Название'),
  fullName: optionalText(1000, 'Полное название'),
  aliases: z.array(text(500, 'Другое название')).max(50).optional(),
  regionCode: regionCode.nullable().optional(),
  town: optionalText(200, 'Населённый пункт'),
  managementOrganisationId: z.number().int().positive().nullable().optional(),
  specialisation: optionalText(2000, 'Специализация'),
  latitude: z.number().min(-90).max(90).nullable().optional(),
  longitude: z.number().min(-180).max(360).nullable().optional(),
  published: z.boolean().optional(),
  ...ProvenanceInputSchema.shape,
};
const sezTypeOnlyForSez = (v: { kind?: string | undefined; sezType?: string | null | undefined }) =>
  !v.sezType || v.kind === undefined || v.kind === 'sez';
export const SiteCreateSchema = z.object(siteFields).refine(sezTypeOnlyForSez, {
  message: 'Тип ОЭЗ указывается только для особой экономической зоны',
  path: ['sezType'],
});
export const SiteUpdateSchema = z
  .object({ ...siteFields, version: z.number().int().min(1) })
  .partial()
  .required({ version: true })
  .refine(sezTypeOnlyForSez, {
    message: 'Тип ОЭЗ указывается только для особой экономической зоны',
    path: ['sezType'],
  });

const clusterFields = {
  kind: z.enum(CLUSTER_KINDS.values, { message: 'Выберите вид кластера' }),
  status: z.enum(CLUSTER_STATUSES.values).optional(),
  name: text(500, 'Название'),
  fullName: optionalText(1000, 'Полное название'),
  aliases: z.array(text(500, 'Другое название')).max(50).optional(),
  regionCode: regionCode.nullable().optional(),
  specialisation: optionalText(2000, 'Специализация'),
  specialisedOrganisationId: z.number().int().positive().nullable().optional(),
  published: z.boolean().optional(),
  ...ProvenanceInputSchema.shape,
};
export const ClusterCreateSchema = z.object(clusterFields);
export const ClusterUpdateSchema = z
  .object({ ...clusterFields, version: z.number().int().min(1) })
  .partial()
  .required({ version: true });

export const ClusterMemberCreateSchema = z.object({
  organisationId: z.number().int().positive(),
  role: z.enum(MEMBERSHIP_ROLES.values).default('participant'),
  asOf: PartialDateSchema.nullable().optional(),
  ...ProvenanceInputSchema.shape,
});

export const StatementCreateSchema = z
  .object({
    subject: z.object({
      type: z.enum(['region', 'organisation', 'person', 'site', 'cluster', 'event', 'project']),
      id: z.string().min(1).max(20),
    }),
    property: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_]{1,60}$/, 'Свойство — латинские строчные буквы, цифры и _'),
    valueNumber: z.number().finite().nullable().optional(),
    valueText: optionalText(2000, 'Значение'),
    unit: optionalText(50, 'Единица'),
    qualifier: z
      .enum(['exact', 'about', 'more_than', 'less_than', 'up_to', 'at_least'])
      .default('exact'),
    asOf: PartialDateSchema.nullable().optional(),
    /** Today's date (ISO) as the client sees it; as-of dates may not lie after it. */
    ...ProvenanceInputSchema.shape,
  })
  .refine(
    (v) => (v.valueNumber !== undefined && v.valueNumber !== null ? true : Boolean(v.valueText)),
    {
      message: 'Укажите числовое или текстовое значение',
      path: ['valueNumber'],
    },
  );

export const SourceCreateSchema = z.object({
  kind: z.enum(SOURCE_KINDS.values),
  title: text(1000, 'Заголовок'),
  publisher: optionalText(500, 'Издатель'),
  published: PartialDateSchema.nullable().optional(),
  url: HttpUrlSchema.nullable().optional(),
  text: text(1_000_000, 'Текст'),
});

export const EventDateRuleSchema = z
  .object({ status: z.enum(EVENT_STATUSES.values), date: isoDate, today: isoDate })
  .superRefine((v, ctx) => {
    if (v.status === 'held') {
      const problem = pastDateProblem(v.date, v.today);
      if (problem) ctx.addIssue({ code: 'custom', path: ['date'], message: problem });
    }
  });

export const VersionSchema = z.object({ version: z.number().int().min(1) });

/** A nested record (position, membership, statement) as a conflict names it: which one and its version. */
export const RecordVersionSchema = z.object({ id: z.number().int(), version: z.number().int() });

export const ConflictResponseSchema = z.object({
  error: z.object({
    code: z.literal('conflict'),
    message: z.string(),
    messageEn: z.string(),
    current: z
      .union([OrganisationSchema, PersonSchema, SiteSchema, ClusterSchema, RecordVersionSchema])
      .describe(
        'Запись в её текущем виде (после чужого изменения) — в том же виде, что отдаёт её профиль; для вложенных записей (должность, участие, факт) — номер и версия',
      ),
    currentVersion: z.number().int(),
  }),
});

export const DuplicateResponseSchema = z.object({
  error: z.object({
    code: z.literal('duplicate'),
    message: z.string(),
    messageEn: z.string(),
    field: z.string(),
    existing: EntityRefSchema,
  }),
});

export const CreatedSchema = z.object({ id: z.number().int(), version: z.number().int() });
