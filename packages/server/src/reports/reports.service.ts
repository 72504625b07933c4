import type { Fact, SourceRef } from '@promatlas/core/api/common.schema.ts';
import type {
  Report,
  ReportCell,
  ReportLang,
  ReportSection,
} from '@promatlas/core/api/reports.schema.ts';
import type { PartialDate } from '@promatlas/core/dates/partial-date.ts';
import { LINK_ROLES, SEZ_TYPES, SITE_KINDS } from '@promatlas/core/domain/vocabulary.ts';
import type { Db } from '../db/connection.ts';
import { getRegion } from '../registry/regions/index.ts';
import { getSite } from '../registry/sites/index.ts';
import { getEdition } from '../ratings/index.ts';
import { dateIn, propertyLabel, QUALIFIER_WORDS, wordsOf } from './report-lang.ts';

export const registryNote = (lang: ReportLang): string =>
  wordsOf(lang)(
    'Сведения реестра PromAtlas на дату формирования отчёта; у каждого показателя — его источник.',
    'PromAtlas registry data as of the date the report was generated; every indicator names its source.',
  );

/** Numbers the sources a report cites, in the order of first citation: [1], [2]… */
export class Citations {
  private readonly numbers = new Map<number, number>();
  private readonly list: Report['sources'] = [];

  constructor(private readonly lang: ReportLang = 'ru') {}

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
        published: dateIn(this.lang, source.published),
      });
    }
    return `[${n}]`;
  }

  get sources(): Report['sources'] {
    return this.list;
  }
}

/** A partial date in Russian; the builders use `dateIn` for the report's language. */
export const date = (d: PartialDate | null | undefined): string | null => dateIn('ru', d);

export function factsSection(
  facts: Fact[],
  citations: Citations,
  lang: ReportLang = 'ru',
): ReportSection {
  const w = wordsOf(lang);
  return {
    id: 'facts',
    title: w('Показатели', 'Indicators'),
    kind: 'table',
    columns: [
      { title: w('Показатель', 'Indicator'), type: 'text' },
      { title: w('Значение', 'Value'), type: 'number' },
      { title: w('Единица', 'Unit'), type: 'text' },
      { title: w('Уточнение', 'Qualifier'), type: 'text' },
      { title: w('На дату', 'As of'), type: 'text' },
      { title: w('Источник', 'Source'), type: 'text' },
    ],
    rows: facts.map((f) => [
      propertyLabel(lang, f),
      f.valueNumber ?? f.valueText ?? f.object?.title ?? null,
      f.unit,
      QUALIFIER_WORDS[f.qualifier][lang] || null,
      dateIn(lang, f.asOf),
      citations.cite(f.source),
    ]),
    note: facts.length
      ? null
      : w('Показателей с источниками пока нет.', 'No sourced indicators yet.'),
  };
}

function listSection(
  lang: ReportLang,
  id: string,
  title: string,
  items: { title: string }[],
): ReportSection {
  const w = wordsOf(lang);
  return {
    id,
    title,
    kind: 'table',
    columns: [
      { title: w('№', 'No.'), type: 'integer' },
      { title: w('Название', 'Title'), type: 'text' },
    ],
    rows: items.map((item, k) => [k + 1, item.title]),
    note: items.length ? null : w('Нет записей.', 'No records.'),
  };
}

export function factRows(pairs: [string, ReportCell][]): ReportSection['rows'] {
  return pairs.filter(([, v]) => v !== null && v !== '').map(([k, v]) => [k, v]);
}

