import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  datasetQuarantineRoute,
  datasetSummaryRoute,
  deleteDatasetRoute,
  listDatasetsRoute,
} from '@promatlas/core/api/contract/clusters.ts';
import { api, useRoute } from '../../../shared/api/api.ts';
import { ApiError } from '../../../shared/api/client.ts';
import { useSession } from '../../../shared/auth/session.ts';
import { ErrorMessage, Loading } from '../../../shared/components/common.tsx';
import { DownloadLinks } from '../../../shared/components/DownloadLinks.tsx';
import { useTitle } from '../../../shared/lib/useTitle.ts';
import type { DatasetDto } from '../analytics/cluster-api.ts';
import {
  CLASSIFICATION_LABELS,
  formatNumber,
  formatYears,
  MEASURE_LABELS,
  quarantineReason,
  REGION_LEVEL_LABELS,
} from '../analytics/format.ts';
import { DatasetImportForm } from './DatasetImportForm.tsx';

/** /analytics/datasets — statistical datasets: summaries for everyone; import, quarantine review and deletion for analysts. */
export function DatasetsPage() {
  useTitle('Наборы данных');
  const { user, ready } = useSession();
  const canManage = user?.role === 'analyst' || user?.role === 'administrator';
  const list = useRoute(listDatasetsRoute, {});
  const [params, setParams] = useSearchParams();
  const quarantineOf = Number(params.get('quarantine')) || null;
  const showQuarantine = (id: number | null) => {
    const next = new URLSearchParams(params);
    if (id === null) next.delete('quarantine');
    else next.set('quarantine', String(id));
    setParams(next, { replace: true });
  };
  const datasets = list.data?.items ?? [];
  const quarantined = datasets.find((d) => d.id === quarantineOf);

  return (
    <div className="page cluster-page">
      <p className="small">
        <Link to="/analytics/clusters">← Кластерный анализ</Link>
      </p>
      <h1>Наборы данных</h1>
      <p className="lead">
        Статистические наборы — значения регион × отрасль × год (занятость, число организаций,
        выпуск), по которым строится кластерный анализ.{' '}
        {ready && !canManage ? (
          <span className="muted" data-testid="read-only-note">
            Импорт и удаление доступны аналитикам и администраторам
            {user ? '' : ' — войдите в систему'}.
          </span>
        ) : null}
      </p>
      {list.error ? <ErrorMessage error={list.error} /> : null}
      {list.loading && !list.data ? <Loading /> : null}
      {list.data && datasets.length === 0 ? (
        <p className="muted">Наборов данных пока нет.</p>
      ) : null}
      {datasets.length > 0 ? (
        <div className="table-wrap">
          <table className="table compact" data-testid="datasets-table">
            <thead>
              <tr>
                <th>Набор</th>
                <th>Показатель</th>
                <th>Годы</th>
                <th className="num">Регионов</th>
                <th className="num">Отраслей</th>
                <th className="num">Значений</th>
                <th className="num">Отложено строк</th>
                <th>Действия</th>
              </tr>
            </thead>
            <tbody>
              {datasets.map((d) => (
                <DatasetRow
                  key={`${d.id}:${d.valueCount}`}
                  dataset={d}
                  canManage={canManage}
                  onQuarantine={() => showQuarantine(d.id)}
                  onDeleted={() => {
                    if (quarantineOf === d.id) showQuarantine(null);
                    list.reload();
                  }}
                />
              ))}
            </tbody>
          </table>
          <p className="table-toolbar">
            <DownloadLinks
              path="/api/datasets/export"
              label="Список наборов"
              testId="datasets-export"
            />
          </p>
        </div>
      ) : null}
      {quarantined ? (
        <QuarantineView dataset={quarantined} onClose={() => showQuarantine(null)} />
      ) : null}
      {canManage ? (
        <DatasetImportForm
          datasets={datasets}
          onImported={() => list.reload()}
          onShowQuarantine={(id) => showQuarantine(id)}
        />
      ) : null}
    </div>
  );
}

