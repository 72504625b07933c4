import { z } from 'zod';
import { EntityRefSchema, PageQuerySchema } from '../common.schema.ts';
import {
  ActionPlanPageSchema,
  ActionPlanSchema,
  AgreementPageSchema,
  AgreementSchema,
  ClusterPageSchema,
  ClusterSchema,
  EventPageSchema,
  EventSchema,
  OkvedListSchema,
  OrganisationPageSchema,
  OrganisationSchema,
  PersonPageSchema,
  PersonSchema,
  ProjectPageSchema,
  ProjectSchema,
  RegionPageSchema,
  RegionSchema,
  SiteListItemSchema,
  SitePageSchema,
  SiteSchema,
  SourcePageSchema,
  SourceSchema,
} from '../registry.schema.ts';
import { SearchQuerySchema, SearchResponseSchema } from '../search.schema.ts';
import {
  CLUSTER_KINDS,
  CLUSTER_STATUSES,
  EVENT_KINDS,
  ORGANISATION_KINDS,
  PROJECT_KINDS,
  SEZ_TYPES,
  SITE_KINDS,
} from '../../domain/vocabulary.ts';
import { defineRoute, IdParamsSchema, listQuerySchema, RegionCodeParamsSchema } from './kit.ts';

// The registry's read routes: lists, profiles, search, the map and reference lists.

export const searchRoute = defineRoute({
  method: 'GET',
  path: '/api/search',
  query: SearchQuerySchema,
  response: SearchResponseSchema,
});

export const listOrganisationsRoute = defineRoute({
  method: 'GET',
  path: '/api/organisations',
  query: listQuerySchema(['name', '-name', 'region', '-region', 'inn', '-inn'], {
    kind: z.enum(ORGANISATION_KINDS.values).optional().describe('Вид организации'),
    legalForm: z
      .string()
      .max(20)
      .optional()
      .describe('Организационно-правовая форма: ООО, АО, ПАО…'),
    okved: z
      .string()
      .regex(
        /^([A-U]|\d{2}(\.\d{1,2}){0,3})$/,
        'Код ОКВЭД2: буква раздела (C) или код вида 25, 25.1, 25.11',
      )
      .optional()
      .describe('Код ОКВЭД2 или раздел; включает подчинённые коды'),
  }),
  response: OrganisationPageSchema,
});

export const getOrganisationRoute = defineRoute({
  method: 'GET',
  path: '/api/organisations/:id',
  params: IdParamsSchema,
  response: OrganisationSchema,
});

export const similarOrganisationsRoute = defineRoute({
  method: 'GET',
  path: '/api/organisations/similar',
  query: z.object({
    name: z.string().trim().min(2).max(500),
    region: z
      .string()
      .regex(/^\d{2,5}$/)
      .optional(),
  }),
  response: z.object({ items: z.array(EntityRefSchema.extend({ similarity: z.number() })) }),
});

export const listRegionsRoute = defineRoute({
  method: 'GET',
  path: '/api/regions',
  query: PageQuerySchema.extend({
    pageSize: z.coerce.number().int().min(1).max(200).default(100),
    sort: z.enum(['name', '-name', 'okato', '-okato']).default('name'),
    federalDistrict: z
      .string()
      .max(10)
      .optional()
      .describe('Код федерального округа: CFD, NWFD, …'),
    q: z.string().trim().max(200).optional(),
  }),
  response: RegionPageSchema,
});

export const getRegionRoute = defineRoute({
  method: 'GET',
  path: '/api/regions/:code',
  params: RegionCodeParamsSchema,
  response: RegionSchema,
});

export const mapSitesRoute = defineRoute({
  method: 'GET',
  path: '/api/map/sites',
  response: z.object({ items: z.array(SiteListItemSchema) }),
});

export const listPeopleRoute = defineRoute({
  method: 'GET',
  path: '/api/people',
  query: listQuerySchema(['name', '-name']),
  response: PersonPageSchema,
});

export const getPersonRoute = defineRoute({
  method: 'GET',
  path: '/api/people/:id',
  params: IdParamsSchema,
  response: PersonSchema,
});

