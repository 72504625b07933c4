import type {
  ActionPlanListItem,
  AgreementListItem,
  ClusterListItem,
  EventListItem,
  PersonListItem,
  ProjectListItem,
  RegionListItem,
  SiteListItem,
  SourceListItem,
} from '@promatlas/core/api/registry.schema.ts';
import type { SearchItem } from '@promatlas/core/api/search.schema.ts';
import type { RatingEditionList } from '@promatlas/core/api/ratings.schema.ts';
import {
  CLUSTER_KINDS,
  CLUSTER_STATUSES,
  ENTITY_TYPES,
  EVENT_KINDS,
  EVENT_STATUSES,
  ORGANISATION_KINDS,
  PROJECT_KINDS,
  PROJECT_STATUSES,
  SEZ_TYPES,
  SITE_KINDS,
  SOURCE_KINDS,
  type ClusterKind,
  type ClusterStatus,
  type EventKind,
  type Locale,
  type OrganisationKind,
  type ProjectKind,
  type SezType,
  type SiteKind,
} from '@promatlas/core/domain/vocabulary.ts';
import type { Db } from '../db/connection.ts';
import type { ReadSchema } from '../db/read-db.ts';
import { parseSort, regionCodes } from '../registry/shared/list-query.ts';
import { organisationDisplayName } from '../registry/shared/mappers.ts';
import {
  organisationExportRows,
  organisationIdsInListOrder,
} from '../registry/organisations/index.ts';
import { listPeople } from '../registry/people/index.ts';
import { listSites } from '../registry/sites/index.ts';
import { listClusters } from '../clusters/registry/index.ts';
import { listEvents } from '../registry/events/index.ts';
import { listAgreements } from '../registry/agreements/index.ts';
import { listActionPlans } from '../registry/action-plans/index.ts';
import { listProjects } from '../registry/projects/index.ts';
import { listRegions } from '../registry/regions/index.ts';
import { listSources } from '../registry/sources/index.ts';
import { searchRegistry } from '../search/index.ts';
import { listEditions } from '../ratings/index.ts';
import { MAP_MEASURES, regionMeasure, type MapMeasure } from '../map/index.ts';
import { partialDateCell, type Bilingual, type CellValue } from './export-format.ts';
import { pointOf, type ExportGeometry } from './geojson-writer.ts';

/** A column whose value may depend on the language of the export (vocabulary labels). */
export interface ListColumn<Row> {
  key: string;
  ru: string;
  en: string;
  type: 'text' | 'integer' | 'number' | 'date' | 'boolean';
  width?: number;
  value: (row: Row, lang: Locale) => CellValue;
}

/** How one list is exported: its columns, its rows in batches (same filters and order as its page), its location if any. */
export interface ListExport<Query, Row> {
  /** The list's name in URLs and file names: organisations, action-plans… */
  name: string;
  title: Bilingual;
  columns: readonly ListColumn<Row>[];
  batches(
    db: Db,
    query: Query,
    context: { schema: ReadSchema; batchSize: number },
  ): AsyncIterable<Row[]>;
  locate?: (row: Row) => ExportGeometry | null;
}

/**
 * The rows of a list read page by page through the list's own use case, so
 * the export has exactly its filters, sort and visibility. For the lists that
 * stay small (hundreds to thousands of records); a list that can reach
 * hundreds of thousands reads by ids instead (organisations).
 */
async function* pagesOf<Item>(
  fetch: (page: number, pageSize: number) => Promise<{ items: Item[] }>,
  pageSize: number,
): AsyncGenerator<Item[]> {
  for (let page = 1; ; page++) {
    const { items } = await fetch(page, pageSize);
    if (items.length) yield items;
    if (items.length < pageSize) return;
  }
}

const regionColumns = <
  Row extends { region: { code: string; name: string } | null },
