import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { Database } from '../db/database.ts';
import type { TerritoryFlag } from '@promatlas/core/compliance/index.ts';

export type TerritoryFlagRow = Selectable<Database['territory_flag']> & { region_name: string };

export async function findTerritoryFlagRows(
  db: Db,
  filter: { flag?: TerritoryFlag | undefined; regionCode?: string | undefined; ids?: number[] },
): Promise<TerritoryFlagRow[]> {
  let query = db
    .selectFrom('territory_flag as f')
    .innerJoin('region as r', 'r.code', 'f.region_code')
    .selectAll('f')
    .select('r.name as region_name')
    .where('f.deleted_at', 'is', null);
  if (filter.flag) query = query.where('f.flag', '=', filter.flag);
  if (filter.regionCode) query = query.where('f.region_code', '=', filter.regionCode);
  if (filter.ids) query = query.where('f.id', 'in', filter.ids.length ? filter.ids : [0]);
  return query.orderBy('f.flag').orderBy('f.region_code').orderBy('f.municipality').execute();
}

/** The flags in force on a date for some regions (published ones only: they decide a verdict). */
export async function findFlagsInForce(
  db: Db,
  regionCodes: string[],
  asOf: string,
): Promise<Array<Pick<TerritoryFlagRow, 'flag' | 'region_code' | 'municipality'>>> {
  if (regionCodes.length === 0) return [];
  return db
    .selectFrom('territory_flag')
    .select(['flag', 'region_code', 'municipality'])
    .where('deleted_at', 'is', null)
    .where('published', '=', true)
    .where('region_code', 'in', regionCodes)
    .where((eb) => eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', asOf)]))
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', asOf)]))
    .execute();
}

/** Which kinds of flag have at least one live, published entry: the lists a deployment has loaded. */
export async function findLoadedFlagKinds(db: Db): Promise<TerritoryFlag[]> {
  const rows = await db
    .selectFrom('territory_flag')
    .select('flag')
    .distinct()
    .where('deleted_at', 'is', null)
    .where('published', '=', true)
    .execute();
  return rows.map((r) => r.flag);
}

/** The town an organisation is in (where the registry holds it), for single-industry towns. */
export async function findOrganisationTowns(
  db: Db,
  ids: number[],
): Promise<Array<{ id: number; town: string | null }>> {
  if (ids.length === 0) return [];
  return db.selectFrom('organisation').select(['id', 'town']).where('id', 'in', ids).execute();
}

/** A live flag with the same kind, region, municipality and start (the duplicate an import skips). */
export async function findSameFlag(
  db: Db,
  values: Pick<
    Insertable<Database['territory_flag']>,
    'flag' | 'region_code' | 'municipality' | 'valid_from'
  >,
  exceptId: number | null,
): Promise<{ id: number } | undefined> {
  let query = db
    .selectFrom('territory_flag')
    .select('id')
    .where('deleted_at', 'is', null)
    .where('flag', '=', values.flag)
    .where('region_code', '=', values.region_code)
    .where((eb) =>
      values.municipality
        ? eb(eb.fn('lower', ['municipality']), '=', values.municipality.toLowerCase())
        : eb('municipality', 'is', null),
    )
    .where((eb) =>
      values.valid_from ? eb('valid_from', '=', values.valid_from) : eb('valid_from', 'is', null),
    );
  if (exceptId !== null) query = query.where('id', '<>', exceptId);
  return query.executeTakeFirst();
}

export async function findRegionCodes(db: Db, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db.selectFrom('region').select('code').where('code', 'in', codes).execute();
  return new Set(rows.map((r) => r.code));
}

export async function findFlagRegion(db: Db, id: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('territory_flag')
    .select('region_code')
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row?.region_code;
}
