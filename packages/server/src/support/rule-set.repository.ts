import type { Selectable } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { Database } from '../db/database.ts';

export type ClusterRuleSetRow = Selectable<Database['cluster_rule_set']>;

/** Every live version of every rule set, newest in force first within a code. */
export async function findRuleSetRows(db: Db): Promise<ClusterRuleSetRow[]> {
  return db
    .selectFrom('cluster_rule_set')
    .selectAll()
    .where('deleted_at', 'is', null)
    .orderBy('code')
    .orderBy('in_force_from', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function getRuleSetRow(db: Db, id: number): Promise<ClusterRuleSetRow | undefined> {
  return db
    .selectFrom('cluster_rule_set')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/**
 * The published version in force on a date: in_force_from ≤ date and
 * (no end or in_force_to ≥ date); when versions overlap, the one that came
 * into force last (then the newest row) wins.
 */
export async function findRuleSetRowInForce(
  db: Db,
  asOf: string,
): Promise<ClusterRuleSetRow | undefined> {
  return db
    .selectFrom('cluster_rule_set')
    .selectAll()
    .where('deleted_at', 'is', null)
    .where('published', '=', true)
    .where('in_force_from', '<=', asOf)
    .where((eb) => eb.or([eb('in_force_to', 'is', null), eb('in_force_to', '>=', asOf)]))
    .orderBy('in_force_from', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/** Another live row holding this version of this rule set. */
export async function findRuleSetVersion(
  db: Db,
  code: string,
  ruleVersion: string,
  exceptId: number | null,
): Promise<{ id: number } | undefined> {
  let query = db
    .selectFrom('cluster_rule_set')
    .select('id')
    .where('deleted_at', 'is', null)
    .where('code', '=', code)
    .where('rule_version', '=', ruleVersion);
  if (exceptId !== null) query = query.where('id', '<>', exceptId);
  return query.executeTakeFirst();
}
