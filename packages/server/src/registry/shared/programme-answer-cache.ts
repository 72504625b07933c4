import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ReplicaReads } from '../../db/replica.ts';
import type { ReadCache } from '../../search/index.ts';

/**
 * Programme answers that are not JSON (the .ics feed) or whose key is not
 * their URL (a plan page's flags depend on the day when `today` is left
 * out), kept in the node's read cache (search/read-cache.ts) under the same
 * rules as the read routes: public readers only, emptied by every change the
 * change feed reports and by every write this node answers, never filled
 * from a replica within its lag bound after a change. Every answer carries a
 * strong ETag of its text, so a calendar that polls the feed gets a 304
 * without a body when nothing changed.
 */
export interface AnswerCacheDeps {
  readCache?: ReadCache | undefined;
  replica?: ReplicaReads | undefined;
  replicaMaxLagMs?: number | undefined;
}

/** The content type of the JSON answers sent as text. */
export const JSON_TYPE = 'application/json; charset=utf-8';

const PUBLIC_CACHE_CONTROL = 'public, no-cache';
const PRIVATE_CACHE_CONTROL = 'private, no-store';

const etagOf = (body: string) => `"${createHash('sha1').update(body).digest('base64url')}"`;

function notModified(request: FastifyRequest, etag: string): boolean {
  const header = request.headers['if-none-match'];
  if (!header) return false;
  return header === '*' || header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

/**
 * Sends `produce`'s text (or the cached copy of it) with its ETag, or 304
 * when the client already has it. `key` must name everything the answer
 * depends on besides the data (query, base URL, day).
 */
export async function sendCachedAnswer(
  deps: AnswerCacheDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  key: string,
  contentType: string,
  produce: () => Promise<string>,
): Promise<FastifyReply> {
  const cache = deps.readCache;
  const isPublic = request.viewer.user === null;
  reply.header('cache-control', isPublic ? PUBLIC_CACHE_CONTROL : PRIVATE_CACHE_CONTROL);
  if (isPublic) reply.header('vary', 'Cookie');
  const usable =
    isPublic &&
    cache?.usable === true &&
    (!deps.replica || deps.replica.caughtUp(request.viewer.replicaReads?.after ?? 0n));
  let answer = usable ? cache.get(key) : undefined;
  if (!answer) {
    const generation = usable ? cache.currentGeneration() : -1;
    const startedAt = performance.now();
    const body = await produce();
    answer = { body, etag: etagOf(body), servedFrom: request.viewer.replicaReads?.servedFrom };
    const fromReplica = answer.servedFrom === 'replica';
    if (
      usable &&
      (!fromReplica || startedAt - cache.feed.lastChangeAt > (deps.replicaMaxLagMs ?? 0))
    )
      cache.set(key, generation, answer);
  }
  reply.header('etag', answer.etag);
  if (answer.servedFrom) reply.header('x-promatlas-read-from', answer.servedFrom);
  if (notModified(request, answer.etag)) return reply.code(304).send();
  return reply.type(contentType).send(answer.body);
}
