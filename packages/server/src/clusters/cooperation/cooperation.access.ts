import type { FastifyRequest } from 'fastify';
import type { RegionResolver } from '../../auth/index.ts';
import type { Db } from '../../db/connection.ts';
import { isRowId } from '../../registry/shared/region-resolvers.ts';
import {
  organisationOfPurchase,
  partiesOfContract,
  regionsOfOrganisations,
} from './cooperation.repository.ts';

/**
 * Which regions a cooperation change touches: a contract links two
 * organisations, so it touches both of their regions (before and after a
 * change of party); purchases lie in their organisation's region. `null` as
 * the answer: a record named does not exist (the handler answers 404 or 400).
 */
const idOf = (request: FastifyRequest) => Number((request.params as { id?: string }).id);
const bodyOf = (request: FastifyRequest) => (request.body ?? {}) as Record<string, unknown>;

async function regionsOf(db: Db, ids: unknown[]): Promise<Array<string | null> | null> {
  const wanted = ids.filter(isRowId);
  if (wanted.length !== ids.length) return null;
  const regions = await regionsOfOrganisations(db, wanted);
  if (wanted.some((id) => !regions.has(id))) return null;
  return wanted.map((id) => regions.get(id)!);
}

export const regionsOfNewContract: RegionResolver = async (request, db) => {
  const body = bodyOf(request);
  return regionsOf(db, [body['buyerId'], body['supplierId']]);
};

export const regionsOfContract: RegionResolver = async (request, db) => {
  const id = idOf(request);
  if (!isRowId(id)) return null;
  const parties = await partiesOfContract(db, id);
  if (!parties) return null;
  const body = bodyOf(request);
  const ids: unknown[] = [parties.buyer_id, parties.supplier_id];
  if (body['buyerId'] !== undefined) ids.push(body['buyerId']);
  if (body['supplierId'] !== undefined) ids.push(body['supplierId']);
  return regionsOf(db, ids);
};

export const regionOfNewPurchase: RegionResolver = async (request, db) =>
  regionsOf(db, [bodyOf(request)['organisationId']]);

export const regionOfPurchase: RegionResolver = async (request, db) => {
  const id = idOf(request);
  if (!isRowId(id)) return null;
  const row = await organisationOfPurchase(db, id);
  return row ? regionsOf(db, [row.organisation_id]) : null;
};