>(): ListColumn<Row>[] => [
  {
    key: 'regionCode',
    ru: 'Код региона',
    en: 'Region code',
    type: 'text',
    width: 12,
    value: (r) => r.region?.code ?? null,
  },
  {
    key: 'region',
    ru: 'Регион',
    en: 'Region',
    type: 'text',
    width: 32,
    value: (r) => r.region?.name ?? null,
  },
];
const idColumn = <Row extends { id: number }>(): ListColumn<Row> => ({
  key: 'id',
  ru: 'Идентификатор',
  en: 'ID',
  type: 'integer',
  width: 10,
  value: (r) => r.id,
});

// ---- organisations ----

export interface OrganisationExportQuery {
  region?: string | undefined;
  kind?: OrganisationKind | undefined;
  legalForm?: string | undefined;
  okved?: string | undefined;
  q?: string | undefined;
  sort: string;
}
type OrganisationRow = Awaited<ReturnType<typeof organisationExportRows>>[number];

export const organisationsExport: ListExport<OrganisationExportQuery, OrganisationRow> = {
  name: 'organisations',
  title: { ru: 'Организации', en: 'Organisations' },
  columns: [
    idColumn(),
    {
      key: 'name',
      ru: 'Наименование',
      en: 'Name',
      type: 'text',
      width: 44,
      value: (r) => organisationDisplayName(r),
    },
    {
      key: 'fullName',
      ru: 'Полное наименование',
      en: 'Full name',
      type: 'text',
      width: 50,
      value: (r) => r.full_name,
    },
    {
      key: 'legalForm',
      ru: 'ОПФ',
      en: 'Legal form',
      type: 'text',
      width: 8,
      value: (r) => r.legal_form,
    },
    {
      key: 'kind',
      ru: 'Вид',
      en: 'Kind',
      type: 'text',
      width: 20,
      value: (r, l) => ORGANISATION_KINDS.label(r.kind, l),
    },
    { key: 'inn', ru: 'ИНН', en: 'INN', type: 'text', width: 14, value: (r) => r.inn },
    { key: 'kpp', ru: 'КПП', en: 'KPP', type: 'text', width: 11, value: (r) => r.kpp },
    { key: 'ogrn', ru: 'ОГРН', en: 'OGRN', type: 'text', width: 16, value: (r) => r.ogrn },
    {
      key: 'okved',
      ru: 'ОКВЭД2 (основной)',
      en: 'OKVED2 (main)',
      type: 'text',
      width: 12,
      value: (r) => r.main_okved,
    },
    {
      key: 'regionCode',
      ru: 'Код региона',
      en: 'Region code',
      type: 'text',
      width: 12,
      value: (r) => r.region_code,
    },
    {
      key: 'region',
      ru: 'Регион',
      en: 'Region',
      type: 'text',
      width: 32,
      value: (r) => r.region_name,
    },
    {
      key: 'town',
      ru: 'Населённый пункт',
      en: 'Town',
      type: 'text',
      width: 20,
      value: (r) => r.town,
    },
    {
      key: 'latitude',
      ru: 'Широта',
      en: 'Latitude',
      type: 'number',
      width: 11,
      value: (r) => r.latitude,
    },
    {
      key: 'longitude',
      ru: 'Долгота',
      en: 'Longitude',
      type: 'number',
      width: 11,
      value: (r) => r.longitude,
    },
  ],
  async *batches(db, q, { batchSize }) {
    const ids = await organisationIdsInListOrder(
      db,
      {
        regions: regionCodes(q.region),
        kind: q.kind,
        legalForm: q.legalForm,
        okved: q.okved,
        q: q.q,
      },
      parseSort(q.sort),
    );
    const read = async (start: number) => {
      const chunk = ids.slice(start, start + batchSize);
      const byId = new Map((await organisationExportRows(db, chunk)).map((r) => [r.id, r]));
      // A record deleted since the ids were read is simply absent.
      return chunk.flatMap((id) => byId.get(id) ?? []);
    };
    // The next batch is read while the current one is written (one query queued at a time).
    let next = ids.length ? read(0) : null;
    for (let start = 0; next; start += batchSize) {
      const rows = await next;
      next = start + batchSize < ids.length ? read(start + batchSize) : null;
      // Awaited on the next turn; if the download stops first, its failure must not go unhandled.
      next?.catch(() => undefined);
      yield rows;
    }
  },
  locate: pointOf,
};

