import type {
  ClusterCooperation,
  ContractCreate,
  ContractUpdate,
  PurchaseCreate,
  PurchaseUpdate,
} from '@promatlas/core/api/cooperation.schema.ts';
import type { MembershipRole } from '@promatlas/core/domain/vocabulary.ts';
import type { Db } from '../../db/connection.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../shared/domain-errors.ts';
import {
  createRecord,
  toColumns,
  updateProvenance,
  updateRecord,
  type ColumnMap,
  type MutationContext,
  deleteInTransaction,
} from '../../shared/records/versioned-record.repository.ts';
import {
  organisationDisplayName,
  ref,
  SourceRefs,
  sourceIdsOf,
} from '../../registry/shared/mappers.ts';
import {
  checkReferences,
  organisationProblem,
  provenance,
} from '../../registry/shared/references.ts';
import {
  findContractsOf,
  findLivePurchase,
  findMemberships,
  findPurchasesOf,
  getClusterDecision,
  getContractRow,
  getPurchaseRow,
  okpd2Known,
  type MembershipRow,
} from './cooperation.repository.ts';
import { presentContract, presentPurchase } from './cooperation.presenter.ts';

const CONTRACT_COLUMNS = {
  buyerId: 'buyer_id',
  supplierId: 'supplier_id',
  contractType: 'contract_type',
  okpd2: 'okpd2_code',
  product: 'product',
  signedOn: 'signed_on',
  validFrom: 'valid_from',
  validTo: 'valid_to',
  valueRub: 'value_rub',
  published: 'published',
} satisfies ColumnMap<'cooperation_contract'>;

/** A participant of a cluster: one organisation with all its roles. */
export interface ClusterParticipant {
  organisationId: number;
  name: string;
  kind: string;
  region: string | null;
  roles: MembershipRole[];
  joined: Array<string | null>;
}

export function participantsOf(memberships: MembershipRow[]): ClusterParticipant[] {
  const byOrganisation = new Map<number, ClusterParticipant>();
  for (const m of memberships) {
    const p = byOrganisation.get(m.organisation_id) ?? {
      organisationId: m.organisation_id,
      name: organisationDisplayName(m),
      kind: m.kind,
      region: m.region_code,
      roles: [],
      joined: [],
    };
    p.roles.push(m.role as MembershipRole);
    p.joined.push(m.valid_from);
    byOrganisation.set(m.organisation_id, p);
  }
  return [...byOrganisation.values()];
}

export async function loadCluster(db: Db, clusterId: number) {
  const cluster = await getClusterDecision(db, clusterId);
  if (!cluster) throw new NotFoundError('Кластер', 'Cluster', clusterId);
  return cluster;
}

/** The cooperation of a cluster: participants, the contracts they are party to, their purchases. */
export async function getClusterCooperation(
  db: Db,
  clusterId: number,
): Promise<ClusterCooperation> {
  const cluster = await loadCluster(db, clusterId);
  const participants = participantsOf(await findMemberships(db, clusterId));
  const ids = participants.map((p) => p.organisationId);
  const members = new Set(ids);
  const [contracts, purchases] = await Promise.all([
    findContractsOf(db, ids),
    findPurchasesOf(db, ids),
  ]);
  const sources = await SourceRefs.load(db, sourceIdsOf(contracts, purchases));
  return {
    cluster: ref('cluster', cluster.id, cluster.name),
    participants: participants.map((p) => ({
      organisation: ref('organisation', p.organisationId, p.name),
      roles: [...new Set(p.roles)],
      joined:
        p.joined.every((d) => d !== null) && p.joined.length
          ? [...(p.joined as string[])].sort()[0]!
          : null,
    })),
    contracts: contracts.map((c) => ({
      ...presentContract(c, sources),
      insideCluster: members.has(c.buyer_id) && members.has(c.supplier_id),
    })),
    purchases: purchases.map((p) => presentPurchase(p, sources)),
  };
}

async function checkContract(db: Db, input: Partial<ContractCreate>): Promise<void> {
  // A contract is recorded once signed: a signing date after today is a typo.
  const today = new Date().toISOString().slice(0, 10);
  if (input.signedOn && input.signedOn > today)
    throw new ValidationError('Дата подписания в будущем', 'The signing date is in the future', {
      fields: [
        {
          field: 'signedOn',
          message: 'Договор записывают подписанным: дата подписания не может быть позже сегодня',
          messageEn: 'A contract is recorded once signed: the signing date cannot be after today',
        },
      ],
    });
  await checkReferences([
    organisationProblem(db, 'buyerId', input.buyerId),
    organisationProblem(db, 'supplierId', input.supplierId),
  ]);
  if (input.okpd2 && (await okpd2Known(db, input.okpd2)) === 'unknown')
    throw new ValidationError('Неизвестный код ОКПД2', 'Unknown ОКПД2 code', {
      fields: [
        {
          field: 'okpd2',
          message: `Кода ОКПД2 «${input.okpd2}» нет в загруженном классификаторе`,
          messageEn: `ОКПД2 code "${input.okpd2}" is not in the loaded classifier`,
        },
      ],
    });
}

