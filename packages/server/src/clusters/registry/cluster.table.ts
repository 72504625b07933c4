import type { Generated } from 'kysely';
import type {
  ClusterKind,
  ClusterStatus,
  MembershipRole,
  StatedClusterRegistryStatus,
} from '@promatlas/core/domain/vocabulary.ts';
import type { RecordColumns, PeriodColumns, SearchColumns } from '../../db/columns.ts';

/** Kysely types of this feature's tables, in step with db/migrations (schema-drift.test.ts); assembled in db/database.ts. */
export interface ClusterTable extends RecordColumns, SearchColumns {
  id: Generated<number>;
  kind: ClusterKind;
  status: Generated<ClusterStatus>;
  name: string;
  full_name: string | null;
  aliases: Generated<string[]>;
  region_code: string | null;
  specialisation: string | null;
  specialised_organisation_id: number | null;
  /** The Minpromtorg decision that the cluster meets the industrial-cluster rules. */
  decision_number: string | null;
  decision_date: string | null;
  /** Stated registry status; null when never stated («expired» is computed from decision_date). */
  registry_status: StatedClusterRegistryStatus | null;
}
export interface ClusterMemberTable extends RecordColumns, PeriodColumns {
  id: Generated<number>;
  cluster_id: number;
  organisation_id: number;
  role: Generated<MembershipRole>;
}
