import { useState, type FormEvent } from 'react';
import type { DatasetMeasure } from '@promatlas/core/domain/vocabulary.ts';
import {
  createDatasetRoute,
  importIntoDatasetRoute,
  uploadRoute,
} from '@promatlas/core/api/contract/clusters.ts';
import { api } from '../../../shared/api/api.ts';
import { ApiError } from '../../../shared/api/client.ts';
import { ErrorMessage } from '../../../shared/components/common.tsx';
import type { CreateDatasetResponse, DatasetDto } from '../analytics/cluster-api.ts';
import { ColumnMappingFields, EMPTY_MAPPING, type Mapping } from './ColumnMappingFields.tsx';
import { ImportReport } from './ImportReport.tsx';
import { csvHeader, decodeCsv, guessColumn } from './read-upload.ts';

type Format = 'csv' | 'xlsx' | 'rosstat';

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
      const { uploadId } = await api(uploadRoute, { body: file });
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
          ? await api(createDatasetRoute, {
              body: {
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
              },
            })
          : await api(importIntoDatasetRoute, { params: { id: target }, body: fileBody });
      setResult(response);
      onImported(response.dataset);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(String(e), 0, 'unknown'));
    } finally {
      setBusy(false);
    }
  };

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
          <ColumnMappingFields header={header} mapping={mapping} onChange={setMapping} />
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
