import type { Db } from './connection.ts';
import type { ViewSchema } from './published-views.ts';
import type { Viewer } from '../auth/index.ts';
import type { ReplicaReads } from './replica.ts';

export type ReadSchema = ViewSchema;

/**
 * The schema of views a viewer reads from (db/published-views.ts): the public
 * reader `published` (published, not deleted, naming nothing hidden),
 * signed-in users `internal` (drafts too, nothing deleted). Deleted records are
 * reached only by the administrator's restore route, which writes to the tables.
 */
export function readSchema(viewer: Viewer): ReadSchema {
  return viewer.user ? 'internal' : 'published';
}

const cache = new WeakMap<Db, Record<ReadSchema, Db>>();

/**
 * The database handle for every read a route makes on a viewer's behalf. Takes
 * anything holding the database (the app instance in routes) so this module
 * stays free of the HTTP layer. With a replica configured, a read-only
 * request reads there while the replica is fresh and has replayed the
 * viewer's own last write; otherwise, and for every state-changing request,
 * the primary.
 */
export function readDb(
  app: { deps: { db: Db; replica?: ReplicaReads | undefined } },
  viewer: Viewer,
): Db {
  const replica = app.deps.replica;
  const reads = viewer.replicaReads;
  let db = app.deps.db;
  if (replica && reads) {
    if (replica.caughtUp(reads.after)) {
      db = replica.db;
      reads.servedFrom = 'replica';
    } else reads.servedFrom ??= 'primary';
  }
  return readDbFor(db, readSchema(viewer));
}

export function readDbFor(db: Db, schema: ReadSchema): Db {
  let handles = cache.get(db);
  if (!handles) {
    handles = { published: db.withSchema('published'), internal: db.withSchema('internal') };
    cache.set(db, handles);
  }
  return handles[schema];
}
