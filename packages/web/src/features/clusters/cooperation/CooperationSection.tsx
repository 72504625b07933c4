import { lazy, Suspense, useState } from 'react';
import type { ClusterCooperation } from '@promatlas/core/api/cooperation.schema.ts';
import {
  clusterComplianceRoute,
  clusterCooperationRoute,
  deleteContractRoute,
  deletePurchaseRoute,
} from '@promatlas/core/api/contract/cooperation.ts';
import { api, useRoute } from '../../../shared/api/api.ts';
import { ApiError } from '../../../shared/api/client.ts';
import { canEditRegistry } from '../../../shared/auth/permissions.ts';
import { useSession } from '../../../shared/auth/session.ts';
import { EntityLink, Section } from '../../../shared/components/common.tsx';
import { useT } from '../../../shared/lib/language.ts';
import { formatDate, formatRub } from './format.ts';
import { RuleSetBadge } from '../rules/RuleSetBadge.tsx';
import { RegistryStatus } from './RegistryStatus.tsx';
import { SupplierGapsList } from './SupplierGapsList.tsx';

type Contract = ClusterCooperation['contracts'][number];
type Purchase = ClusterCooperation['purchases'][number];

const ContractDialog = lazy(() =>
  import('./ContractDialog.tsx').then((m) => ({ default: m.ContractDialog })),
);
const PurchaseDialog = lazy(() =>
  import('./PurchaseDialog.tsx').then((m) => ({ default: m.PurchaseDialog })),
);

const CooperationGraph = lazy(() =>
  import('./CooperationGraph.tsx').then((m) => ({ default: m.CooperationGraph })),
);

const VERDICTS: Record<string, string> = {
  met: 'соответствует',
  not_met: 'не соответствует',
  insufficient_data: 'недостаточно данных',
};
const REQUIREMENTS: Record<string, string> = {
  cooperation: 'Кооперационные связи участников',
  functional_dependence: 'Функциональная зависимость',
  composition: 'Состав участников',
  specialised_organisation: 'Специализированная организация',
  decision_validity: 'Срок действия заключения Минпромторга',
};

function percent(value: unknown): string {
  return typeof value === 'number'
    ? `${(value * 100).toLocaleString('ru-RU', { maximumFractionDigits: 1 })} %`
    : '—';
}

/** A delete refused because someone changed the record since the page loaded says so. */
async function removeRecord(remove: () => Promise<unknown>, onDone: () => void) {
  if (!window.confirm('Удалить запись? Администратор сможет её восстановить.')) return;
  try {
    await remove();
  } catch (error) {
    window.alert(
      error instanceof ApiError && error.status === 409
        ? 'Запись уже изменил кто-то другой: страница обновится, проверьте и повторите.'
        : error instanceof Error
          ? error.message
          : String(error),
    );
  }
  onDone();
}

/** The cluster's contracts and purchases as files, from the export routes that take the cluster id. */
function CooperationDownloads({ clusterId }: { clusterId: number }) {
  const t = useT();
  const link = (list: 'contracts' | 'purchases', format: 'csv' | 'xlsx') => (
    <a
      href={`/api/clusters/${clusterId}/cooperation-${list}/export?format=${format}`}
      download
      data-testid={`export-${list}-${format}`}
    >
      {format.toUpperCase()}
    </a>
  );
  return (
    <p className="muted" data-testid="cooperation-downloads">
      {t('Скачать договоры', 'Download contracts')} {link('contracts', 'csv')} /{' '}
      {link('contracts', 'xlsx')} · {t('Скачать закупки', 'Download purchases')}{' '}
      {link('purchases', 'csv')} / {link('purchases', 'xlsx')}
    </p>
  );
}

