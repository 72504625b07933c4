import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { DatabaseKind, Db } from '../db/connection.ts';
import type { RouteAccess } from '../auth/index.ts';
import type { UploadStore } from '../imports/index.ts';
import type { ReplicaReads } from '../db/replica.ts';
import type { ReadCache } from '../search/index.ts';

/** What routes may use: passed in explicitly when the app is built, never imported globally. */
export interface AppDeps {
  db: Db;
  databaseKind: DatabaseKind;
  /** Answers whether the database is reachable, bypassing the busy pool (db/connection.ts); else a query on db. */
  ping?: () => Promise<void>;
  /**
   * How many queries wait for the embedded database's one connection (PGlite
   * only): past EMBEDDED_QUEUE_LIMIT API requests are refused with 503
   * (http/embedded-admission.ts) instead of queueing without bound.
   */
  queueDepth?: () => number;
  /** A streaming replica for read-only requests (DATABASE_REPLICA_URL); reads use the primary without it. */
  replica?: ReplicaReads;
  /**
   * Set when the server listens before its database is ready (startServer):
   * API requests wait for it, /api/health answers 503 until it resolves.
   */
  ready?: { promise: Promise<void>; done: boolean };
  /** Sign-in settings from the configuration (defaults: no trusted proxy, TOTP optional). */
  security?: SecuritySettings;
  /** Chromium for PDF reports (config.chromiumPath); default /usr/bin/chromium. */
  chromiumPath?: string;
  /** The built web app's directory (its regions.geojson gives region boundaries to exports). */
  webDist?: string | undefined;
  /** The public answers of the read routes, emptied by the change feed (search/read-cache.ts); none: no caching. */
  readCache?: ReadCache;
  /** The replica's lag bound (config), which the read cache respects. */
  replicaMaxLagMs?: number;
}

export interface SecuritySettings {
  /** Passed to Fastify's trustProxy: X-Forwarded-For/-Proto are believed only from these peers. */
  trustedProxies: string[];
  totpRequiredForAdministrators: boolean;
}

/** A route as registered (method and URL pattern), in registration order. */
export interface RegisteredRoute {
  method: string;
  url: string;
}

export type AppInstance = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
> & {
  deps: AppDeps;
  routeAccess: RouteAccess[];
  routeList: RegisteredRoute[];
  uploads: UploadStore;
};
