import {
  routeUrl,
  type ApiRoute,
  type RouteInput,
  type RouteResponse,
} from '@promatlas/core/api/contract/kit.ts';
import { apiGet, apiSend, useApi, type ApiState } from './client.ts';

/**
 * Calls through the API contract (core/api/contract.ts): the URL is built
 * from the route's path and the typed parameters, the answer has the route's
 * response type. A wrong route, parameter or field fails the typecheck.
 *
 * Import route entries from the feature's contract module
 * (`@promatlas/core/api/contract/registry.ts`, `…/ratings.ts`, …), not from
 * the gathering `contract.ts`: each module carries its zod schemas, and the
 * first page should carry only the registry's.
 */

export function api<R extends ApiRoute>(
  route: R,
  input: RouteInput<R>,
  signal?: AbortSignal,
): Promise<RouteResponse<R>> {
  const url = routeUrl(route, input);
  if (route.method === 'GET') return apiGet<RouteResponse<R>>(url, signal);
  return apiSend<RouteResponse<R>>(route.method, url, (input as { body?: unknown }).body);
}

/** The URL of a call, for links and for `useApi`. */
export function apiPath<R extends ApiRoute>(route: R, input: RouteInput<R>): string {
  return routeUrl(route, input);
}

/** Fetches a GET route whenever its input changes; null input fetches nothing. */
export function useRoute<R extends ApiRoute & { method: 'GET' }>(
  route: R,
  input: RouteInput<R> | null,
): ApiState<RouteResponse<R>> {
  return useApi<RouteResponse<R>>(input === null ? null : routeUrl(route, input));
}

/**
 * A contract entry for code on the first page (the shell, the session): its
 * method and path are checked against the entry's type, so a wrong path fails
 * the typecheck, but the entry's module — with its zod schemas — is not loaded.
 * Elsewhere import the entry itself.
 */
export function routeRef<R extends ApiRoute>(ref: Pick<R, 'method' | 'path'>): R {
  return ref as R;
}
