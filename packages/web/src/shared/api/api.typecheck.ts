/**
 * Compiled by `tsc -p packages/web` (npm run typecheck), never run: each
 * `@ts-expect-error` marks a call the API contract must refuse. Were the
 * contract to accept one, the directive would be unused and tsc would fail.
 */
import { contract } from '@promatlas/core/api/contract.ts';
import { api, apiPath } from './api.ts';

export async function contractRefusesWrongCalls(): Promise<void> {
  // The right calls compile.
  await api(contract.getOrganisation, { params: { id: 1 } });
  await api(contract.search, { query: { q: 'станкостроение', limit: 10 } });
  apiPath(contract.getRegion, { params: { code: '42' } });

  // @ts-expect-error a path parameter the route does not have
  await api(contract.getOrganisation, { params: { code: '42' } });
  // @ts-expect-error the path parameter is missing
  await api(contract.getOrganisation, {});
  // @ts-expect-error a query parameter the route does not accept
  await api(contract.search, { query: { qq: 'станкостроение' } });
  // @ts-expect-error a query parameter of the wrong type
  await api(contract.search, { query: { q: 'станки', limit: 'десять' } });
  // @ts-expect-error a body for a route that takes none
  await api(contract.search, { query: { q: 'станки' }, body: { q: 'станки' } });
  // @ts-expect-error a route the contract does not have
  await api(contract.searchAll, {});

  const found = await api(contract.search, { query: { q: 'станки' } });
  // @ts-expect-error a response field that does not exist
  void found.items[0]?.titel;
  const organisation = await api(contract.getOrganisation, { params: { id: 1 } });
  // @ts-expect-error the response is the route's own type, not another route's
  void organisation.counts;
}
