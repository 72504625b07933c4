import type { DatasetDto, ImportResult } from '../analytics/cluster-api.ts';
import { formatNumber, quarantineReason } from '../analytics/format.ts';

/** What an import did: rows read and matched, values saved, and the rows set aside with their reasons. */
export function ImportReport({
  result,
  dataset,
  onShowQuarantine,
}: {
  result: ImportResult;
  dataset: DatasetDto;
  onShowQuarantine: () => void;
}) {
  return (
    <div className="import-report" data-testid="import-report" role="status">
      <h3>Импорт в набор «{dataset.name}» выполнен</h3>
      <dl className="thresholds">
        <div>
          <dt>Строк в файле</dt>
          <dd data-testid="report-rows-read">{formatNumber(result.rowsRead)}</dd>
        </div>
        <div>
          <dt>Сопоставлено строк</dt>
          <dd data-testid="report-matched">{formatNumber(result.matchedRows)}</dd>
        </div>
        <div>
          <dt>Сохранено значений</dt>
          <dd data-testid="report-values">{formatNumber(result.values)}</dd>
        </div>
        <div>
          <dt>Пустых ячеек</dt>
          <dd>{formatNumber(result.emptyCells)}</dd>
        </div>
        <div>
          <dt>Отложено</dt>
          <dd data-testid="report-quarantined">{formatNumber(result.quarantined)}</dd>
        </div>
        <div>
          <dt>Регионов · отраслей · годы</dt>
          <dd>
            {formatNumber(result.regions)} · {formatNumber(result.industries)} ·{' '}
            {result.years.join(', ') || '—'}
          </dd>
        </div>
      </dl>
      {result.quarantined > 0 ? (
        <>
          <p>
            По причинам:{' '}
            {result.quarantineByReason
              .map((q) => `${quarantineReason(q.reasonCode)} — ${formatNumber(q.rows)}`)
              .join('; ')}
            .{' '}
            <button
              type="button"
              className="link-button"
              onClick={onShowQuarantine}
              data-testid="report-show-quarantine"
            >
              Все отложенные строки
            </button>
          </p>
          <ul className="quarantine-sample" data-testid="report-quarantine-sample">
            {result.quarantineSample.map((q) => (
              <li key={`${q.line}-${q.reasonCode}`} data-reason={q.reasonCode}>
                <span className="badge">{quarantineReason(q.reasonCode)}</span> {q.reason}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="muted">Все строки импортированы.</p>
      )}
    </div>
  );
}
