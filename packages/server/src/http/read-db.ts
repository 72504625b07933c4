import type { Db } from '../db/connection.ts';
import type { ViewSchema } from '../db/published-views.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { AppInstance } from './app-instance.ts';

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

/** The database handle for every read a route makes on a viewer's behalf. */
export function readDb(app: AppInstance, viewer: Viewer): Db {
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