export const listSitesRoute = defineRoute({
  method: 'GET',
  path: '/api/sites',
  query: listQuerySchema(['name', '-name'], {
    kind: z
      .enum(SITE_KINDS.values)
      .optional()
      .describe('Вид площадки: sez, technopark, industrial_park, tor'),
    sezType: z.enum(SEZ_TYPES.values).optional().describe('Тип ОЭЗ по 116-ФЗ'),
  }),
  response: SitePageSchema,
});

export const getSiteRoute = defineRoute({
  method: 'GET',
  path: '/api/sites/:id',
  params: IdParamsSchema,
  response: SiteSchema,
});

export const listClustersRoute = defineRoute({
  method: 'GET',
  path: '/api/clusters',
  query: listQuerySchema(['name', '-name'], {
    kind: z.enum(CLUSTER_KINDS.values).optional().describe('Вид кластера'),
    status: z.enum(CLUSTER_STATUSES.values).optional().describe('Статус: forming или operating'),
  }),
  response: ClusterPageSchema,
});

export const getClusterRoute = defineRoute({
  method: 'GET',
  path: '/api/clusters/:id',
  params: IdParamsSchema,
  response: ClusterSchema,
});

export const listEventsRoute = defineRoute({
  method: 'GET',
  path: '/api/events',
  query: listQuerySchema(['-date', 'date', 'title', '-title'], {
    kind: z.enum(EVENT_KINDS.values).optional().describe('Вид мероприятия'),
  }),
  response: EventPageSchema,
});

export const getEventRoute = defineRoute({
  method: 'GET',
  path: '/api/events/:id',
  params: IdParamsSchema,
  response: EventSchema,
});

/** Agreements and action plans are listed newest first, by the same query. */
const ProgrammeListQuery = listQuerySchema(['-date', 'date', 'title', '-title']);

export const listAgreementsRoute = defineRoute({
  method: 'GET',
  path: '/api/agreements',
  query: ProgrammeListQuery,
  response: AgreementPageSchema,
});

export const getAgreementRoute = defineRoute({
  method: 'GET',
  path: '/api/agreements/:id',
  params: IdParamsSchema,
  response: AgreementSchema,
});

export const listActionPlansRoute = defineRoute({
  method: 'GET',
  path: '/api/action-plans',
  query: ProgrammeListQuery,
  response: ActionPlanPageSchema,
});

export const getActionPlanRoute = defineRoute({
  method: 'GET',
  path: '/api/action-plans/:id',
  params: IdParamsSchema,
  response: ActionPlanSchema,
});

export const listProjectsRoute = defineRoute({
  method: 'GET',
  path: '/api/projects',
  query: listQuerySchema(['title', '-title'], {
    kind: z.enum(PROJECT_KINDS.values).optional(),
  }),
  response: ProjectPageSchema,
});

export const getProjectRoute = defineRoute({
  method: 'GET',
  path: '/api/projects/:id',
  params: IdParamsSchema,
  response: ProjectSchema,
});

export const listSourcesRoute = defineRoute({
  method: 'GET',
  path: '/api/sources',
  query: PageQuerySchema.extend({
    sort: z.enum(['-date', 'date', 'title', '-title']).default('-date'),
    q: z.string().trim().max(200).optional(),
  }),
  response: SourcePageSchema,
});

export const getSourceRoute = defineRoute({
  method: 'GET',
  path: '/api/sources/:id',
  params: IdParamsSchema,
  response: SourceSchema,
});

export const listOkvedRoute = defineRoute({
  method: 'GET',
  path: '/api/okved',
  query: z.object({
    parent: z.string().max(10).optional(),
    q: z.string().trim().min(1).max(100).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(200),
  }),
  response: OkvedListSchema,
});

/** What the choropleth counts per federal subject. */
export const MapMeasureSchema = z.enum([
  'organisations',
  'sites',
  'clusters',
  'events',
  'projects',
]);

export const mapRegionsRoute = defineRoute({
  method: 'GET',
  path: '/api/map/regions',
  query: z.object({ measure: MapMeasureSchema.default('organisations') }),
  response: z.object({
    measure: MapMeasureSchema,
    label: z.string(),
    items: z.array(z.object({ code: z.string(), name: z.string(), value: z.number() })),
  }),
});
