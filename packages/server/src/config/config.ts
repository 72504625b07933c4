import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';

/**
 * Configuration is parsed from the environment once, at start, in this file;
 * nothing else reads process.env. Every problem is listed at once.
 */
const EnvironmentSchema = z.object({
  DATABASE_URL: z.string().url().optional(),
  DATABASE_REPLICA_URL: z.string().url().optional(),
  PROMATLAS_REPLICA_MAX_LAG_MS: z.coerce.number().int().min(0).max(60_000).default(500),
  PROMATLAS_DATA_DIR: z.string().min(1).optional(),
  PROMATLAS_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PROMATLAS_HOST: z.string().default('127.0.0.1'),
  PROMATLAS_LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info'),
  PROMATLAS_WEB_DIST: z.string().optional(),
  PROMATLAS_TRUSTED_PROXIES: z
    .string()
    .optional()
    .transform((v) =>
      (v ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .refine((list) => list.every(isProxyAddress), {
      message:
        'comma-separated IP addresses or CIDR ranges (e.g. 127.0.0.1,10.0.0.0/8), or loopback, linklocal, uniquelocal',
    }),
  PROMATLAS_TOTP_REQUIRED_FOR_ADMINISTRATORS: z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .optional()
    .transform((v) => v === 'true' || v === '1' || v === 'yes'),
  PROMATLAS_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1000).default(300_000),
  PROMATLAS_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(1000).default(30_000),
  PROMATLAS_CHROMIUM_PATH: z.string().min(1).default('/usr/bin/chromium'),
  PROMATLAS_READ_CACHE: z.enum(['on', 'off']).default('on'),
  PROMATLAS_PREPARED_STATEMENTS: z.enum(['on', 'off']).default('on'),
});

/** An address or CIDR range as Fastify's trustProxy (proxy-addr) accepts it. */
function isProxyAddress(value: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(value)) return true;
  const [address, prefix, ...rest] = value.split('/');
  if (rest.length || !address) return false;
  const family = isIP(address);
  if (!family) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d{1,3}$/.test(prefix) && bits >= 0 && bits <= (family === 4 ? 32 : 128);
}

export interface Config {
  /** PostgreSQL server connection; when absent, embedded PGlite in dataDir is used. */
  databaseUrl: string | undefined;
  /**
   * A streaming replica of databaseUrl: public and signed-in reads go there
   * while it is at most maxLagMs behind (and has replayed the reader's own
   * last write); everything else, and every read when it lags or is down, to
   * the primary.
   */
  replica: { url: string; maxLagMs: number } | undefined;
  dataDir: string;
  port: number;
  host: string;
  logLevel: z.infer<typeof EnvironmentSchema>['PROMATLAS_LOG_LEVEL'];
  webDist: string | undefined;
  /**
   * Reverse proxies whose X-Forwarded-For / X-Forwarded-Proto are believed
   * (client address for sign-in limits, https for Secure cookies); empty: none.
   */
  trustedProxies: string[];
  /** Administrators must enrol a second factor (TOTP) before doing anything else. */
  totpRequiredForAdministrators: boolean;
  /** A request (headers and body) that takes longer to arrive is answered 408 and its connection closed. */
  timeouts: { requestTimeoutMs: number; headersTimeoutMs: number };
  /** The Chromium that prints reports as PDF (the one the browser tests use); PDF is refused plainly when it is absent. */
  chromiumPath: string;
  /**
   * Keep the public answers of search, lists and profile pages in memory,
   * emptied by the change feed (on by default; off measures the database path).
   */
  readCache: boolean;
  /**
   * Prepare the reads on PostgreSQL servers once per connection (db/prepared-statements.ts;
   * on by default). Off behind a pooler that cannot keep prepared statements (PgBouncer in
   * transaction mode before 1.21).
   */
  preparedStatements: boolean;
}

export class ConfigError extends Error {}

export function parseConfig(env: Record<string, string | undefined>, cwd: string): Config {
  const parsed = EnvironmentSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.DATABASE_REPLICA_URL && !e.DATABASE_URL)
    throw new ConfigError(
      'Invalid configuration:\n  DATABASE_REPLICA_URL: a replica needs its primary in DATABASE_URL',
    );
  return {
    databaseUrl: e.DATABASE_URL,
    replica: e.DATABASE_REPLICA_URL
      ? { url: e.DATABASE_REPLICA_URL, maxLagMs: e.PROMATLAS_REPLICA_MAX_LAG_MS }
      : undefined,
    dataDir: path.resolve(cwd, e.PROMATLAS_DATA_DIR ?? '.promatlas-data'),
    port: e.PROMATLAS_PORT,
    host: e.PROMATLAS_HOST,
    logLevel: e.PROMATLAS_LOG_LEVEL,
    webDist: e.PROMATLAS_WEB_DIST,
    trustedProxies: e.PROMATLAS_TRUSTED_PROXIES,
    totpRequiredForAdministrators: e.PROMATLAS_TOTP_REQUIRED_FOR_ADMINISTRATORS,
    timeouts: {
      requestTimeoutMs: e.PROMATLAS_REQUEST_TIMEOUT_MS,
      headersTimeoutMs: e.PROMATLAS_HEADERS_TIMEOUT_MS,
    },
    chromiumPath: e.PROMATLAS_CHROMIUM_PATH,
    readCache: e.PROMATLAS_READ_CACHE === 'on',
    preparedStatements: e.PROMATLAS_PREPARED_STATEMENTS === 'on',
  };
}
