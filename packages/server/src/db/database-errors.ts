/**
 * Errors that mean "the database server is not reachable right now" rather
 * than "this query is wrong": a refused or dropped connection, a server
 * shutting down or starting, a connection attempt timing out. Requests that
 * meet one are answered 503 (http/errors.ts) and reads on a replica retry on
 * the primary (db/replica.ts).
 */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

export function isDatabaseUnavailable(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const e = error as { code?: unknown; message?: unknown; errors?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  // SQLSTATE classes 08 (connection exception), 57P (admin/crash shutdown,
  // cannot connect now) and 53300 (too many connections).
  if (/^08[0-9A-Z]{3}$/.test(code) || code.startsWith('57P') || code === '53300') return true;
  if (NETWORK_CODES.has(code)) return true;
  // Node's happy-eyeballs connect reports an AggregateError of per-address failures.
  if (Array.isArray(e.errors) && e.errors.some(isDatabaseUnavailable)) return true;
  const message = typeof e.message === 'string' ? e.message : '';
  return (
    message.startsWith('Connection terminated') ||
    message.includes('timeout exceeded when trying to connect') ||
    message === 'Client has encountered a connection error and is not queryable'
  );
}
