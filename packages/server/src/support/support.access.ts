import type { FastifyRequest } from 'fastify';
import type { RegionResolver } from '../auth/index.ts';
import { isRowId } from '../registry/shared/region-resolvers.ts';
import { findFlagRegion } from './territory-flag.repository.ts';
import { findAwardProjectIds, findProjectRegions } from './support-measure.repository.ts';

/**
 * Which regions a change touches. A territory flag lies in its region (before
 * and after a move); an award touches the regions of the projects it covers,
 * before and after — one covering no project is national (administrators).
 * `null`: the record named does not exist (the handler answers 404).
 */
const idOf = (request: FastifyRequest) => Number((request.params as { id?: string }).id);
const bodyOf = (request: FastifyRequest) => (request.body ?? {}) as Record<string, unknown>;
const regionCodeOf = (body: Record<string, unknown>) =>
  typeof body['regionCode'] === 'string' ? [body['regionCode']] : [];
const projectIdsOf = (body: Record<string, unknown>) =>
  Array.isArray(body['projectIds']) ? body['projectIds'].filter(isRowId) : [];

export const regionOfNewFlag: RegionResolver = async (request) => regionCodeOf(bodyOf(request));

export const regionOfFlag: RegionResolver = async (request, db) => {
  const id = idOf(request);
  const current = isRowId(id) ? await findFlagRegion(db, id) : undefined;
  if (current === undefined) return null;
  return [current, ...regionCodeOf(bodyOf(request))];
};

export const regionsOfNewAward: RegionResolver = async (request, db) =>
  findProjectRegions(db, projectIdsOf(bodyOf(request)));

export const regionsOfAward: RegionResolver = async (request, db) => {
  const id = idOf(request);
  if (!isRowId(id)) return null;
  const current = await findAwardProjectIds(db, id);
  return findProjectRegions(db, [...current, ...projectIdsOf(bodyOf(request))]);
};
