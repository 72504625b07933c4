import { z } from 'zod';
import {
  EntityRefSchema,
  FactSchema,
  PartialDateSchema,
  RegionRefSchema,
  SourceRefSchema,
  pageOf,
} from './common.schema.ts';
import {
  CLUSTER_KINDS,
  CLUSTER_STATUSES,
  EVENT_KINDS,
  EVENT_STATUSES,
  LINK_ROLES,
  ORGANISATION_KINDS,
  PARTICIPATION_ROLES,
  PARTY_ROLES,
  PROJECT_KINDS,
  PROJECT_STATUSES,
  SEZ_TYPES,
  SITE_KINDS,
  SOURCE_KINDS,
} from '../domain/vocabulary.ts';

const Source = SourceRefSchema.nullable();
const Region = RegionRefSchema.nullable();
const Ref = EntityRefSchema;
const Facts = z.array(FactSchema);

// ---------- organisations ----------
export const OrganisationListItemSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  displayName: z.string().describe('Название с организационно-правовой формой: ОАО «Энергия»'),
  legalForm: z.string().nullable(),
  kind: z.enum(ORGANISATION_KINDS.values),
  region: Region,
  town: z.string().nullable(),
  inn: z.string().nullable(),
  ogrn: z.string().nullable(),
});
/** Counts stop here: beyond it a list says «более 10 000» (counting 300,000 rows exactly costs more than the page). */
export const ORGANISATION_COUNT_CAP = 10_000;
export const OrganisationPageSchema = pageOf(OrganisationListItemSchema).extend({
  totalCapped: z
    .boolean()
    .optional()
    .describe(
      'true: совпадений больше, чем total (подсчёт остановлен на 10 000); страницы дальше total не показываются',
    ),
});

export const RoleLinkSchema = z.object({
  role: z.enum(LINK_ROLES.values),
  target: Ref,
  asOf: PartialDateSchema.nullable(),
  source: Source,
});

export const OrganisationSchema = OrganisationListItemSchema.extend({
  version: z.number().int().describe('Версия записи: передавайте её при изменении'),
  published: z.boolean(),
  fullName: z.string().nullable(),
  shortName: z.string().nullable(),
  kpp: z.string().nullable(),
  country: z.string(),
  description: z.string().nullable(),
  aliases: z.array(z.string()),
  parent: Ref.nullable(),
  children: z.array(Ref),
  okved: z.array(z.object({ code: z.string(), name: z.string(), isMain: z.boolean() })),
  people: z.array(
    z.object({
      person: Ref,
      title: z.string(),
      asOf: PartialDateSchema.nullable(),
      source: Source,
    }),
  ),
  clusters: z.array(RoleLinkSchema),
  sites: z.array(RoleLinkSchema),
  events: z.array(RoleLinkSchema),
  agreements: z.array(RoleLinkSchema),
  actionPlans: z.array(RoleLinkSchema),
  projects: z.array(RoleLinkSchema),
  managedSites: z.array(Ref),
  facts: Facts,
  source: Source,
});

// ---------- people ----------
export const PositionSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  organisation: Ref.nullable(),
  region: Region,
  asOf: PartialDateSchema.nullable(),
  source: Source,
});
export const PersonListItemSchema = z.object({
  id: z.number().int(),
  fullName: z.string(),
  currentTitle: z.string().nullable().describe('Последняя известная должность'),
});
export const PersonPageSchema = pageOf(PersonListItemSchema);
export const PersonSchema = PersonListItemSchema.extend({
  version: z.number().int().describe('Версия записи: передавайте её при изменении'),
  published: z.boolean(),
  lastName: z.string(),
  firstName: z.string().nullable(),
  patronymic: z.string().nullable(),
  positions: z.array(PositionSchema),
  events: z.array(RoleLinkSchema),
  agreements: z.array(RoleLinkSchema),
  source: Source,
});

// ---------- sites ----------
export const SiteListItemSchema = z.object({
  id: z.number().int(),
  kind: z.enum(SITE_KINDS.values),
  sezType: z.enum(SEZ_TYPES.values).nullable(),
  name: z.string(),
  region: Region,
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
});
export const SitePageSchema = pageOf(SiteListItemSchema);
export const RatingPlaceSchema = z.object({
  rating: Ref,
  editionLabel: z.string(),
  editionNumber: z.number().int().nullable(),
  year: z.number().int(),
  peerGroup: z.string().nullable(),
  place: z.number().int(),
  kind: z.string(),
  source: Source,
});
export const SiteSchema = SiteListItemSchema.extend({
  version: z.number().int().describe('Версия записи: передавайте её при изменении'),
  published: z.boolean(),
  fullName: z.string().nullable(),
  aliases: z.array(z.string()),
  town: z.string().nullable(),
  specialisation: z.string().nullable(),
  managementCompany: Ref.nullable(),
  residents: z.array(RoleLinkSchema),
  ratings: z.array(RatingPlaceSchema),
  projects: z.array(Ref),
  facts: Facts,
  source: Source,
});

