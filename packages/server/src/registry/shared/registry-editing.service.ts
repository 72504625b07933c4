import type { z } from 'zod';
import type {
  ClusterCreateSchema,
  ClusterMemberCreateSchema,
  ClusterUpdateSchema,
  PersonCreateSchema,
  PersonUpdateSchema,
  PositionCreateSchema,
  SiteCreateSchema,
  SiteUpdateSchema,
  SourceCreateSchema,
  StatementCreateSchema,
} from '@promatlas/core/api/editing.schema.ts';
import type { Db } from '../../db/connection.ts';
import { importedFile, writeAudit, type AuditActor } from '../../audit/audit.repository.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../shared/domain-errors.ts';
import {
  createRecord,
  deleteRecord,
  getLiveRow,
  restoreRecord,
  toColumns,
  updateProvenance,
  updateRecord,
  type MutationContext,
  type VersionedTable,
} from '../../shared/records/versioned-records.ts';
import { checkReferences, organisationProblem, provenance, regionProblem } from './references.ts';

const PROVENANCE = { sourceId: 'source_id', sourceQuote: 'source_quote' };
const PERSON = {
  lastName: 'last_name',
  firstName: 'first_name',
  patronymic: 'patronymic',
  published: 'published',
  ...PROVENANCE,
};
const SITE = {
  kind: 'kind',
  sezType: 'sez_type',
  name: 'name',
  fullName: 'full_name',
  aliases: 'aliases',
  regionCode: 'region_code',
  town: 'town',
  managementOrganisationId: 'management_organisation_id',
  specialisation: 'specialisation',
  latitude: 'latitude',
  longitude: 'longitude',
  published: 'published',
  ...PROVENANCE,
};
const CLUSTER = {
  kind: 'kind',
  status: 'status',
  name: 'name',
  fullName: 'full_name',
  aliases: 'aliases',
  regionCode: 'region_code',
  specialisation: 'specialisation',
  specialisedOrganisationId: 'specialised_organisation_id',
  published: 'published',
  ...PROVENANCE,
};

function period(asOf: { from: string; to: string; precision: string } | null | undefined) {
  return asOf ? { valid_from: asOf.from, valid_to: asOf.to, valid_precision: asOf.precision } : {};
}

/** The regions and organisations a site or cluster refers to must exist: checked before writing. */
function referenceChecks(db: Db, input: Record<string, unknown>) {
  return checkReferences([
    regionProblem(db, 'regionCode', input['regionCode'] as string | null | undefined),
    organisationProblem(
      db,
      'managementOrganisationId',
      input['managementOrganisationId'] as number | null | undefined,
    ),
    organisationProblem(
      db,
      'specialisedOrganisationId',
      input['specialisedOrganisationId'] as number | null | undefined,
    ),
  ]);
}

function simpleEditing<C extends Record<string, unknown>, U extends { version: number }>(
  table: VersionedTable,
  columns: Record<string, string>,
) {
  return {
    async create(db: Db, ctx: MutationContext, input: C) {
      await referenceChecks(db, input);
      const prov = await provenance(
        db,
        input as { sourceId?: number | null; sourceQuote?: string | null },
      );
      const row = await db.transaction().execute((trx) =>
        createRecord(trx, { ...ctx, sourceId: prov.source_id }, table, {
          ...toColumns(input, columns),
          ...prov,
        }),
      );
      return { id: row.id, version: row.version };
    },
    async update(db: Db, ctx: MutationContext, id: number, input: U) {
      const { version, ...rest } = input;
      await referenceChecks(db, rest);
      const prov = await updateProvenance(
        db,
        table,
        id,
        rest as { sourceId?: number | null; sourceQuote?: string | null },
      );
      const row = await db.transaction().execute((trx) =>
        updateRecord(trx, { ...ctx, sourceId: prov.source_id }, table, id, version, {
          ...toColumns(rest, columns),
          ...prov,
        }),
      );
      return { id: row.id, version: row.version };
    },
    async remove(db: Db, ctx: MutationContext, id: number, version: number) {
      const row = await db
        .transaction()
        .execute((trx) => deleteRecord(trx, ctx, table, id, version));
      return { id: row.id, version: row.version };
    },
    async restore(db: Db, ctx: MutationContext, id: number) {
      const row = await db.transaction().execute((trx) => restoreRecord(trx, ctx, table, id));
      return { id: row.id, version: row.version };
    },
  };
}

export const personEditing = simpleEditing<
  z.infer<typeof PersonCreateSchema>,
  z.infer<typeof PersonUpdateSchema>
>('person', PERSON);
export const siteEditing = simpleEditing<
  z.infer<typeof SiteCreateSchema>,
  z.infer<typeof SiteUpdateSchema>
>('site', SITE);
export const clusterEditing = simpleEditing<
  z.infer<typeof ClusterCreateSchema>,
  z.infer<typeof ClusterUpdateSchema>
>('cluster', CLUSTER);

