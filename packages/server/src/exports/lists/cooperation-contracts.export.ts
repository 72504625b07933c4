import {
  COOPERATION_CONTRACT_TYPES,
  type CooperationContractType,
} from '@promatlas/core/domain/vocabulary.ts';
import {
  findContractsOf,
  findMemberships,
  findPurchasesOf,
  loadCluster,
  participantsOf,
} from '../../clusters/cooperation/index.ts';
import { organisationDisplayName, SourceRefs } from '../../registry/shared/mappers.ts';
import type { Db } from '../../db/connection.ts';
import type { ListExport } from '../list-export.ts';

type ContractRow = Awaited<ReturnType<typeof findContractsOf>>[number];
type PurchaseRow = Awaited<ReturnType<typeof findPurchasesOf>>[number];

export interface CooperationContractsQuery {
  id: number;
  contractType?: CooperationContractType | undefined;
  inside?: boolean | undefined;
}

/** The cluster's participants (404 for an unknown cluster) as organisation ids. */
async function participantIds(db: Db, clusterId: number): Promise<number[]> {
  await loadCluster(db, clusterId);
  return participantsOf(await findMemberships(db, clusterId)).map((p) => p.organisationId);
}

/**
 * The contracts of a cluster's cooperation tab: every contract with at least
 * one participant as a party, in signing order, with whether both parties
 * are participants. A cluster's contracts are read at once (thousands, not
 * hundreds of thousands).
 */
export const cooperationContractsExport: ListExport<
  CooperationContractsQuery,
  ContractRow & { inside: boolean; source: string | null }
> = {
  name: 'cooperation-contracts',
  title: { ru: 'Договоры кооперации', en: 'Cooperation contracts' },
  columns: [
    { key: 'id', ru: 'Идентификатор', en: 'ID', type: 'integer', width: 10, value: (r) => r.id },
    {
      key: 'buyer',
      ru: 'Покупатель',
      en: 'Buyer',
      type: 'text',
      width: 40,
      value: (r) => organisationDisplayName({ name: r.buyer_name, legal_form: r.buyer_legal_form }),
    },
    {
      key: 'supplier',
      ru: 'Поставщик',
      en: 'Supplier',
      type: 'text',
      width: 40,
      value: (r) =>
        organisationDisplayName({ name: r.supplier_name, legal_form: r.supplier_legal_form }),
    },
    {
      key: 'contractType',
      ru: 'Вид договора',
      en: 'Contract type',
      type: 'text',
      width: 32,
      value: (r, l) => COOPERATION_CONTRACT_TYPES.label(r.contract_type, l),
    },
    {
      key: 'okpd2',
      ru: 'ОКПД2',
      en: 'OKPD2',
      type: 'text',
      width: 12,
      value: (r) => r.okpd2_code,
    },
    {
      key: 'product',
      ru: 'Продукция',
      en: 'Product',
      type: 'text',
      width: 36,
      value: (r) => r.product,
    },
    {
      key: 'signedOn',
      ru: 'Подписан',
      en: 'Signed',
      type: 'date',
      width: 12,
      value: (r) => r.signed_on,
    },
    {
      key: 'validFrom',
      ru: 'Действует с',
      en: 'Valid from',
      type: 'date',
      width: 12,
      value: (r) => r.valid_from,
    },
    {
      key: 'validTo',
      ru: 'Действует по',
      en: 'Valid to',
      type: 'date',
      width: 12,
      value: (r) => r.valid_to,
    },
    {
      key: 'valueRub',
      ru: 'Стоимость, ₽',
      en: 'Value, RUB',
      type: 'number',
      width: 16,
      value: (r) => (r.value_rub === null ? null : Number(r.value_rub)),
    },
    {
      key: 'inside',
      ru: 'Обе стороны — участники',
      en: 'Both parties are participants',
      type: 'boolean',
      width: 12,
      value: (r) => r.inside,
    },
    {
      key: 'source',
      ru: 'Источник',
      en: 'Source',
      type: 'text',
      width: 40,
      value: (r) => r.source,
    },
  ],
  async *batches(db, q) {
    const ids = await participantIds(db, q.id);
    const members = new Set(ids);
    const contracts = (await findContractsOf(db, ids))
      .map((c) => ({ ...c, inside: members.has(c.buyer_id) && members.has(c.supplier_id) }))
      .filter(
        (c) =>
          (q.contractType === undefined || c.contract_type === q.contractType) &&
          (q.inside === undefined || c.inside === q.inside),
      );
    const sources = await SourceRefs.load(
      db,
      contracts.map((c) => c.source_id),
    );
    if (contracts.length)
      yield contracts.map((c) => ({ ...c, source: sources.of(c)?.title ?? null }));
  },
};

export interface CooperationPurchasesQuery {
  id: number;
  year?: number | undefined;
}

/** The participants' purchases per year: all of them and the part bought from other participants. */
export const cooperationPurchasesExport: ListExport<
  CooperationPurchasesQuery,
  PurchaseRow & { source: string | null }
> = {
  name: 'cooperation-purchases',
  title: { ru: 'Закупки участников', en: 'Participants’ purchases' },
  columns: [
    {
      key: 'organisation',
      ru: 'Организация',
      en: 'Organisation',
      type: 'text',
      width: 40,
      value: (r) =>
        organisationDisplayName({
          name: r.organisation_name,
          legal_form: r.organisation_legal_form,
        }),
    },
    { key: 'year', ru: 'Год', en: 'Year', type: 'integer', width: 8, value: (r) => r.year },
    {
      key: 'totalRub',
      ru: 'Закупки всего, ₽',
      en: 'Total purchases, RUB',
      type: 'number',
      width: 18,
      value: (r) => Number(r.total_rub),
    },
    {
      key: 'fromParticipantsRub',
      ru: 'У участников, ₽',
      en: 'From participants, RUB',
      type: 'number',
      width: 18,
      value: (r) => Number(r.from_participants_rub),
    },
    {
      key: 'share',
      ru: 'Доля у участников',
      en: 'Share from participants',
      type: 'number',
      width: 12,
      value: (r) =>
        Number(r.total_rub) > 0 ? Number(r.from_participants_rub) / Number(r.total_rub) : null,
    },
    {
      key: 'source',
      ru: 'Источник',
      en: 'Source',
      type: 'text',
      width: 40,
      value: (r) => r.source,
    },
  ],
  async *batches(db, q) {
    const purchases = (await findPurchasesOf(db, await participantIds(db, q.id))).filter(
      (p) => q.year === undefined || p.year === q.year,
    );
    const sources = await SourceRefs.load(
      db,
      purchases.map((p) => p.source_id),
    );
    if (purchases.length)
      yield purchases.map((p) => ({ ...p, source: sources.of(p)?.title ?? null }));
  },
};
