import type { Generated } from 'kysely';
import type {
  ProjectKind,
  ProjectParticipantRole,
  ProjectStatus,
} from '@promatlas/core/domain/vocabulary.ts';
import type { RecordColumns, PeriodColumns, SearchColumns } from '../../db/columns.ts';

/** Kysely types of this feature's tables, in step with db/migrations (schema-drift.test.ts); assembled in db/database.ts. */
export interface ProjectTable extends RecordColumns, PeriodColumns, SearchColumns {
  id: Generated<number>;
  kind: ProjectKind;
  status: ProjectStatus | null;
  title: string;
  description: string | null;
  region_code: string | null;
  cluster_id: number | null;
  site_id: number | null;
  investment_rub: number | null;
  jobs: number | null;
}
export interface ProjectParticipantTable extends RecordColumns {
  id: Generated<number>;
  project_id: number;
  organisation_id: number;
  role: ProjectParticipantRole;
}
export interface ProjectMilestoneTable extends RecordColumns, PeriodColumns {
  id: Generated<number>;
  project_id: number;
  position: Generated<number>;
  title: string;
  done: Generated<boolean>;
}
