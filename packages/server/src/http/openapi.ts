import { connectPglite } from '../db/connection.ts';
import { buildApp } from './app.ts';

/** The OpenAPI document as served at /api/docs/json, serialised stably. */
export async function generateOpenApi(): Promise<string> {
  // The spec depends on route schemas only; an empty in-memory database suffices.
  const connection = await connectPglite('memory://');
  try {
    const app = await buildApp({ deps: { db: connection.db, databaseKind: 'pglite' } });
    const spec = app.swagger();
    await app.close();
    return `${JSON.stringify(spec, null, 2)}\n`;
  } finally {
    await connection.close();
  }
}
