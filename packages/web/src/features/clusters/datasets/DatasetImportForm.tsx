import { useState, type FormEvent } from 'react';
import type { DatasetMeasure } from '@promatlas/core/domain/vocabulary.ts';
import { apiSend, ApiError } from '../../../shared/api/client.ts';
import { ErrorMessage } from '../../../shared/components/common.tsx';
import type { CreateDatasetResponse, DatasetDto, ImportResult } from '../analytics/cluster-api.ts';
import { formatNumber, quarantineReason } from '../analytics/format.ts';
import { csvHeader, decodeCsv, guessColumn } from './read-upload.ts';

type Format = 'csv' | 'xlsx' | 'rosstat';

interface Mapping {
  regionColumn: string;
  industryColumn: string;
  valueColumn: string;
  yearColumn: string;
  year: string;
}

const EMPTY_MAPPING: Mapping = {
  regionColumn: '',
  industryColumn: '',
  valueColumn: '',
  yearColumn: '',
  year: '',
};

const FORMATS: Array<[Format, string]> = [
  ['csv', 'CSV — длинная таблица (регион, отрасль, значение[, год])'],
  ['xlsx', 'XLSX — длинная таблица в Excel'],
  ['rosstat', 'Выгрузка Росстата (CSV: заголовок, две строки шапки, иерархия видов деятельности)'],
];

/**
 * Import of a file into a new or an existing dataset. The file is read in the
 * browser and sent as base64 (the server decodes UTF-8 or Windows-1251); a long
 * table's columns are mapped here, from the CSV's header row.
 */
