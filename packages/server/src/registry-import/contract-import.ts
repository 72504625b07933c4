import { createContract, updateContract } from '../clusters/cooperation/index.ts';
import { plainNameKey } from './field-kit.ts';
import type { ContractCandidate } from './contract-fields.ts';
import { contractsBetween, sourcesTitled } from './record-import.repository.ts';
import type { EntityWriter } from './import-types.ts';
import type { RowProblem } from './registry-import.presenter.ts';
import {
  isRefusal,
  organisationOf,
  problem,
  wanted,
  type RowContext,
  type Values,
} from './record-plan.ts';
import { writerOf } from './record-writer.ts';

const CONTRACT_FIELD_OF: Record<string, string> = {
  source_id: 'source',
  okpd2_code: 'okpd2',
  product: 'product',
  valid_from: 'validFrom',
  valid_to: 'validTo',
  value_rub: 'valueRub',
};
const CONTRACT_INPUT: Record<string, string> = {
  buyer_id: 'buyerId',
  supplier_id: 'supplierId',
  contract_type: 'contractType',
  okpd2_code: 'okpd2',
  product: 'product',
  signed_on: 'signedOn',
  valid_from: 'validFrom',
  valid_to: 'validTo',
  value_rub: 'valueRub',
  source_id: 'sourceId',
};
const toInput = (values: Values) =>
  Object.fromEntries(
    Object.entries(values)
      .filter(([k]) => k in CONTRACT_INPUT)
      .map(([k, v]) => [CONTRACT_INPUT[k]!, v]),
  );

/**
 * The source document a row's «Источник» names, by its title: the contract's
 * own source when several documents share the title, else the only one. A
 * title that names no document (or several, none of them the contract's)
 * leaves the file as the contract's source, and the job says so.
 */
async function namedSource(
  ctx: RowContext,
  title: string,
  current: unknown,
): Promise<{ sourceId: number } | { notice: RowProblem }> {
  const titled = await sourcesTitled(ctx.db, title);
  const chosen =
    titled.find((s) => s.id === current) ?? (titled.length === 1 ? titled[0] : undefined);
  if (chosen) return { sourceId: chosen.id };
  return {
    notice: problem(
      ctx.columns,
      'source',
      titled.length === 0 ? 'unknown_source' : 'ambiguous_source',
      titled.length === 0
        ? `источника «${title}» нет в реестре источников: договор ссылается на файл импорта; добавьте источник и повторите импорт, чтобы сослаться на него`
        : `источников с названием «${title}» несколько (№${titled.map((s) => s.id).join(', №')}): договор ссылается на файл импорта`,
      titled.length === 0
        ? `no source document is titled "${title}": the contract cites the import file; add the source and import again to cite it`
        : `several source documents are titled "${title}" (${titled.map((s) => s.id).join(', ')}): the contract cites the import file`,
    ),
  };
}

/**
 * Cooperation contracts: matched by the parties, type, signing date and
 * product (ОКПД2 code, else the product's words); written through the
 * cooperation feature's use cases, so its checks (a known ОКПД2 code, two
 * different parties) apply as in the editing form.
 */
export const contractWriter = (): EntityWriter =>
  writerOf<ContractCandidate>({
    table: 'cooperation_contract',
    async plan(ctx, c) {
      const buyer = await organisationOf(
        ctx,
        c.buyer,
        { inn: 'buyerInn', name: 'buyer' },
        undefined,
      );
      if (isRefusal(buyer)) return buyer;
      const supplier = await organisationOf(
        ctx,
        c.supplier,
        { inn: 'supplierInn', name: 'supplier' },
        undefined,
      );
      if (isRefusal(supplier)) return supplier;
      if (buyer.id === supplier.id)
        return {
          reasonCode: 'invalid_value',
          problems: [
            problem(
              ctx.columns,
              'supplier',
              'same_party',
              'поставщик не может быть покупателем',
              'the supplier cannot be the buyer',
            ),
          ],
        };
      const product = c.okpd2 ?? plainNameKey(c.product ?? '');
      const key = `contract:${buyer.id}|${supplier.id}|${c.contractType}|${c.signedOn}|${product}`;
      const match =
        ctx.planned.get(key) ??
        (await contractsBetween(ctx.db, buyer.id, supplier.id, c.signedOn)).find(
          (k) =>
            k['contract_type'] === c.contractType &&
            (c.okpd2
              ? k['okpd2_code'] === c.okpd2
              : k['okpd2_code'] === null &&
                plainNameKey((k['product'] as string | null) ?? '') === product),
        );
      const source = c.source ? await namedSource(ctx, c.source, match?.['source_id']) : undefined;
      return {
        key,
        name: `${buyer.name} ← ${supplier.name}, ${c.signedOn}`,
        ...(source && 'notice' in source ? { notices: [source.notice] } : {}),
        regions: [buyer.region_code, supplier.region_code],
        main: wanted(
          'cooperation_contract',
          match,
          {
            okpd2_code: c.okpd2,
            product: c.product,
            valid_from: c.validFrom,
            valid_to: c.validTo,
            value_rub: c.valueRub,
            source_id: source && 'sourceId' in source ? source.sourceId : undefined,
          },
          CONTRACT_FIELD_OF,
          () => ({
            buyer_id: buyer.id,
            supplier_id: supplier.id,
            contract_type: c.contractType,
            signed_on: c.signedOn,
          }),
        ),
      };
    },
    service: {
      async create(db, ctx, values, sourceId) {
        // A source the row names is cited instead of the file.
        const input = {
          ...(sourceId !== null ? { sourceId } : {}),
          ...toInput(values),
        } as Parameters<typeof createContract>[2];
        const made = await createContract(db, { viewer: ctx.actor.viewer, sourceId }, input);
        return { ...values, id: made.id, version: made.version, imported_version: null };
      },
      async update(db, ctx, id, version, changes, sourceId, values) {
        // The source the row names stays cited when other fields change; else the file is.
        const cited = (values['source_id'] as number | undefined) ?? sourceId;
        const input = {
          ...(cited !== null ? { sourceId: cited } : {}),
          ...toInput(changes),
          version,
        } as Parameters<typeof updateContract>[3];
        const made = await updateContract(db, { viewer: ctx.actor.viewer, sourceId }, id, input);
        return { ...changes, id: made.id, version: made.version, imported_version: null };
      },
    },
  });
