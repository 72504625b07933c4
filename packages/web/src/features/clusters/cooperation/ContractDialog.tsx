import type { FormEvent } from 'react';
import type { ClusterCooperation } from '@promatlas/core/api/cooperation.schema.ts';
import {
  createContractRoute,
  updateContractRoute,
} from '@promatlas/core/api/contract/cooperation.ts';
import { COOPERATION_CONTRACT_TYPES } from '@promatlas/core/domain/vocabulary.ts';
import { api } from '../../../shared/api/api.ts';
import { ApiError } from '../../../shared/api/client.ts';
import { Dialog, Field, FormButtons, FormError } from '../../../shared/form/fields.tsx';
import {
  OrganisationPicker,
  type PickedOrganisation,
} from '../../../shared/form/OrganisationPicker.tsx';
import {
  NO_SOURCE,
  provenanceInput,
  SourceFields,
  useQuoteProblem,
  type SourceValue,
} from '../../../shared/form/SourceFields.tsx';
import { useForm, type FieldErrors } from '../../../shared/form/useForm.ts';
import { parseRub } from './format.ts';

type Contract = ClusterCooperation['contracts'][number];

interface ContractValues extends Record<string, unknown> {
  // Named as the API's fields, so their messages (client and server) land on these fields.
  buyerId: PickedOrganisation | null;
  supplierId: PickedOrganisation | null;
  contractType: string;
  okpd2: string;
  product: string;
  signedOn: string;
  validFrom: string;
  validTo: string;
  valueRub: string;
  source: SourceValue;
}

const picked = (ref: Contract['buyer']): PickedOrganisation => ({
  id: Number(ref.id),
  title: ref.title,
  regionName: null,
});

function initialValues(contract: Contract | null): ContractValues {
  return {
    buyerId: contract ? picked(contract.buyer) : null,
    supplierId: contract ? picked(contract.supplier) : null,
    contractType: contract?.contractType ?? 'supply',
    okpd2: contract?.okpd2 ?? '',
    product: contract?.product ?? '',
    signedOn: contract?.signedOn ?? '',
    validFrom: contract?.validFrom ?? '',
    validTo: contract?.validTo ?? '',
    valueRub: contract?.valueRub === null || !contract ? '' : String(contract.valueRub),
    source: contract?.source
      ? { sourceId: contract.source.id, quote: contract.source.quote ?? '' }
      : NO_SOURCE,
  };
}

function toInput(v: ContractValues) {
  const value = parseRub(v.valueRub);
  return {
    buyerId: v.buyerId?.id,
    supplierId: v.supplierId?.id,
    contractType: v.contractType,
    okpd2: v.okpd2.trim() || null,
    product: v.product.trim() || null,
    signedOn: v.signedOn,
    validFrom: v.validFrom || null,
    validTo: v.validTo || null,
    valueRub: value === undefined ? null : value,
    ...provenanceInput(v.source),
  };
}

function check(v: ContractValues): FieldErrors {
  const errors: FieldErrors = {};
  if (!v.buyerId) errors['buyerId'] = 'Выберите покупателя (первую сторону)';
  if (!v.supplierId) errors['supplierId'] = 'Выберите поставщика (вторую сторону)';
  if (v.buyerId && v.supplierId && v.buyerId.id === v.supplierId.id)
    errors['supplierId'] = 'У договора две разные стороны: поставщик не может быть покупателем';
  if (v.valueRub.trim() && Number.isNaN(parseRub(v.valueRub)))
    errors['valueRub'] = 'Сумма — число рублей, например 1 500 000';
  const today = new Date().toISOString().slice(0, 10);
  if (v.signedOn && v.signedOn > today)
    errors['signedOn'] =
      'Договор записывают подписанным: дата подписания не может быть позже сегодня';
  return errors;
}

