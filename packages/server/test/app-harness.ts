import { buildApp } from '../src/http/app.ts';
import type { AppInstance } from '../src/http/app-instance.ts';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from './databases.ts';

export interface TestApp {
  app: AppInstance;
  database: TestDatabase;
  getJson<T = unknown>(url: string): Promise<{ status: number; body: T }>;
  close(): Promise<void>;
}

export async function createTestApp(
  kind: DatabaseKind,
  options: { okved?: boolean } = {},
): Promise<TestApp> {
  const database = await createTestDatabase(kind, options);
  const app = await buildApp({ deps: { db: database.db, databaseKind: database.kind } });
  return {
    app,
    database,
    async getJson(url) {
      const res = await app.inject({ method: 'GET', url });
      return { status: res.statusCode, body: res.json() };
    },
    async close() {
      await app.close();
      await database.dispose();
    },
  };
}