// ---------- clusters ----------
export const ClusterListItemSchema = z.object({
  id: z.number().int(),
  kind: z.enum(CLUSTER_KINDS.values),
  status: z.enum(CLUSTER_STATUSES.values),
  name: z.string(),
  region: Region,
  specialisation: z.string().nullable(),
});
export const ClusterPageSchema = pageOf(ClusterListItemSchema);
export const SupportAwardSchema = z.object({
  id: z.number().int(),
  version: z.number().int().describe('Версия записи: передавайте её при изменении'),
  provider: Ref.nullable(),
  measure: Ref.nullable(),
  amount: z.number().nullable(),
  qualifier: z.string(),
  currency: z.string(),
  programme: z.string().nullable(),
  projects: z.array(Ref),
  asOf: PartialDateSchema.nullable(),
  source: Source,
});
export const ClusterSchema = ClusterListItemSchema.extend({
  version: z.number().int().describe('Версия записи: передавайте её при изменении'),
  published: z.boolean(),
  fullName: z.string().nullable(),
  aliases: z.array(z.string()),
  specialisedOrganisation: Ref.nullable(),
  members: z.array(RoleLinkSchema),
  projects: z.array(Ref),
  support: z.array(SupportAwardSchema),
  events: z.array(Ref),
  facts: Facts,
  source: Source,
});

// ---------- events ----------
export const EventListItemSchema = z.object({
  id: z.number().int(),
  kind: z.enum(EVENT_KINDS.values),
  status: z.enum(EVENT_STATUSES.values),
  title: z.string(),
  date: PartialDateSchema.nullable(),
  region: Region,
});
export const EventPageSchema = pageOf(EventListItemSchema);
export const EventParticipantSchema = z.object({
  role: z.enum(PARTICIPATION_ROLES.values),
  organisation: Ref.nullable(),
  legalForm: z.string().nullable(),
  town: z.string().nullable(),
  organisationKind: z.enum(ORGANISATION_KINDS.values).nullable(),
  person: Ref.nullable(),
  positionTitle: z.string().nullable(),
  source: Source,
});
export const EventSchema = EventListItemSchema.extend({
  place: z.string().nullable(),
  participantCategories: z.array(z.string()),
  topics: z.array(z.string()),
  outcomes: z.array(z.string()),
  goals: z.array(z.string()),
  follows: Ref.nullable(),
  followedBy: z.array(Ref),
  participants: z.array(EventParticipantSchema),
  agreements: z.array(Ref),
  actionPlans: z.array(Ref),
  facts: Facts,
  source: Source,
});

// ---------- agreements and plans ----------
export const PartySchema = z.object({
  organisation: Ref.nullable(),
  region: Region,
  signatory: Ref.nullable(),
  signatoryTitle: z.string().nullable(),
  role: z.enum(PARTY_ROLES.values),
  source: Source,
});
export const AgreementListItemSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  date: PartialDateSchema.nullable(),
  parties: z.array(z.string()),
});
export const AgreementPageSchema = pageOf(AgreementListItemSchema);
export const AgreementSchema = AgreementListItemSchema.omit({ parties: true }).extend({
  place: z.string().nullable(),
  event: Ref.nullable(),
  directions: z.array(z.string()),
  parties: z.array(PartySchema),
  source: Source,
});
export const ActionPlanListItemSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  period: PartialDateSchema.nullable(),
  themes: z.array(z.string()),
});
export const ActionPlanPageSchema = pageOf(ActionPlanListItemSchema);
export const ActionPlanSchema = ActionPlanListItemSchema.extend({
  approvedAt: Ref.nullable(),
  parties: z.array(PartySchema),
  source: Source,
});

// ---------- projects ----------
export const ProjectListItemSchema = z.object({
  id: z.number().int(),
  kind: z.enum(PROJECT_KINDS.values),
  status: z.enum(PROJECT_STATUSES.values).nullable(),
  title: z.string(),
  region: Region,
  date: PartialDateSchema.nullable(),
});
export const ProjectPageSchema = pageOf(ProjectListItemSchema);
export const ProjectMilestoneSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  date: PartialDateSchema.nullable(),
  done: z.boolean(),
});
export const ProjectSchema = ProjectListItemSchema.extend({
  version: z.number().int().describe('Версия записи: передавайте её при изменении'),
  published: z.boolean(),
  description: z.string().nullable(),
  cluster: Ref.nullable(),
  site: Ref.nullable(),
  investmentRub: z.number().nullable().describe('Объём инвестиций, рублей'),
  jobs: z.number().int().nullable().describe('Создаваемые рабочие места'),
  participants: z.array(RoleLinkSchema),
  milestones: z.array(ProjectMilestoneSchema).describe('Этапы проекта со сроками'),
  support: z.array(SupportAwardSchema),
  facts: Facts,
  source: Source,
});

