import type { Fact, SourceRef } from '@promatlas/core/api/common.schema.ts';
import type { Report, ReportCell, ReportSection } from '@promatlas/core/api/reports.schema.ts';
import { formatPartialDate, type PartialDate } from '@promatlas/core/dates/partial-date.ts';
import { LINK_ROLES, SEZ_TYPES, SITE_KINDS } from '@promatlas/core/domain/vocabulary.ts';
import type { Db } from '../db/connection.ts';
import { getRegion } from '../registry/regions/index.ts';
import { getSite } from '../registry/sites/index.ts';
import { getEdition } from '../ratings/index.ts';

export const REGISTRY_NOTE =
  'Сведения реестра PromAtlas на дату формирования отчёта; у каждого показателя — его источник.';

/** Numbers the sources a report cites, in the order of first citation: [1], [2]… */
export class Citations {
  private readonly numbers = new Map<number, number>();
  private readonly list: Report['sources'] = [];

  cite(source: SourceRef | null | undefined): string | null {
    if (!source) return null;
    let n = this.numbers.get(source.id);
    if (n === undefined) {
      n = this.list.length + 1;
      this.numbers.set(source.id, n);
      this.list.push({
        number: n,
        id: source.id,
        title: source.title,
        published: source.published ? formatPartialDate(source.published) : null,
      });
    }
    return `[${n}]`;
  }

  get sources(): Report['sources'] {
    return this.list;
  }
}

export const date = (d: PartialDate | null | undefined): string | null =>
  d ? formatPartialDate(d) : null;

const QUALIFIERS: Record<Fact['qualifier'], string> = {
  exact: '',
  about: 'около ',
  more_than: 'более ',
  less_than: 'менее ',
  up_to: 'до ',
  at_least: 'не менее ',
};

export function factsSection(facts: Fact[], citations: Citations): ReportSection {
  return {
    id: 'facts',
    title: 'Показатели',
    kind: 'table',
    columns: [
      { title: 'Показатель', type: 'text' },
      { title: 'Значение', type: 'number' },
      { title: 'Единица', type: 'text' },
      { title: 'Уточнение', type: 'text' },
      { title: 'На дату', type: 'text' },
      { title: 'Источник', type: 'text' },
    ],
    rows: facts.map((f) => [
      f.label,
      f.valueNumber ?? f.valueText ?? f.object?.title ?? null,
      f.unit,
      QUALIFIERS[f.qualifier].trim() || null,
      date(f.asOf),
      citations.cite(f.source),
    ]),
    note: facts.length ? null : 'Показателей с источниками пока нет.',
  };
}

function listSection(id: string, title: string, items: { title: string }[]): ReportSection {
  return {
    id,
    title,
    kind: 'table',
    columns: [
      { title: '№', type: 'integer' },
      { title: 'Название', type: 'text' },
    ],
    rows: items.map((item, k) => [k + 1, item.title]),
    note: items.length ? null : 'Нет записей.',
  };
}

export function factRows(pairs: [string, ReportCell][]): ReportSection['rows'] {
  return pairs.filter(([, v]) => v !== null && v !== '').map(([k, v]) => [k, v]);
}

/** Region profile: identifiers, counts, indicators with sources, the region's records. */
export async function regionReport(db: Db, code: string): Promise<Report> {
  const region = await getRegion(db, code);
  const citations = new Citations();
  const sections: ReportSection[] = [
    {
      id: 'general',
      title: 'Общие сведения',
      kind: 'facts',
      columns: [
        { title: 'Сведение', type: 'text' },
        { title: 'Значение', type: 'text' },
      ],
      rows: factRows([
        ['Вид субъекта', region.kind],
        ['Федеральный округ', region.federalDistrict.name],
        ['Код ОКАТО', region.okato],
        ['Код ОКТМО', region.oktmo],
        ['Код ISO 3166-2', region.isoCode],
        ['Организаций в реестре', region.counts.organisations],
        ['Площадок (ОЭЗ, технопарки, парки)', region.counts.sites],
        ['Кластеров', region.counts.clusters],
      ]),
      note: null,
    },
    factsSection(region.facts, citations),
    listSection('sites', 'Площадки', region.sites),
    listSection('clusters', 'Кластеры', region.clusters),
    listSection('projects', 'Проекты', region.projects),
    listSection('agreements', 'Соглашения', region.agreements),
    listSection('events', 'Мероприятия', region.events),
    {
      id: 'people',
      title: 'Руководители и должностные лица',
      kind: 'table',
      columns: [
        { title: 'ФИО', type: 'text' },
        { title: 'Должность', type: 'text' },
        { title: 'На дату', type: 'text' },
      ],
      rows: region.people.map((p) => [p.person.title, p.title, date(p.asOf)]),
      note: region.people.length ? null : 'Нет записей.',
    },
  ];
  return {
    kind: 'region',
    title: `Профиль региона: ${region.name}`,
    subtitle: region.federalDistrict.name,
    generatedAt: new Date().toISOString(),
    sections,
    sources: citations.sources,
    sourcesNote: REGISTRY_NOTE,
  };
}

