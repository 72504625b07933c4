// Generated organisations for the import benchmarks, and the CSV Russian Excel
// saves of them (Windows-1251, «;», decimal commas). Valid ИНН/ОГРН/КПП, region
// names in several spellings, one ОКВЭД2 division and a point each.
import iconv from 'iconv-lite';
import { FEDERAL_SUBJECTS } from '../../packages/core/src/regions/federal-subjects.ts';
import { legalEntityIds } from './identifiers.ts';
import { enterpriseName, mulberry32, pick } from './names.ts';

const DIVISIONS = [
  '10',
  '13',
  '16',
  '20',
  '22',
  '23',
  '24',
  '25',
  '26',
  '27',
  '28',
  '29',
  '30',
  '33',
];

export interface GeneratedOrganisation {
  name: string;
  full: string;
  inn: string;
  ogrn: string;
  kpp: string;
  region: { code: string; name: string };
  town: string;
  okved: string;
  lat: number;
  lon: number;
}

export function generateOrganisations(n: number): GeneratedOrganisation[] {
  const rng = mulberry32(20261201);
  const subjects = FEDERAL_SUBJECTS.filter((s) => s.code.length === 2);
  const counters = new Map<string, number>();
  const out: GeneratedOrganisation[] = [];
  for (let i = 0; i < n; i++) {
    const s = subjects[i % subjects.length]!;
    // Tax-region codes are two digits; the subject's ОКАТО prefix serves as a stand-in.
    const counter = (counters.get(s.code) ?? 0) + 1;
    counters.set(s.code, counter);
    const ids = legalEntityIds(s.code, counter, 2000 + (i % 24));
    const name = enterpriseName(rng, 'Региональный', s.shortName);
    out.push({
      name: `ООО ${name}`,
      full: `Общество с ограниченной ответственностью ${name}`,
      ...ids,
      region: { code: s.code, name: i % 3 === 0 ? s.name : (s.aliases[0] ?? s.name) },
      town: s.shortName,
      okved: pick(rng, DIVISIONS),
      lat: 45 + rng() * 20,
      lon: 30 + rng() * 100,
    });
  }
  return out;
}

const field = (v: string) => (/[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const comma = (x: number) => x.toFixed(4).replace('.', ',');

export function organisationsCsv(orgs: readonly GeneratedOrganisation[]): Buffer {
  const lines = [
    'Краткое наименование;Полное наименование;ИНН;ОГРН;КПП;Регион;Город;ОКВЭД;Широта;Долгота',
  ];
  for (const o of orgs)
    lines.push(
      [
        o.name,
        o.full,
        o.inn,
        o.ogrn,
        o.kpp,
        o.region.name,
        o.town,
        o.okved,
        comma(o.lat),
        comma(o.lon),
      ]
        .map(field)
        .join(';'),
    );
  return iconv.encode(lines.join('\r\n') + '\r\n', 'win1251');
}

/** A generated organisation as a line of COPY's text format, in the columns of COPY_COLUMNS. */
export const COPY_COLUMNS =
  'kind, name, full_name, legal_form, inn, ogrn, kpp, region_code, town, latitude, longitude';
export const copyLine = (o: GeneratedOrganisation) => {
  const esc = (v: string) => v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n');
  return (
    [
      'enterprise',
      esc(o.name.replace(/^ООО /, '')),
      esc(o.full),
      'ООО',
      o.inn,
      o.ogrn,
      o.kpp,
      o.region.code,
      esc(o.town),
      String(o.lat),
      String(o.lon),
    ].join('\t') + '\n'
  );
};
