import type { Generated } from 'kysely';
import type {
  EventKind,
  EventStatus,
  ParticipationRole,
} from '@promatlas/core/domain/vocabulary.ts';
import type { RecordColumns, PeriodColumns, SearchColumns } from '../../db/columns.ts';

/** Kysely types of this feature's tables, in step with db/migrations (schema-drift.test.ts); assembled in db/database.ts. */
export interface EventTable extends RecordColumns, PeriodColumns, SearchColumns {
  id: Generated<number>;
  kind: EventKind;
  status: Generated<EventStatus>;
  title: string;
  region_code: string | null;
  place: string | null;
  participant_categories: Generated<string[]>;
  topics: Generated<string[]>;
  outcomes: Generated<string[]>;
  goals: Generated<string[]>;
  planned_participants: number | null;
  planned_participants_qualifier: string | null;
  follows_event_id: number | null;
  agenda: string | null;
}
export interface EventParticipantTable extends RecordColumns {
  id: Generated<number>;
  event_id: number;
  organisation_id: number | null;
  person_id: number | null;
  position_id: number | null;
  role: ParticipationRole;
}
export interface EventDecisionTable extends RecordColumns {
  id: Generated<number>;
  event_id: number;
  position: Generated<number>;
  text: string;
}
