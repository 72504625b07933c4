import type { Db } from '../../db/connection.ts';

/** SQL of rating_methodology. Rows never leave the ratings services. */

export interface MethodologyRow {
  id: number;
  code: string;
  version: string;
  title: string;
  object_type: string;
  body: unknown;
  is_default: boolean;
  created_at: Date;
}

const COLUMNS = [
  'id',
  'code',
  'version',
  'title',
  'object_type',
  'body',
  'is_default',
  'created_at',
] as const;

export async function findMethodologyRows(db: Db): Promise<MethodologyRow[]> {
  return (await db
    .selectFrom('rating_methodology')
    .select(COLUMNS)
    .orderBy('code')
    .orderBy('created_at')
    .orderBy('id')
    .execute()) as MethodologyRow[];
}

export async function findMethodologyRow(db: Db, id: number): Promise<MethodologyRow | undefined> {
  return (await db
    .selectFrom('rating_methodology')
    .select(COLUMNS)
    .where('id', '=', id)
    .executeTakeFirst()) as MethodologyRow | undefined;
}

export async function findMethodologyRowByVersion(
  db: Db,
  code: string,
  version: string,
): Promise<MethodologyRow | undefined> {
  return (await db
    .selectFrom('rating_methodology')
    .select(COLUMNS)
    .where('code', '=', code)
    .where('version', '=', version)
    .executeTakeFirst()) as MethodologyRow | undefined;
}

/** Inserts a version unless (code, version) exists; returns the new id or null. Never updates. */
export async function insertMethodologyRow(
  db: Db,
  row: {
    code: string;
    version: string;
    title: string;
    object_type: string;
    body: unknown;
    is_default: boolean;
  },
): Promise<number | null> {
  const inserted = await db
    .insertInto('rating_methodology')
    .values({ ...row, body: JSON.stringify(row.body) })
    .onConflict((oc) => oc.columns(['code', 'version']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted?.id ?? null;
}
