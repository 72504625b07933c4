import type { Db } from '../db/connection.ts';
import { computeRatingEdition } from '../ratings/index.ts';
import { linkPublishedEditions } from '../ratings/index.ts';
import { findMethodologyRowByVersion, insertMethodologyRow } from '../ratings/index.ts';
import { syncDefaultMethodologies } from '../ratings/index.ts';
import { ILLUSTRATIVE_DATASET } from '../ratings/index.ts';
import {
  ILLUSTRATIVE_EDITIONS,
  ILLUSTRATIVE_SOURCE_TEXT,
  ILLUSTRATIVE_VALUES,
  RATING_METHODOLOGIES,
  SEZ_ESG_ONE_PEER_GROUP,
} from './ratings-demo-data.ts';

/**
 * The ratings part of the demo, run by loadDemoData inside its transaction
 * after the seed facts: the seed's published places grouped into published
 * editions, the registry ratings linked to PromAtlas's methodology families,
 * the illustrative indicator values and the editions computed on them.
 * Each step only adds what is missing.
 */
export async function loadRatingsDemo(db: Db): Promise<void> {
  await linkPublishedEditions(db);
  for (const [ratingCode, methodologyCode] of Object.entries(RATING_METHODOLOGIES))
    await db
      .updateTable('rating')
      .set({ methodology_code: methodologyCode })
      .where('code', '=', ratingCode)
      .where('methodology_code', 'is', null)
      .execute();

  await syncDefaultMethodologies(db);
  const m = SEZ_ESG_ONE_PEER_GROUP;
  await insertMethodologyRow(db, {
    code: m.id,
    version: m.version,
    title: m.title,
    object_type: m.objectType,
    body: m,
    is_default: false,
  });

  const sites = await db
    .selectFrom('site')
    .select(['id', 'name'])
    .where('name', 'in', [...new Set(ILLUSTRATIVE_VALUES.map((v) => v.site))])
    .execute();
  const siteId = new Map(sites.map((s) => [s.name, String(s.id)]));
  const values = ILLUSTRATIVE_VALUES.filter((v) => siteId.has(v.site)).map((v) => ({
    dataset: ILLUSTRATIVE_DATASET,
    object_type: 'site' as const,
    object_id: siteId.get(v.site)!,
    indicator: v.indicator,
    year: v.year,
    value: v.value,
    source_id: null,
    source_text: ILLUSTRATIVE_SOURCE_TEXT,
    provenance: 'illustrative' as const,
  }));
  if (values.length === 0) return;
  await db
    .insertInto('rating_indicator_value')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['dataset', 'object_type', 'object_id', 'indicator', 'year']).doNothing(),
    )
    .execute();

  for (const e of ILLUSTRATIVE_EDITIONS) {
    const methodology = await findMethodologyRowByVersion(db, e.code, e.version);
    if (!methodology) continue;
    const exists = await db
      .selectFrom('rating_edition')
      .select('id')
      .where('methodology_id', '=', methodology.id)
      .where('year', '=', e.year)
      .where('dataset', '=', ILLUSTRATIVE_DATASET)
      .executeTakeFirst();
    if (!exists)
      await computeRatingEdition(db, {
        methodologyId: methodology.id,
        year: e.year,
        dataset: ILLUSTRATIVE_DATASET,
        status: 'draft',
      });
  }
}
