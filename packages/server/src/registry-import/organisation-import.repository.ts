import { sql, type Selectable } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { Database } from '../db/database.ts';

/** The SQL of the organisations' import: matching by ИНН, ОГРН or region, and the batch writes. */

type OrganisationTable = Database['organisation'];
export type OrganisationRow = Omit<Selectable<OrganisationTable>, 'search_vector' | 'search_text'>;

const ORGANISATION_COLUMNS = [
  'o.id',
  'o.kind',
  'o.name',
  'o.full_name',
  'o.short_name',
  'o.legal_form',
  'o.inn',
  'o.ogrn',
  'o.kpp',
  'o.region_code',
  'o.town',
  'o.country',
  'o.parent_id',
  'o.latitude',
  'o.longitude',
  'o.description',
  'o.aliases',
  'o.version',
  'o.published',
  'o.deleted_at',
  'o.created_at',
  'o.updated_at',
  'o.source_id',
  'o.source_quote',
] as const;

export type MatchedOrganisation = OrganisationRow & { imported_version: number | null };

/**
 * Live organisations with any of the ИНН or ОГРН, with the version the last
 * import left each at. One query per identifier, so each uses its own unique
 * index (an OR of the two lists may be planned as a scan of the whole table).
 */
export async function findByIdentifiers(
  db: Db,
  inns: string[],
  ogrns: string[],
): Promise<MatchedOrganisation[]> {
  const by = async (column: 'o.inn' | 'o.ogrn', values: string[]) =>
    values.length === 0
      ? []
      : db
          .selectFrom('organisation as o')
          .leftJoin('registry_import_record as r', (j) =>
            j.onRef('r.record_id', '=', 'o.id').on('r.entity_type', '=', 'organisation'),
          )
          .select([...ORGANISATION_COLUMNS, 'r.version as imported_version'])
          .where('o.deleted_at', 'is', null)
          .where(column, 'is not', null)
          .where(column, 'in', values)
          .execute();
  const rows = [...(await by('o.inn', inns)), ...(await by('o.ogrn', ogrns))];
  const seen = new Set<number>();
  return rows.filter((r) => !seen.has(r.id) && seen.add(r.id));
}

/** Live organisations of the regions (null: without a region), for matching by name. */
export async function findByRegions(
  db: Db,
  regions: Array<string | null>,
): Promise<MatchedOrganisation[]> {
  const codes = regions.filter((r): r is string => r !== null);
  const none = regions.includes(null);
  if (codes.length === 0 && !none) return [];
  return db
    .selectFrom('organisation as o')
    .leftJoin('registry_import_record as r', (j) =>
      j.onRef('r.record_id', '=', 'o.id').on('r.entity_type', '=', 'organisation'),
    )
    .select([...ORGANISATION_COLUMNS, 'r.version as imported_version'])
    .where('o.deleted_at', 'is', null)
    .where((eb) =>
      eb.or([
        ...(codes.length ? [eb('o.region_code', 'in', codes)] : []),
        ...(none ? [eb('o.region_code', 'is', null)] : []),
      ]),
    )
    .execute();
}

export async function okvedOf(
  db: Db,
  ids: number[],
): Promise<Map<number, Array<{ code: string; isMain: boolean }>>> {
  const out = new Map<number, Array<{ code: string; isMain: boolean }>>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('organisation_okved')
    .select(['organisation_id', 'okved_code', 'is_main'])
    .where('organisation_id', 'in', ids)
    .execute();
  for (const r of rows) {
    const list = out.get(r.organisation_id) ?? [];
    list.push({ code: r.okved_code, isMain: r.is_main });
    out.set(r.organisation_id, list);
  }
  return out;
}

export type OrganisationValues = {
  kind: OrganisationRow['kind'];
  name: string;
  full_name?: string | null;
  legal_form?: string | null;
  inn?: string | null;
  ogrn?: string | null;
  kpp?: string | null;
  region_code?: string | null;
  town?: string | null;
  description?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  source_id: number | null;
  source_quote: string | null;
};

/**
 * The columns an import inserts, with the array type each is sent as: a
 * batch goes as one array per column through `INSERT … SELECT FROM unnest(…)`,
 * one statement whatever the batch's size, with fourteen parameters instead
 * of fourteen per row (which PostgreSQL parses and plans a row at a time).
 */
const INSERTED: ReadonlyArray<[keyof OrganisationValues, string]> = [
  ['kind', 'text'],
  ['name', 'text'],
  ['full_name', 'text'],
  ['legal_form', 'text'],
  ['inn', 'text'],
  ['ogrn', 'text'],
  ['kpp', 'text'],
  ['region_code', 'text'],
  ['town', 'text'],
  ['description', 'text'],
  ['latitude', 'float8'],
  ['longitude', 'float8'],
  ['source_id', 'int4'],
  ['source_quote', 'text'],
];