// ---- the lists read through their use case ----

interface RegionalQuery {
  region?: string | undefined;
  q?: string | undefined;
  sort: string;
}

/** A regional list (people, agreements, plans) read page by page through its own use case. */
function regionalPages<Item>(
  list: (
    db: Db,
    p: {
      regions: string[] | undefined;
      q: string | undefined;
      sort: string;
      page: number;
      pageSize: number;
    },
  ) => Promise<{ items: Item[] }>,
): ListExport<RegionalQuery, Item>['batches'] {
  return (db, q, { batchSize }) =>
    pagesOf(
      (page, pageSize) =>
        list(db, { regions: regionCodes(q.region), q: q.q, sort: q.sort, page, pageSize }),
      batchSize,
    );
}

export const peopleExport: ListExport<RegionalQuery, PersonListItem> = {
  name: 'people',
  title: { ru: 'Люди', en: 'People' },
  columns: [
    idColumn(),
    {
      key: 'fullName',
      ru: 'ФИО',
      en: 'Full name',
      type: 'text',
      width: 36,
      value: (r) => r.fullName,
    },
    {
      key: 'currentTitle',
      ru: 'Последняя известная должность',
      en: 'Latest known position',
      type: 'text',
      width: 50,
      value: (r) => r.currentTitle,
    },
  ],
  batches: regionalPages(listPeople),
};

export const sitesExport: ListExport<
  RegionalQuery & { kind?: SiteKind | undefined; sezType?: SezType | undefined },
  SiteListItem
> = {
  name: 'sites',
  title: { ru: 'Площадки', en: 'Sites' },
  columns: [
    idColumn(),
    { key: 'name', ru: 'Название', en: 'Name', type: 'text', width: 44, value: (r) => r.name },
    {
      key: 'kind',
      ru: 'Вид',
      en: 'Kind',
      type: 'text',
      width: 22,
      value: (r, l) => SITE_KINDS.label(r.kind, l),
    },
    {
      key: 'sezType',
      ru: 'Тип ОЭЗ',
      en: 'SEZ type',
      type: 'text',
      width: 22,
      value: (r, l) => (r.sezType ? SEZ_TYPES.label(r.sezType, l) : null),
    },
    ...regionColumns<SiteListItem>(),
    {
      key: 'latitude',
      ru: 'Широта',
      en: 'Latitude',
      type: 'number',
      width: 11,
      value: (r) => r.latitude,
    },
    {
      key: 'longitude',
      ru: 'Долгота',
      en: 'Longitude',
      type: 'number',
      width: 11,
      value: (r) => r.longitude,
    },
  ],
  batches: (db, q, { batchSize }) =>
    pagesOf(
      (page, pageSize) =>
        listSites(db, {
          filter: { regions: regionCodes(q.region), kind: q.kind, sezType: q.sezType, q: q.q },
          sort: q.sort,
          page,
          pageSize,
        }),
      batchSize,
    ),
  locate: pointOf,
};

export const clustersExport: ListExport<
  RegionalQuery & { kind?: ClusterKind | undefined; status?: ClusterStatus | undefined },
  ClusterListItem
> = {
  name: 'clusters',
  title: { ru: 'Кластеры', en: 'Clusters' },
  columns: [
    idColumn(),
    { key: 'name', ru: 'Название', en: 'Name', type: 'text', width: 44, value: (r) => r.name },
    {
      key: 'kind',
      ru: 'Вид',
      en: 'Kind',
      type: 'text',
      width: 24,
      value: (r, l) => CLUSTER_KINDS.label(r.kind, l),
    },
    {
      key: 'status',
      ru: 'Статус',
      en: 'Status',
      type: 'text',
      width: 14,
      value: (r, l) => CLUSTER_STATUSES.label(r.status, l),
    },
    ...regionColumns<ClusterListItem>(),
    {
      key: 'specialisation',
      ru: 'Специализация',
      en: 'Specialisation',
      type: 'text',
      width: 40,
      value: (r) => r.specialisation,
    },
  ],
  batches: (db, q, { batchSize }) =>
    pagesOf(
      (page, pageSize) =>
        listClusters(db, {
          filter: { regions: regionCodes(q.region), kind: q.kind, status: q.status, q: q.q },
          sort: q.sort,
          page,
          pageSize,
        }),
      batchSize,
    ),
};

