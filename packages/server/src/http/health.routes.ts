import { z } from 'zod';
import { pingDatabase } from '../db/database-state.repository.ts';
import type { AppInstance } from './app-instance.ts';

export function healthRoutes(app: AppInstance): void {
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['Служебное'],
        summary:
          'Готовность сервера: 200, когда база данных отвечает; 503, пока она готовится при запуске',
        response: {
          200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }),
          503: z.object({
            status: z.literal('starting'),
            database: z.enum(['pglite', 'postgres']),
          }),
        },
      },
    },
    async () => {
      await pingDatabase(app.deps.db);
      return { status: 'ok' as const, database: app.deps.databaseKind };
    },
  );
}