function DatasetRow({
  dataset,
  canManage,
  onQuarantine,
  onDeleted,
}: {
  dataset: DatasetDto;
  canManage: boolean;
  onQuarantine: () => void;
  onDeleted: () => void;
}) {
  const summary = useRoute(datasetSummaryRoute, { params: { id: dataset.id } });
  const [error, setError] = useState<ApiError | null>(null);
  const [deleting, setDeleting] = useState(false);
  const s = summary.data;
  const quarantine = s ? s.quarantine.reduce((sum, q) => sum + q.rows, 0) : null;
  const remove = async () => {
    if (
      !window.confirm(
        `Удалить набор «${dataset.name}» со всеми значениями (${formatNumber(dataset.valueCount)})?`,
      )
    )
      return;
    setDeleting(true);
    setError(null);
    try {
      await api(deleteDatasetRoute, { params: { id: dataset.id } });
      onDeleted();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(String(e), 0, 'unknown'));
      setDeleting(false);
    }
  };
  return (
    <tr data-testid="dataset-row" data-dataset={dataset.id}>
      <td>
        <strong>{dataset.name}</strong>
        {dataset.illustrative ? (
          <span className="badge illustrative-badge" data-testid="illustrative-badge">
            Иллюстративные данные
          </span>
        ) : null}
        <div className="small muted">
          {REGION_LEVEL_LABELS[dataset.regionLevel]} ·{' '}
          {CLASSIFICATION_LABELS[dataset.industryClassification]}
          {dataset.source.text ? ` · источник: ${dataset.source.text}` : ''}
        </div>
        {dataset.provenance ? <div className="small muted">{dataset.provenance}</div> : null}
        {error ? <ErrorMessage error={error} /> : null}
      </td>
      <td>
        {MEASURE_LABELS[dataset.measure] ?? dataset.measure}, {dataset.unit}
      </td>
      <td>{formatYears(dataset.years) || '—'}</td>
      <td className="num">{s ? formatNumber(s.regionCount) : '…'}</td>
      <td className="num">{s ? formatNumber(s.industries.length) : '…'}</td>
      <td className="num">{formatNumber(dataset.valueCount)}</td>
      <td
        className="num"
        data-testid="quarantine-count"
        title={s?.quarantine.map((q) => `${quarantineReason(q.reasonCode)}: ${q.rows}`).join('\n')}
      >
        {quarantine === null ? (
          '…'
        ) : quarantine > 0 ? (
          <button
            type="button"
            className="link-button"
            onClick={onQuarantine}
            data-testid="show-quarantine"
          >
            {formatNumber(quarantine)}
          </button>
        ) : (
          '0'
        )}
      </td>
      <td className="actions">
        <Link to={`/analytics/clusters?dataset=${dataset.id}`}>Анализ</Link>
        <DownloadLinks
          path={`/api/datasets/${dataset.id}/values/export`}
          label="Значения"
          testId="dataset-values-export"
        />
        {canManage ? (
          <button
            type="button"
            className="link-button danger"
            onClick={remove}
            disabled={deleting}
            data-testid="delete-dataset"
          >
            {deleting ? 'Удаление…' : 'Удалить'}
          </button>
        ) : null}
      </td>
    </tr>
  );
}

/** Rows set aside at import, page by page, each with the line, the reason and the row as it was. */
export function QuarantineView({ dataset, onClose }: { dataset: DatasetDto; onClose: () => void }) {
  const [page, setPage] = useState(1);
  const data = useRoute(datasetQuarantineRoute, {
    params: { id: dataset.id },
    query: { page, pageSize: 50 },
  }).data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  return (
    <section className="section" aria-label="Отложенные строки" data-testid="quarantine-view">
      <h2>
        Отложенные строки: {dataset.name}{' '}
        {data ? <span className="count">{data.total}</span> : null}
      </h2>
      <p className="small muted">
        Строки файла, которые не импортированы, с причиной. Исправьте файл и импортируйте его снова:
        значения обновятся, а отложенные строки этого файла заменятся.{' '}
        <button type="button" className="link-button" onClick={onClose}>
          Закрыть
        </button>
      </p>
      {!data ? <Loading /> : null}
      {data && data.items.length > 0 ? (
        <table className="table compact" data-testid="quarantine-table">
          <thead>
            <tr>
              <th className="num">Строка</th>
              <th>Причина</th>
              <th>Строка файла</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((q) => (
              <tr key={q.id} data-testid="quarantine-row" data-reason={q.reasonCode}>
                <td className="num">{q.line}</td>
                <td>
                  <span className="badge">{quarantineReason(q.reasonCode)}</span> {q.reason}
                </td>
                <td className="small raw-row">
                  {Object.entries(q.raw)
                    .map(([k, v]) => `${k}: ${v}`)
                    .join(' · ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {data && pages > 1 ? (
        <div className="pager">
          <button type="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            ← Назад
          </button>
          <span>
            {page} из {pages}
          </span>
          <button type="button" disabled={page >= pages} onClick={() => setPage(page + 1)}>
            Вперёд →
          </button>
        </div>
      ) : null}
    </section>
  );
}
