/**
 * Generates a national-scale synthetic registry into PostgreSQL (DATABASE_URL):
 * the demo data and the full ОКВЭД2 first, then ≥ 300,000 organisations over
 * all 89 federal subjects (weighted by population, larger shares for Москва,
 * Московская обл. and Санкт-Петербург) with legal forms, valid ИНН/ОГРН and
 * 1–3 ОКВЭД2 codes each; 5,000 sites and clusters in total; 200,000 cluster
 * memberships; 30,000 site residencies. Deterministic: a seeded PRNG.
 *
 * Bulk load: secondary indexes of the loaded tables are dropped, rows are
 * streamed with COPY … FROM STDIN (postgres.js), indexes are rebuilt, then
 * VACUUM ANALYZE. Foreign keys stay enforced.
 *
 * Run: DATABASE_URL=postgres://… npx tsx bench/generate-registry.ts [--organisations N] [--seed S] [--reset]
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import { openDatabase, prepareDatabase } from '../packages/server/src/server.ts';
import { importOkvedFile } from '../packages/server/src/reference/import-okved.ts';
import { FEDERAL_SUBJECTS } from '../packages/core/src/regions/federal-subjects.ts';
import { LEGAL_FORMS } from '../packages/core/src/legal-forms/legal-forms.ts';
import { checkInn } from '../packages/core/src/identifiers/inn.ts';
import { checkOgrn } from '../packages/core/src/identifiers/ogrn.ts';
import { REGION_SHAPE } from './lib/region-shape.ts';
import { entrepreneurIds, legalEntityIds } from './lib/identifiers.ts';
import {
  CLUSTER_SPECIALISATIONS,
  associationName,
  clusterName,
  coinedWord,
  collegeName,
  enterpriseName,
  governmentBodyName,
  instituteName,
  mulberry32,
  personName,
  pick,
  siteName,
  universityName,
  weighted,
  type Rng,
} from './lib/names.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OKVED_CSV = path.resolve(ROOT, '../shared/data/okved2.csv');

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}
const ORGANISATIONS = arg('organisations', 300_000);
const SITES = arg('sites', 3_000);
const CLUSTERS = arg('clusters', 2_000);
const MEMBERSHIPS = arg('memberships', 200_000);
const RESIDENCIES = arg('residencies', 30_000);
const SEED = arg('seed', 20261122);
const RESET = process.argv.includes('--reset');

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error(
    'DATABASE_URL is required (a PostgreSQL 15 server; this generator does not target PGlite).',
  );
  process.exit(2);
}

const t0 = performance.now();
const timings: [string, number][] = [];
let lap = t0;
function mark(label: string) {
  const now = performance.now();
  timings.push([label, (now - lap) / 1000]);
  console.log(`  ${label}: ${((now - lap) / 1000).toFixed(1)} s`);
  lap = now;
}

const sql = postgres(databaseUrl, {
  max: 2,
  onnotice: () => {},
  connection: { maintenance_work_mem: '512MB' },
});
if (RESET) {
  await sql.unsafe('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
}

// 1. Schema, reference data, demo, full ОКВЭД2 — through the application's own code.
const connection = await openDatabase({ databaseUrl, dataDir: '' });
await prepareDatabase(connection, { demo: true });
if (!fs.existsSync(OKVED_CSV)) throw new Error(`ОКВЭД2 file not found: ${OKVED_CSV}`);
const okvedResult = await importOkvedFile(connection.db, fs.readFileSync(OKVED_CSV));
await connection.close();
mark(`migrate + reference + demo + ОКВЭД2 (${okvedResult.total} codes)`);

const existing = (await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM organisation`)[0]!.n;
if (existing > 1000) {
  console.error(
    `organisation already has ${existing} rows; run on a fresh database or pass --reset.`,
  );
  process.exit(2);
}

// 2. Reference for generation.
const okvedCodes = (
  await sql<{ code: string }[]>`SELECT code FROM okved WHERE code ~ '^[0-9]'`
).map((r) => r.code);
const byDivision = new Map<string, string[]>();
for (const code of okvedCodes) {
  const d = code.slice(0, 2);
  if (!byDivision.has(d)) byDivision.set(d, []);
  byDivision.get(d)!.push(code);
}
const divisions = [...byDivision.keys()];
const taken = new Set(
  (
    await sql<
      { v: string }[]
    >`SELECT inn AS v FROM organisation WHERE inn IS NOT NULL UNION SELECT ogrn FROM organisation WHERE ogrn IS NOT NULL`
  ).map((r) => r.v),
);
const ids = async (table: string) =>
  (
    (await sql.unsafe(`SELECT coalesce(max(id), 0)::int AS m FROM ${table}`)) as unknown as {
      m: number;
    }[]
  )[0]!.m;
let nextOrgId = (await ids('organisation')) + 1;
let nextSiteId = (await ids('site')) + 1;
let nextClusterId = (await ids('cluster')) + 1;
let nextMemberId = (await ids('cluster_member')) + 1;
let nextResidentId = (await ids('site_resident')) + 1;

const rng: Rng = mulberry32(SEED);
const subjects = FEDERAL_SUBJECTS.map((s) => {
  const shape = REGION_SHAPE[s.code];
  if (!shape) throw new Error(`No shape for region ${s.code}`);
  const boost = s.code === '45' ? 2 : s.code === '40' ? 1.5 : s.code === '46' ? 1.2 : 1;
  return { code: s.code, name: s.name, shape, weight: shape.population * boost, counter: 0 };
});
const regionPairs = subjects.map((s) => [s, s.weight] as const);

const FULL_FORM = new Map(LEGAL_FORMS.map((f) => [f.abbreviation, f.name]));

type Kind =
  | 'enterprise'
  | 'university'
  | 'college'
  | 'research_institute'
  | 'government_body'
  | 'association'
  | 'consultancy'
  | 'development_institution'
  | 'management_company'
  | 'foreign_company'
  | 'media'
  | 'other';
const KINDS: readonly (readonly [Kind, number])[] = [
  ['enterprise', 0.86],
  ['university', 0.004],
  ['college', 0.012],
  ['research_institute', 0.008],
  ['government_body', 0.01],
  ['association', 0.02],
  ['consultancy', 0.04],
  ['development_institution', 0.008],
  ['management_company', 0.008],
  ['foreign_company', 0.005],
  ['media', 0.01],
  ['other', 0.015],
];
const FORMS: Record<Kind, readonly (readonly [string | null, number])[]> = {
  enterprise: [
    ['ООО', 0.66],
    ['АО', 0.1],
    ['ПАО', 0.015],
    ['НАО', 0.01],
    ['ЗАО', 0.02],
    ['ОАО', 0.02],
    ['ИП', 0.15],
    ['ФГУП', 0.005],
    ['ГУП', 0.01],
    ['МУП', 0.01],
  ],
  university: [
    ['ФГБОУ ВО', 0.8],
    ['ФГАОУ ВО', 0.2],
  ],
  college: [
    ['ГБПОУ', 0.5],
    ['ГАПОУ', 0.3],
    ['ГОБПОУ', 0.2],
  ],
  research_institute: [
    ['ФГБУН', 0.6],
    ['АО', 0.25],
    ['ФГУП', 0.15],
  ],
  government_body: [
    ['ГКУ', 0.3],
    [null, 0.7],
  ],
  association: [
    ['Ассоциация', 0.5],
    ['НП', 0.2],
    ['АНО', 0.3],
  ],
  consultancy: [
    ['ООО', 0.9],
    ['ИП', 0.1],
  ],
  development_institution: [
    ['АНО', 0.4],
    ['Фонд', 0.4],
    ['ОАУ', 0.2],
  ],
  management_company: [
    ['АО', 0.5],
    ['ООО', 0.5],
  ],
  foreign_company: [[null, 1]],
  media: [
    ['ООО', 0.6],
    ['АНО', 0.4],
  ],
  other: [
    ['ООО', 0.5],
    ['АНО', 0.3],
    ['ГБУ', 0.2],
  ],
};
// Main activity divisions per kind (ОКВЭД2 two-digit divisions with weights).
const manufacturing = Array.from({ length: 24 }, (_, i) => String(10 + i));
const ENTERPRISE_DIVISIONS: readonly (readonly [string, number])[] = [
  ...manufacturing.map((d) => [d, 45 / 24] as const),
  ['41', 4],
  ['42', 3],
  ['43', 3],
  ['45', 4],
  ['46', 8],
  ['47', 3],
  ['49', 4],
  ['52', 3],
  ['62', 3],
  ['63', 1],
  ['71', 3],
  ['72', 1],
  ['01', 4],
  ['02', 1],
  ['08', 1],
  ['35', 2],
  ['38', 1],
  ['68', 2],
  ['33', 1],
];
const KIND_DIVISIONS: Partial<Record<Kind, readonly (readonly [string, number])[]>> = {
  university: [['85', 1]],
  college: [['85', 1]],
  research_institute: [['72', 1]],
  government_body: [['84', 1]],
  association: [['94', 1]],
  consultancy: [
    ['70', 3],
    ['69', 1],
    ['73', 1],
  ],
  development_institution: [
    ['64', 1],
    ['82', 1],
    ['84', 1],
  ],
  management_company: [
    ['68', 2],
    ['70', 1],
  ],
  media: [
    ['58', 1],
    ['60', 1],
    ['63', 1],
  ],
};
const FOREIGN = [
  'Siemens AG',
  'Bosch Rexroth GmbH',
  'Haier Industrial Ltd',
  'Great Wall Motor Co',
  'Danfoss A/S',
  'Schneider Electric SE',
  'Liebherr-International AG',
  'Knauf Gips KG',
  'Sinotruk Ltd',
  'Weichai Power Co',
  'Tatung Co',
  'Arçelik A.Ş.',
];

const esc = (v: string | number | boolean | null | undefined): string =>
  v === null || v === undefined
    ? '\\N'
    : typeof v === 'string'
      ? v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n')
      : String(v);
const line = (values: (string | number | boolean | null | undefined)[]) =>
  values.map(esc).join('\t') + '\n';

function okvedFor(kind: Kind): string[] {
  const div = weighted(rng, KIND_DIVISIONS[kind] ?? ENTERPRISE_DIVISIONS);
  const main = pick(rng, byDivision.get(div) ?? byDivision.get('25')!);
  const out = [main];
  const extra = weighted(rng, [
    [0, 0.35],
    [1, 0.4],
    [2, 0.25],
  ] as const);
  for (let i = 0; i < extra; i++) {
    const d = rng() < 0.5 ? div : pick(rng, divisions);
    const c = pick(rng, byDivision.get(d)!);
    if (!out.includes(c)) out.push(c);
  }
  return out;
}

// 3. Organisations (generated into memory as COPY text; ~300k rows is ~80 MB).
interface OrgRef {
  id: number;
  region: string;
  kind: Kind;
}
const orgs: OrgRef[] = [];
const orgsByRegion = new Map<string, OrgRef[]>();
const orgLines: string[] = [];
const okvedLines: string[] = [];
let checked = 0;
const ORG_COLUMNS =
  'id, kind, name, full_name, short_name, legal_form, inn, ogrn, kpp, region_code, town, country, description, created_at, updated_at';
for (let i = 0; i < ORGANISATIONS; i++) {
  const region = weighted(rng, regionPairs);
  const kind = weighted(rng, KINDS);
  const form = weighted(rng, FORMS[kind]);
  const towns = region.shape.towns;
  const town = rng() < 0.55 ? towns[0]! : pick(rng, towns);
  const adj = region.shape.adjective;
  let name: string;
  switch (kind) {
    case 'enterprise':
    case 'consultancy':
    case 'management_company':
    case 'media':
    case 'other':
      name = form === 'ИП' ? personName(rng) : enterpriseName(rng, adj, town);
      break;
    case 'university':
      name = universityName(rng, adj, i % 3);
      break;
    case 'college':
      name = collegeName(rng, town);
      break;
    case 'research_institute':
      name = instituteName(rng, adj);
      break;
    case 'government_body':
      name = governmentBodyName(rng, region.name, town);
      break;
    case 'association':
      name = associationName(rng, adj);
      break;
    case 'development_institution':
      name = `«${pick(rng, ['Фонд развития промышленности', 'Центр кластерного развития', 'Корпорация развития', 'Центр поддержки экспорта', 'Агентство инвестиционного развития'])} ${region.name.replace(/^Республика /, 'Республики ')}»`;
      break;
    case 'foreign_company':
      name = `${pick(rng, FOREIGN)}${rng() < 0.5 ? '' : ` (${coinedWord(rng)})`}`;
      break;
  }
  const year = 2002 + Math.floor(rng() * 23);
  let inn: string | null = null;
  let ogrn: string | null = null;
  let kpp: string | null = null;
  if (kind !== 'foreign_company') {
    do {
      const n = region.counter++;
      if (form === 'ИП') ({ inn, ogrn } = entrepreneurIds(region.shape.tax, n, year));
      else ({ inn, ogrn, kpp } = legalEntityIds(region.shape.tax, n, year));
    } while (taken.has(inn!) || taken.has(ogrn!));
    if (checked < 2000 || i % 997 === 0) {
      checked++;
      if (!checkInn(inn!).valid || !checkOgrn(ogrn!).valid)
        throw new Error(`Generated invalid identifiers ${inn} / ${ogrn}`);
    }
  }
  const id = nextOrgId++;
  const fullName = form ? `${FULL_FORM.get(form) ?? form} ${name}` : name;
  const shortName = form ? `${form} ${name}` : null;
  const created = new Date(Date.UTC(2024, 0, 1) + Math.floor(rng() * 700) * 86400000).toISOString();
  orgLines.push(
    line([
      id,
      kind,
      name,
      fullName,
      shortName,
      form,
      inn,
      ogrn,
      kpp,
      region.code,
      town,
      kind === 'foreign_company' ? 'DE' : 'RU',
      null,
      created,
      created,
    ]),
  );
  const ref = { id, region: region.code, kind };
  orgs.push(ref);
  if (!orgsByRegion.has(region.code)) orgsByRegion.set(region.code, []);
  orgsByRegion.get(region.code)!.push(ref);
  okvedFor(kind).forEach((code, k) => okvedLines.push(line([id, code, k === 0])));
}
mark(
  `generate ${ORGANISATIONS} organisations in memory (${checked} identifiers re-checked with core checkInn/checkOgrn)`,
);

// 4. Sites, clusters, memberships, residencies.
const siteLines: string[] = [];
const sitesByRegion = new Map<string, number[]>();
for (let i = 0; i < SITES; i++) {
  const region = weighted(rng, regionPairs);
  const kind = weighted(rng, [
    ['industrial_park', 0.6],
    ['technopark', 0.25],
    ['tor', 0.1],
    ['sez', 0.05],
  ] as const);
  const town = pick(rng, region.shape.towns);
  const managers = (orgsByRegion.get(region.code) ?? []).filter(
    (o) => o.kind === 'management_company',
  );
  const manager = managers.length && rng() < 0.6 ? pick(rng, managers).id : null;
  const spec = pick(rng, CLUSTER_SPECIALISATIONS)[1];
  const id = nextSiteId++;
  siteLines.push(
    line([
      id,
      kind,
      kind === 'sez'
        ? weighted(rng, [
            ['industrial_production', 0.6],
            ['technology_innovation', 0.3],
            ['port', 0.05],
            ['tourist_recreational', 0.05],
          ] as const)
        : null,
      siteName(rng, kind, region.shape.adjective, town),
      null,
      region.code,
      town,
      manager,
      spec,
    ]),
  );
  if (!sitesByRegion.has(region.code)) sitesByRegion.set(region.code, []);
  sitesByRegion.get(region.code)!.push(id);
}
const clusterLines: string[] = [];
const clusterRegions: string[] = [];
for (let i = 0; i < CLUSTERS; i++) {
  const region = weighted(rng, regionPairs);
  const [adjSpec, spec] = pick(rng, CLUSTER_SPECIALISATIONS);
  const kind = weighted(rng, [
    ['industrial', 0.6],
    ['innovation_territorial', 0.1],
    ['education_production', 0.2],
    ['education', 0.1],
  ] as const);
  const specialised = (orgsByRegion.get(region.code) ?? []).filter(
    (o) => o.kind === 'development_institution',
  );
  clusterLines.push(
    line([
      nextClusterId++,
      kind,
      rng() < 0.8 ? 'operating' : 'forming',
      clusterName(rng, region.shape.adjective, adjSpec),
      null,
      region.code,
      spec,
      specialised.length && rng() < 0.5 ? pick(rng, specialised).id : null,
    ]),
  );
  clusterRegions.push(region.code);
}
const firstClusterId = nextClusterId - CLUSTERS;
// Cluster sizes: skewed (a few big clusters), scaled to exactly MEMBERSHIPS.
const raw = clusterRegions.map(() => 0.15 + rng() ** 2.5);
const rawSum = raw.reduce((a, b) => a + b, 0);
const sizes = raw.map((r) => Math.max(5, Math.round((r / rawSum) * MEMBERSHIPS)));
let diff = MEMBERSHIPS - sizes.reduce((a, b) => a + b, 0);
for (let i = 0; diff !== 0; i = (i + 1) % sizes.length) {
  const step = diff > 0 ? 1 : -1;
  if (sizes[i]! + step >= 5) {
    sizes[i]! += step;
    diff -= step;
  }
}
const ROLES = [
  ['participant', 0.7],
  ['anchor', 0.05],
  ['component_supplier', 0.1],
  ['infrastructure', 0.04],
  ['education', 0.04],
  ['research', 0.03],
  ['finance', 0.02],
  ['resident', 0.02],
] as const;
const memberLines: string[] = [];
clusterRegions.forEach((regionCode, c) => {
  const local = orgsByRegion.get(regionCode) ?? [];
  const seen = new Set<number>();
  const target = sizes[c]!;
  for (let attempts = 0; seen.size < target && attempts < target * 20; attempts++) {
    const o = local.length && rng() < 0.8 ? pick(rng, local) : pick(rng, orgs);
    if (seen.has(o.id)) continue;
    seen.add(o.id);
    const y = 2012 + Math.floor(rng() * 13);
    const precise = rng() < 0.4;
    const from = precise
      ? `${y}-${String(1 + Math.floor(rng() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rng() * 28)).padStart(2, '0')}`
      : `${y}-01-01`;
    memberLines.push(
      line([
        nextMemberId++,
        firstClusterId + c,
        o.id,
        weighted(rng, ROLES),
        from,
        precise ? from : `${y}-12-31`,
        precise ? 'day' : 'year',
      ]),
    );
  }
});
const residentLines: string[] = [];
const siteRegions = [...sitesByRegion.entries()];
for (let i = 0; i < RESIDENCIES; i++) {
  const [regionCode, siteIds] = weighted(
    rng,
    siteRegions.map((e) => [e, e[1].length] as const),
  );
  const o = pick(rng, orgsByRegion.get(regionCode) ?? orgs);
  const y = 2010 + Math.floor(rng() * 15);
  residentLines.push(
    line([nextResidentId++, pick(rng, siteIds), o.id, `${y}-01-01`, `${y}-12-31`, 'year']),
  );
}
mark(
  `generate ${SITES} sites, ${CLUSTERS} clusters, ${memberLines.length} memberships, ${residentLines.length} residencies`,
);

// 5. Drop secondary indexes, COPY, rebuild.
const TABLES = [
  'organisation',
  'organisation_okved',
  'site',
  'site_resident',
  'cluster',
  'cluster_member',
];
const indexes = await sql<{ indexname: string; indexdef: string }[]>`
  SELECT i.indexname, i.indexdef FROM pg_indexes i
  WHERE i.schemaname = 'public' AND i.tablename = ANY(${TABLES})
    AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`;
for (const ix of indexes) await sql.unsafe(`DROP INDEX ${ix.indexname}`);

async function copy(table: string, columns: string, lines: string[]) {
  const started = performance.now();
  const writable = await sql.unsafe(`COPY ${table} (${columns}) FROM STDIN`).writable();
  function* chunks() {
    for (let i = 0; i < lines.length; i += 2000) yield lines.slice(i, i + 2000).join('');
  }
  await pipeline(Readable.from(chunks()), writable);
  const s = (performance.now() - started) / 1000;
  console.log(
    `    COPY ${table}: ${lines.length} rows in ${s.toFixed(1)} s (${Math.round(lines.length / s)} rows/s)`,
  );
}
// Two COPY streams at a time: the server computes the generated tsvector columns
// per row (CPU-bound), so two backends use both cores.
const half = Math.ceil(orgLines.length / 2);
await Promise.all([
  copy('organisation', ORG_COLUMNS, orgLines.slice(0, half)),
  copy('organisation', ORG_COLUMNS, orgLines.slice(half)),
]);
await Promise.all([
  copy('organisation_okved', 'organisation_id, okved_code, is_main', okvedLines),
  (async () => {
    await copy(
      'site',
      'id, kind, sez_type, name, full_name, region_code, town, management_organisation_id, specialisation',
      siteLines,
    );
    await copy(
      'cluster',
      'id, kind, status, name, full_name, region_code, specialisation, specialised_organisation_id',
      clusterLines,
    );
    await copy(
      'cluster_member',
      'id, cluster_id, organisation_id, role, valid_from, valid_to, valid_precision',
      memberLines,
    );
    await copy(
      'site_resident',
      'id, site_id, organisation_id, valid_from, valid_to, valid_precision',
      residentLines,
    );
  })(),
]);
mark('COPY (generated tsvector/trigram columns computed by PostgreSQL, foreign keys checked)');

// Two index builds at a time (one per core), biggest first.
const queue = [...indexes].sort(
  (a, b) => Number(/gin/.test(b.indexdef)) - Number(/gin/.test(a.indexdef)),
);
await Promise.all(
  [0, 1].map(async () => {
    for (let ix = queue.shift(); ix; ix = queue.shift()) {
      const started = performance.now();
      await sql.unsafe(ix.indexdef);
      const s = (performance.now() - started) / 1000;
      if (s > 0.5) console.log(`    ${ix.indexname}: ${s.toFixed(1)} s`);
    }
  }),
);
for (const t of TABLES) {
  await sql
    .unsafe(`SELECT setval(pg_get_serial_sequence('${t}', 'id'), (SELECT max(id) FROM ${t}))`)
    .catch(() => {});
}
mark(`rebuild ${indexes.length} indexes`);
await sql.unsafe('VACUUM ANALYZE');
mark('VACUUM ANALYZE');

const counts = await sql<{ t: string; n: number }[]>`
  SELECT 'organisation' AS t, count(*)::int AS n FROM organisation UNION ALL
  SELECT 'organisation_okved', count(*)::int FROM organisation_okved UNION ALL
  SELECT 'okved', count(*)::int FROM okved UNION ALL
  SELECT 'region (with organisations)', count(DISTINCT region_code)::int FROM organisation UNION ALL
  SELECT 'site', count(*)::int FROM site UNION ALL
  SELECT 'cluster', count(*)::int FROM cluster UNION ALL
  SELECT 'cluster_member', count(*)::int FROM cluster_member UNION ALL
  SELECT 'site_resident', count(*)::int FROM site_resident`;
const size = (
  await sql<{ size: string }[]>`SELECT pg_size_pretty(pg_database_size(current_database())) AS size`
)[0]!.size;
const total = (performance.now() - t0) / 1000;
console.log('Rows:', Object.fromEntries(counts.map((c) => [c.t, c.n])));
console.log(`Database size: ${size}`);
console.log(`GENERATE_TOTAL_SECONDS=${total.toFixed(1)}`);
fs.mkdirSync(path.join(ROOT, 'bench/out'), { recursive: true });
fs.writeFileSync(
  path.join(ROOT, 'bench/out/generate.json'),
  JSON.stringify({ seconds: total, timings, counts, size }, null, 2),
);
await sql.end();