/** Region profile: identifiers, counts, indicators with sources, the region's records. */
export async function regionReport(db: Db, code: string, lang: ReportLang = 'ru'): Promise<Report> {
  const w = wordsOf(lang);
  const region = await getRegion(db, code);
  const citations = new Citations(lang);
  const none = w('Нет записей.', 'No records.');
  const sections: ReportSection[] = [
    {
      id: 'general',
      title: w('Общие сведения', 'General information'),
      kind: 'facts',
      columns: [
        { title: w('Сведение', 'Item'), type: 'text' },
        { title: w('Значение', 'Value'), type: 'text' },
      ],
      rows: factRows([
        [w('Вид субъекта', 'Kind of region'), region.kind],
        [w('Федеральный округ', 'Federal district'), region.federalDistrict.name],
        [w('Код ОКАТО', 'OKATO code'), region.okato],
        [w('Код ОКТМО', 'OKTMO code'), region.oktmo],
        [w('Код ISO 3166-2', 'ISO 3166-2 code'), region.isoCode],
        [w('Организаций в реестре', 'Organisations in the registry'), region.counts.organisations],
        [
          w('Площадок (ОЭЗ, технопарки, парки)', 'Sites (SEZs, technoparks, parks)'),
          region.counts.sites,
        ],
        [w('Кластеров', 'Clusters'), region.counts.clusters],
      ]),
      note: null,
    },
    factsSection(region.facts, citations, lang),
    listSection(lang, 'sites', w('Площадки', 'Sites'), region.sites),
    listSection(lang, 'clusters', w('Кластеры', 'Clusters'), region.clusters),
    listSection(lang, 'projects', w('Проекты', 'Projects'), region.projects),
    listSection(lang, 'agreements', w('Соглашения', 'Agreements'), region.agreements),
    listSection(lang, 'events', w('Мероприятия', 'Events'), region.events),
    {
      id: 'people',
      title: w('Руководители и должностные лица', 'Leaders and officials'),
      kind: 'table',
      columns: [
        { title: w('ФИО', 'Name'), type: 'text' },
        { title: w('Должность', 'Position'), type: 'text' },
        { title: w('На дату', 'As of'), type: 'text' },
      ],
      rows: region.people.map((p) => [p.person.title, p.title, dateIn(lang, p.asOf)]),
      note: region.people.length ? null : none,
    },
  ];
  return {
    kind: 'region',
    title: `${w('Профиль региона', 'Region profile')}: ${region.name}`,
    subtitle: region.federalDistrict.name,
    generatedAt: new Date().toISOString(),
    sections,
    sources: citations.sources,
    sourcesNote: registryNote(lang),
  };
}

/** Profile of a SEZ, technopark, industrial park or ТОР: passport, indicators, residents, ratings. */
export async function siteReport(db: Db, id: number, lang: ReportLang = 'ru'): Promise<Report> {
  const w = wordsOf(lang);
  const site = await getSite(db, id);
  const citations = new Citations(lang);
  const sections: ReportSection[] = [
    {
      id: 'general',
      title: w('Паспорт площадки', 'Site passport'),
      kind: 'facts',
      columns: [
        { title: w('Сведение', 'Item'), type: 'text' },
        { title: w('Значение', 'Value'), type: 'text' },
      ],
      rows: factRows([
        [w('Вид', 'Kind'), SITE_KINDS.label(site.kind, lang)],
        [w('Тип ОЭЗ', 'SEZ type'), site.sezType ? SEZ_TYPES.label(site.sezType, lang) : null],
        [w('Полное наименование', 'Full name'), site.fullName],
        [w('Регион', 'Region'), site.region?.name ?? null],
        [w('Населённый пункт', 'Town'), site.town],
        [w('Специализация', 'Specialisation'), site.specialisation],
        [w('Управляющая компания', 'Management company'), site.managementCompany?.title ?? null],
        [
          w('Координаты', 'Coordinates'),
          site.latitude !== null && site.longitude !== null
            ? `${site.latitude.toFixed(5)}, ${site.longitude.toFixed(5)}`
            : null,
        ],
        [w('Источник записи', 'Record source'), citations.cite(site.source)],
      ]),
      note: null,
    },
    factsSection(site.facts, citations, lang),
    {
      id: 'residents',
      title: w('Резиденты', 'Residents'),
      kind: 'table',
      columns: [
        { title: w('№', 'No.'), type: 'integer' },
        { title: w('Организация', 'Organisation'), type: 'text' },
        { title: w('Роль', 'Role'), type: 'text' },
        { title: w('С даты', 'Since'), type: 'text' },
        { title: w('Источник', 'Source'), type: 'text' },
      ],
      rows: site.residents.map((r, k) => [
        k + 1,
        r.target.title,
        LINK_ROLES.label(r.role, lang),
        dateIn(lang, r.asOf),
        citations.cite(r.source),
      ]),
      note: site.residents.length ? null : w('Резиденты не указаны.', 'No residents are given.'),
    },
    {
      id: 'ratings',
      title: w('Места в рейтингах', 'Places in ratings'),
      kind: 'table',
      columns: [
        { title: w('Рейтинг', 'Rating'), type: 'text' },
        { title: w('Издание', 'Edition'), type: 'text' },
        { title: w('Год', 'Year'), type: 'integer' },
        { title: w('Место', 'Place'), type: 'integer' },
        { title: w('Источник', 'Source'), type: 'text' },
      ],
      rows: site.ratings.map((r) => [
        r.rating.title,
        r.editionLabel,
        r.year,
        r.place,
        citations.cite(r.source),
      ]),
      note: site.ratings.length ? null : w('Мест в рейтингах нет.', 'No places in ratings.'),
    },
    listSection(lang, 'projects', w('Проекты', 'Projects'), site.projects),
  ];
  return {
    kind: 'site',
    title: site.name,
    subtitle: [SITE_KINDS.label(site.kind, lang), site.region?.name].filter(Boolean).join(' · '),
    generatedAt: new Date().toISOString(),
    sections,
    sources: citations.sources,
    sourcesNote: registryNote(lang),
  };
}

