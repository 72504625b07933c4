import { z } from 'zod';
import {
  ACCOUNT_ROLES,
  AUDIT_ACTIONS,
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

const text = (max: number, label: string) =>
  z
    .string()
    .trim()
    .min(1, `${label}: заполните поле`)
    .max(max, `${label}: не длиннее ${max} символов`);
const optionalText = (max: number, label: string) =>
  z.string().trim().max(max, `${label}: не длиннее ${max} символов`).nullable().optional();
const regionCode = z.string().regex(/^\d{2,5}$/, 'Код региона — 2–5 цифр ОКАТО, например 42');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Дата в формате ГГГГ-ММ-ДД');

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

export const ROLES = ACCOUNT_ROLES.values;
export const ROLE_LABELS: Record<(typeof ROLES)[number] | 'public', string> = {
  ...ACCOUNT_ROLES.labels,
  public: 'Читатель (без входа)',
};

export const LoginSchema = z.object({
  email: z.string().trim().toLowerCase().email('Введите адрес электронной почты').max(320),
  password: z.string().min(1, 'Введите пароль').max(1000),
  totpCode: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'Код из приложения — 6 цифр')
    .optional()
    .describe('Код второго фактора (TOTP), если он включён'),
});

/**
 * The length of a password, as the browser can check it; the server also
 * refuses one repeated character, the e-mail, common and easily guessed
 * passwords, field by field in Russian and English (auth/password-policy.ts).
 */
export const PasswordSchema = z
  .string()
  .min(12, 'Пароль не короче 12 символов')
  .max(1000, 'Пароль не длиннее 1000 символов');

export const PasswordChangeSchema = z.object({
  currentPassword: z.string().min(1, 'Введите текущий пароль').max(1000),
  newPassword: PasswordSchema,
});

export const TotpCodeSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'Код из приложения — 6 цифр'),
});

export const TotpEnrolmentSchema = z.object({
  secret: z.string().describe('Секрет в base32 — для ручного ввода в приложение'),
  uri: z.string().describe('otpauth:// URI'),
  qrSvg: z.string().describe('QR-код URI в виде SVG'),
});

export const UserCreateSchema = z
  .object({
    email: z.string().trim().toLowerCase().email('Введите адрес электронной почты').max(320),
    displayName: text(200, 'Имя'),
    role: z.enum(ROLES),
    regions: z.array(regionCode).max(89).default([]),
    password: PasswordSchema,
    mustChangePassword: z
      .boolean()
      .default(false)
      .describe('Потребовать смены пароля при первом входе'),
  })
  .refine((u) => u.role !== 'regional_editor' || u.regions.length > 0, {
    message: 'Региональному редактору нужен хотя бы один регион',
    path: ['regions'],
  });

export const UserSchema = z.object({
  id: z.number().int(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  regions: z.array(z.string()),
  disabled: z.boolean(),
  mustChangePassword: z.boolean().describe('Пароль нужно сменить, прежде чем работать дальше'),
  totpEnabled: z.boolean().describe('Включён второй фактор (TOTP)'),
});
export type User = z.infer<typeof UserSchema>;

export const SessionInfoSchema = z.object({
  id: z.number().int(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean().describe('Сессия этого запроса'),
});
export type SessionInfo = z.infer<typeof SessionInfoSchema>;
export const SessionListSchema = z.object({ items: z.array(SessionInfoSchema) });

/** A date that exists (2026-02-30 is refused here, not by the database). */
const calendarDate = isoDate.refine(
  (v) => !Number.isNaN(Date.parse(v)) && new Date(v).toISOString().slice(0, 10) === v,
  { message: 'Такой даты нет в календаре' },
);

export const AuditSearchQuerySchema = z.object({
  trail: z
    .enum(['all', 'changes', 'security'])
    .default('all')
    .describe('changes — изменения записей, security — события безопасности'),
  userId: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .describe('Кто действовал (или о ком событие)'),
  action: z.string().trim().max(60).optional(),
  entityType: z.string().trim().max(60).optional(),
  entityId: z.string().trim().max(60).optional(),
  from: calendarDate.optional(),
  to: calendarDate.optional().describe('Включительно'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditSearchQuery = z.infer<typeof AuditSearchQuerySchema>;

export const AuditRowSchema = z.object({
  trail: z.enum(['changes', 'security']),
  id: z.number().int(),
  at: z.string(),
  user: z.object({ id: z.number().int(), displayName: z.string() }).nullable(),
  action: z.string(),
  entity: z.object({ type: z.string(), id: z.string() }).nullable(),
  email: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditRow = z.infer<typeof AuditRowSchema>;
export const AuditSearchResultSchema = z.object({
  items: z.array(AuditRowSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const ViewerSchema = z.object({
  user: UserSchema.nullable(),
  csrfToken: z
    .string()
    .nullable()
    .describe('Передавайте в заголовке X-CSRF-Token при каждом изменяющем запросе'),
  totpRequired: z
    .boolean()
    .optional()
    .describe('Этому пользователю нужно подключить второй фактор, прежде чем работать дальше'),
});

const FieldLabelSchema = z
  .object({ ru: z.string(), en: z.string() })
  .describe('Подпись на русском и английском');

export const AuditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  user: z.object({ id: z.number().int(), displayName: z.string() }).nullable(),
  action: z.enum(AUDIT_ACTIONS.values),
  entity: z.object({
    type: z.string().describe('Таблица записи: organisation, statement, position, cluster_member…'),
    id: z.string(),
  }),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
  source: z.object({ id: z.number().int(), title: z.string() }).nullable(),
  entityLabel: FieldLabelSchema.nullable().describe(
    'Что это за запись (организация, должность, факт…), по-русски и по-английски',
  ),
  fieldLabels: z
    .record(z.string(), FieldLabelSchema)
    .describe(
      'Подписи полей этой записи в порядке показа; valid_period — период актуальности ' +
        '(valid_from, valid_to, valid_precision) одной строкой. Поля без подписи — служебные, не показываются',
    ),
});
export const HistorySchema = z.object({ items: z.array(AuditEntrySchema) });
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

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
