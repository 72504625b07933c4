import type { AppInstance } from './app-instance.ts';

/**
 * How many queries may wait for the embedded database's one connection
 * before API requests are refused. Past it the engine is behind by more than
 * it can catch up on while clients still wait: every further request would
 * only lengthen the queue (and the background import's batches wait in the
 * same queue), so it is answered 503 at once and the client retries.
 */
export const EMBEDDED_QUEUE_LIMIT = 64;

/**
 * Registers the admission check of the embedded database (app.deps.queueDepth,
 * set for PGlite only): an API request arriving while the connection's queue is
 * full is answered 503 `database_busy` with Retry-After before it queries
 * anything. /api/health is exempt: it asks the engine's thread, not the queue.
 */
export function registerEmbeddedAdmission(app: AppInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    const depth = app.deps.queueDepth;
    if (!depth || !request.url.startsWith('/api/') || request.url.startsWith('/api/health')) return;
    if (depth() < EMBEDDED_QUEUE_LIMIT) return;
    return reply
      .status(503)
      .header('retry-after', '1')
      .send({
        error: {
          code: 'database_busy',
          message: 'База данных занята, повторите запрос через несколько секунд',
          messageEn: 'The database is busy; retry in a few seconds',
        },
      });
  });
}
