import type { Selectable } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { CooperationContractTable, CooperationPurchaseTable } from './cooperation.table.ts';

/** A contract with the display names of its two parties. */
export type ContractRow = Selectable<CooperationContractTable> & {
  buyer_name: string;
  buyer_legal_form: string | null;
  supplier_name: string;
  supplier_legal_form: string | null;
};
export type PurchaseRow = Selectable<CooperationPurchaseTable> & {
  organisation_name: string;
  organisation_legal_form: string | null;
};
/** One membership of an organisation in a cluster, with what the check needs to know of it. */
export interface MembershipRow {
  organisation_id: number;
  name: string;
  legal_form: string | null;
  kind: string;
  region_code: string | null;
  role: string;
  valid_from: string | null;
}

function contracts(db: Db) {
  return db
    .selectFrom('cooperation_contract as c')
    .innerJoin('organisation as b', 'b.id', 'c.buyer_id')
    .innerJoin('organisation as s', 's.id', 'c.supplier_id')
    .selectAll('c')
    .select([
      'b.name as buyer_name',
      'b.legal_form as buyer_legal_form',
      's.name as supplier_name',
      's.legal_form as supplier_legal_form',
    ])
    .where('c.deleted_at', 'is', null);
}

export async function getContractRow(db: Db, id: number): Promise<ContractRow | undefined> {
  return contracts(db).where('c.id', '=', id).executeTakeFirst();
}

/** Contracts where at least one party is one of the organisations. */
export async function findContractsOf(db: Db, organisationIds: number[]): Promise<ContractRow[]> {
  if (!organisationIds.length) return [];
  return contracts(db)
    .where((eb) =>
      eb.or([eb('c.buyer_id', 'in', organisationIds), eb('c.supplier_id', 'in', organisationIds)]),
    )
    .orderBy('c.signed_on')
    .orderBy('c.id')
    .execute();
}

export async function findPurchasesOf(db: Db, organisationIds: number[]): Promise<PurchaseRow[]> {
  if (!organisationIds.length) return [];
  return db
    .selectFrom('cooperation_purchase as p')
    .innerJoin('organisation as o', 'o.id', 'p.organisation_id')
    .selectAll('p')
    .select(['o.name as organisation_name', 'o.legal_form as organisation_legal_form'])
    .where('p.deleted_at', 'is', null)
    .where('p.organisation_id', 'in', organisationIds)
    .orderBy('p.organisation_id')
    .orderBy('p.year')
    .execute();
}

export async function getPurchaseRow(db: Db, id: number): Promise<PurchaseRow | undefined> {
  return db
    .selectFrom('cooperation_purchase as p')
    .innerJoin('organisation as o', 'o.id', 'p.organisation_id')
    .selectAll('p')
    .select(['o.name as organisation_name', 'o.legal_form as organisation_legal_form'])
    .where('p.deleted_at', 'is', null)
    .where('p.id', '=', id)
    .executeTakeFirst();
}

export async function findLivePurchase(
  db: Db,
  organisationId: number,
  year: number,
): Promise<{ id: number } | undefined> {
  return db
    .selectFrom('cooperation_purchase')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('year', '=', year)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** The live memberships of a cluster's live organisations. */
export async function findMemberships(db: Db, clusterId: number): Promise<MembershipRow[]> {
  return db
    .selectFrom('cluster_member as m')
    .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
    .select([
      'm.organisation_id',
      'o.name',
      'o.legal_form',
      'o.kind',
      'o.region_code',
      'm.role',
      'm.valid_from',
    ])
    .where('m.cluster_id', '=', clusterId)
    .where('m.deleted_at', 'is', null)
    .where('o.deleted_at', 'is', null)
    .orderBy('o.name')
    .execute();
}

export async function getClusterDecision(db: Db, clusterId: number) {
  return db
    .selectFrom('cluster')
    .select([
      'id',
      'name',
      'decision_date',
      'decision_number',
      'registry_status',
      'specialised_organisation_id',
    ])
    .where('id', '=', clusterId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** Whether the ОКПД2 classifier is loaded, and whether it has the code. */
export async function okpd2Known(
  db: Db,
  code: string,
): Promise<'unknown' | 'known' | 'no_classifier'> {
  const any = await db.selectFrom('okpd2').select('code').limit(1).executeTakeFirst();
  if (!any) return 'no_classifier';
  const row = await db
    .selectFrom('okpd2')
    .select('code')
    .where('code', '=', code)
    .executeTakeFirst();
  return row ? 'known' : 'unknown';
}

/** The regions of organisations (for the regional editor's access check); absent ids are missing. */
export async function regionsOfOrganisations(
  db: Db,
  ids: number[],
): Promise<Map<number, string | null>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('organisation')
    .select(['id', 'region_code'])
    .where('id', 'in', ids)
    .where('deleted_at', 'is', null)
    .execute();
  return new Map(rows.map((r) => [r.id, r.region_code]));
}

export async function partiesOfContract(
  db: Db,
  id: number,
): Promise<{ buyer_id: number; supplier_id: number } | undefined> {
  return db
    .selectFrom('cooperation_contract')
    .select(['buyer_id', 'supplier_id'])
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function organisationOfPurchase(
  db: Db,
  id: number,
): Promise<{ organisation_id: number } | undefined> {
  return db
    .selectFrom('cooperation_purchase')
    .select('organisation_id')
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}
