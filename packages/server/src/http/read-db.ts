import type { Db } from '../db/connection.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { AppInstance } from './app-instance.ts';

export type ReadSchema = 'public' | 'published';

/** The schema a viewer reads from: signed-in users see every record, the public reader only published ones. */
export function readSchema(viewer: Viewer): ReadSchema {
  return viewer.user ? 'public' : 'published';
}

const cache = new WeakMap<Db, Db>();

/** The database handle for reads: `published` views for the public reader (see db/published-views.ts). */
export function readDb(app: AppInstance, viewer: Viewer): Db {
  const db = app.deps.db;
  if (viewer.user) return db;
  let published = cache.get(db);
  if (!published) {
    published = db.withSchema('published');
    cache.set(db, published);
  }
  return published;
}