/** Create or change a cooperation contract; a stale version (409) is said, not overwritten. */
export function ContractDialog({
  contract,
  onClose,
  onSaved,
}: {
  contract: Contract | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const form = useForm<ContractValues, typeof createContractRoute.body>(
    initialValues(contract),
    createContractRoute.body,
    toInput,
    check,
  );
  const { values: v, set, errors } = form;
  const quoteProblem = useQuoteProblem(v.source);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (quoteProblem) {
      form.setFormError(quoteProblem);
      return;
    }
    void form.submit(async () => {
      try {
        if (contract)
          await api(updateContractRoute, {
            params: { id: contract.id },
            body: { ...form.body(), version: contract.version },
          });
        else await api(createContractRoute, { body: form.body() });
      } catch (error) {
        if (error instanceof ApiError && error.status === 409)
          throw new ApiError(
            'Договор уже изменил кто-то другой. Закройте окно и откройте договор заново, чтобы увидеть его текущие данные.',
            409,
            'conflict',
          );
        throw error;
      }
      onSaved();
    });
  };
  return (
    <Dialog
      title={contract ? 'Изменить договор кооперации' : 'Новый договор кооперации'}
      onClose={onClose}
      testId="contract-dialog"
      wide
    >
      <form onSubmit={onSubmit} noValidate>
        <FormError message={form.formError} />
        <div className="form-row">
          <Field name="buyerId" label="Покупатель (первая сторона)" errors={errors} required>
            {(p) => (
              <OrganisationPicker
                id={p.id}
                testId="input-buyer"
                value={v.buyerId}
                onChange={(o) => set('buyerId', o)}
                aria-invalid={p['aria-invalid']}
                aria-describedby={p['aria-describedby']}
              />
            )}
          </Field>
          <Field name="supplierId" label="Поставщик (вторая сторона)" errors={errors} required>
            {(p) => (
              <OrganisationPicker
                id={p.id}
                testId="input-supplier"
                value={v.supplierId}
                onChange={(o) => set('supplierId', o)}
                aria-invalid={p['aria-invalid']}
                aria-describedby={p['aria-describedby']}
              />
            )}
          </Field>
        </div>
        <Field name="contractType" label="Тип договора" errors={errors} required>
          {(p) => (
            <select
              {...p}
              value={v.contractType}
              onChange={(e) => set('contractType', e.target.value)}
            >
              {COOPERATION_CONTRACT_TYPES.values.map((key) => (
                <option key={key} value={key}>
                  {COOPERATION_CONTRACT_TYPES.labels[key]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="form-row">
          <Field name="okpd2" label="ОКПД2" errors={errors} hint="Например, 28.30.2">
            {(p) => <input {...p} value={v.okpd2} onChange={(e) => set('okpd2', e.target.value)} />}
          </Field>
          <Field name="product" label="Продукция словами" errors={errors}>
            {(p) => (
              <input {...p} value={v.product} onChange={(e) => set('product', e.target.value)} />
            )}
          </Field>
        </div>
        <div className="form-row">
          <Field name="signedOn" label="Подписан" errors={errors} required>
            {(p) => (
              <input
                {...p}
                type="date"
                value={v.signedOn}
                onChange={(e) => set('signedOn', e.target.value)}
              />
            )}
          </Field>
          <Field name="validFrom" label="Действует с" errors={errors}>
            {(p) => (
              <input
                {...p}
                type="date"
                value={v.validFrom}
                onChange={(e) => set('validFrom', e.target.value)}
              />
            )}
          </Field>
          <Field name="validTo" label="по" errors={errors}>
            {(p) => (
              <input
                {...p}
                type="date"
                value={v.validTo}
                onChange={(e) => set('validTo', e.target.value)}
              />
            )}
          </Field>
        </div>
        <Field name="valueRub" label="Сумма, ₽" errors={errors}>
          {(p) => (
            <input
              {...p}
              inputMode="decimal"
              value={v.valueRub}
              onChange={(e) => set('valueRub', e.target.value)}
            />
          )}
        </Field>
        <SourceFields
          value={v.source}
          onChange={(source) => set('source', source)}
          errors={errors}
          quoteProblem={quoteProblem}
        />
        <FormButtons submitting={form.submitting} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
