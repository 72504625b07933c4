import type { Kysely } from 'kysely';
import { execAll } from '../exec-all.ts';

// The supplier search's candidates: one row per organisation and ОКВЭД2
// activity, with the organisation's point, region and visibility flags copied
// in, so that «activity under this prefix inside this latitude/longitude
// window, visible to this reader» is one range scan of one index instead of a
// probe of the organisation index per organisation of the class (~3,000 for
// a broad ОКВЭД2 class nationally, most of them outside the radius).
//
// Kept in step by triggers on organisation_okved and organisation, so every
// write path (editing, registry import, intake, demo) keeps it without
// knowing of it. It carries the organisation's own `published` and
// `deleted_at`: the views (published-views.ts, a record table) then decide
// its visibility exactly as they decide the organisation's. No foreign key to
// organisation on purpose: a NOT NULL reference would add an EXISTS on the
// organisation per row to the view, the very probe this table avoids; an
// organisation cannot be removed while its activities exist
// (organisation_okved's key), and their removal removes these rows.
export async function up(db: Kysely<unknown>): Promise<void> {
  await execAll(db, [
    `CREATE TABLE supplier_candidate (
       organisation_id integer NOT NULL,
       okved_code text NOT NULL,
       latitude double precision,
       longitude double precision,
       region_code text,
       published boolean NOT NULL,
       deleted_at timestamptz,
       PRIMARY KEY (organisation_id, okved_code)
     )`,
    `CREATE INDEX supplier_candidate_activity_point_idx ON supplier_candidate
       (okved_code text_pattern_ops, latitude)
       INCLUDE (longitude, organisation_id, region_code, published, deleted_at)`,
    `INSERT INTO supplier_candidate
       (organisation_id, okved_code, latitude, longitude, region_code, published, deleted_at)
     SELECT a.organisation_id, a.okved_code, o.latitude, o.longitude, o.region_code, o.published, o.deleted_at
     FROM organisation_okved a JOIN organisation o ON o.id = a.organisation_id`,
    `CREATE FUNCTION promatlas_supplier_candidate_activity() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       IF TG_OP IN ('UPDATE', 'DELETE') THEN
         DELETE FROM supplier_candidate
         WHERE organisation_id = OLD.organisation_id AND okved_code = OLD.okved_code;
       END IF;
       IF TG_OP IN ('INSERT', 'UPDATE') THEN
         INSERT INTO supplier_candidate
           (organisation_id, okved_code, latitude, longitude, region_code, published, deleted_at)
         SELECT NEW.organisation_id, NEW.okved_code, o.latitude, o.longitude, o.region_code,
                o.published, o.deleted_at
         FROM organisation o WHERE o.id = NEW.organisation_id;
       END IF;
       RETURN NULL;
     END $$`,
    `CREATE TRIGGER organisation_okved_supplier_candidate
       AFTER INSERT OR DELETE OR UPDATE OF organisation_id, okved_code ON organisation_okved
       FOR EACH ROW EXECUTE FUNCTION promatlas_supplier_candidate_activity()`,
    `CREATE FUNCTION promatlas_supplier_candidate_organisation() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       UPDATE supplier_candidate SET
         latitude = NEW.latitude, longitude = NEW.longitude, region_code = NEW.region_code,
         published = NEW.published, deleted_at = NEW.deleted_at
       WHERE organisation_id = NEW.id;
       RETURN NULL;
     END $$`,
    `CREATE TRIGGER organisation_supplier_candidate
       AFTER UPDATE OF latitude, longitude, region_code, published, deleted_at ON organisation
       FOR EACH ROW
       WHEN (OLD.latitude IS DISTINCT FROM NEW.latitude
          OR OLD.longitude IS DISTINCT FROM NEW.longitude
          OR OLD.region_code IS DISTINCT FROM NEW.region_code
          OR OLD.published IS DISTINCT FROM NEW.published
          OR OLD.deleted_at IS DISTINCT FROM NEW.deleted_at)
       EXECUTE FUNCTION promatlas_supplier_candidate_organisation()`,
    `ANALYZE supplier_candidate`,
  ]);
}
