import { useState, type FormEvent } from 'react';
import {
  clusterRegistryStatusRoute,
  updateClusterRegistryStatusRoute,
} from '@promatlas/core/api/contract/cooperation.ts';
import { api, useRoute } from '../../../shared/api/api.ts';
import { ApiError } from '../../../shared/api/client.ts';
import { Field, FormButtons, FormError } from '../../../shared/form/fields.tsx';
import { useForm } from '../../../shared/form/useForm.ts';
import { formatDate } from './format.ts';

interface StatusValues extends Record<string, unknown> {
  status: 'candidate' | 'registered';
  decisionNumber: string;
  decisionDate: string;
}

const STATED = { candidate: 'Кандидат', registered: 'В реестре Минпромторга' } as const;

function toInput(v: StatusValues) {
  const registered = v.status === 'registered';
  return {
    version: 1,
    status: v.status,
    decisionNumber: registered ? v.decisionNumber.trim() || null : null,
    decisionDate: registered ? v.decisionDate || null : null,
  };
}

/** The cluster's status in the Minpromtorg registry, its history, and (for editors) the form that states it. */
export function RegistryStatus({
  clusterId,
  canEdit,
  onChanged,
}: {
  clusterId: number;
  canEdit: boolean;
  /** Called after a saved change (the check reads the decision). */
  onChanged?: () => void;
}) {
  const { data, reload } = useRoute(clusterRegistryStatusRoute, { params: { id: clusterId } });
  const [editing, setEditing] = useState(false);
  if (!data) return null;
  return (
    <div className="registry-status" data-testid="registry-status">
      <h3>Статус в реестре Минпромторга</h3>
      <p data-testid="registry-status-text">
        <strong>{data.statusLabel ?? 'не указан'}</strong>
        {data.decisionNumber
          ? ` · заключение № ${data.decisionNumber} от ${formatDate(data.decisionDate!)}`
          : ''}
        {data.validUntil
          ? data.status === 'expired'
            ? ` · срок ${data.validityYears} лет истёк ${formatDate(data.validUntil)}`
            : ` · действует до ${formatDate(data.validUntil)} (не включая)`
          : ''}
      </p>
      {canEdit && !editing ? (
        <button
          type="button"
          className="button small"
          data-testid="edit-registry-status"
          onClick={() => setEditing(true)}
        >
          Изменить статус
        </button>
      ) : null}
      {editing ? (
        <StatusForm
          clusterId={clusterId}
          version={data.version}
          initial={{
            status: data.stated ?? 'candidate',
            decisionNumber: data.decisionNumber ?? '',
            decisionDate: data.decisionDate ?? '',
          }}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            reload();
            onChanged?.();
          }}
        />
      ) : null}
      {data.history.length ? (
        <details>
          <summary>История статуса ({data.history.length})</summary>
          <ul data-testid="registry-status-history">
            {data.history.map((h) => (
              <li key={h.at}>
                {new Date(h.at).toLocaleString('ru-RU')} · {h.user ?? '—'}:{' '}
                {h.stated ? STATED[h.stated] : 'не указан'}
                {h.decisionNumber
                  ? `, № ${h.decisionNumber} от ${h.decisionDate ? formatDate(h.decisionDate) : '—'}`
                  : ''}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

function StatusForm({
  clusterId,
  version,
  initial,
  onClose,
  onSaved,
}: {
  clusterId: number;
  version: number;
  initial: StatusValues;
  onClose: () => void;
  onSaved: () => void;
}) {
  const form = useForm<StatusValues, typeof updateClusterRegistryStatusRoute.body>(
    initial,
    updateClusterRegistryStatusRoute.body,
    toInput,
  );
  const { values: v, set, errors } = form;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void form.submit(async () => {
      try {
        await api(updateClusterRegistryStatusRoute, {
          params: { id: clusterId },
          body: { ...form.body(), version },
        });
      } catch (error) {
        if (error instanceof ApiError && error.status === 409)
          throw new ApiError(
            'Кластер уже изменил кто-то другой. Обновите страницу, чтобы увидеть текущий статус.',
            409,
            'conflict',
          );
        throw error;
      }
      onSaved();
    });
  };
  return (
    <form onSubmit={onSubmit} noValidate data-testid="registry-status-form">
      <FormError message={form.formError} />
      <Field name="status" label="Статус" errors={errors}>
        {(p) => (
          <select
            {...p}
            value={v.status}
            onChange={(e) => set('status', e.target.value as StatusValues['status'])}
          >
            <option value="candidate">{STATED.candidate}</option>
            <option value="registered">{STATED.registered}</option>
          </select>
        )}
      </Field>
      {v.status === 'registered' ? (
        <div className="form-row">
          <Field name="decisionNumber" label="Номер заключения" errors={errors} required>
            {(p) => (
              <input
                {...p}
                value={v.decisionNumber}
                onChange={(e) => set('decisionNumber', e.target.value)}
              />
            )}
          </Field>
          <Field name="decisionDate" label="Дата заключения" errors={errors} required>
            {(p) => (
              <input
                {...p}
                type="date"
                max={new Date().toISOString().slice(0, 10)}
                value={v.decisionDate}
                onChange={(e) => set('decisionDate', e.target.value)}
              />
            )}
          </Field>
        </div>
      ) : null}
      <FormButtons submitting={form.submitting} onCancel={onClose} />
    </form>
  );
}