/** «Кооперация»: the graph of contracts between participants and the table behind it, editable by editors. */
export function CooperationSection({ clusterId }: { clusterId: number }) {
  const { data, error, reload } = useRoute(clusterCooperationRoute, { params: { id: clusterId } });
  const { user } = useSession();
  const canEdit = canEditRegistry(user);
  const [contractDialog, setContractDialog] = useState<{ contract: Contract | null } | null>(null);
  const [purchaseDialog, setPurchaseDialog] = useState<{ purchase: Purchase | null } | null>(null);
  // Bumped after every saved change, so the check and the gaps read the new state.
  const [generation, setGeneration] = useState(0);
  const changed = () => {
    reload();
    setGeneration((g) => g + 1);
  };
  if (error) return null;
  if (!data) return null;
  return (
    <Section title="Кооперация" count={data.contracts.length} id="cooperation">
      <RegistryStatus clusterId={clusterId} canEdit={canEdit} onChanged={changed} />
      {canEdit ? (
        <p>
          <button
            type="button"
            className="button small"
            data-testid="add-contract"
            onClick={() => setContractDialog({ contract: null })}
          >
            Добавить договор
          </button>{' '}
          <button
            type="button"
            className="button small"
            data-testid="add-purchase"
            onClick={() => setPurchaseDialog({ purchase: null })}
          >
            Добавить закупки за год
          </button>
        </p>
      ) : null}
      <CooperationDownloads clusterId={clusterId} />
      {data.contracts.length ? (
        <>
          <Suspense fallback={<p>Строим граф…</p>}>
            <CooperationGraph cooperation={data} />
          </Suspense>
          <table className="data-table" data-testid="cooperation-table">
            <thead>
              <tr>
                <th>Поставщик</th>
                <th>Покупатель</th>
                <th>Тип</th>
                <th>Продукция</th>
                <th>Подписан</th>
                <th>Сумма</th>
                {canEdit ? <th /> : null}
              </tr>
            </thead>
            <tbody>
              {data.contracts.map((c) => (
                <tr key={c.id} className={c.insideCluster ? undefined : 'muted'}>
                  <td>
                    <EntityLink entity={c.supplier} />
                  </td>
                  <td>
                    <EntityLink entity={c.buyer} />
                  </td>
                  <td>{c.contractTypeLabel}</td>
                  <td>{[c.okpd2, c.product].filter(Boolean).join(' · ') || '—'}</td>
                  <td>{formatDate(c.signedOn)}</td>
                  <td>{c.valueRub === null ? '—' : formatRub(c.valueRub)}</td>
                  {canEdit ? (
                    <RowActions
                      testId={`contract-${c.id}`}
                      onEdit={() => setContractDialog({ contract: c })}
                      onDelete={() =>
                        void removeRecord(
                          () =>
                            api(deleteContractRoute, {
                              params: { id: c.id },
                              query: { version: c.version },
                            }),
                          changed,
                        )
                      }
                    />
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : (
        <p className="muted">Договоры кооперации между участниками не записаны.</p>
      )}
      {data.purchases.length ? (
        <>
          <h3>Закупки производителей конечной продукции</h3>
          <table className="data-table" data-testid="purchases-table">
            <thead>
              <tr>
                <th>Производитель</th>
                <th>Год</th>
                <th>Все закупки</th>
                <th>У участников</th>
                {canEdit ? <th /> : null}
              </tr>
            </thead>
            <tbody>
              {data.purchases.map((p) => (
                <tr key={p.id}>
                  <td>
                    <EntityLink entity={p.organisation} />
                  </td>
                  <td>{p.year}</td>
                  <td>{formatRub(p.totalRub)}</td>
                  <td>{formatRub(p.fromParticipantsRub)}</td>
                  {canEdit ? (
                    <RowActions
                      testId={`purchase-${p.id}`}
                      onEdit={() => setPurchaseDialog({ purchase: p })}
                      onDelete={() =>
                        void removeRecord(
                          () =>
                            api(deletePurchaseRoute, {
                              params: { id: p.id },
                              query: { version: p.version },
                            }),
                          changed,
                        )
                      }
                    />
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      <ComplianceCheck key={`check-${generation}`} clusterId={clusterId} />
      <SupplierGapsList key={`gaps-${generation}`} clusterId={clusterId} />
      <Suspense fallback={null}>
        {contractDialog ? (
          <ContractDialog
            contract={contractDialog.contract}
            onClose={() => setContractDialog(null)}
            onSaved={() => {
              setContractDialog(null);
              changed();
            }}
          />
        ) : null}
        {purchaseDialog ? (
          <PurchaseDialog
            purchase={purchaseDialog.purchase}
            participants={data.participants}
            onClose={() => setPurchaseDialog(null)}
            onSaved={() => {
              setPurchaseDialog(null);
              changed();
            }}
          />
        ) : null}
      </Suspense>
    </Section>
  );
}

/** The industrial-cluster check: a verdict per requirement, the numbers, who fails and what to do. */
function ComplianceCheck({ clusterId }: { clusterId: number }) {
  const [asOf, setAsOf] = useState(() => new Date().toISOString().slice(0, 10));
  const { data } = useRoute(clusterComplianceRoute, { params: { id: clusterId }, query: { asOf } });
  const names = new Map(data?.participants.map((p) => [p.id, p]) ?? []);
  const overall =
    data?.check.compliant === true
      ? 'соответствует'
      : data?.check.compliant === false
        ? 'не соответствует'
        : 'недостаточно данных';
  return (
    <div className="compliance" data-testid="compliance">
      <h3>
        Проверка по {data?.ruleSet.title ?? 'ПП РФ № 779'} на{' '}
        <input
          type="date"
          value={asOf}
          max={new Date().toISOString().slice(0, 10)}
          onChange={(e) => e.target.value && setAsOf(e.target.value)}
          aria-label="Дата проверки"
        />
      </h3>
      {data ? (
        <>
          <p data-testid="compliance-overall">
            Итог: <strong>{overall}</strong>
            {data.check.functionalDependence !== null
              ? ` · функциональная зависимость ${percent(data.check.functionalDependence)} (порог ${percent(data.check.functionalDependenceThreshold)})`
              : ''}
          </p>
          <RuleSetBadge ruleSet={data.ruleSet} />
          <table className="data-table">
            <thead>
              <tr>
                <th>Требование</th>
                <th>Вердикт</th>
                <th>Участники</th>
                <th>Срок</th>
              </tr>
            </thead>
            <tbody>
              {data.check.requirements.map((r) => (
                <tr key={r.code} data-testid={`requirement-${r.code}`}>
                  <td>{REQUIREMENTS[r.code] ?? r.code}</td>
                  <td className={`verdict-${r.verdict}`}>{VERDICTS[r.verdict]}</td>
                  <td>
                    {r.participants.map((id) => names.get(id)?.title ?? id).join('; ') || '—'}
                  </td>
                  <td>{r.deadline ? formatDate(r.deadline) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {data.gaps.length ? (
            <>
              <h4>Что сделать</h4>
              <ul data-testid="compliance-gaps">
                {data.gaps.map((g, k) => (
                  <li key={k}>
                    {g.message}
                    {g.deadline ? ` — до ${formatDate(g.deadline)}` : ''}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <details>
            <summary>Как данные реестра переведены в проверку</summary>
            <ul>
              {data.assumptions.map((a) => (
                <li key={a}>{a}</li>
              ))}
            </ul>
          </details>
        </>
      ) : null}
    </div>
  );
}

/** «изменить» and «удалить» for one row of the cooperation tables. */
function RowActions({
  testId,
  onEdit,
  onDelete,
}: {
  testId: string;
  onEdit: () => void;
  onDelete: () => void;
}) {
  return (
    <td className="row-actions">
      <button type="button" className="link-button" data-testid={`edit-${testId}`} onClick={onEdit}>
        изменить
      </button>{' '}
      <button
        type="button"
        className="link-button"
        data-testid={`delete-${testId}`}
        onClick={onDelete}
      >
        удалить
      </button>
    </td>
  );
}