export async function insertOrganisations(
  db: Db,
  rows: OrganisationValues[],
): Promise<OrganisationRow[]> {
  if (rows.length === 0) return [];
  const arrays = INSERTED.map(
    ([column, type]) => sql`${rows.map((r) => r[column] ?? null)}::${sql.raw(type)}[]`,
  );
  // The rows come back in the order of the arrays: an INSERT … SELECT from one
  // unnest inserts them in that order (as a multi-row VALUES did).
  const result = await sql<OrganisationRow>`
    INSERT INTO organisation (${sql.join(INSERTED.map(([c]) => sql.ref(c)))})
    SELECT * FROM unnest(${sql.join(arrays)})
    RETURNING ${sql.join(ORGANISATION_COLUMNS.map((c) => sql.ref(c.slice(2))))}`.execute(db);
  return result.rows;
}

/**
 * Applies each record's changes only if it is still at the version read, all
 * in one `UPDATE … FROM unnest(…)`: per column an array of values and one of
 * whether the record's change sets it (a change sets some columns, keeps the
 * others). Answers the records updated; one missing was edited meanwhile (or
 * deleted). Each id at most once.
 */
export async function updateOrganisationsAt(
  db: Db,
  rows: Array<{ id: number; version: number; changes: Partial<OrganisationValues> }>,
): Promise<Map<number, OrganisationRow>> {
  const out = new Map<number, OrganisationRow>();
  if (rows.length === 0) return out;
  const columns = INSERTED.filter(([c]) => rows.some((r) => c in r.changes));
  const arrays = columns.flatMap(([column, type]) => [
    sql`${rows.map((r) => r.changes[column] ?? null)}::${sql.raw(type)}[]`,
    sql`${rows.map((r) => column in r.changes)}::bool[]`,
  ]);
  const names = columns.flatMap(([c]) => [sql.ref(c), sql.ref(`set_${c}`)]);
  const result = await sql<OrganisationRow>`
    UPDATE organisation AS o
       SET ${sql.join([
         ...columns.map(
           ([c]) =>
             sql`${sql.ref(c)} = CASE WHEN u.${sql.ref(`set_${c}`)} THEN u.${sql.ref(c)} ELSE o.${sql.ref(c)} END`,
         ),
         sql`version = o.version + 1`,
         sql`updated_at = now()`,
       ])}
      FROM unnest(${sql.join([
        sql`${rows.map((r) => r.id)}::int4[]`,
        sql`${rows.map((r) => r.version)}::int4[]`,
        ...arrays,
      ])}) AS u(id, version${columns.length ? sql`, ${sql.join(names)}` : sql``})
     WHERE o.id = u.id AND o.version = u.version AND o.deleted_at IS NULL
    RETURNING ${sql.join(ORGANISATION_COLUMNS.map((c) => sql.ref(c)))}`.execute(db);
  for (const r of result.rows) out.set(r.id, r);
  return out;
}

