import type { FastifyReply, FastifyRequest } from 'fastify';
import { formatLsn, parseLsn } from '../db/replica.ts';
import type { AppInstance } from './app-instance.ts';

/**
 * The WAL position of this browser's last write. It travels with the browser,
 * not with a node, so whichever node serves the next read knows what the
 * replica must have replayed before it may answer: a user reads their own
 * write on every node. It outlives the replica's lag bound many times over;
 * after that, the lag bound alone guarantees the write is visible.
 */
export const READ_AFTER_COOKIE = 'promatlas_read_after';
const READ_AFTER_MAX_AGE_S = 300;
const READ_METHODS = new Set(['GET', 'HEAD']);

/**
 * Registers the replica routing of requests (after the auth plugin, which
 * sets request.viewer): read-only requests may read from the replica, and a
 * successful state-changing request leaves its WAL position in a cookie.
 * Does nothing while app.deps.replica is unset (no DATABASE_REPLICA_URL).
 */
export function registerReplicaReads(app: AppInstance): void {
  app.addHook('onRequest', async (request: FastifyRequest) => {
    if (!app.deps.replica || !READ_METHODS.has(request.method)) return;
    let after = 0n;
    const cookie = request.cookies[READ_AFTER_COOKIE];
    if (cookie) {
      try {
        after = parseLsn(cookie);
      } catch {
        // A cookie that is not a WAL position is ignored: the replica's lag bound still holds.
      }
    }
    // A copy: request.viewer may be the shared PUBLIC_VIEWER.
    request.viewer = { ...request.viewer, replicaReads: { after } };
  });

  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload) => {
    const servedFrom = request.viewer?.replicaReads?.servedFrom;
    if (servedFrom) reply.header('x-promatlas-read-from', servedFrom);
    const replica = app.deps.replica;
    if (!replica || READ_METHODS.has(request.method) || request.method === 'OPTIONS')
      return payload;
    if (reply.statusCode >= 400) return payload;
    try {
      const position = await replica.primaryPosition();
      reply.setCookie(READ_AFTER_COOKIE, formatLsn(position), {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: request.protocol === 'https',
        maxAge: READ_AFTER_MAX_AGE_S,
      });
    } catch (error) {
      // The write is done and answered; without the cookie this browser's next
      // reads may be up to the replica's lag bound behind.
      request.log.warn({ err: error }, 'could not read the primary WAL position');
    }
    return payload;
  });
}
