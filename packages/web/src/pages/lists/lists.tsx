import { Link } from 'react-router';
import { listOrganisationsRoute, listRegionsRoute } from '@promatlas/core/api/contract.ts';
import type {
  ActionPlanListItem,
  AgreementListItem,
  ClusterListItem,
  EventListItem,
  OrganisationListItem,
  PersonListItem,
  ProjectListItem,
  RegionListItem,
  SiteListItem,
  SourceListItem,
} from '@promatlas/core/api/registry.schema.ts';
import { FEDERAL_DISTRICTS } from '@promatlas/core/regions/federal-subjects.ts';
import { ListPage, type ListConfig } from '../../components/ListPage.tsx';
import { RegionLink } from '../../components/common.tsx';
import { formatDate, formatNumber } from '../../lib/format.ts';
import {
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
  label,
} from '../../lib/labels.ts';

const options = (vocabulary: { labels: Record<string, string> }) =>
  Object.entries(vocabulary.labels);
const dash = <span className="muted">—</span>;

const organisations: ListConfig<OrganisationListItem> = {
  title: 'Организации',
  endpoint: listOrganisationsRoute.path,
  rowKey: (o) => o.id,
  regionFilter: true,
  selects: [{ param: 'kind', label: 'Вид', options: options(ORGANISATION_KINDS) }],
  columns: [
    {
      title: 'Название',
      sort: 'name',
      render: (o) => <Link to={`/organisations/${o.id}`}>{o.displayName}</Link>,
    },
    { title: 'Вид', render: (o) => label(ORGANISATION_KINDS, o.kind) },
    {
      title: 'Регион',
      sort: 'region',
      render: (o) => (o.region ? <RegionLink region={o.region} /> : dash),
    },
    { title: 'Населённый пункт', render: (o) => o.town ?? dash },
    { title: 'ИНН', sort: 'inn', render: (o) => o.inn ?? dash },
  ],
};

const people: ListConfig<PersonListItem> = {
  title: 'Люди',
  endpoint: '/api/people',
  rowKey: (p) => p.id,
  regionFilter: true,
  columns: [
    { title: 'ФИО', sort: 'name', render: (p) => <Link to={`/people/${p.id}`}>{p.fullName}</Link> },
    { title: 'Последняя известная должность', render: (p) => p.currentTitle ?? dash },
  ],
};

const sites: ListConfig<SiteListItem> = {
  title: 'Площадки: ОЭЗ, технопарки, индустриальные парки',
  endpoint: '/api/sites',
  rowKey: (s) => s.id,
  regionFilter: true,
  selects: [
    { param: 'kind', label: 'Вид площадки', options: options(SITE_KINDS) },
    { param: 'sezType', label: 'Тип ОЭЗ', options: options(SEZ_TYPES) },
  ],
  columns: [
    { title: 'Название', sort: 'name', render: (s) => <Link to={`/sites/${s.id}`}>{s.name}</Link> },
    { title: 'Вид', render: (s) => label(SITE_KINDS, s.kind) },
    { title: 'Тип ОЭЗ', render: (s) => (s.sezType ? label(SEZ_TYPES, s.sezType) : dash) },
    { title: 'Регион', render: (s) => (s.region ? <RegionLink region={s.region} /> : dash) },
  ],
};

const clusters: ListConfig<ClusterListItem> = {
  title: 'Кластеры',
  endpoint: '/api/clusters',
  rowKey: (c) => c.id,
  regionFilter: true,
  selects: [
    { param: 'kind', label: 'Вид кластера', options: options(CLUSTER_KINDS) },
    { param: 'status', label: 'Статус', options: options(CLUSTER_STATUSES) },
  ],
  columns: [
    {
      title: 'Название',
      sort: 'name',
      render: (c) => <Link to={`/clusters/${c.id}`}>{c.name}</Link>,
    },
    { title: 'Вид', render: (c) => label(CLUSTER_KINDS, c.kind) },
    { title: 'Статус', render: (c) => label(CLUSTER_STATUSES, c.status) },
    { title: 'Специализация', render: (c) => c.specialisation ?? dash },
    { title: 'Регион', render: (c) => (c.region ? <RegionLink region={c.region} /> : dash) },
  ],
};