const dateColumn = <Row>(
  key: string,
  ru: string,
  en: string,
  get: (r: Row) => Parameters<typeof partialDateCell>[0],
): ListColumn<Row> => ({
  key,
  ru,
  en,
  type: 'date',
  width: 12,
  value: (r) => partialDateCell(get(r)),
});

export const eventsExport: ListExport<
  RegionalQuery & { kind?: EventKind | undefined },
  EventListItem
> = {
  name: 'events',
  title: { ru: 'Мероприятия', en: 'Events' },
  columns: [
    idColumn(),
    { key: 'title', ru: 'Название', en: 'Title', type: 'text', width: 50, value: (r) => r.title },
    {
      key: 'kind',
      ru: 'Вид',
      en: 'Kind',
      type: 'text',
      width: 24,
      value: (r, l) => EVENT_KINDS.label(r.kind, l),
    },
    {
      key: 'status',
      ru: 'Статус',
      en: 'Status',
      type: 'text',
      width: 14,
      value: (r, l) => EVENT_STATUSES.label(r.status, l),
    },
    dateColumn<EventListItem>('date', 'Дата', 'Date', (r) => r.date),
    ...regionColumns<EventListItem>(),
  ],
  batches: (db, q, { batchSize }) =>
    pagesOf(
      (page, pageSize) =>
        listEvents(db, {
          filter: { regions: regionCodes(q.region), kind: q.kind, q: q.q },
          sort: q.sort,
          page,
          pageSize,
        }),
      batchSize,
    ),
};

export const agreementsExport: ListExport<RegionalQuery, AgreementListItem> = {
  name: 'agreements',
  title: { ru: 'Соглашения', en: 'Agreements' },
  columns: [
    idColumn(),
    { key: 'title', ru: 'Название', en: 'Title', type: 'text', width: 50, value: (r) => r.title },
    dateColumn<AgreementListItem>('date', 'Дата', 'Date', (r) => r.date),
    {
      key: 'parties',
      ru: 'Стороны',
      en: 'Parties',
      type: 'text',
      width: 60,
      value: (r) => r.parties.join('; '),
    },
  ],
  batches: regionalPages(listAgreements),
};

export const actionPlansExport: ListExport<RegionalQuery, ActionPlanListItem> = {
  name: 'action-plans',
  title: { ru: 'Планы действий', en: 'Action plans' },
  columns: [
    idColumn(),
    { key: 'title', ru: 'Название', en: 'Title', type: 'text', width: 50, value: (r) => r.title },
    dateColumn<ActionPlanListItem>('period', 'Период', 'Period', (r) => r.period),
    {
      key: 'themes',
      ru: 'Темы',
      en: 'Themes',
      type: 'text',
      width: 50,
      value: (r) => r.themes.join('; '),
    },
  ],
  batches: regionalPages(listActionPlans),
};

export const projectsExport: ListExport<
  RegionalQuery & { kind?: ProjectKind | undefined },
  ProjectListItem
> = {
  name: 'projects',
  title: { ru: 'Проекты', en: 'Projects' },
  columns: [
    idColumn(),
    { key: 'title', ru: 'Название', en: 'Title', type: 'text', width: 50, value: (r) => r.title },
    {
      key: 'kind',
      ru: 'Вид',
      en: 'Kind',
      type: 'text',
      width: 24,
      value: (r, l) => PROJECT_KINDS.label(r.kind, l),
    },
    {
      key: 'status',
      ru: 'Статус',
      en: 'Status',
      type: 'text',
      width: 16,
      value: (r, l) => (r.status ? PROJECT_STATUSES.label(r.status, l) : null),
    },
    ...regionColumns<ProjectListItem>(),
    dateColumn<ProjectListItem>('date', 'Срок', 'Date', (r) => r.date),
  ],
  batches: (db, q, { batchSize }) =>
    pagesOf(
      (page, pageSize) =>
        listProjects(db, {
          regions: regionCodes(q.region),
          kind: q.kind,
          q: q.q,
          sort: q.sort,
          page,
          pageSize,
        }),
      batchSize,
    ),
};