/** A new position of a person; earlier positions stay, each with its own as-of date. */
export async function addPosition(
  db: Db,
  ctx: MutationContext,
  personId: number,
  input: z.infer<typeof PositionCreateSchema>,
) {
  if (!(await getLiveRow(db, 'person', personId)))
    throw new NotFoundError('Персона', 'Person', personId);
  await checkReferences([
    organisationProblem(db, 'organisationId', input.organisationId),
    regionProblem(db, 'regionCode', input.regionCode),
  ]);
  const prov = await provenance(db, input);
  const row = await db.transaction().execute((trx) =>
    createRecord(trx, { ...ctx, sourceId: prov.source_id }, 'position', {
      person_id: personId,
      organisation_id: input.organisationId ?? null,
      region_code: input.regionCode ?? null,
      title: input.title,
      ...period(input.asOf),
      ...prov,
    }),
  );
  return { id: row.id, version: row.version };
}

export async function addClusterMember(
  db: Db,
  ctx: MutationContext,
  clusterId: number,
  input: z.infer<typeof ClusterMemberCreateSchema>,
) {
  if (!(await getLiveRow(db, 'cluster', clusterId)))
    throw new NotFoundError('Кластер', 'Cluster', clusterId);
  await checkReferences([organisationProblem(db, 'organisationId', input.organisationId)]);
  const existing = await db
    .selectFrom('cluster_member')
    .select('id')
    .where('cluster_id', '=', clusterId)
    .where('organisation_id', '=', input.organisationId)
    .where('role', '=', input.role)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (existing)
    throw new ConflictError(
      'Организация уже участвует в кластере в этой роли',
      'Already a member in this role',
      { code: 'duplicate', details: { field: 'organisationId' } },
    );
  const prov = await provenance(db, input);
  const row = await db.transaction().execute((trx) =>
    createRecord(trx, { ...ctx, sourceId: prov.source_id }, 'cluster_member', {
      cluster_id: clusterId,
      organisation_id: input.organisationId,
      role: input.role,
      ...period(input.asOf),
      ...prov,
    }),
  );
  return { id: row.id, version: row.version };
}

export async function removeChild(
  db: Db,
  ctx: MutationContext,
  table: 'cluster_member' | 'position' | 'statement',
  id: number,
  version: number,
) {
  const row = await db.transaction().execute((trx) => deleteRecord(trx, ctx, table, id, version));
  return { id: row.id, version: row.version };
}

const SUBJECT_TABLES = {
  organisation: 'organisation',
  person: 'person',
  site: 'site',
  cluster: 'cluster',
  event: 'event',
  project: 'project',
} as const;

/**
 * A new fact about a record: «65 резидентов на 01.10.2024» is a new
 * statement; the earlier «60 резидентов на 14.03.2024» stays as history.
 */
export async function addStatement(
  db: Db,
  ctx: MutationContext,
  input: z.infer<typeof StatementCreateSchema>,
  today: string,
) {
  const { type, id } = input.subject;
  if (type === 'region') {
    if (!(await db.selectFrom('region').select('code').where('code', '=', id).executeTakeFirst()))
      throw new NotFoundError('Регион', 'Region', id);
  } else if (!/^\d+$/.test(id) || !(await getLiveRow(db, SUBJECT_TABLES[type], Number(id)))) {
    throw new ValidationError('Объект факта не найден', 'Subject not found', {
      fields: [
        { field: 'subject.id', message: 'Объект не найден', messageEn: 'Subject not found' },
      ],
    });
  }
  if (input.asOf && input.asOf.from > today) {
    throw new ValidationError(
      'Дата актуальности факта не может быть в будущем',
      'The as-of date is in the future',
      {
        fields: [
          {
            field: 'asOf',
            message: 'Дата актуальности факта не может быть в будущем',
            messageEn: 'The as-of date is in the future',
          },
        ],
      },
    );
  }
  const prov = await provenance(db, input);
  const row = await db.transaction().execute((trx) =>
    createRecord(trx, { ...ctx, sourceId: prov.source_id }, 'statement', {
      subject_type: type,
      subject_id: id,
      property: input.property,
      value_number: input.valueNumber ?? null,
      value_text: input.valueText ?? null,
      unit: input.unit ?? null,
      qualifier: input.qualifier,
      ...period(input.asOf),
      ...prov,
    }),
  );
  return { id: row.id, version: row.version };
}

export async function createSource(
  db: Db,
  input: z.infer<typeof SourceCreateSchema>,
  actor?: AuditActor,
) {
  const values = {
    kind: input.kind,
    title: input.title,
    publisher: input.publisher ?? null,
    published_from: input.published?.from ?? null,
    published_to: input.published?.to ?? null,
    published_precision: input.published?.precision ?? null,
    url: input.url ?? null,
    text: input.text,
  };
  const row = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('source_document')
      .values(values)
      .returning('id')
      .executeTakeFirstOrThrow();
    // The full text (up to a million characters) stays in the source; the journal has its size and hash.
    const { text, ...described } = values;
    if (actor)
      await writeAudit(trx, {
        userId: actor.userId,
        action: 'create',
        entityType: 'source_document',
        entityId: row.id,
        before: null,
        after: {
          id: row.id,
          ...described,
          text: importedFile({ bytes: Buffer.from(text, 'utf8') }),
        },
      });
    return row;
  });
  return { id: row.id, version: 1 };
}