/** A rating edition: its places and scores by peer group, the groups' weights, its methodology. */
export async function ratingEditionReport(
  db: Db,
  id: number,
  lang: ReportLang = 'ru',
): Promise<Report> {
  const w = wordsOf(lang);
  const edition = await getEdition(db, id);
  const sections: ReportSection[] = [
    {
      id: 'general',
      title: w('Об издании', 'About the edition'),
      kind: 'facts',
      columns: [
        { title: w('Сведение', 'Item'), type: 'text' },
        { title: w('Значение', 'Value'), type: 'text' },
      ],
      rows: factRows([
        [w('Рейтинг', 'Rating'), edition.rating?.title ?? null],
        [
          w('Методика', 'Methodology'),
          edition.methodology
            ? `${edition.methodology.title} (${edition.methodology.code}, ${w('версия', 'version')} ${edition.methodology.version})`
            : null,
        ],
        [w('Набор значений', 'Dataset'), edition.dataset],
        [w('Объектов', 'Objects'), edition.objectCount],
        [w('Рассчитано', 'Computed'), edition.computedAt ? edition.computedAt.slice(0, 10) : null],
        [
          w('Данные', 'Data'),
          edition.illustrative
            ? w('иллюстративные, не реальная статистика', 'illustrative, not real statistics')
            : null,
        ],
        [
          w('Вид', 'Kind'),
          lang === 'en'
            ? edition.kind === 'computed'
              ? 'Computed by PromAtlas with a methodology'
              : 'Published by the rating’s publisher'
            : edition.kindLabel,
        ],
        [w('Год', 'Year'), edition.year],
        [
          w('Статус', 'Status'),
          edition.status === 'final' ? w('окончательное', 'final') : w('черновик', 'draft'),
        ],
        // The tie rule is the methodology's own wording, kept as it is written.
        [w('Правило равных баллов', 'Tie rule'), edition.tieRule],
      ]),
      note: null,
    },
    {
      id: 'groups',
      title: w('Группы показателей и веса', 'Indicator groups and weights'),
      kind: 'table',
      columns: [
        { title: w('Код', 'Code'), type: 'text' },
        { title: w('Группа', 'Group'), type: 'text' },
        { title: w('Вес', 'Weight'), type: 'number' },
      ],
      rows: edition.groups.map((g) => [g.code, g.name, g.weight]),
      note: edition.groups.length
        ? null
        : w(
            'Опубликованное издание: места без баллов по группам.',
            'A published edition: places without group scores.',
          ),
    },
    ...edition.peerGroups.map((peer, k): ReportSection => ({
      id: `peer-${k + 1}`,
      title: `${w('Места', 'Places')}: ${peer.name}`,
      kind: 'table',
      columns: [
        { title: w('Место', 'Place'), type: 'integer' },
        { title: w('Объект', 'Object'), type: 'text' },
        { title: w('Балл', 'Score'), type: 'number' },
        ...edition.groups.map((g) => ({ title: g.name, type: 'number' as const })),
      ],
      rows: peer.rows.map((r) => [
        r.place,
        r.disqualified ? `${r.object.title} (${w('не допущен', 'disqualified')})` : r.object.title,
        r.score,
        ...edition.groups.map((g) => r.groupScores.find((s) => s.code === g.code)?.score ?? null),
      ]),
      note: null,
    })),
  ];
  const citations = new Citations(lang);
  citations.cite(edition.source);
  return {
    kind: 'rating-edition',
    title: edition.label,
    subtitle: edition.rating?.title ?? null,
    generatedAt: new Date().toISOString(),
    sections,
    sources: citations.sources,
    sourcesNote: edition.methodology
      ? w(
          `Расчёт PromAtlas по методике «${edition.methodology.title}» (${edition.methodology.code}, версия ${edition.methodology.version}) на наборе значений «${edition.dataset ?? 'main'}».`,
          `Computed by PromAtlas with the methodology «${edition.methodology.title}» (${edition.methodology.code}, version ${edition.methodology.version}) on the dataset «${edition.dataset ?? 'main'}».`,
        )
      : w(
          'Места, опубликованные издателем рейтинга.',
          'Places as published by the rating’s publisher.',
        ),
  };
}
