import { FEDERAL_DISTRICTS, FEDERAL_SUBJECTS } from '@promatlas/core/regions/federal-subjects.ts';
import { OKVED_DIVISIONS, OKVED_SECTIONS } from '@promatlas/core/okved/okved-top-levels.ts';
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { DEFAULT_CLUSTER_CATEGORIES } from '@promatlas/core/clusters/default-cluster-categories.ts';
import type { Db } from '../db/connection.ts';
import { syncClusterCategories } from './sync-cluster-categories.ts';

/**
 * Upserts the reference tables shipped with the code: federal districts, all
 * federal subjects, ОКВЭД2 sections and divisions. Idempotent; runs on every
 * start after migrations, so a code update of the reference data reaches
 * existing databases. Deeper ОКВЭД2 levels come from `promatlas import okved`.
 */
export async function syncReferenceData(db: Db): Promise<void> {
  // Skipped when the shipped data has not changed since the last sync: the
  // hash of it is kept as the comment of the region table (no table needed,
  // and a start on an up-to-date database saves the upserts).
  const hash = createHash('sha256')
    .update(
      JSON.stringify([
        FEDERAL_DISTRICTS,
        FEDERAL_SUBJECTS,
        OKVED_SECTIONS,
        OKVED_DIVISIONS,
        DEFAULT_CLUSTER_CATEGORIES,
      ]),
    )
    .digest('hex');
  const marker = `reference-data ${hash}`;
  const current = await sql<{
    comment: string | null;
  }>`SELECT obj_description('region'::regclass, 'pg_class') AS comment`.execute(db);
  if (current.rows[0]?.comment === marker) return;
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('federal_district')
      .values(FEDERAL_DISTRICTS.map((d) => ({ code: d.code, name: d.name, full_name: d.fullName })))
      .onConflict((oc) =>
        oc.column('code').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          full_name: eb.ref('excluded.full_name'),
        })),
      )
      .execute();
    await trx
      .insertInto('region')
      .values(
        FEDERAL_SUBJECTS.map((s) => ({
          code: s.code,
          name: s.name,
          short_name: s.shortName,
          kind: s.kind,
          okato: s.okato,
          oktmo: s.oktmo,
          iso_code: s.iso3166_2,
          federal_district_code: s.federalDistrict,
          aliases: [...s.aliases],
        })),
      )
      .onConflict((oc) =>
        oc.column('code').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          short_name: eb.ref('excluded.short_name'),
          kind: eb.ref('excluded.kind'),
          okato: eb.ref('excluded.okato'),
          oktmo: eb.ref('excluded.oktmo'),
          iso_code: eb.ref('excluded.iso_code'),
          federal_district_code: eb.ref('excluded.federal_district_code'),
          aliases: eb.ref('excluded.aliases'),
        })),
      )
      .execute();
    const okved = [
      ...OKVED_SECTIONS.map((s) => ({
        code: s.code,
        section: s.code,
        parent_code: null,
        level: 'section',
        name: s.name,
      })),
      ...OKVED_DIVISIONS.map((d) => ({
        code: d.code,
        section: d.section,
        parent_code: d.section,
        level: 'division',
        name: d.name,
      })),
    ];
    await trx
      .insertInto('okved')
      .values(okved)
      .onConflict((oc) =>
        oc.column('code').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          section: eb.ref('excluded.section'),
          parent_code: eb.ref('excluded.parent_code'),
          level: eb.ref('excluded.level'),
        })),
      )
      .execute();
  });
  // Editable data: missing defaults only (see sync-cluster-categories.ts).
  await syncClusterCategories(db);
  await sql.raw(`COMMENT ON TABLE region IS '${marker}'`).execute(db);
}
