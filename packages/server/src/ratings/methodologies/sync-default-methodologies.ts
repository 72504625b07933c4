import {
  sezEsg,
  sezInvestmentAttractiveness,
  type Methodology,
} from '@promatlas/core/ratings/index.ts';
import type { Db } from '../../db/connection.ts';
import { insertMethodologyRow } from './methodology.repository.ts';

/** The methodologies shipped with PromAtlas (PromAtlas's own, modelled on what АКИТ РФ publishes). */
export const DEFAULT_METHODOLOGIES: readonly Methodology[] = [sezInvestmentAttractiveness, sezEsg];

/**
 * Stores each default methodology version that is not in the database yet.
 * Runs on every start; an existing (code, version) is left alone, and user
 * versions are never touched, so a code update adds its new versions beside
 * the old ones.
 */
export async function syncDefaultMethodologies(db: Db): Promise<number> {
  let added = 0;
  for (const m of DEFAULT_METHODOLOGIES) {
    const id = await insertMethodologyRow(db, {
      code: m.id,
      version: m.version,
      title: m.title,
      object_type: m.objectType,
      body: m,
      is_default: true,
    });
    if (id !== null) added++;
  }
  return added;
}
