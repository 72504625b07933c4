import { useState } from 'react';
import { Link } from 'react-router';
import { getSession, refreshSession, useSession } from '../../shared/auth/session.ts';
import { useTitle } from '../../shared/lib/useTitle.ts';
import { canAnalyse } from './rating-permissions.ts';
import { importIndicatorValuesRoute } from '@promatlas/core/api/contract/ratings.ts';
import type { RouteBody } from '@promatlas/core/api/contract/kit.ts';
import { apiPath } from '../../shared/api/api.ts';
import { ratingPaths, type ImportProblem, type ImportResult } from './ratings-api.ts';
import './ratings.css';

type Outcome =
  | { kind: 'imported'; result: ImportResult }
  | { kind: 'rejected'; message: string; problems: ImportProblem[] }
  | { kind: 'error'; message: string };

async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * The import answers 422 with the row-level report beside the error (not
 * inside it), so this page reads the body itself rather than through apiSend.
 */
async function postImport(body: RouteBody<typeof importIndicatorValuesRoute>): Promise<Outcome> {
  if (!getSession().csrfToken) await refreshSession();
  const response = await fetch(apiPath(importIndicatorValuesRoute, { body }), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      'x-csrf-token': getSession().csrfToken ?? '',
    },
    body: JSON.stringify(body),
  }).catch(() => null);
  if (!response)
    return { kind: 'error', message: 'Сервер недоступен. Проверьте, что PromAtlas запущен.' };
  const json = (await response.json().catch(() => null)) as
    (ImportResult & { error?: { message: string }; problems?: ImportProblem[] }) | null;
  if (response.ok && json) return { kind: 'imported', result: json };
  if (response.status === 422 && json?.problems)
    return {
      kind: 'rejected',
      message: json.error?.message ?? 'Файл не импортирован',
      problems: json.problems,
    };
  return { kind: 'error', message: json?.error?.message ?? `Ошибка сервера (${response.status})` };
}

/** /ratings/import — indicator values from CSV or XLSX (object, indicator, value, year, source), all or nothing, with a report per row. */
export function ImportValuesPage() {
  useTitle('Загрузка значений показателей');
  const { user, ready } = useSession();
  const [file, setFile] = useState<File | null>(null);
  const [dataset, setDataset] = useState('main');
  const [year, setYear] = useState('');
  const [objectType, setObjectType] = useState<'site' | 'cluster' | 'region'>('site');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  if (ready && !canAnalyse(user))
    return (
      <div className="page">
        <h1>Загрузка значений показателей</h1>
        <p className="notice">
          Загружать значения показателей могут аналитики и администраторы
          {user ? '' : ': войдите в систему'}.
        </p>
      </div>
    );
  const submit = async () => {
    if (!file) return;
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome(
        await postImport({
          fileName: file.name,
          contentBase64: await fileToBase64(file),
          dataset,
          objectType,
          ...(year ? { year: Number(year) } : {}),
        }),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="page import-page">
      <p className="breadcrumbs">
        <Link to={ratingPaths.list}>Рейтинги</Link> · загрузка значений
      </p>
      <h1>Загрузка значений показателей</h1>
      <p className="lead">
        Файл CSV (UTF-8 или Windows-1251, разделитель «,» или «;») или XLSX со столбцами{' '}
        <code>object</code>, <code>indicator</code>, <code>value</code>, <code>year</code>,{' '}
        <code>source</code>. Всё или ничего: если хотя бы одна строка с ошибкой, ничего не
        записывается, а отчёт называет каждую строку и причину. Повторная загрузка того же файла
        ничего не меняет.
      </p>
      <form
        className="import-form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <label>
          Файл{' '}
          <input
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            data-testid="import-file"
          />
        </label>
        <label>
          Набор значений{' '}
          <input
            value={dataset}
            onChange={(e) => setDataset(e.target.value)}
            required
            maxLength={200}
            data-testid="import-dataset"
          />
        </label>
        <label>
          Год для строк без года{' '}
          <input
            type="number"
            min={1900}
            max={2100}
            value={year}
            onChange={(e) => setYear(e.target.value)}
          />
        </label>
        <label>
          Объекты{' '}
          <select
            value={objectType}
            onChange={(e) => setObjectType(e.target.value as typeof objectType)}
          >
            <option value="site">площадки (ОЭЗ, парки, технопарки)</option>
            <option value="cluster">кластеры</option>
            <option value="region">регионы</option>
          </select>
        </label>
        <button
          type="submit"
          className="rt-button primary"
          disabled={!file || busy}
          data-testid="import-submit"
        >
          {busy ? 'Загружаем…' : 'Загрузить'}
        </button>
      </form>
      {outcome?.kind === 'imported' ? (
        <div className="notice ok" role="status" data-testid="import-result">
          Загружено строк: {outcome.result.rows} (новых {outcome.result.inserted}, изменено{' '}
          {outcome.result.updated}, без изменений {outcome.result.unchanged}) в набор «
          {outcome.result.dataset}», годы: {outcome.result.years.join(', ')}.
        </div>
      ) : null}
      {outcome?.kind === 'error' ? (
        <div className="error" role="alert">
          {outcome.message}
        </div>
      ) : null}
      {outcome?.kind === 'rejected' ? (
        <section className="section" aria-label="Отчёт о проверке" data-testid="import-report">
          <div className="error" role="alert">
            {outcome.message}
          </div>
          <table className="table compact">
            <thead>
              <tr>
                <th className="num">Строка</th>
                <th>Поле</th>
                <th>Значение</th>
                <th>Причина</th>
              </tr>
            </thead>
            <tbody>
              {outcome.problems.map((p, k) => (
                <tr key={k} data-testid="import-problem">
                  <td className="num">{p.line ?? '—'}</td>
                  <td>{p.field}</td>
                  <td>{p.value ?? <span className="muted">—</span>}</td>
                  <td>{p.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </div>
  );
}
