import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../db/connection.ts';
import type { RouteAccess } from '../auth/auth.plugin.ts';
import type { UploadStore } from '../imports/upload-store.ts';

/** What routes may use: passed in explicitly when the app is built, never imported globally. */
export interface AppDeps {
  db: Db;
  databaseKind: 'pglite' | 'postgres';
  /**
   * Set when the server listens before its database is ready (startServer):
   * API requests wait for it, /api/health answers 503 until it resolves.
   */
  ready?: { promise: Promise<void>; done: boolean };
}

export type AppInstance = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
> & { deps: AppDeps; routeAccess: RouteAccess[]; uploads: UploadStore };