export async function replaceOkved(
  db: Db,
  rows: Array<{ id: number; okved: Array<{ code: string; isMain: boolean }> }>,
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .deleteFrom('organisation_okved')
    .where(
      'organisation_id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  const values = rows.flatMap((r) => r.okved.map((o) => ({ id: r.id, ...o })));
  if (values.length === 0) return;
  await sql`
    INSERT INTO organisation_okved (organisation_id, okved_code, is_main)
    SELECT * FROM unnest(${values.map((v) => v.id)}::int4[], ${values.map((v) => v.code)}::text[],
                         ${values.map((v) => v.isMain)}::bool[])`.execute(db);
}

export async function recordImported(
  db: Db,
  rows: Array<{ id: number; version: number }>,
  jobId: number,
): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    INSERT INTO registry_import_record (entity_type, record_id, version, job_id)
    SELECT 'organisation', r.id, r.version, ${jobId}::int4
      FROM unnest(${rows.map((r) => r.id)}::int4[], ${rows.map((r) => r.version)}::int4[]) AS r(id, version)
    ON CONFLICT (entity_type, record_id)
      DO UPDATE SET version = excluded.version, job_id = excluded.job_id`.execute(db);
}

/**
 * Lets the organisations' search indexes (GIN, with fast update) collect a
 * batch's new entries in their pending lists, up to 64 MB for this
 * transaction, instead of merging them every 4 MB: merging many entries at
 * once costs less than merging often (a third less insert time on the
 * embedded database, where the merge runs in the one thread).
 */
export async function deferSearchIndexMerges(db: Db): Promise<void> {
  await sql`SELECT set_config('gin_pending_list_limit', '65536', true)`.execute(db);
}

/**
 * Merges what the organisations' search indexes have pending, once an import
 * has written its last batch, so searches do not scan a long pending list
 * (PostgreSQL's autovacuum would also do it; the embedded database has none).
 */
export async function mergeSearchIndexes(db: Db): Promise<void> {
  await sql`SELECT gin_clean_pending_list(c.oid)
              FROM pg_class c JOIN pg_am a ON a.oid = c.relam
             WHERE a.amname = 'gin' AND c.relname IN ('organisation_search_vector_idx', 'organisation_search_text_idx')`.execute(
    db,
  );
}

/**
 * A new organisation of a batch as the COPY path writes it: its values, its
 * line in the file, its ОКВЭД2 codes and the codes as its audit entry names
 * them («25.11 (основной)»).
 */
export interface NewOrganisation {
  line: number;
  values: OrganisationValues;
  okved: Array<{ code: string; isMain: boolean }>;
  auditOkved: string[] | null;
}

/** COPY's text format: backslash, tab, newline and carriage return escaped; \N for null. */
const COPY_SPECIAL = /[\\\t\n\r]/;
// Most values have none of the four characters: they are sent as they are, without four passes.
const copyText = (v: string) =>
  COPY_SPECIAL.test(v)
    ? v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : v;
const copyValue = (v: string | number | boolean | null | undefined) =>
  v === null || v === undefined
    ? '\\N'
    : typeof v === 'boolean'
      ? v
        ? 't'
        : 'f'
      : copyText(String(v));
/**
 * The columns of an organisation an import's audit entry shows: the record's
 * (as the row read back) less its generated search columns and timestamps —
 * what audit/audit.repository.ts's auditSnapshot keeps of the row.
 */
const AUDITED = ORGANISATION_COLUMNS.map((c) => c.slice(2)).filter(
  (c) => c !== 'created_at' && c !== 'updated_at',
);

/** The audited columns a new organisation of an import leaves at their defaults (see AUDITED). */
const AUDITED_DEFAULTS = {
  short_name: null,
  country: 'RU',
  parent_id: null,
  aliases: [],
  version: 1,
  published: true,
  deleted_at: null,
} as const;

/**
 * Writes a batch's new organisations straight into their tables by COPY,
 * without a staging table or a merging statement: their ids are drawn from
 * the organisations' sequence first (one query for the batch), then four
 * COPYs in the batch's transaction write the organisations, their ОКВЭД2
 * codes, one audit entry each and the versions the import leaves. The audit
 * entry is the one the unnest path writes through writeAuditEntries — the
 * record as inserted (the AUDITED columns, those the import does not set at
 * their defaults), its codes and the line of the file — built here, where the values already are, so the database parses a
 * document instead of assembling one per row. The new records' ids are fresh
 * from the sequence, so no import version can exist for them yet and the
 * versions need no ON CONFLICT. Answers each new row's id and name in the
 * order given, and the whole record as written for the rows without ИНН and
 * ОГРН (matched by name later in the file).
 */
export async function copyOrganisations(
  trx: Db,
  copy: (statement: string, text: string) => Promise<void>,
  rows: NewOrganisation[],
  by: { jobId: number; userId: number | null },
): Promise<{ ids: number[]; unidentified: Map<number, OrganisationRow> }> {
  if (rows.length === 0) return { ids: [], unidentified: new Map() };
  const drawn = await sql<{ id: number }>`
    SELECT nextval(pg_get_serial_sequence('organisation', 'id'))::int4 AS id
      FROM generate_series(1, ${rows.length}::int4)`.execute(trx);
  // Ids in the order they were drawn, given to the rows in the file's order.
  const ids = drawn.rows.map((r) => r.id).sort((a, b) => a - b);
  const columns = INSERTED.map(([c]) => c);
  const line = (values: Array<string | number | boolean | null | undefined>) =>
    values.map(copyValue).join('\t') + '\n';
  await copy(
    `COPY organisation (id, ${columns.join(', ')}) FROM STDIN`,
    rows.map((r, i) => line([ids[i], ...columns.map((c) => r.values[c])])).join(''),
  );
  const okved = rows.flatMap((r, i) => r.okved.map((o) => line([ids[i], o.code, o.isMain])));
  if (okved.length > 0)
    await copy(
      'COPY organisation_okved (organisation_id, okved_code, is_main) FROM STDIN',
      okved.join(''),
    );
  await copy(
    'COPY audit_entry (user_id, action, entity_type, entity_id, before, after, source_id) FROM STDIN',
    rows
      .map((r, i) => {
        const v = r.values;
        const record: Record<string, unknown> = { ...AUDITED_DEFAULTS, ...v, id: ids[i] };
        const after = {
          ...Object.fromEntries(AUDITED.map((c) => [c, record[c] ?? null])),
          ...(r.auditOkved ? { okved: r.auditOkved } : {}),
          import: { job: by.jobId, line: r.line },
        };
        return line([
          by.userId,
          'create',
          'organisation',
          String(ids[i]),
          null,
          JSON.stringify(after),
          v.source_id,
        ]);
      })
      .join(''),
  );
  await copy(
    'COPY registry_import_record (entity_type, record_id, version, job_id) FROM STDIN',
    ids.map((id) => line(['organisation', id, 1, by.jobId])).join(''),
  );
  const unnamed = ids.filter((_, i) => !rows[i]!.values.inn && !rows[i]!.values.ogrn);
  const unidentified = new Map<number, OrganisationRow>();
  if (unnamed.length > 0)
    for (const r of await trx
      .selectFrom('organisation as o')
      .select(ORGANISATION_COLUMNS)
      .where('o.id', 'in', unnamed)
      .execute())
      unidentified.set(r.id, r);
  return { ids, unidentified };
}
