import type { FormEvent } from 'react';
import type { ClusterCooperation } from '@promatlas/core/api/cooperation.schema.ts';
import {
  createPurchaseRoute,
  updatePurchaseRoute,
} from '@promatlas/core/api/contract/cooperation.ts';
import { api } from '../../../shared/api/api.ts';
import { ApiError } from '../../../shared/api/client.ts';
import { Dialog, Field, FormButtons, FormError } from '../../../shared/form/fields.tsx';
import { useForm, type FieldErrors } from '../../../shared/form/useForm.ts';
import { parseRub } from './format.ts';

type Purchase = ClusterCooperation['purchases'][number];

interface PurchaseValues extends Record<string, unknown> {
  organisationId: string;
  year: string;
  totalRub: string;
  fromParticipantsRub: string;
}

function toInput(v: PurchaseValues) {
  return {
    organisationId: v.organisationId ? Number(v.organisationId) : undefined,
    year: v.year ? Number(v.year) : undefined,
    totalRub: parseRub(v.totalRub),
    fromParticipantsRub: parseRub(v.fromParticipantsRub),
  };
}

function check(v: PurchaseValues): FieldErrors {
  const errors: FieldErrors = {};
  if (!v.organisationId) errors['organisationId'] = 'Выберите производителя';
  for (const key of ['totalRub', 'fromParticipantsRub'] as const) {
    const n = parseRub(v[key]);
    if (n === undefined) errors[key] = 'Укажите сумму, ₽';
    else if (Number.isNaN(n)) errors[key] = 'Сумма — число рублей, например 1 500 000';
  }
  return errors;
}

/** A finished-product maker's purchases of one year: create or change (409 on a stale version). */
export function PurchaseDialog({
  purchase,
  participants,
  onClose,
  onSaved,
}: {
  purchase: Purchase | null;
  participants: ClusterCooperation['participants'];
  onClose: () => void;
  onSaved: () => void;
}) {
  const form = useForm<PurchaseValues, typeof createPurchaseRoute.body>(
    {
      organisationId: purchase?.organisation.id ?? '',
      year: purchase ? String(purchase.year) : String(new Date().getFullYear() - 1),
      totalRub: purchase ? String(purchase.totalRub) : '',
      fromParticipantsRub: purchase ? String(purchase.fromParticipantsRub) : '',
    },
    createPurchaseRoute.body,
    toInput,
    check,
  );
  const { values: v, set, errors } = form;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void form.submit(async () => {
      const body = form.body();
      try {
        if (purchase)
          await api(updatePurchaseRoute, {
            params: { id: purchase.id },
            body: {
              version: purchase.version,
              year: body.year,
              totalRub: body.totalRub,
              fromParticipantsRub: body.fromParticipantsRub,
            },
          });
        else await api(createPurchaseRoute, { body });
      } catch (error) {
        if (error instanceof ApiError && error.status === 409 && error.code !== 'purchase_exists')
          throw new ApiError(
            'Запись о закупках уже изменил кто-то другой. Закройте окно и откройте её заново.',
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
      title={purchase ? 'Изменить закупки за год' : 'Закупки производителя за год'}
      onClose={onClose}
      testId="purchase-dialog"
    >
      <form onSubmit={onSubmit} noValidate>
        <FormError message={form.formError} />
        <Field
          name="organisationId"
          label="Производитель конечной продукции"
          errors={errors}
          required
        >
          {(p) => (
            <select
              {...p}
              value={v.organisationId}
              disabled={!!purchase}
              onChange={(e) => set('organisationId', e.target.value)}
            >
              <option value="">—</option>
              {participants.map((m) => (
                <option key={m.organisation.id} value={m.organisation.id}>
                  {m.organisation.title}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="year" label="Год" errors={errors} required>
          {(p) => (
            <input
              {...p}
              inputMode="numeric"
              value={v.year}
              onChange={(e) => set('year', e.target.value)}
            />
          )}
        </Field>
        <Field
          name="totalRub"
          label="Все закупки сырья, материалов и комплектующих, ₽"
          errors={errors}
          required
        >
          {(p) => (
            <input
              {...p}
              inputMode="decimal"
              value={v.totalRub}
              onChange={(e) => set('totalRub', e.target.value)}
            />
          )}
        </Field>
        <Field
          name="fromParticipantsRub"
          label="Из них у других участников кластера, ₽"
          errors={errors}
          required
        >
          {(p) => (
            <input
              {...p}
              inputMode="decimal"
              value={v.fromParticipantsRub}
              onChange={(e) => set('fromParticipantsRub', e.target.value)}
            />
          )}
        </Field>
        <FormButtons submitting={form.submitting} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