export const sourcesExport: ListExport<{ q?: string | undefined; sort: string }, SourceListItem> = {
  name: 'sources',
  title: { ru: 'Источники', en: 'Sources' },
  columns: [
    idColumn(),
    {
      key: 'kind',
      ru: 'Вид',
      en: 'Kind',
      type: 'text',
      width: 20,
      value: (r, l) => SOURCE_KINDS.label(r.kind, l),
    },
    { key: 'title', ru: 'Название', en: 'Title', type: 'text', width: 60, value: (r) => r.title },
    {
      key: 'publisher',
      ru: 'Издатель',
      en: 'Publisher',
      type: 'text',
      width: 30,
      value: (r) => r.publisher,
    },
    dateColumn<SourceListItem>('published', 'Дата публикации', 'Published', (r) => r.published),
  ],
  batches: (db, q, { batchSize }) =>
    pagesOf(
      (page, pageSize) => listSources(db, { q: q.q, sort: q.sort, page, pageSize }),
      batchSize,
    ),
};

export const regionsExport: ListExport<
  { federalDistrict?: string | undefined; q?: string | undefined; sort: string },
  RegionListItem
> = {
  name: 'regions',
  title: { ru: 'Регионы', en: 'Regions' },
  columns: [
    { key: 'code', ru: 'Код', en: 'Code', type: 'text', width: 8, value: (r) => r.code },
    {
      key: 'name',
      ru: 'Субъект РФ',
      en: 'Federal subject',
      type: 'text',
      width: 36,
      value: (r) => r.name,
    },
    { key: 'kind', ru: 'Вид', en: 'Kind', type: 'text', width: 16, value: (r) => r.kind },
    { key: 'okato', ru: 'ОКАТО', en: 'OKATO', type: 'text', width: 8, value: (r) => r.okato },
    { key: 'oktmo', ru: 'ОКТМО', en: 'OKTMO', type: 'text', width: 10, value: (r) => r.oktmo },
    {
      key: 'isoCode',
      ru: 'ISO 3166-2',
      en: 'ISO 3166-2',
      type: 'text',
      width: 10,
      value: (r) => r.isoCode,
    },
    {
      key: 'federalDistrict',
      ru: 'Федеральный округ',
      en: 'Federal district',
      type: 'text',
      width: 28,
      value: (r) => r.federalDistrict.name,
    },
    {
      key: 'organisations',
      ru: 'Организаций',
      en: 'Organisations',
      type: 'integer',
      value: (r) => r.counts.organisations,
    },
    { key: 'sites', ru: 'Площадок', en: 'Sites', type: 'integer', value: (r) => r.counts.sites },
    {
      key: 'clusters',
      ru: 'Кластеров',
      en: 'Clusters',
      type: 'integer',
      value: (r) => r.counts.clusters,
    },
  ],
  batches: (db, q, { batchSize }) =>
    pagesOf(
      (page, pageSize) =>
        listRegions(db, {
          federalDistrict: q.federalDistrict,
          q: q.q,
          sort: q.sort,
          page,
          pageSize,
        }),
      batchSize,
    ),
};