/** Profile of a SEZ, technopark, industrial park or ТОР: passport, indicators, residents, ratings. */
export async function siteReport(db: Db, id: number): Promise<Report> {
  const site = await getSite(db, id);
  const citations = new Citations();
  const sections: ReportSection[] = [
    {
      id: 'general',
      title: 'Паспорт площадки',
      kind: 'facts',
      columns: [
        { title: 'Сведение', type: 'text' },
        { title: 'Значение', type: 'text' },
      ],
      rows: factRows([
        ['Вид', SITE_KINDS.label(site.kind)],
        ['Тип ОЭЗ', site.sezType ? SEZ_TYPES.label(site.sezType) : null],
        ['Полное наименование', site.fullName],
        ['Регион', site.region?.name ?? null],
        ['Населённый пункт', site.town],
        ['Специализация', site.specialisation],
        ['Управляющая компания', site.managementCompany?.title ?? null],
        [
          'Координаты',
          site.latitude !== null && site.longitude !== null
            ? `${site.latitude.toFixed(5)}, ${site.longitude.toFixed(5)}`
            : null,
        ],
        ['Источник записи', citations.cite(site.source)],
      ]),
      note: null,
    },
    factsSection(site.facts, citations),
    {
      id: 'residents',
      title: 'Резиденты',
      kind: 'table',
      columns: [
        { title: '№', type: 'integer' },
        { title: 'Организация', type: 'text' },
        { title: 'Роль', type: 'text' },
        { title: 'С даты', type: 'text' },
        { title: 'Источник', type: 'text' },
      ],
      rows: site.residents.map((r, k) => [
        k + 1,
        r.target.title,
        LINK_ROLES.label(r.role),
        date(r.asOf),
        citations.cite(r.source),
      ]),
      note: site.residents.length ? null : 'Резиденты не указаны.',
    },
    {
      id: 'ratings',
      title: 'Места в рейтингах',
      kind: 'table',
      columns: [
        { title: 'Рейтинг', type: 'text' },
        { title: 'Издание', type: 'text' },
        { title: 'Год', type: 'integer' },
        { title: 'Место', type: 'integer' },
        { title: 'Источник', type: 'text' },
      ],
      rows: site.ratings.map((r) => [
        r.rating.title,
        r.editionLabel,
        r.year,
        r.place,
        citations.cite(r.source),
      ]),
      note: site.ratings.length ? null : 'Мест в рейтингах нет.',
    },
    listSection('projects', 'Проекты', site.projects),
  ];
  return {
    kind: 'site',
    title: site.name,
    subtitle: [SITE_KINDS.label(site.kind), site.region?.name].filter(Boolean).join(' · '),
    generatedAt: new Date().toISOString(),
    sections,
    sources: citations.sources,
    sourcesNote: REGISTRY_NOTE,
  };
}

/** A rating edition: its places and scores by peer group, the groups' weights, its methodology. */
export async function ratingEditionReport(db: Db, id: number): Promise<Report> {
  const edition = await getEdition(db, id);
  const sections: ReportSection[] = [
    {
      id: 'general',
      title: 'Об издании',
      kind: 'facts',
      columns: [
        { title: 'Сведение', type: 'text' },
        { title: 'Значение', type: 'text' },
      ],
      rows: factRows([
        ['Рейтинг', edition.rating?.title ?? null],
        [
          'Методика',
          edition.methodology
            ? `${edition.methodology.title} (${edition.methodology.code}, версия ${edition.methodology.version})`
            : null,
        ],
        ['Набор значений', edition.dataset],
        ['Объектов', edition.objectCount],
        ['Рассчитано', edition.computedAt ? edition.computedAt.slice(0, 10) : null],
        ['Данные', edition.illustrative ? 'иллюстративные, не реальная статистика' : null],
        ['Вид', edition.kindLabel],
        ['Год', edition.year],
        ['Статус', edition.status === 'final' ? 'окончательное' : 'черновик'],
        ['Правило равных баллов', edition.tieRule],
      ]),
      note: null,
    },
    {
      id: 'groups',
      title: 'Группы показателей и веса',
      kind: 'table',
      columns: [
        { title: 'Код', type: 'text' },
        { title: 'Группа', type: 'text' },
        { title: 'Вес', type: 'number' },
      ],
      rows: edition.groups.map((g) => [g.code, g.name, g.weight]),
      note: edition.groups.length ? null : 'Опубликованное издание: места без баллов по группам.',
    },
    ...edition.peerGroups.map((peer, k): ReportSection => ({
      id: `peer-${k + 1}`,
      title: `Места: ${peer.name}`,
      kind: 'table',
      columns: [
        { title: 'Место', type: 'integer' },
        { title: 'Объект', type: 'text' },
        { title: 'Балл', type: 'number' },
        ...edition.groups.map((g) => ({ title: g.name, type: 'number' as const })),
      ],
      rows: peer.rows.map((r) => [
        r.place,
        r.disqualified ? `${r.object.title} (не допущен)` : r.object.title,
        r.score,
        ...edition.groups.map((g) => r.groupScores.find((s) => s.code === g.code)?.score ?? null),
      ]),
      note: null,
    })),
  ];
  const citations = new Citations();
  citations.cite(edition.source);
  return {
    kind: 'rating-edition',
    title: edition.label,
    subtitle: edition.rating?.title ?? null,
    generatedAt: new Date().toISOString(),
    sections,
    sources: citations.sources,
    sourcesNote: edition.methodology
      ? `Расчёт PromAtlas по методике «${edition.methodology.title}» (${edition.methodology.code}, версия ${edition.methodology.version}) на наборе значений «${edition.dataset ?? 'main'}».`
      : 'Места, опубликованные издателем рейтинга.',
  };
}
