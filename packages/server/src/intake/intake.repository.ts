import { sql, type Kysely, type Selectable } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { Database } from '../db/database.ts';
import type { IntakeDecisionTable, IntakeDocumentTable } from './intake.table.ts';
import { importedFile, writeAudit } from '../audit/index.ts';

/** Every query of document intake. */

export type IntakeDocumentRow = Selectable<IntakeDocumentTable>;
export type IntakeDecisionRow = Selectable<IntakeDecisionTable>;
type Trx = Kysely<Database>;

export async function findDocumentByHash(db: Db, sha256: string) {
  return db
    .selectFrom('intake_document')
    .selectAll()
    .where('text_sha256', '=', sha256)
    .executeTakeFirst();
}

/** A new draft and its journal entry (the text as its size and hash); the same text twice keeps the first. */
export async function insertDocument(
  db: Db,
  values: Omit<IntakeDocumentTable, 'id' | 'created_at' | 'source_id'>,
): Promise<{ row: IntakeDocumentRow; created: boolean }> {
  const row = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('intake_document')
      .values(values)
      .onConflict((oc) => oc.column('text_sha256').doNothing())
      .returningAll()
      .executeTakeFirst();
    if (row) {
      const { text: _text, ...described } = row;
      await writeAudit(trx, {
        userId: values.created_by,
        action: 'create',
        entityType: 'intake_document',
        entityId: row.id,
        before: null,
        after: { ...described, text: importedFile({ bytes: Buffer.from(row.text, 'utf8') }) },
      });
    }
    return row;
  });
  if (row) return { row, created: true };
  return { row: (await findDocumentByHash(db, values.text_sha256))!, created: false };
}