const regions: ListConfig<RegionListItem> = {
  title: 'Регионы',
  endpoint: listRegionsRoute.path,
  rowKey: (r) => r.code,
  selects: [
    {
      param: 'federalDistrict',
      label: 'Федеральный округ',
      options: FEDERAL_DISTRICTS.map((d) => [d.code, d.fullName] as const),
    },
  ],
  columns: [
    {
      title: 'Субъект РФ',
      sort: 'name',
      render: (r) => <Link to={`/regions/${r.code}`}>{r.name}</Link>,
    },
    { title: 'Федеральный округ', render: (r) => r.federalDistrict.name },
    { title: 'Организации', className: 'num', render: (r) => formatNumber(r.counts.organisations) },
    { title: 'Площадки', className: 'num', render: (r) => formatNumber(r.counts.sites) },
    { title: 'Кластеры', className: 'num', render: (r) => formatNumber(r.counts.clusters) },
  ],
};

const events: ListConfig<EventListItem> = {
  title: 'Мероприятия',
  endpoint: '/api/events',
  rowKey: (e) => e.id,
  regionFilter: true,
  selects: [{ param: 'kind', label: 'Вид', options: options(EVENT_KINDS) }],
  columns: [
    { title: 'Дата', sort: 'date', render: (e) => formatDate(e.date) ?? dash },
    {
      title: 'Название',
      sort: 'title',
      render: (e) => <Link to={`/events/${e.id}`}>{e.title}</Link>,
    },
    { title: 'Вид', render: (e) => label(EVENT_KINDS, e.kind) },
    { title: 'Статус', render: (e) => label(EVENT_STATUSES, e.status) },
    { title: 'Регион', render: (e) => (e.region ? <RegionLink region={e.region} /> : dash) },
  ],
};

const agreements: ListConfig<AgreementListItem> = {
  title: 'Соглашения',
  endpoint: '/api/agreements',
  rowKey: (a) => a.id,
  regionFilter: true,
  columns: [
    { title: 'Дата', sort: 'date', render: (a) => formatDate(a.date) ?? dash },
    {
      title: 'Название',
      sort: 'title',
      render: (a) => <Link to={`/agreements/${a.id}`}>{a.title}</Link>,
    },
    { title: 'Стороны', render: (a) => a.parties.join('; ') || dash },
  ],
};

const actionPlans: ListConfig<ActionPlanListItem> = {
  title: 'Планы действий',
  endpoint: '/api/action-plans',
  rowKey: (p) => p.id,
  regionFilter: true,
  columns: [
    { title: 'Период', sort: 'date', render: (p) => formatDate(p.period) ?? dash },
    {
      title: 'Название',
      sort: 'title',
      render: (p) => <Link to={`/action-plans/${p.id}`}>{p.title}</Link>,
    },
    { title: 'Направления', render: (p) => p.themes.join('; ') || dash },
  ],
};

const projects: ListConfig<ProjectListItem> = {
  title: 'Проекты и поддержка',
  endpoint: '/api/projects',
  rowKey: (p) => p.id,
  regionFilter: true,
  selects: [{ param: 'kind', label: 'Вид проекта', options: options(PROJECT_KINDS) }],
  columns: [
    {
      title: 'Название',
      sort: 'title',
      render: (p) => <Link to={`/projects/${p.id}`}>{p.title}</Link>,
    },
    { title: 'Вид', render: (p) => label(PROJECT_KINDS, p.kind) },
    { title: 'Статус', render: (p) => (p.status ? label(PROJECT_STATUSES, p.status) : dash) },
    { title: 'Срок', render: (p) => formatDate(p.date) ?? dash },
    { title: 'Регион', render: (p) => (p.region ? <RegionLink region={p.region} /> : dash) },
  ],
};

const sources: ListConfig<SourceListItem> = {
  title: 'Источники',
  endpoint: '/api/sources',
  rowKey: (s) => s.id,
  intro: (
    <p className="lead">
      Документы, из которых взяты сведения реестра. Каждый факт ссылается на предложение источника.
    </p>
  ),
  columns: [
    {
      title: 'Документ',
      sort: 'title',
      render: (s) => <Link to={`/sources/${s.id}`}>{s.title}</Link>,
    },
    { title: 'Вид', render: (s) => label(SOURCE_KINDS, s.kind) },
    { title: 'Издатель', render: (s) => s.publisher ?? dash },
    { title: 'Дата', sort: 'date', render: (s) => formatDate(s.published) ?? dash },
  ],
};

export const OrganisationsList = () => <ListPage config={organisations} />;
export const PeopleList = () => <ListPage config={people} />;
export const SitesList = () => <ListPage config={sites} />;
export const ClustersList = () => <ListPage config={clusters} />;
export const RegionsList = () => <ListPage config={regions} />;
export const EventsList = () => <ListPage config={events} />;
export const AgreementsList = () => <ListPage config={agreements} />;
export const ActionPlansList = () => <ListPage config={actionPlans} />;
export const ProjectsList = () => <ListPage config={projects} />;
export const SourcesList = () => <ListPage config={sources} />;
