import type {
  ClusterRuleSetCreate,
  ClusterRuleSetUpdate,
  StoredClusterRuleSet,
} from '@promatlas/core/api/support.schema.ts';
import {
  validateClusterRuleSet,
  type ClusterRuleSet,
  type InputProblem,
} from '@promatlas/core/compliance/index.ts';
import type { Db } from '../db/connection.ts';
import { ConflictError, NotFoundError, ValidationError } from '../shared/domain-errors.ts';
import {
  createRecord,
  updateRecord,
  type MutationContext,
} from '../shared/records/versioned-record.repository.ts';
import {
  findRuleSetRowInForce,
  findRuleSetRows,
  findRuleSetVersion,
  getRuleSetRow,
} from './rule-set.repository.ts';
import { presentRuleSet, ruleSetBody } from './rule-set.presenter.ts';

const NOT_FOUND = ['Набор правил проверки кластера', 'Cluster rule set'] as const;

/** Problems of a rule-set body, named under `body.` as the API receives it. */
function bodyProblems(problems: readonly InputProblem[]) {
  return problems.map((p) => ({
    field: p.field ? `body.${p.field}` : 'body',
    message: p.message,
    messageEn: p.messageEn,
  }));
}

function parseBody(body: unknown): ClusterRuleSet {
  const validated = validateClusterRuleSet(body);
  if (!validated.ok) throw ValidationError.ofFields(bodyProblems(validated.problems));
  return validated.value;
}

function checkPeriod(from: string, to: string | null) {
  if (to !== null && to < from)
    throw ValidationError.ofFields([
      {
        field: 'inForceTo',
        message: 'Окончание действия раньше начала',
        messageEn: 'The end of the period is before its start',
      },
    ]);
}

async function refuseDuplicateVersion(db: Db, rules: ClusterRuleSet, exceptId: number | null) {
  const existing = await findRuleSetVersion(db, rules.id, rules.version, exceptId);
  if (existing)
    throw new ConflictError(
      `Версия ${rules.version} набора правил ${rules.id} уже хранится (запись № ${existing.id})`,
      `Version ${rules.version} of rule set ${rules.id} is stored already (record ${existing.id})`,
      {
        code: 'duplicate_version',
        details: {
          fields: [
            {
              field: 'body.version',
              message: 'Такая версия уже есть: укажите новую',
              messageEn: 'This version exists: give a new one',
            },
          ],
        },
      },
    );
}

export async function listRuleSets(db: Db): Promise<{ items: StoredClusterRuleSet[] }> {
  return { items: (await findRuleSetRows(db)).map(presentRuleSet) };
}

export async function getRuleSet(db: Db, id: number): Promise<StoredClusterRuleSet> {
  const row = await getRuleSetRow(db, id);
  if (!row) throw new NotFoundError(...NOT_FOUND, id);
  return presentRuleSet(row);
}

/** A new version of a rule set: the body in the `--rules` format, the dates it is in force. */
export async function createRuleSet(
  db: Db,
  ctx: MutationContext,
  input: ClusterRuleSetCreate,
): Promise<{ id: number; version: number }> {
  const rules = parseBody(input.body);
  checkPeriod(input.inForceFrom, input.inForceTo ?? null);
  return db.transaction().execute(async (trx) => {
    await refuseDuplicateVersion(trx, rules, null);
    const row = await createRecord(trx, ctx, 'cluster_rule_set', {
      code: rules.id,
      rule_version: rules.version,
      title: rules.title,
      in_force_from: input.inForceFrom,
      in_force_to: input.inForceTo ?? null,
      body: JSON.stringify(rules),
      ...(input.published === undefined ? {} : { published: input.published }),
    });
    return { id: row.id, version: row.version };
  });
}

/**
 * Edits a stored version (its thresholds, its dates, publication) with the
 * version check: a stale edit is refused with 409 and the current record. The
 * audit entry keeps the body before and after, so a verdict computed with an
 * earlier revision can be traced.
 */
export async function updateRuleSet(
  db: Db,
  ctx: MutationContext,
  id: number,
  input: ClusterRuleSetUpdate,
): Promise<{ id: number; version: number }> {
  const rules = input.body === undefined ? null : parseBody(input.body);
  return db.transaction().execute(async (trx) => {
    const current = await getRuleSetRow(trx, id);
    if (!current) throw new NotFoundError(...NOT_FOUND, id);
    checkPeriod(
      input.inForceFrom ?? current.in_force_from,
      input.inForceTo === undefined ? current.in_force_to : input.inForceTo,
    );
    if (rules) await refuseDuplicateVersion(trx, rules, id);
    const row = await updateRecord(trx, ctx, 'cluster_rule_set', id, input.version, {
      ...(rules
        ? {
            code: rules.id,
            rule_version: rules.version,
            title: rules.title,
            body: JSON.stringify(rules),
          }
        : {}),
      ...(input.inForceFrom === undefined ? {} : { in_force_from: input.inForceFrom }),
      ...(input.inForceTo === undefined ? {} : { in_force_to: input.inForceTo }),
      ...(input.published === undefined ? {} : { published: input.published }),
    });
    return { id: row.id, version: row.version };
  });
}

/** Which stored rule set a verdict used: said with every check. */
export interface RuleSetInUse {
  rules: ClusterRuleSet;
  id: number;
  revision: number;
  inForceFrom: string;
}

/**
 * The rule set a check of a date applies: the one asked for (a draft too, for
 * trying a new version out), else the published version in force on the
 * date. No stored version in force is bad input for that date, not a reason
 * to fall back on built-in numbers.
 */
export async function ruleSetForCheck(
  db: Db,
  asOf: string,
  ruleSetId?: number,
): Promise<RuleSetInUse> {
  const row =
    ruleSetId === undefined
      ? await findRuleSetRowInForce(db, asOf)
      : await getRuleSetRow(db, ruleSetId);
  if (!row) {
    throw ruleSetId === undefined
      ? ValidationError.ofFields([
          {
            field: 'asOf',
            message: `На ${asOf.split('-').reverse().join('.')} не действует ни один опубликованный набор правил`,
            messageEn: `No published rule set is in force on ${asOf}`,
          },
        ])
      : new NotFoundError(...NOT_FOUND, ruleSetId);
  }
  return {
    rules: ruleSetBody(row),
    id: row.id,
    revision: row.version,
    inForceFrom: row.in_force_from,
  };
}
