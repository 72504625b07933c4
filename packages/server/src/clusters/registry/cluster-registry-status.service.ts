import type {
  ClusterRegistryStatus,
  ClusterRegistryStatusUpdate,
} from '@promatlas/core/api/suppliers.schema.ts';
import { addYears } from '@promatlas/core/compliance/addYears.ts';
import { DEFAULT_CLUSTER_RULE_SET } from '@promatlas/core/compliance/default-cluster-rule-set.ts';
import {
  CLUSTER_REGISTRY_STATUSES,
  type ClusterRegistryStatus as Status,
  type StatedClusterRegistryStatus,
} from '@promatlas/core/domain/vocabulary.ts';
import type { Db } from '../../db/connection.ts';
import type { Viewer } from '../../auth/index.ts';
import { NotFoundError, ValidationError } from '../../shared/domain-errors.ts';
import {
  updateRecord,
  type MutationContext,
} from '../../shared/records/versioned-record.repository.ts';
import { ref } from '../../registry/shared/mappers.ts';
import { findRegistryStatusChanges, getClusterRegistryRow } from './cluster.repository.ts';

/** What the registry holds about a cluster's decision, as the check's input reads it. */
export interface ClusterDecisionFacts {
  registry_status: StatedClusterRegistryStatus | null;
  decision_date: string | null;
}

/**
 * The decision date the industrial-cluster check takes: the recorded date
 * when there is one; null (no decision, nothing can expire) for a stated
 * candidate; undefined (unknown: insufficient data) when nothing was stated.
 */
export function decisionDateForCheck(c: ClusterDecisionFacts): string | null | undefined {
  if (c.decision_date) return c.decision_date;
  return c.registry_status === 'candidate' ? null : undefined;
}

/** The status on a date: a registered cluster whose decision's validity has lapsed is «expired». */
export function registryStatusOn(
  c: ClusterDecisionFacts,
  today: string,
  validityYears: number,
): { status: Status | null; validUntil: string | null } {
  if (c.registry_status !== 'registered' || !c.decision_date)
    return { status: c.registry_status, validUntil: null };
  const validUntil = addYears(c.decision_date, validityYears);
  return { status: today < validUntil ? 'registered' : 'expired', validUntil };
}

const snapshotText = (value: unknown, key: string): string | null => {
  const v = (value as Record<string, unknown> | null)?.[key];
  return typeof v === 'string' ? v : null;
};

/** `db` reads as the viewer may; the audit trail is read from `auditDb` (the tables, not the views). */
export async function getClusterRegistryStatus(
  db: Db,
  auditDb: Db,
  viewer: Viewer,
  id: number,
  today: string,
): Promise<ClusterRegistryStatus> {
  const row = await getClusterRegistryRow(db, id);
  if (!row) throw new NotFoundError('Кластер', 'Cluster', id);
  const validityYears = DEFAULT_CLUSTER_RULE_SET.decision.validityYears;
  const { status, validUntil } = registryStatusOn(row, today, validityYears);
  // The history shows editors' names and earlier states: signed-in users only, as the record history.
  const changes = viewer.user ? await findRegistryStatusChanges(auditDb, id) : [];
  return {
    cluster: ref('cluster', row.id, row.name),
    version: row.version,
    stated: row.registry_status,
    status,
    statusLabel: status ? CLUSTER_REGISTRY_STATUSES.labels[status] : null,
    statusLabelEn: status ? CLUSTER_REGISTRY_STATUSES.labelsEn[status] : null,
    decisionNumber: row.decision_number,
    decisionDate: row.decision_date,
    validUntil,
    validityYears,
    history: changes.map((c) => {
      const stated = snapshotText(c.after, 'registry_status');
      return {
        at: new Date(c.at).toISOString(),
        user: c.display_name,
        stated: stated === 'candidate' || stated === 'registered' ? stated : null,
        decisionNumber: snapshotText(c.after, 'decision_number'),
        decisionDate: snapshotText(c.after, 'decision_date')?.slice(0, 10) ?? null,
      };
    }),
  };
}

/** States the registry status: a candidate has no decision; a registered cluster has its number and date (not in the future). */
export async function updateClusterRegistryStatus(
  db: Db,
  ctx: MutationContext,
  id: number,
  input: ClusterRegistryStatusUpdate,
  today: string,
) {
  if (input.decisionDate && input.decisionDate > today)
    throw new ValidationError('Дата заключения в будущем', 'The decision date is in the future', {
      fields: [
        {
          field: 'decisionDate',
          message: 'Дата заключения Минпромторга не может быть позже сегодняшнего дня',
          messageEn: 'The Minpromtorg decision cannot be dated after today',
        },
      ],
    });
  const registered = input.status === 'registered';
  const row = await db.transaction().execute((trx) =>
    updateRecord(trx, ctx, 'cluster', id, input.version, {
      registry_status: input.status,
      decision_number: registered ? input.decisionNumber! : null,
      decision_date: registered ? input.decisionDate! : null,
    }),
  );
  return { id: row.id, version: row.version };
}