export function DatasetImportForm({
  datasets,
  onImported,
  onShowQuarantine,
}: {
  datasets: DatasetDto[];
  onImported: (dataset: DatasetDto) => void;
  onShowQuarantine: (id: number) => void;
}) {
  const [target, setTarget] = useState<'new' | number>('new');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [measure, setMeasure] = useState<DatasetMeasure>('employment');
  const [unit, setUnit] = useState('');
  const [regionLevel, setRegionLevel] = useState<'federal_subject' | 'municipality'>(
    'federal_subject',
  );
  const [classification, setClassification] = useState<'okved2' | 'cluster_category'>('okved2');
  const [sourceText, setSourceText] = useState('');
  const [sourceUrl, setSourceUrl] = useState('');
  const [illustrative, setIllustrative] = useState(false);
  const [format, setFormat] = useState<Format>('csv');
  const [file, setFile] = useState<File | null>(null);
  const [header, setHeader] = useState<string[]>([]);
  const [mapping, setMapping] = useState<Mapping>(EMPTY_MAPPING);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [result, setResult] = useState<CreateDatasetResponse | null>(null);

  const chooseFile = async (chosen: File | null) => {
    setFile(chosen);
    setResult(null);
    setError(null);
    if (!chosen) return;
    if (/\.xlsx$/i.test(chosen.name) && format !== 'xlsx') setFormat('xlsx');
    if (!name && target === 'new') setName(chosen.name.replace(/\.(csv|xlsx)$/i, ''));
    if (/\.xlsx$/i.test(chosen.name)) {
      setHeader([]);
      return;
    }
    const columns = csvHeader(
      decodeCsv(new Uint8Array(await chosen.slice(0, 64 * 1024).arrayBuffer())),
    );
    setHeader(columns);
    const region = guessColumn(columns, 'region');
    const industry = guessColumn(columns, 'industry', [region]);
    const year = guessColumn(columns, 'year', [region, industry]);
    const value = guessColumn(columns, 'value', [region, industry, year]);
    setMapping({
      regionColumn: region,
      industryColumn: industry,
      yearColumn: year,
      valueColumn: value,
      year: '',
    });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setError(new ApiError('Выберите файл', 400, 'validation'));
      return;
    }
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      // The file goes first, streamed to the server's disk; the import names it by its upload id.
      const { uploadId } = await apiSend<{ uploadId: string }>('POST', '/api/uploads', file);
      const fileBody = {
        format,
        uploadId,
        fileName: file.name,
        ...(format === 'rosstat'
          ? {}
          : {
              mapping: {
                regionColumn: mapping.regionColumn,
                industryColumn: mapping.industryColumn,
                valueColumn: mapping.valueColumn,
                ...(mapping.yearColumn ? { yearColumn: mapping.yearColumn } : {}),
                ...(!mapping.yearColumn && mapping.year ? { year: Number(mapping.year) } : {}),
              },
            }),
      };
      const response =
        target === 'new'
          ? await apiSend<CreateDatasetResponse>('POST', '/api/datasets', {
              name,
              measure,
              regionLevel,
              industryClassification: classification,
              illustrative,
              ...(description ? { description } : {}),
              ...(unit ? { unit } : {}),
              ...(sourceText ? { sourceText } : {}),
              ...(sourceUrl ? { sourceUrl } : {}),
              file: fileBody,
            })
          : await apiSend<CreateDatasetResponse>(
              'POST',
              `/api/datasets/${target}/import`,
              fileBody,
            );
      setResult(response);
      onImported(response.dataset);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(String(e), 0, 'unknown'));
    } finally {
      setBusy(false);
    }
  };

  const column = (
    key: 'regionColumn' | 'industryColumn' | 'valueColumn' | 'yearColumn',
    label: string,
    optional = false,
  ) => (
    <label className="filter">
      {label}
      {header.length > 0 ? (
        <select
          data-testid={`map-${key}`}
          value={mapping[key]}
          onChange={(e) => setMapping({ ...mapping, [key]: e.target.value })}
          required={!optional}
        >
          <option value="">{optional ? '— нет —' : '— выберите —'}</option>
          {header.map((h) => (
            <option key={h} value={h}>
              {h}
            </option>
          ))}
        </select>
      ) : (
        <input
          data-testid={`map-${key}`}
          value={mapping[key]}
          onChange={(e) => setMapping({ ...mapping, [key]: e.target.value })}
          required={!optional}
          placeholder="название столбца"
        />
      )}
    </label>
  );

  return (
    <section className="section" aria-label="Импорт набора данных">
      <h2>Импорт</h2>
      <form className="import-form" onSubmit={submit} data-testid="import-form">
        <div className="filters">
          <label className="filter">
            Куда
            <select
              data-testid="import-target"
              value={String(target)}
              onChange={(e) => setTarget(e.target.value === 'new' ? 'new' : Number(e.target.value))}
            >
              <option value="new">новый набор</option>
              {datasets.map((d) => (
                <option key={d.id} value={d.id}>
                  в набор «{d.name}»
                </option>
              ))}
            </select>
          </label>
          <label className="filter">
            Формат
            <select
              data-testid="import-format"
              value={format}
              onChange={(e) => setFormat(e.target.value as Format)}
            >
              {FORMATS.map(([key, text]) => (
                <option key={key} value={key}>
                  {text}
                </option>
              ))}
            </select>
          </label>
          <label className="filter">
            Файл
            <input
              type="file"
              data-testid="import-file"
              accept={format === 'xlsx' ? '.xlsx' : '.csv,text/csv'}
              onChange={(e) => void chooseFile(e.target.files?.[0] ?? null)}
            />
          </label>
        </div>
        {target === 'new' ? (
          <fieldset className="import-fieldset">
            <legend>Новый набор</legend>
            <div className="filters">
              <label className="filter wide">
                Название
                <input
                  data-testid="import-name"
                  value={name}
                  onChange={(e) => setName(e.target.value)}
                  required
                  maxLength={500}
                />
              </label>
              <label className="filter">
                Показатель
                <select
                  data-testid="import-measure"
                  value={measure}
                  onChange={(e) => setMeasure(e.target.value as typeof measure)}
                >
                  <option value="employment">занятость</option>
                  <option value="establishments">число организаций</option>
                  <option value="output">выпуск</option>
                </select>
              </label>
              <label className="filter">
                Единица
                <input
                  value={unit}
                  onChange={(e) => setUnit(e.target.value)}
                  placeholder="человек / единиц / млн руб."
                  maxLength={100}
                />
              </label>
              <label className="filter">
                Регионы
                <select
                  data-testid="import-region-level"
                  value={regionLevel}
                  onChange={(e) => setRegionLevel(e.target.value as typeof regionLevel)}
                >
                  <option value="federal_subject">субъекты РФ</option>
                  <option value="municipality">муниципальные образования</option>
                </select>
              </label>
              <label className="filter">
                Отрасли
                <select
                  data-testid="import-classification"
                  value={classification}
                  onChange={(e) => setClassification(e.target.value as typeof classification)}
                >
                  <option value="okved2">коды ОКВЭД2</option>
                  <option value="cluster_category">кластерные категории</option>
                </select>
              </label>
            </div>
            <div className="filters">
              <label className="filter wide">
                Источник
                <input
                  value={sourceText}
                  onChange={(e) => setSourceText(e.target.value)}
                  placeholder="Росстат, …"
                  maxLength={2000}
                />
              </label>
              <label className="filter wide">
                Адрес источника
                <input
                  type="url"
                  value={sourceUrl}
                  onChange={(e) => setSourceUrl(e.target.value)}
                  placeholder="https://…"
                />
              </label>
              <label className="filter wide">
                Описание
                <input
                  value={description}
                  onChange={(e) => setDescription(e.target.value)}
                  maxLength={5000}
                />
              </label>
              <label className="filter checkbox">
                <input
                  type="checkbox"
                  checked={illustrative}
                  onChange={(e) => setIllustrative(e.target.checked)}
                />{' '}
                иллюстративные (не реальные) данные
              </label>
            </div>
          </fieldset>
        ) : null}
        {format !== 'rosstat' ? (
          <fieldset className="import-fieldset" data-testid="column-mapping">
            <legend>
              Столбцы длинной таблицы{header.length > 0 ? ` (в файле: ${header.join(', ')})` : ''}
            </legend>
            <div className="filters">
              {column('regionColumn', 'Регион')}
              {column('industryColumn', 'Отрасль (код или название)')}
              {column('valueColumn', 'Значение')}
              {column('yearColumn', 'Год (столбец)', true)}
              {!mapping.yearColumn ? (
                <label className="filter">
                  или год для всего файла
                  <input
                    data-testid="map-year"
                    type="number"
                    min={1900}
                    max={2200}
                    value={mapping.year}
                    onChange={(e) => setMapping({ ...mapping, year: e.target.value })}
                    required
                  />
                </label>
              ) : null}
            </div>
          </fieldset>
        ) : null}
        <button
          type="submit"
          className="button primary"
          disabled={busy}
          data-testid="import-submit"
        >
          {busy ? 'Импорт…' : 'Импортировать'}
        </button>
      </form>
      {error ? <ErrorMessage error={error} /> : null}
      {result ? (
        <ImportReport
          result={result.import}
          dataset={result.dataset}
          onShowQuarantine={() => onShowQuarantine(result.dataset.id)}
        />
      ) : null}
    </section>
  );
}

/** What an import did: rows read and matched, values saved, and the rows set aside with their reasons. */
function ImportReport({
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