// ---------- regions ----------
export const RegionListItemSchema = z.object({
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
  kind: z.string(),
  okato: z.string().nullable(),
  oktmo: z.string().nullable(),
  isoCode: z.string().nullable(),
  federalDistrict: z.object({ code: z.string(), name: z.string() }),
  counts: z.object({
    organisations: z.number().int(),
    sites: z.number().int(),
    clusters: z.number().int(),
  }),
});
export const RegionPageSchema = pageOf(RegionListItemSchema);
export const RegionSchema = RegionListItemSchema.extend({
  aliases: z.array(z.string()),
  facts: Facts,
  sites: z.array(Ref),
  clusters: z.array(Ref),
  organisations: z
    .array(Ref)
    .describe('Первые 100 организаций региона; всего — counts.organisations'),
  events: z.array(Ref),
  agreements: z.array(Ref),
  actionPlans: z.array(Ref),
  projects: z.array(Ref),
  people: z.array(z.object({ person: Ref, title: z.string(), asOf: PartialDateSchema.nullable() })),
});

// ---------- sources ----------
export const SourceListItemSchema = z.object({
  id: z.number().int(),
  kind: z.enum(SOURCE_KINDS.values),
  title: z.string(),
  publisher: z.string().nullable(),
  published: PartialDateSchema.nullable(),
});
export const SourcePageSchema = pageOf(SourceListItemSchema);
export const CitationSchema = z.object({
  entity: Ref,
  what: z.string().describe('Что подтверждает цитата'),
  quote: z.string(),
  start: z.number().int().nullable(),
  end: z.number().int().nullable(),
});
export const SourceSchema = SourceListItemSchema.extend({
  url: z.string().nullable(),
  text: z.string(),
  citations: z.array(CitationSchema),
});

// ---------- ratings ----------
export const RatingSchema = z.object({
  id: z.number().int(),
  code: z.string().nullable(),
  name: z.string(),
  publisher: Ref.nullable(),
  objectType: z.string(),
  results: z.array(
    z.object({
      editionLabel: z.string(),
      editionNumber: z.number().int().nullable(),
      year: z.number().int(),
      peerGroup: z.string().nullable(),
      place: z.number().int(),
      kind: z.string(),
      object: Ref,
      source: Source,
    }),
  ),
  source: Source,
});
export const RatingListSchema = z.object({ items: z.array(RatingSchema) });

// ---------- okved ----------
export const OkvedItemSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: z.string(),
  section: z.string(),
  parentCode: z.string().nullable(),
});
export const OkvedListSchema = z.object({
  items: z.array(OkvedItemSchema),
  total: z.number().int(),
});

export type OrganisationListItem = z.infer<typeof OrganisationListItemSchema>;
export type Organisation = z.infer<typeof OrganisationSchema>;
export type Person = z.infer<typeof PersonSchema>;
export type PersonListItem = z.infer<typeof PersonListItemSchema>;
export type Site = z.infer<typeof SiteSchema>;
export type SiteListItem = z.infer<typeof SiteListItemSchema>;
export type Cluster = z.infer<typeof ClusterSchema>;
export type ClusterListItem = z.infer<typeof ClusterListItemSchema>;
export type Event = z.infer<typeof EventSchema>;
export type EventListItem = z.infer<typeof EventListItemSchema>;
export type Agreement = z.infer<typeof AgreementSchema>;
export type AgreementListItem = z.infer<typeof AgreementListItemSchema>;
export type ActionPlan = z.infer<typeof ActionPlanSchema>;
export type ActionPlanListItem = z.infer<typeof ActionPlanListItemSchema>;
export type Project = z.infer<typeof ProjectSchema>;
export type ProjectListItem = z.infer<typeof ProjectListItemSchema>;
export type Region = z.infer<typeof RegionSchema>;
export type RegionListItem = z.infer<typeof RegionListItemSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type SourceListItem = z.infer<typeof SourceListItemSchema>;
export type Rating = z.infer<typeof RatingSchema>;
export type RoleLink = z.infer<typeof RoleLinkSchema>;
export type EventParticipant = z.infer<typeof EventParticipantSchema>;
export type SupportAward = z.infer<typeof SupportAwardSchema>;
export type OkvedItem = z.infer<typeof OkvedItemSchema>;
