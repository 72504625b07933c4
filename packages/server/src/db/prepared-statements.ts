import { createHash } from 'node:crypto';
import type pg from 'pg';

/**
 * A read whose text contains this comment is never prepared: its best plan
 * depends on the values (a trigram or text-search pattern), and a generic
 * plan chosen after a few executions could scan a whole table.
 */
export const CUSTOM_PLAN = '/* custom plan */';

/** Most statements one connection keeps prepared; past it, new texts run unnamed as before. */
const MAX_PREPARED = 2_000;
const READ = /^\s*(select|with)\b/i;
/** SQLSTATE 0A000: a view was rebuilt with other columns while this connection kept its plan. */
const RESULT_TYPE_CHANGED = 'cached plan must not change result type';

type QueryFn = (...args: unknown[]) => unknown;

/**
 * Makes every parameterised read on this connection a named prepared
 * statement (the name is a hash of the text), so PostgreSQL parses and
 * plans it once per connection instead of on every request. Reads through
 * the published views cost far more to plan than to run (an organisation
 * profile: 13 queries, ~0.3–1 ms planning each, ~0.01 ms executing), and
 * once a statement has run five times PostgreSQL keeps its generic plan when
 * that is no costlier than the custom ones.
 *
 * Only Kysely's form `query(text, values)` with at least one value is named:
 * texts without values may hold several statements (the simple protocol
 * runs them; a prepared statement cannot), and callback calls are the pool's
 * own. Applied on PostgreSQL servers only: PGlite runs in process, where a
 * statement costs no round trip and planning is what it always was.
 * Not for a transaction-pooling proxy between the nodes and PostgreSQL
 * (prepared statements belong to a server session); the production layout
 * (docs/DEPLOYMENT.md) has none.
 */
export function prepareReads(client: pg.Client): void {
  const query = client.query.bind(client) as QueryFn;
  const names = new Map<string, string>();
  const unnamed = new Set<string>();
  const named: QueryFn = (...args) => {
    const [text, values] = args;
    if (
      args.length !== 2 ||
      typeof text !== 'string' ||
      !Array.isArray(values) ||
      values.length === 0 ||
      !READ.test(text) ||
      text.includes(CUSTOM_PLAN) ||
      unnamed.has(text)
    )
      return query(...args);
    let name = names.get(text);
    if (!name) {
      if (names.size >= MAX_PREPARED) return query(...args);
      name = `pa_${createHash('sha1').update(text).digest('base64url')}`;
      names.set(text, name);
    }
    return (query({ name, text, values }) as Promise<unknown>).catch((error: unknown) => {
      // After a migration on another node rebuilt a view, run the text unnamed from now on.
      if (error instanceof Error && error.message.includes(RESULT_TYPE_CHANGED)) {
        unnamed.add(text);
        return query(text, values);
      }
      throw error;
    });
  };
  Object.assign(client, { query: named });
}
