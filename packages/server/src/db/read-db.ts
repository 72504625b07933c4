import type { Db } from './connection.ts';
import type { ViewSchema } from './published-views.ts';
import type { Viewer } from '../auth/index.ts';

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
 * stays free of the HTTP layer.
 */
export function readDb(app: { deps: { db: Db } }, viewer: Viewer): Db {
  return readDbFor(app.deps.db, readSchema(viewer));
}

export function readDbFor(db: Db, schema: ReadSchema): Db {
  let handles = cache.get(db);
  if (!handles) {
    handles = { published: db.withSchema('published'), internal: db.withSchema('internal') };
    cache.set(db, handles);
  }
  return handles[schema];
}