/** Search results: the ranked answer, page by page up to the search's own limit of 10,000 results. */
export const searchExport: ListExport<{ q: string; types?: string | undefined }, SearchItem> = {
  name: 'search',
  title: { ru: 'Результаты поиска', en: 'Search results' },
  columns: [
    {
      key: 'type',
      ru: 'Тип',
      en: 'Type',
      type: 'text',
      width: 16,
      value: (r, l) => ENTITY_TYPES.label(r.type, l),
    },
    { key: 'id', ru: 'Идентификатор', en: 'ID', type: 'text', width: 10, value: (r) => r.id },
    { key: 'title', ru: 'Название', en: 'Title', type: 'text', width: 50, value: (r) => r.title },
    {
      key: 'subtitle',
      ru: 'Пояснение',
      en: 'Subtitle',
      type: 'text',
      width: 40,
      value: (r) => r.subtitle,
    },
    ...regionColumns<SearchItem>(),
    {
      key: 'score',
      ru: 'Релевантность',
      en: 'Score',
      type: 'number',
      width: 12,
      value: (r) => r.score,
    },
  ],
  async *batches(db, q, { schema }) {
    const limit = 100;
    for (let offset = 0; offset <= 10_000; offset += limit) {
      const { items } = await searchRegistry(db, { q: q.q, types: q.types, limit, offset }, schema);
      if (items.length) yield items;
      if (items.length < limit) return;
    }
  },
};

type EditionRow = RatingEditionList['ratings'][number]['editions'][number] & {
  ratingName: string | null;
};

/** Ratings and their editions, one row per edition (the list page's content). */
export const ratingEditionsExport: ListExport<Record<string, never>, EditionRow> = {
  name: 'ratings-editions',
  title: { ru: 'Издания рейтингов', en: 'Rating editions' },
  columns: [
    idColumn(),
    {
      key: 'rating',
      ru: 'Рейтинг',
      en: 'Rating',
      type: 'text',
      width: 44,
      value: (r) => r.ratingName,
    },
    { key: 'label', ru: 'Издание', en: 'Edition', type: 'text', width: 36, value: (r) => r.label },
    { key: 'year', ru: 'Год', en: 'Year', type: 'integer', width: 8, value: (r) => r.year },
    {
      key: 'kind',
      ru: 'Вид',
      en: 'Kind',
      type: 'text',
      width: 22,
      value: (r, l) => (l === 'ru' ? r.kindLabel : r.kind),
    },
    {
      key: 'status',
      ru: 'Статус',
      en: 'Status',
      type: 'text',
      width: 14,
      value: (r, l) =>
        l === 'ru' ? (r.status === 'final' ? 'окончательное' : 'черновик') : r.status,
    },
  ],
  async *batches(db) {
    const list = await listEditions(db);
    const rows: EditionRow[] = [
      ...list.ratings.flatMap((rating) =>
        rating.editions.map((e) => ({ ...e, ratingName: rating.name })),
      ),
      ...list.otherEditions.map((e) => ({ ...e, ratingName: null })),
    ];
    if (rows.length) yield rows;
  },
};

type MeasureRow = { code: string; name: string; value: number; label: string };

/**
 * The map's choropleth: one value of the chosen measure per federal subject;
 * as GeoJSON with each region's boundary (given by the caller: the polygons
 * the map draws).
 */
export function mapRegionsExport(
  boundaries: Map<string, ExportGeometry> | null,
): ListExport<{ measure: MapMeasure }, MeasureRow> {
  return {
    name: 'map-regions',
    title: { ru: 'Регионы на карте', en: 'Map regions' },
    columns: [
      { key: 'code', ru: 'Код', en: 'Code', type: 'text', width: 8, value: (r) => r.code },
      {
        key: 'name',
        ru: 'Субъект РФ',
        en: 'Federal subject',
        type: 'text',
        width: 36,
        value: (r) => r.name,
      },
      {
        key: 'measure',
        ru: 'Показатель',
        en: 'Measure',
        type: 'text',
        width: 36,
        value: (r) => r.label,
      },
      {
        key: 'value',
        ru: 'Значение',
        en: 'Value',
        type: 'integer',
        width: 12,
        value: (r) => r.value,
      },
    ],
    async *batches(db, q, { schema }) {
      const { items } = await regionMeasure(db, q.measure, schema);
      const label = MAP_MEASURES[q.measure].label;
      yield items.map((item) => ({ ...item, label }));
    },
    ...(boundaries ? { locate: (row: MeasureRow) => boundaries.get(row.code) ?? null } : {}),
  };
}
