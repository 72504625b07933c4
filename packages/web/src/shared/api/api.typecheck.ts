/**
 * Compiled by `tsc -p packages/web` (npm run typecheck), never run: each
 * `@ts-expect-error` marks a call the API contract must refuse. Were the
 * contract to accept one, the directive would be unused and tsc would fail.
 */
import { contract } from '@promatlas/core/api/contract.ts';
import { updateUserRoute } from '@promatlas/core/api/contract/accounts.ts';
import { datasetQuarantineRoute } from '@promatlas/core/api/contract/clusters.ts';
import { historyRoute, organisationWrites } from '@promatlas/core/api/contract/editing.ts';
import { explainObjectRoute } from '@promatlas/core/api/contract/ratings.ts';
import { listSitesRoute } from '@promatlas/core/api/contract/registry.ts';
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

  // Entries of the feature modules refuse the same mistakes.
  await api(updateUserRoute, { params: { id: 3 }, body: { disabled: true } });
  // @ts-expect-error a body field the route does not take
  await api(updateUserRoute, { params: { id: 3 }, body: { blocked: true } });
  // @ts-expect-error a body field of the wrong type
  await api(updateUserRoute, { params: { id: 3 }, body: { disabled: 'да' } });
  // @ts-expect-error the body is missing
  await api(updateUserRoute, { params: { id: 3 } });
  // @ts-expect-error the second path parameter is missing
  await api(explainObjectRoute, { params: { id: 1 } });
  // @ts-expect-error a record type the history does not keep
  apiPath(historyRoute, { params: { type: 'source', id: '1' } });
  // @ts-expect-error a sort the list does not offer
  apiPath(listSitesRoute, { query: { sort: 'inn' } });
  // @ts-expect-error a site kind the vocabulary does not have
  apiPath(listSitesRoute, { query: { kind: 'factory' } });
  // @ts-expect-error a delete without the query the route takes (version)
  await api(organisationWrites.remove, { params: { id: 1 }, query: { versio: 2 } });
  const quarantine = await api(datasetQuarantineRoute, { params: { id: 1 }, query: { page: 2 } });
  void quarantine.items[0]?.reasonCode;
  // @ts-expect-error the quarantine page's rows have no `code`
  void quarantine.items[0]?.code;
}