export async function getDocument(db: Db, id: number) {
  return db.selectFrom('intake_document').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listDocuments(db: Db, limit: number) {
  return db
    .selectFrom('intake_document as d')
    .select([
      'd.id',
      'd.title',
      'd.publisher',
      'd.published_on',
      'd.url',
      'd.file_name',
      'd.format',
      'd.source_id',
      'd.created_at',
      sql<number>`(SELECT count(*)::int FROM intake_decision x WHERE x.document_id = d.id AND x.status = 'accepted')`.as(
        'accepted',
      ),
      sql<number>`(SELECT count(*)::int FROM intake_decision x WHERE x.document_id = d.id AND x.status = 'rejected')`.as(
        'rejected',
      ),
    ])
    .orderBy('d.created_at', 'desc')
    .orderBy('d.id', 'desc')
    .limit(limit)
    .execute();
}

export async function listDecisions(db: Db, documentId: number): Promise<IntakeDecisionRow[]> {
  return db
    .selectFrom('intake_decision')
    .selectAll()
    .where('document_id', '=', documentId)
    .execute();
}

/** The stems PostgreSQL's Russian configuration gives each name (the search's own normalisation). */
export async function stemsOf(db: Db, names: string[]): Promise<Map<string, string>> {
  if (names.length === 0) return new Map();
  const rows = await sql<{ name: string; stems: string }>`
    SELECT n AS name, strip(to_tsvector('russian', n))::text AS stems
    FROM unnest(${names}::text[]) AS n`.execute(db);
  return new Map(rows.rows.map((r) => [r.name, r.stems]));
}

export interface NamedCandidate {
  type: 'organisation' | 'site' | 'cluster';
  id: number;
  name: string;
  legal_form: string | null;
  region_code: string | null;
  inn: string | null;
  ogrn: string | null;
  stems: string;
  alias_stems: string[];
  aliases: string[];
}

/** Live organisations, sites and clusters whose name or alias has one of these stem sets, or the ИНН/ОГРН. */
export async function namedCandidates(
  db: Db,
  stems: string[],
  inns: string[],
  ogrns: string[],
): Promise<NamedCandidate[]> {
  const usable = stems.filter((s) => s !== '');
  if (usable.length === 0 && inns.length === 0 && ogrns.length === 0) return [];
  const rows = await sql<NamedCandidate>`
    WITH candidates AS (
      SELECT 'organisation' AS type, id, name, legal_form, region_code, inn, ogrn, aliases
        FROM organisation WHERE deleted_at IS NULL
      UNION ALL
      SELECT 'site', id, name, NULL, region_code, NULL, NULL, aliases FROM site WHERE deleted_at IS NULL
      UNION ALL
      SELECT 'cluster', id, name, NULL, region_code, NULL, NULL, aliases FROM cluster WHERE deleted_at IS NULL
    ), stemmed AS (
      SELECT c.*, strip(to_tsvector('russian', c.name))::text AS stems,
        ARRAY(SELECT strip(to_tsvector('russian', a))::text FROM unnest(c.aliases) a) AS alias_stems
      FROM candidates c
    )
    SELECT * FROM stemmed
    WHERE stems = ANY(${usable}::text[])
       OR alias_stems && ${usable}::text[]
       OR inn = ANY(${inns}::text[])
       OR ogrn = ANY(${ogrns}::text[])
    ORDER BY type, id`.execute(db);
  return rows.rows;
}

export async function peopleByLastName(db: Db, lastNames: string[]) {
  if (lastNames.length === 0) return [];
  return db
    .selectFrom('person')
    .select(['id', 'last_name', 'first_name', 'patronymic', 'aliases'])
    .where('deleted_at', 'is', null)
    .where(sql<boolean>`lower(replace(last_name, 'ё', 'е')) = ANY(${lastNames}::text[])`)
    .orderBy('id')
    .execute();
}

export async function eventsOn(db: Db, dates: string[]) {
  if (dates.length === 0) return [];
  return db
    .selectFrom('event')
    .select(['id', 'kind', 'title', 'valid_from', 'region_code'])
    .where('deleted_at', 'is', null)
    .where('valid_from', 'in', dates)
    .orderBy('id')
    .execute();
}

export async function regionNames(db: Db): Promise<Map<string, string>> {
  const rows = await db.selectFrom('region').select(['code', 'name']).execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** Titles of records a decision names, by "type:id". */
export async function recordTitles(
  db: Db,
  refs: Array<{ type: string; id: string }>,
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const ids = (type: string) =>
    refs.filter((r) => r.type === type && /^\d{1,9}$/.test(r.id)).map((r) => Number(r.id));
  const put = (type: string, rows: Array<{ id: number; title: string }>) => {
    for (const r of rows) out.set(`${type}:${r.id}`, r.title);
  };
  const org = ids('organisation');
  if (org.length)
    put(
      'organisation',
      await db
        .selectFrom('organisation')
        .select(['id', sql<string>`coalesce(legal_form || ' ', '') || name`.as('title')])
        .where('id', 'in', org)
        .execute(),
    );
  const person = ids('person');
  if (person.length)
    put(
      'person',
      await db
        .selectFrom('person')
        .select(['id', sql<string>`concat_ws(' ', last_name, first_name, patronymic)`.as('title')])
        .where('id', 'in', person)
        .execute(),
    );
  for (const type of ['site', 'cluster'] as const) {
    const list = ids(type);
    if (list.length)
      put(
        type,
        await db.selectFrom(type).select(['id', 'name as title']).where('id', 'in', list).execute(),
      );
  }
  for (const type of ['event', 'agreement'] as const) {
    const list = ids(type);
    if (list.length)
      put(
        type,
        await db.selectFrom(type).select(['id', 'title']).where('id', 'in', list).execute(),
      );
  }
  const st = ids('statement');
  if (st.length)
    put(
      'statement',
      await db
        .selectFrom('statement')
        .select([
          'id',
          sql<string>`property || ': ' || coalesce(value_number::text, value_text)`.as('title'),
        ])
        .where('id', 'in', st)
        .execute(),
    );
  for (const r of refs)
    if (r.type === 'region' && !out.has(`region:${r.id}`)) out.set(`region:${r.id}`, r.id);
  return out;
}

// ---- Writes, inside the accepting transaction ----

export async function lockDocument(trx: Trx, id: number) {
  return trx
    .selectFrom('intake_document')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function decisionsInTransaction(trx: Trx, documentId: number) {
  return trx
    .selectFrom('intake_decision')
    .selectAll()
    .where('document_id', '=', documentId)
    .execute();
}

/** The document becomes a source: its text, publisher, date and address, audited. */
export async function createSourceFromDocument(
  trx: Trx,
  doc: IntakeDocumentRow,
  userId: number | null,
  textDigest: Record<string, unknown>,
): Promise<number> {
  const values = {
    kind: 'press_release' as const,
    title: doc.title,
    publisher: doc.publisher,
    published_from: doc.published_on,
    published_to: doc.published_on,
    published_precision: doc.published_on ? ('day' as const) : null,
    url: doc.url,
    text: doc.text,
  };
  const row = await trx
    .insertInto('source_document')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  const { text: _text, ...described } = values;
  await writeAudit(trx, {
    userId,
    action: 'create',
    entityType: 'source_document',
    entityId: row.id,
    before: null,
    after: { id: row.id, ...described, text: textDigest },
  });
  await trx
    .updateTable('intake_document')
    .set({ source_id: row.id })
    .where('id', '=', doc.id)
    .execute();
  return row.id;
}

export async function insertDecision(
  trx: Trx,
  values: {
    document_id: number;
    proposal_key: string;
    kind: IntakeDecisionTable['kind'];
    status: IntakeDecisionTable['status'];
    record_type: string | null;
    record_id: string | null;
    edited: Record<string, unknown> | null;
    decided_by: number | null;
  },
  sourceId: number | null,
): Promise<void> {
  const row = await trx
    .insertInto('intake_decision')
    .values({ ...values, edited: values.edited ? JSON.stringify(values.edited) : null })
    .returningAll()
    .executeTakeFirstOrThrow();
  await writeAudit(trx, {
    userId: values.decided_by,
    action: 'create',
    entityType: 'intake_decision',
    entityId: row.id,
    before: null,
    after: { ...row, edited: values.edited },
    sourceId,
  });
}

/** A row of a table the generic record kit does not cover (agreements and their parties, event participants). */
async function insertAudited<T extends 'agreement' | 'agreement_party' | 'event_participant'>(
  trx: Trx,
  table: T,
  values: Record<string, unknown>,
  userId: number | null,
  sourceId: number,
): Promise<number> {
  // The three tables share the RECORD columns; their value shapes are checked by the callers' types.
  const row = (await trx
    .insertInto(table)
    .values(values as never)
    .returningAll()
    .executeTakeFirstOrThrow()) as unknown as Record<string, unknown> & { id: number };
  await writeAudit(trx, {
    userId,
    action: 'create',
    entityType: table,
    entityId: row.id,
    before: null,
    after: row,
    sourceId,
  });
  return row.id;
}

export function insertEventParticipant(
  trx: Trx,
  values: {
    event_id: number;
    organisation_id: number | null;
    person_id: number | null;
    role: 'organiser' | 'opener' | 'participant';
    source_id: number;
    source_quote: string | null;
  },
  userId: number | null,
) {
  return insertAudited(trx, 'event_participant', values, userId, values.source_id);
}

export async function participantExists(
  trx: Trx,
  eventId: number,
  ref: { organisation_id: number | null; person_id: number | null },
) {
  let q = trx
    .selectFrom('event_participant')
    .select('id')
    .where('event_id', '=', eventId)
    .where('deleted_at', 'is', null);
  q =
    ref.organisation_id !== null
      ? q.where('organisation_id', '=', ref.organisation_id)
      : q.where('person_id', '=', ref.person_id);
  return (await q.executeTakeFirst()) !== undefined;
}

export function insertAgreement(
  trx: Trx,
  values: {
    title: string;
    valid_from: string | null;
    valid_to: string | null;
    valid_precision: string | null;
    source_id: number;
    source_quote: string;
  },
  userId: number | null,
) {
  return insertAudited(trx, 'agreement', values, userId, values.source_id);
}

export function insertAgreementParty(
  trx: Trx,
  values: {
    agreement_id: number;
    organisation_id: number | null;
    region_code: string | null;
    signatory_person_id: number | null;
    role: 'party' | 'signatory';
    source_id: number;
    source_quote: string;
  },
  userId: number | null,
) {
  return insertAudited(trx, 'agreement_party', values, userId, values.source_id);
}

export async function positionExists(
  trx: Trx,
  personId: number,
  title: string,
  organisationId: number | null,
) {
  let q = trx
    .selectFrom('position')
    .select('id')
    .where('person_id', '=', personId)
    .where('deleted_at', 'is', null)
    .where(sql<boolean>`lower(title) = lower(${title})`);
  q =
    organisationId === null
      ? q.where('organisation_id', 'is', null)
      : q.where('organisation_id', '=', organisationId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function regionExists(db: Db | Trx, code: string) {
  return (
    (await db.selectFrom('region').select('code').where('code', '=', code).executeTakeFirst()) !==
    undefined
  );
}

export async function recordRegion(
  db: Db | Trx,
  type: 'organisation' | 'site' | 'cluster' | 'event',
  id: number,
): Promise<string | null | undefined> {
  const row = await db
    .selectFrom(type)
    .select('region_code')
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row ? row.region_code : undefined;
}

export async function personExists(db: Db | Trx, id: number) {
  return (
    (await db
      .selectFrom('person')
      .select('id')
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst()) !== undefined
  );
}

/** The region of each live organisation, site, cluster or event named, by "type:id". */
export async function recordRegions(
  db: Db,
  refs: Array<{ type: string; id: string }>,
): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  for (const type of ['organisation', 'site', 'cluster', 'event'] as const) {
    const ids = [
      ...new Set(
        refs.filter((r) => r.type === type && /^\d{1,9}$/.test(r.id)).map((r) => Number(r.id)),
      ),
    ];
    if (ids.length === 0) continue;
    const rows = await db
      .selectFrom(type)
      .select(['id', 'region_code'])
      .where('id', 'in', ids)
      .where('deleted_at', 'is', null)
      .execute();
    for (const r of rows) out.set(`${type}:${r.id}`, r.region_code);
  }
  return out;
}