export async function createContract(db: Db, ctx: MutationContext, input: ContractCreate) {
  await checkContract(db, input);
  const prov = await provenance(db, input);
  const row = await db.transaction().execute((trx) =>
    createRecord(trx, { ...ctx, sourceId: prov.source_id }, 'cooperation_contract', {
      ...toColumns<'cooperation_contract'>(input, CONTRACT_COLUMNS),
      ...prov,
      // ContractCreate requires what the table requires.
      buyer_id: input.buyerId,
      supplier_id: input.supplierId,
      contract_type: input.contractType,
      signed_on: input.signedOn,
    }),
  );
  return { id: row.id, version: row.version };
}

export async function updateContract(
  db: Db,
  ctx: MutationContext,
  id: number,
  input: ContractUpdate,
) {
  const { version, ...rest } = input;
  const current = await getContractRow(db, id);
  if (!current) throw new NotFoundError('Договор кооперации', 'Cooperation contract', id);
  const merged = {
    buyerId: rest.buyerId ?? current.buyer_id,
    supplierId: rest.supplierId ?? current.supplier_id,
    validFrom: rest.validFrom === undefined ? current.valid_from : rest.validFrom,
    validTo: rest.validTo === undefined ? current.valid_to : rest.validTo,
  };
  if (merged.buyerId === merged.supplierId)
    throw new ValidationError('У договора две разные стороны', 'A contract has two parties', {
      fields: [
        {
          field: 'supplierId',
          message: 'Поставщик не может быть покупателем',
          messageEn: 'The supplier cannot be the buyer',
        },
      ],
    });
  if (merged.validFrom && merged.validTo && merged.validFrom > merged.validTo)
    throw new ValidationError('Срок действия задан наоборот', 'The period is reversed', {
      fields: [
        {
          field: 'validTo',
          message: 'Окончание срока действия раньше его начала',
          messageEn: 'The end is before the start',
        },
      ],
    });
  await checkContract(db, rest);
  const prov = await updateProvenance(db, 'cooperation_contract', id, rest);
  const row = await db.transaction().execute((trx) =>
    updateRecord(trx, { ...ctx, sourceId: prov.source_id }, 'cooperation_contract', id, version, {
      ...toColumns<'cooperation_contract'>(rest, CONTRACT_COLUMNS),
      ...prov,
    }),
  );
  return { id: row.id, version: row.version };
}

export async function deleteCooperationRecord(
  db: Db,
  ctx: MutationContext,
  table: 'cooperation_contract' | 'cooperation_purchase',
  id: number,
  version: number,
) {
  return deleteInTransaction(db, ctx, table, id, version);
}

/** A finished-product maker's purchases of one year; a second entry for the same year is refused. */
export async function createPurchase(db: Db, ctx: MutationContext, input: PurchaseCreate) {
  await checkReferences([organisationProblem(db, 'organisationId', input.organisationId)]);
  if (await findLivePurchase(db, input.organisationId, input.year))
    throw new ConflictError(
      `Закупки этой организации за ${input.year} год уже записаны: удалите прежнюю запись или измените её`,
      `Purchases of this organisation for ${input.year} are already recorded`,
      { code: 'purchase_exists' },
    );
  const prov = await provenance(db, input);
  const row = await db.transaction().execute((trx) =>
    createRecord(trx, { ...ctx, sourceId: prov.source_id }, 'cooperation_purchase', {
      organisation_id: input.organisationId,
      year: input.year,
      total_rub: input.totalRub,
      from_participants_rub: input.fromParticipantsRub,
      ...prov,
    }),
  );
  return { id: row.id, version: row.version };
}

/**
 * Changes a year's purchases; the totals are checked as they will be after
 * the change (the part from participants never above the total), and a year
 * already recorded for the organisation is refused as on creation.
 */
export async function updatePurchase(
  db: Db,
  ctx: MutationContext,
  id: number,
  input: PurchaseUpdate,
) {
  const { version, ...rest } = input;
  const current = await getPurchaseRow(db, id);
  if (!current) throw new NotFoundError('Закупки', 'Purchases', id);
  const total = rest.totalRub ?? current.total_rub;
  const fromParticipants = rest.fromParticipantsRub ?? current.from_participants_rub;
  if (fromParticipants > total)
    throw new ValidationError(
      'Закупки у участников больше всех закупок',
      'Purchases from participants exceed the total',
      {
        fields: [
          {
            field: 'fromParticipantsRub',
            message: 'Закупки у участников не могут быть больше всех закупок',
            messageEn: 'Purchases from participants cannot exceed the total',
          },
        ],
      },
    );
  if (rest.year !== undefined && rest.year !== current.year) {
    const taken = await findLivePurchase(db, current.organisation_id, rest.year);
    if (taken)
      throw new ConflictError(
        `Закупки этой организации за ${rest.year} год уже записаны`,
        `Purchases of this organisation for ${rest.year} are already recorded`,
        { code: 'purchase_exists' },
      );
  }
  const prov = await updateProvenance(db, 'cooperation_purchase', id, rest);
  const row = await db.transaction().execute((trx) =>
    updateRecord(trx, { ...ctx, sourceId: prov.source_id }, 'cooperation_purchase', id, version, {
      ...(rest.year !== undefined ? { year: rest.year } : {}),
      ...(rest.totalRub !== undefined ? { total_rub: rest.totalRub } : {}),
      ...(rest.fromParticipantsRub !== undefined
        ? { from_participants_rub: rest.fromParticipantsRub }
        : {}),
      ...prov,
    }),
  );
  return { id: row.id, version: row.version };
}
