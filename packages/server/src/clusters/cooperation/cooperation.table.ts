import type { Generated } from 'kysely';
import type { CooperationContractType } from '@promatlas/core/domain/vocabulary.ts';
import type { PeriodColumns, RecordColumns } from '../../db/columns.ts';

/** Kysely types of this feature's tables, in step with db/migrations (schema-drift.test.ts); assembled in db/database.ts. */
export interface CooperationContractTable extends RecordColumns, PeriodColumns {
  id: Generated<number>;
  buyer_id: number;
  supplier_id: number;
  contract_type: CooperationContractType;
  okpd2_code: string | null;
  product: string | null;
  signed_on: string;
  value_rub: number | null;
}
export interface CooperationPurchaseTable extends RecordColumns {
  id: Generated<number>;
  organisation_id: number;
  year: number;
  total_rub: number;
  from_participants_rub: number;
}
