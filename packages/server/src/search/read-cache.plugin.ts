import { performance } from 'node:perf_hooks';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppInstance } from '../http/app-instance.ts';
import { etagOf } from './read-cache.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A read route whose public answers the read cache keeps (search, lists, profile pages). */
    readCache?: boolean;
  }
  interface FastifyRequest {
    readCacheFill?: { key: string; generation: number; startedAt: number };
  }
}

/**
 * Public answers may be kept by browsers and proxies but must be revalidated
 * on every use (a change is visible within the second on every node, so no
 * age is safe to trust); the ETag makes that revalidation a 304 without a body.
 * `Vary: Cookie`: a shared cache must not hand the public answer to a
 * signed-in browser, which sees drafts too.
 */
const PUBLIC_CACHE_CONTROL = 'public, no-cache';
/** A signed-in user's answer names drafts: never stored by anyone but the browser's memory. */
const PRIVATE_CACHE_CONTROL = 'private, no-store';
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function matches(request: FastifyRequest, etag: string): boolean {
  const header = request.headers['if-none-match'];
  if (!header) return false;
  return header === '*' || header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

/**
 * The read cache (read-cache.ts) and HTTP caching of the routes marked
 * `config: { readCache: true }`, for the public reader only:
 *
 * - an answer kept in this node's cache is sent without touching the
 *   database (and as 304 when the browser's ETag matches);
 * - otherwise the route runs, and its 200 answer is kept unless a change was
 *   reported meanwhile;
 * - a signed-in user's answer is never kept, here or by any HTTP cache.
 *
 * With a read replica, the cache stands for it: it is used only while the
 * replica would serve this reader, and an answer read on the replica within
 * its lag bound after the last change is not kept (it may predate the change).
 * A successful write answered by this node empties its cache at once.
 * Registered after the auth plugin and the replica routing.
 */
export function registerReadCache(app: AppInstance, options: { replicaMaxLagMs?: number } = {}) {
  const maxLag = options.replicaMaxLagMs ?? 0;

  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method !== 'GET' || !request.routeOptions.config.readCache) return;
    if (request.viewer.user) {
      reply.header('cache-control', PRIVATE_CACHE_CONTROL);
      return;
    }
    reply.header('cache-control', PUBLIC_CACHE_CONTROL).header('vary', 'Cookie');
    const key = request.url;
    const cache = app.deps.readCache;
    const replica = app.deps.replica;
    const usable =
      cache?.usable && (!replica || replica.caughtUp(request.viewer.replicaReads?.after ?? 0n));
    const hit = usable ? cache.get(key) : undefined;
    if (hit) {
      reply.header('etag', hit.etag);
      if (hit.servedFrom) reply.header('x-promatlas-read-from', hit.servedFrom);
      if (matches(request, hit.etag)) return reply.code(304).send();
      return reply.type('application/json; charset=utf-8').send(hit.body);
    }
    // Without a usable cache the answer still gets its ETag (a 304 saves the body).
    request.readCacheFill = {
      key,
      generation: usable ? cache.currentGeneration() : -1,
      startedAt: performance.now(),
    };
  });

  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload) => {
    const cache = app.deps.readCache;
    if (!READ_METHODS.has(request.method)) {
      if (cache && reply.statusCode < 400) cache.invalidate();
      return payload;
    }
    const fill = request.readCacheFill;
    if (!fill || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
    const etag = etagOf(payload);
    reply.header('etag', etag);
    const servedFrom = reply.getHeader('x-promatlas-read-from');
    const fromReplica = servedFrom === 'replica';
    if (
      cache &&
      fill.generation >= 0 &&
      (!fromReplica || fill.startedAt - cache.feed.lastChangeAt > maxLag)
    ) {
      cache.set(fill.key, fill.generation, {
        body: payload,
        etag,
        servedFrom: typeof servedFrom === 'string' ? servedFrom : undefined,
      });
    }
    if (matches(request, etag)) {
      reply.code(304);
      return '';
    }
    return payload;
  });
}
