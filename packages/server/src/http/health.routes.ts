import { z } from 'zod';
import { pingDatabase } from '../db/database-state.repository.ts';
import type { AppInstance } from './app-instance.ts';

const Database = z.enum(['pglite', 'postgres']);
const Replica = z
  .object({
    state: z.enum(['fresh', 'lagging', 'down']),
    lagMs: z.number().nullable(),
  })
  .optional();

export function healthRoutes(app: AppInstance): void {
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['Служебное'],
        summary:
          'Готовность сервера: 200, когда база данных отвечает; 503, пока она готовится при запуске или недоступна',
        response: {
          200: z.object({ status: z.literal('ok'), database: Database, replica: Replica }),
          503: z.object({
            status: z.enum(['starting', 'unavailable']),
            database: Database,
            replica: Replica,
          }),
        },
      },
    },
    async (request, reply) => {
      const replica = app.deps.replica?.status();
      try {
        if (app.deps.ping) await app.deps.ping();
        else await pingDatabase(app.deps.db);
      } catch (error) {
        // A load balancer takes this node out of rotation until its database answers again.
        request.log.warn({ err: error }, 'health check: the database does not answer');
        return reply
          .status(503)
          .header('retry-after', '1')
          .send({ status: 'unavailable' as const, database: app.deps.databaseKind, replica });
      }
      return { status: 'ok' as const, database: app.deps.databaseKind, replica };
    },
  );
}
